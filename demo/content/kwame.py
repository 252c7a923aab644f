"""Kwame Boateng’s pieces: technology, science, work."""

ARTICLES = [
    {
        "slug": "your-smart-doorbell-is-a-neighbourhood-surveillance-network",
        "title": "Your smart doorbell is a neighbourhood surveillance network",
        "standfirst": "One camera by one front door feels like common sense. Thousands of them, feeding the same company’s cloud, add up to something nobody voted for.",
        "authors": ["kwame-boateng"],
        "topics": ["Technology", "Cities", "Democracy"],
        "published": (4, "20:10"),
        "picture": ("dots", "technology"),
        "caption": "A field of dots, each one a lens, clustering into something larger.",
        "body": """
<p>I understand why people buy video doorbells. Parcels go missing. You want to know who is knocking before you open the door. When my neighbour installed one, I didn’t think twice.</p>
<p>Then I walked down our street and counted. Fourteen cameras on twenty-two houses. Between them, they record every person who walks along the pavement, every car that parks, every child going to school, around the clock.</p>
<h2>The sum of small decisions</h2>
<p>No one decided to put our street under surveillance. Each household made a reasonable private choice. But the footage goes to a handful of companies’ servers, and those companies make their own decisions about storage, sharing and access — sometimes including requests from police, made without a warrant and without anyone on the street knowing.</p>
<p>There are also people who never chose to be recorded at all: the postman, the carer who visits next door, the teenager walking home. They have no account, no settings page, no way to ask what is kept. Their only option is to walk down a different street, and soon there may not be one.</p>
<p>This is a pattern in technology: individually sensible choices adding up to a public outcome nobody would have approved if asked directly.</p>
<blockquote><p>A city can end up with a CCTV network it never debated, paid for one doorbell at a time.</p></blockquote>
<h2>Sensible limits</h2>
<ul>
<li>Cameras should record the owner’s property by default, not the whole pavement, with privacy masking switched on out of the box.</li>
<li>Footage should be stored locally unless the owner actively chooses otherwise.</li>
<li>Any request for footage from authorities should be logged and published in aggregate.</li>
</ul>
<p>I am not asking anyone to take their doorbell down. I am asking that the rules for a network be written by the public, not by whoever sells the most doorbells.</p>
""",
    },
    {
        "slug": "the-right-to-repair-is-a-climate-policy",
        "title": "The right to repair is a climate policy",
        "standfirst": "The greenest phone is the one you already own. Laws that make devices fixable will cut more emissions than another recycling campaign.",
        "authors": ["kwame-boateng"],
        "topics": ["Technology", "Climate", "Economy"],
        "published": (14, "09:15"),
        "picture": ("circles", "technology"),
        "caption": "Circles overlapping in cyan and lime, like parts taken out and put back together.",
        "body": """
<p>On my kitchen table right now there are three laptops belonging to friends. One needs a new battery, one a keyboard, one a hinge. All three are perfectly capable machines. Two of them were nearly thrown away because the official repair quote was more than half the price of a new one.</p>
<p>Most of the carbon footprint of a phone or laptop comes from making it, not using it. Every year you keep a device running is a year you don’t pay that cost again.</p>
<h2>Designed to be replaced</h2>
<p>Manufacturers have made repair harder in small ways that add up: glued batteries, screws with unusual heads, parts paired to a specific serial number so that a replacement screen from another phone refuses to work. Spare parts, when they exist, are expensive or only available to approved shops.</p>
<p>None of this is necessary for the device to work. It is a business model.</p>
<p>It also shapes who can afford technology. A family that cannot buy a new phone every two years depends on repair shops and second-hand markets. Every obstacle to repair makes those markets smaller and more expensive, and pushes people who are already stretched towards debt.</p>
<h2>What the law can do</h2>
<ol>
<li>Require spare parts and manuals to be available to anyone, at fair prices, for a set number of years.</li>
<li>Ban parts pairing that stops genuine components from working.</li>
<li>Put a repairability score on the box, so buyers can choose.</li>
</ol>
<p>Europe has started down this road, and it should go further. A repaired laptop is not a glamorous climate policy. It works anyway.</p>
""",
    },
    {
        "slug": "mobile-money-got-there-first",
        "title": "Mobile money got there first",
        "standfirst": "Long before Europe discovered instant payments, market traders in Accra and Nairobi were paying each other by text. The West should be more curious about what Africa built.",
        "authors": ["kwame-boateng"],
        "topics": ["Technology", "Economy", "Culture"],
        "published": (29, "11:40"),
        "picture": ("dots", "economy"),
        "caption": "Dots spreading from a bright centre, like payments moving across a market.",
        "body": """
<p>When I visit my mother in Accra, she pays the woman who sells her tomatoes with her phone. Not a smartphone with an app — a basic handset and a short code. The money moves in seconds. My mother is seventy-three and has never had a credit card.</p>
<p>Mobile money spread across much of Africa in the late 2000s and 2010s, years before contactless cards were common in Britain. It grew because banks had few branches and most people had no account, but nearly everyone had a phone.</p>
<h2>What it got right</h2>
<p>The systems were built for people with little money and patchy signal. They worked on any phone. They used local agents — a kiosk, a corner shop — to turn cash into digital money and back. Fees were visible. The design started from the user, not the bank.</p>
<p>It also built trust in an unusual way. The agent at the kiosk was a neighbour, someone you could shout at if a transfer went wrong. The technology was new, but the relationship was old: money moved through people you knew.</p>
<h2>What it got wrong</h2>
<p>It was not perfect. Fees on small transfers can be steep, and a single dominant provider can become a private toll road on the economy. Some governments have responded with taxes on transactions that hit the poorest hardest.</p>
<ul>
<li><strong>Lesson one:</strong> design for the basic phone and the weak signal, and everyone benefits.</li>
<li><strong>Lesson two:</strong> make systems talk to each other, so no provider can lock people in.</li>
<li><strong>Lesson three:</strong> regulate payments as the public infrastructure they are.</li>
</ul>
<p>Technology stories are usually told as if innovation flows from California outwards. Sometimes it flows the other way. We should be paying attention.</p>
""",
    },
    {
        "slug": "open-data-is-only-open-if-people-can-use-it",
        "title": "Open data is only open if people can use it",
        "standfirst": "Governments love to announce that they have published thousands of datasets. Try finding the bus timetable, the school budget or the air-quality readings you actually need.",
        "authors": ["kwame-boateng"],
        "topics": ["Technology", "Democracy", "Science"],
        "published": (42, "15:05"),
        "picture": ("grid", "technology"),
        "caption": "A grid of blocks, some lit and some dark, like a spreadsheet with half its cells missing.",
        "body": """
<p>Open data portals are full of files. Tens of thousands of them, in some cases. Spreadsheets of council spending, PDFs of planning decisions, CSV exports of things whose column names are codes nobody has explained.</p>
<p>As an engineer I was once excited by all this. Then I tried to use it.</p>
<h2>Published is not the same as usable</h2>
<p>A file that is updated once a year, in a different format each time, with no explanation of what the columns mean, is technically open. It is practically useless to anyone without a week to spare. The people with a week to spare are consultants and lobbyists, not the residents the data is supposedly for.</p>
<p>Meanwhile, the information people most often want — when is the next bus, how polluted is my street, how much did the school get — is frequently missing, or locked in a system a contractor owns.</p>
<p>I once spent a weekend trying to work out how much my local council spent on school transport. The figure existed in three different files, each using different names for the same routes. By Sunday evening I had an answer I was only half sure of. A parent without a programming background would have given up on Saturday morning.</p>
<h2>A better standard</h2>
<ol>
<li>Publish fewer datasets, but keep them current, consistent and documented.</li>
<li>Ask residents which questions they want answered, and start there.</li>
<li>Make sure contracts with suppliers give the public body ownership of its own data.</li>
</ol>
<p>Transparency is not a number of files. It is whether an ordinary person with an ordinary question can get an answer. By that standard, most open data is still closed.</p>
""",
    },
    {
        "slug": "we-should-be-teaching-children-to-break-software",
        "title": "We should be teaching children to break software",
        "standfirst": "Coding lessons teach children to follow instructions. The more useful skill is to find where a system fails, and ask who it fails.",
        "authors": ["kwame-boateng"],
        "topics": ["Technology", "Education"],
        "published": (55, "16:30"),
        "picture": ("stripes", "technology"),
        "caption": "Diagonal stripes cut across the frame, like a glitch in a clean design.",
        "body": """
<p>My niece came home from school proud of a program she had written: a cartoon cat that walked across the screen when you pressed the space bar. I was proud too. Then I asked her what happened if she pressed it fifty times very quickly. She tried. The cat vanished off the edge of the screen and never came back.</p>
<p>She was delighted. So was I. That, I told her, is the most important thing she had learned all week.</p>
<h2>Testing is thinking</h2>
<p>Most of my career as an engineer was not spent writing new code. It was spent working out why existing code did something unexpected. The best engineers I worked with were curious about failure. They asked: what if the name has an apostrophe? What if the date is 29 February? What if the user is blind?</p>
<p>Those questions are not only technical. They are about who the system was built for, and who was forgotten.</p>
<p>A child who learns to ask those questions will grow into an adult who asks them of the systems that govern her life: the benefits portal, the exam algorithm, the app that decides whether she gets a loan. That habit of mind is worth more than any particular programming language, which will be out of date by the time she graduates.</p>
<h2>In the classroom</h2>
<ul>
<li>Give pupils a working app and ask them to find three ways to break it.</li>
<li>Ask who would be harmed by each failure, and how badly.</li>
<li>Reward the most interesting bug, not only the neatest program.</li>
</ul>
<p>We will not raise a generation of programmers by teaching every child to code. We might raise a generation of citizens who know that software is fallible and made by people — which is more useful still.</p>
""",
    },
    {
        "slug": "science-needs-more-boring-replication",
        "title": "Science needs more boring replication",
        "standfirst": "A surprising result gets a headline. Checking whether it holds up gets almost nothing. That imbalance is quietly corroding trust in research.",
        "authors": ["kwame-boateng"],
        "topics": ["Science", "Media", "Health"],
        "published": (70, "08:25"),
        "picture": ("waves", "science"),
        "caption": "Waves of violet and cyan, repeating, as a good result should.",
        "body": """
<p>Every week there is a story about a study that found something surprising: a food that prevents a disease, a habit that predicts success, a tiny intervention with a huge effect. Every so often, a few years later, there is a much smaller story noting that when other researchers tried the same thing, the effect disappeared.</p>
<p>The first story reaches millions. The second reaches almost nobody.</p>
<h2>Why replication is rare</h2>
<p>Repeating someone else’s experiment is slow, expensive and unglamorous. Journals prefer new findings. Funders prefer new projects. Young researchers are judged on papers in prestigious journals, and a careful replication rarely gets there.</p>
<p>The result is a scientific literature with an unknown number of findings that would not survive a second look — and a public that has learned to shrug at health advice because it seems to change every month.</p>
<p>This is not a story about fraud, which is rare. It is about incentives. Small studies, flexible analyses and a preference for striking results will produce <a href="https://www.example.org/explainers/false-positives">false positives</a> even when every researcher is honest. The system rewards being interesting more than being right, and then acts surprised when the two diverge.</p>
<h2>What would help</h2>
<ul>
<li>Funders setting aside a fixed share of budgets for replication studies.</li>
<li>Journals committing to publish replications of papers they printed, whatever the result.</li>
<li>Reporters asking one question of every surprising study: has anyone checked?</li>
</ul>
<p>Science is not a set of facts. It is a method for finding out which ideas survive. Replication is the method working. It deserves at least a paragraph in the news.</p>
""",
    },
    {
        "slug": "the-gig-app-is-your-manager-now",
        "title": "The gig app is your manager now",
        "standfirst": "Delivery riders don’t have a boss who shouts. They have an algorithm that rates, nudges and deactivates, and no one to appeal to when it gets it wrong.",
        "authors": ["kwame-boateng"],
        "topics": ["Work", "Technology", "Transport"],
        "published": (85, "21:45"),
        "picture": ("arcs", "work"),
        "caption": "Concentric arcs, like the ever-widening radius of one more delivery.",
        "body": """
<p>A rider I spoke to in Manchester, who asked me not to use his name, told me about the day he was “deactivated”. He got a message on his phone saying his account had been closed for “unusual activity”. There was no explanation, no phone number and no person to talk to. His income stopped that afternoon.</p>
<p>Three weeks later, after dozens of emails, the account was restored. Nobody told him what the unusual activity had been.</p>
<p>His story is not unusual. Riders swap them in car parks outside restaurants while they wait for orders: the account frozen after a change of phone, the rating that dropped after a customer gave the wrong address, the bonus that vanished when the rules changed overnight. Nobody can say which of these were errors and which were design.</p>
<h2>Management without managers</h2>
<p>Platform companies say their workers are independent and free to choose their hours. In practice, the app decides which jobs they see, rates their speed and acceptance rate, and nudges them with bonuses to work at particular times. That is management. It simply lacks a face.</p>
<p>The problem is not that software is involved. It is that decisions with serious consequences are made by systems nobody will explain and nobody can challenge.</p>
<h2>Basic rights, updated</h2>
<ol>
<li>A right to know what data is used to allocate work and assess performance.</li>
<li>A right to a human review before any deactivation takes effect.</li>
<li>Access for unions and researchers to audit how these systems behave.</li>
</ol>
<p>Employment law was written for a world of supervisors and clocking-in cards. The supervisor has become an app. The rights should follow.</p>
""",
    },
    {
        "slug": "put-the-data-centres-where-the-wind-is",
        "title": "Put the data centres where the wind is",
        "standfirst": "Computing’s appetite for electricity is growing fast. Building data centres next to clean power, instead of next to the suburbs, would help the grid and the climate.",
        "authors": ["kwame-boateng", "lena-wisniewska"],
        "topics": ["Technology", "Climate", "Science"],
        "published": (113, "10:35"),
        "picture_of": "heat-pumps-are-boring-and-thats-the-point",
        "caption": "We reused this picture of rolling waves: the energy question is the same one, from the other side.",
        "body": """
<p><em>Kwame writes:</em> Data centres are the factories of the digital economy: rows of servers that need electricity to run and more electricity to keep them cool. As demand for computing grows, so does their appetite. In some regions they already compete with housing for grid connections.</p>
<p><em>Lena writes:</em> Meanwhile, wind farms in the north of Germany and Scotland are regularly paid to switch off, because the grid cannot carry their power to where it is used. Clean electricity is wasted while new gas plants are proposed near the cities.</p>
<h2>Move the load, not the power</h2>
<p>Electricity is expensive to move long distances; data is cheap. It makes sense to put energy-hungry computing near abundant clean power, rather than building more cables to bring the power to the suburbs.</p>
<p>Much computing — training models, processing archives, rendering video — doesn’t need to happen at a particular moment. It can run when the wind is blowing and pause when it isn’t.</p>
<p><em>Lena adds:</em> This flexibility is valuable to the grid. A data centre that can turn its demand up when there is surplus wind and down when the evening peak arrives behaves like a giant battery. Grid operators should pay for that, and planners should require it.</p>
<h3>Conditions worth attaching</h3>
<ul>
<li>Planning permission tied to a contract for new renewable supply, not just certificates.</li>
<li>Waste heat piped into local homes and greenhouses where possible.</li>
<li>Public reporting of energy and water use, site by site.</li>
</ul>
<p>None of this is exotic. It is what happens when you plan energy and digital infrastructure together, rather than letting each surprise the other.</p>
""",
    },
    # Not published: a draft, one in review, and one taken down.
    {
        "slug": "passwords-are-a-design-failure",
        "title": "Passwords are a design failure",
        "standfirst": "We blame people for weak passwords. The real weakness is a system that asks humans to remember things machines are better at.",
        "authors": ["kwame-boateng"],
        "topics": ["Technology"],
        "state": "draft",
        "days_ago": 5,
        "body": """
<p>The average person has dozens of online accounts, each demanding a password with a capital letter, a number, a symbol and no resemblance to any previous password. Then we act surprised when people write them on sticky notes.</p>
<h2>Better options exist</h2>
<p>Passkeys, hardware tokens and password managers all take the burden off human memory. Yet many services still treat them as an optional extra.</p>
<p>TODO: add the bit about my dad’s bank, and check the figures on reused passwords before this goes anywhere.</p>
""",
    },
    {
        "slug": "a-national-cloud-is-a-bad-idea",
        "title": "A national cloud is a bad idea",
        "standfirst": "Governments worried about depending on foreign tech giants want to build their own cloud. They would do better to make it easy to leave any provider.",
        "authors": ["kwame-boateng"],
        "topics": ["Technology", "Democracy", "Economy"],
        "state": "submitted",
        "days_ago": 2,
        "picture": ("grid", "technology"),
        "caption": "A grid of blocks: servers, or simply boxes we cannot see inside.",
        "body": """
<p>Every few months a European minister announces plans for a national or continental cloud, so that public data no longer depends on a few American companies. The worry is legitimate. The proposed solution usually isn’t.</p>
<h2>Why these projects struggle</h2>
<p>Building cloud infrastructure that competes on reliability and price is enormously expensive, and it never stops being expensive. Several state-backed projects have quietly faded after launch, leaving public bodies with the same suppliers they started with.</p>
<h2>Portability is the real sovereignty</h2>
<ul>
<li>Require public contracts to use open standards that run on more than one provider.</li>
<li>Test, every year, that a critical service can actually move.</li>
<li>Keep encryption keys under public control, wherever the servers sit.</li>
</ul>
<p>Independence doesn’t come from owning the building. It comes from being able to walk out of it.</p>
""",
    },
    {
        "slug": "did-the-e-scooter-trial-fail-read-the-small-print",
        "title": "Did the e-scooter trial fail? Read the small print",
        "standfirst": "The council says its rental scooter scheme was a flop. The data it published tells a more mixed story.",
        "authors": ["kwame-boateng"],
        "topics": ["Transport", "Technology", "Cities"],
        "state": "unpublished",
        "published": (36, "13:10"),
        "unpublished_days_ago": 3,
        "reason": "A reader pointed out that the trip figure in the third paragraph counts rentals, not riders. Taken down while Kwame checks the council’s data; it will go back up once corrected.",
        "picture": ("stripes", "transport"),
        "caption": "Diagonal stripes in signal yellow, like lanes marked out for something new.",
        "body": """
<p>The council has announced that its rental e-scooter trial will end next month, calling it a failure. The data it published alongside the decision is more interesting than the press release.</p>
<h2>What the figures say</h2>
<p>Over eighteen months, the scheme recorded around 410,000 trips. Most were short — under three kilometres — and a large share started near the railway station, suggesting people used scooters for the last leg of a commute.</p>
<p>Injuries were real, and the council is right to take them seriously. But the rate per trip was lower than the headlines implied, and many involved private scooters outside the scheme.</p>
<h2>What a fair verdict would be</h2>
<ul>
<li>Scooters replaced some car trips and many walking trips; both matter.</li>
<li>Parking was the biggest complaint, and it was fixable with docking bays.</li>
<li>The trial never got the protected lanes it was promised.</li>
</ul>
<p>A trial is meant to teach us something. This one taught us a few things. Ending it without saying what they were is the real failure.</p>
""",
    },
]
