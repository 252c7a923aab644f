"""Amara Nwosu’s pieces: cities, housing, transport."""

ARTICLES = [
    {
        "slug": "the-bus-lane-is-the-cheapest-housing-policy-we-have",
        "title": "The bus lane is the cheapest housing policy we have",
        "standfirst": "Every flat near a frequent bus route is a flat people can actually live in. We should paint more red lines and argue less about towers.",
        "authors": ["amara-nwosu"],
        "topics": ["Transport", "Housing", "Cities"],
        "published": (3, "07:40"),
        "picture": ("stripes", "transport"),
        "caption": "Bold stripes for a bold idea: a lane of paint can move more people than a new road.",
        "body": """
<p>When people talk about the housing crisis, they talk about buildings: how many, how tall, how ugly. Almost nobody talks about the bus. That is a mistake, because a home is only as useful as the places you can reach from it.</p>
<p>A two-bedroom flat forty minutes from your job by a reliable bus is a home. The same flat ninety minutes away, with a change and a wait in the rain, is a trap. The bricks are identical. What differs is the <em>network</em>.</p>
<h2>Paint is fast</h2>
<p>Building homes takes years. Planning permission alone can take longer than a parliament. A bus lane, by contrast, needs a consultation, a traffic order and a crew with a paint machine. In my old borough we turned round a lane on a busy corridor in eleven weeks, and journey times on that route <a href="https://www.example.com/borough/bus-priority-review">fell by a fifth</a>.</p>
<p>That fifth matters. It is the difference between a parent making the school pick-up and not. It widens the circle of neighbourhoods a nurse on a night shift can consider. Every minute shaved off a route quietly adds housing to the map.</p>
<blockquote><p>Housing supply is not only how many homes exist. It is how many homes are within reach of a life.</p></blockquote>
<h2>Why we don’t do it</h2>
<p>The reason is not money. It is kerb space, and the people who believe the kerb outside their house belongs to their car. Councillors know that a bus lane earns ten angry letters for every thank-you, and the thank-yous are from people too busy commuting to write.</p>
<p>So here is my modest proposal: treat every new bus lane as a housing announcement. Count the homes that move inside a 45-minute journey of a major employer, and publish the number. Let the letter-writers argue with <strong>that</strong>.</p>
""",
    },
    {
        "slug": "stop-calling-them-empty-high-streets",
        "title": "Stop calling them ‘empty’ high streets",
        "standfirst": "A shuttered shop is not an empty street. The people are still there; our idea of what a high street is for has simply run out.",
        "authors": ["amara-nwosu"],
        "topics": ["Cities", "Economy", "Culture"],
        "published": (11, "12:15"),
        "picture": ("grid", "cities"),
        "caption": "Some windows lit, some dark: the high street as it really looks on a Tuesday afternoon.",
        "body": """
<p>Every few months a report arrives announcing that a fifth, or a quarter, or a third of the shops on Britain’s high streets are vacant. The headlines write themselves: <em>ghost towns</em>, <em>death of the high street</em>, <em>empty</em>.</p>
<p>I walk down one of those high streets most mornings. It is not empty. There is a queue outside the pharmacy, a man fixing phones in a unit the size of a wardrobe, teenagers outside the chicken shop and three generations of one family in the launderette. What is missing is a particular kind of retail, the chain store that sold the same jumper everywhere.</p>
<h2>The wrong measure</h2>
<p>We measure high streets by rent collected per square metre, because that is what landlords and business rates care about. By that measure, a library is a failure and a betting shop is a success. No one who lives on a high street believes that.</p>
<p>Try a different count: how many people stop, rather than pass through? How many can sit down without buying something? How many services — a GP, a post counter, a place to print a form — are within a short walk? On those measures, plenty of “dying” streets are quietly alive.</p>
<h2>What councils can do</h2>
<ul>
<li>Use compulsory leasing powers on units left vacant for more than a year, and let them at community rates.</li>
<li>Put public services back on the street instead of in out-of-town offices.</li>
<li>Make it easy to run a market stall on a Saturday: one form, one fee, no three-week wait.</li>
</ul>
<p>The high street is not a shopping centre that forgot to put a roof on. It is the closest thing many towns have to a public square. Let’s stop writing its obituary and start describing it honestly.</p>
""",
    },
    {
        "slug": "a-park-bench-is-a-political-statement",
        "title": "A park bench is a political statement",
        "standfirst": "Who gets to sit down in a city is decided by people with clipboards. The armrest in the middle of a bench is a policy, and we should debate it like one.",
        "authors": ["amara-nwosu"],
        "topics": ["Cities", "Democracy", "Health"],
        "published": (24, "18:05"),
        "picture": ("circles", "cities"),
        "caption": "Circles that overlap and make room for one another, as a good public space should.",
        "body": """
<p>Look closely at the benches in your town centre. Count the armrests. Notice the ones that tilt slightly forward, so that you slide off after ten minutes. Notice the places where there used to be a bench and now there is a planter.</p>
<p>None of this happened by accident. Somebody decided that sitting down for a long time was a problem to be designed away. The target, usually, is rough sleepers. The people who actually lose out are far more numerous.</p>
<h2>Who needs to sit</h2>
<p>Older people who can walk to the shops only if there is somewhere to rest halfway. Pregnant women. People with invisible conditions who look fine until they don’t. Parents with toddlers who have declared, loudly, that they will walk no further. A city without benches quietly tells all of them to stay at home.</p>
<p>Public health researchers have a term for this: the <em>walkable distance</em> is not fixed, it depends on rest points. Take away the benches and you shrink the world of everyone who needs one.</p>
<blockquote><p>If a design is meant to move someone on, ask who else it moves.</p></blockquote>
<h2>A modest rule</h2>
<p>I would like councils to adopt one simple rule: no seating is removed or redesigned without an equality impact assessment published in plain language. If you want to put a bar across a bench, say so, say why, and say who you expect to stop sitting there.</p>
<p>Most people, asked directly, would rather their town had more places to sit. The clipboards should have to argue with them in public.</p>
""",
    },
    {
        "slug": "lagos-taught-me-what-a-15-minute-city-really-needs",
        "title": "Lagos taught me what a 15-minute city really needs",
        "standfirst": "The idea has become a culture-war slogan in Britain. In the neighbourhood where I grew up, it was simply how life worked — and it depended on things planners rarely draw.",
        "authors": ["amara-nwosu"],
        "topics": ["Cities", "Transport", "Work"],
        "published": (38, "09:30"),
        "picture": ("dots", "cities"),
        "caption": "Dots gathering towards a centre: the neighbourhood as a cluster of small, close things.",
        "body": """
<p>Nobody in Surulere in the 1990s had heard the phrase “15-minute city”. We lived in one anyway. The tailor was two streets away, the market a short walk, my aunt’s provisions shop at the corner, the church and the mosque within earshot of each other. School was a walk. Most of the adults I knew worked within a few kilometres.</p>
<p>When the idea arrived in British politics, wrapped in a conspiracy theory about being forbidden to leave your postcode, I found it hard to take the panic seriously. But I also found the planners’ version oddly thin.</p>
<h2>What the diagrams leave out</h2>
<p>The diagrams show a circle with icons: school, clinic, park, shop. What made my neighbourhood work was not the icons but the <strong>small, cheap spaces</strong> between them. Lock-up shops. Front rooms turned into hair salons. Kiosks that could open with a table and a parasol.</p>
<p>British planning is very good at zoning these out. Use classes, change-of-use applications and business rates make it expensive to do something small. We get the supermarket and the dentist but not the dozen tiny things that make a street a place.</p>
<h2>And the danfo</h2>
<p>The other thing the diagrams leave out is transport to <em>elsewhere</em>. Lagos’s yellow minibuses were chaotic, uncomfortable and indispensable. A local life only feels like freedom if you can leave it easily when you want to.</p>
<ol>
<li>Make small commercial uses permitted by default on residential ground floors.</li>
<li>Fund frequent buses before anyone mentions filters and bollards.</li>
<li>Measure success by what people can reach, not by what they are prevented from doing.</li>
</ol>
<p>A 15-minute city is not a fence. At its best it is a neighbourhood with enough going on that leaving is a choice, not a chore.</p>
""",
    },
    {
        "slug": "rent-caps-are-a-plaster-we-need-a-building-boom-with-rules",
        "title": "Rent caps are a plaster. We need a building boom with rules",
        "standfirst": "Tenants deserve protection today. But without far more homes, a cap only decides who queues, not whether there is room.",
        "authors": ["amara-nwosu"],
        "topics": ["Housing", "Economy", "Democracy"],
        "published": (52, "08:10"),
        "picture": ("bars", "housing"),
        "caption": "Bars climbing unevenly, like rents in a city that stopped building.",
        "body": """
<p>I have been a renter for most of my adult life, and I have the box of deposit disputes to prove it. So I understand why rent controls are popular. When your rent rises by 14 per cent in a year and your wages don’t, the idea that the government should simply say <em>stop</em> is not radical. It is common sense.</p>
<p>But I spent eight years in planning departments, and I know what happens next if a cap is all we do.</p>
<h2>The queue gets longer</h2>
<p>A cap protects people who already have a tenancy. It does very little for the person arriving in the city next month, the couple who have split up, the graduate leaving home. With the same number of flats and more people who want them, landlords choose more carefully. References, guarantors, “professionals only”. The queue just moves to the front door.</p>
<p>Meanwhile, some landlords sell up, which is fine if those homes go to owner-occupiers and less fine if they become short-term lets.</p>
<h2>What a deal could look like</h2>
<ul>
<li><strong>Short-term caps</strong> on in-tenancy increases, tied to wages, for the next five years.</li>
<li><strong>A building programme</strong> with councils and housing associations at its centre, not as an afterthought.</li>
<li><strong>Permission by default</strong> for mid-rise homes near stations, with design codes residents help write.</li>
<li><strong>A landlord register</strong> with teeth, so good landlords are rewarded and bad ones find it hard to operate.</li>
</ul>
<p>The left tends to want the first bullet and the right the third. Tenants need all four. Politicians who offer only one of them are offering a plaster for a broken leg, and they know it.</p>
""",
    },
    {
        "slug": "night-buses-are-a-public-service-for-people-we-forget",
        "title": "Night buses are a public service for people we forget",
        "standfirst": "Cleaners, nurses, bakers and bar staff keep cities running while the rest of us sleep. The bus that gets them home is the first thing cut.",
        "authors": ["amara-nwosu"],
        "topics": ["Transport", "Work", "Cities"],
        "published": (67, "23:20"),
        "picture": ("arcs", "transport"),
        "caption": "Arcs of light spreading out into the dark, like a route map drawn at two in the morning.",
        "body": """
<p>At 2.15am the N-route that passes my flat is full. Not with revellers, mostly, although there are a few. It is full of people in uniforms: hospital scrubs, high-visibility vests, the black polo shirts of the office cleaning firms. Many of them are on their way <em>to</em> work.</p>
<p>When transport authorities need to save money, night services are the first to go. The logic is that fewer people use them. The reality is that the people who use them have fewer alternatives than anyone.</p>
<h2>The maths of a missing bus</h2>
<p>A cleaner on a minimum-wage contract cannot take a taxi home. If the night bus goes, she either leaves the job or walks. A junior nurse finishing a late shift either drives, which means a car she may not be able to afford, or sleeps in the staff room.</p>
<p>Cities depend on these workers. The cost of losing them is borne by employers, by hospitals, by everyone who expects an office to be clean at 8am. It just doesn’t show up in the transport budget.</p>
<h3>A different test</h3>
<p>Before cutting a night route, an authority should publish who uses it, when and why, and what they will do instead. Count the shift workers, not just the passengers. If the answer is “walk two miles alone at 3am”, the cut should not happen.</p>
<p>We talk endlessly about the night-time economy as if it were only about bars. It is also about the people who make the daytime possible. They deserve a bus.</p>
""",
    },
    {
        "slug": "why-ive-stopped-believing-in-affordable-flats",
        "title": "Why I’ve stopped believing in ‘affordable’ flats",
        "standfirst": "A word that once meant something now means “80 per cent of a market rent nobody can afford”. Let’s retire it and say what we mean.",
        "authors": ["amara-nwosu"],
        "topics": ["Housing", "Economy"],
        "published": (89, "10:45"),
        "picture": ("grid", "housing"),
        "caption": "A grid of windows, a few lit: the homes that are ‘affordable’ on paper.",
        "body": """
<p>In the planning meetings I used to attend, “affordable” was the most important word in the room. Developers promised a percentage of affordable homes; councillors bargained for more; residents were told the scheme would help local people.</p>
<p>It took me an embarrassingly long time to say out loud what everyone knew: most of those homes were not affordable to the people in the room.</p>
<h2>What the word means</h2>
<p>In England, “affordable rent” can be set at up to 80 per cent of the local market rent. In an area where a two-bedroom flat rents for £2,000 a month, the affordable version costs £1,600. For a household on the median local income that is still more than half their take-home pay.</p>
<p>Meanwhile, genuinely low-cost social rent — the kind that lets a care worker live near the care home — has become the smallest slice of the pie, and the first thing traded away when a scheme’s viability assessment comes back gloomy.</p>
<blockquote><p>When a word can mean anything, it ends up meaning whatever is cheapest to deliver.</p></blockquote>
<h2>Say the number</h2>
<p>My proposal is unglamorous. Stop using the word “affordable” in planning documents at all. Instead, require every scheme to state the rent or price of each home as a share of the local median income. A flat that costs 30 per cent of a typical salary is affordable. One that costs 55 per cent is not, whatever the brochure says.</p>
<p>Developers will complain that the numbers look bad. That is the point. Honest numbers make honest bargains possible.</p>
""",
    },
    {
        "slug": "shade-is-infrastructure",
        "title": "Shade is infrastructure",
        "standfirst": "As summers get hotter, the difference between a bearable street and a dangerous one is often a row of trees. We plan for drains and pipes. We should plan for shade.",
        "authors": ["amara-nwosu", "lena-wisniewska"],
        "topics": ["Climate", "Cities", "Health"],
        "published": (15, "06:55"),
        "picture": ("circles", "climate"),
        "caption": "Soft green circles over a dark ground, like a canopy seen from below.",
        "body": """
<p><em>Amara writes:</em> Last July I walked my niece to her summer club along a road with no trees. It was 10am and the pavement was already too hot for the dog that trotted beside us. On the parallel street, lined with old plane trees, it felt five degrees cooler. It probably was.</p>
<p><em>Lena writes:</em> In Berlin we measure this. On hot afternoons, a shaded pavement can be more than ten degrees cooler at the surface than one in full sun. For older people, small children and anyone with heart problems, that difference decides whether a walk to the shops is a chore or a risk.</p>
<h2>Not decoration</h2>
<p>Cities treat trees as a nice extra, funded from a parks budget that is always first in line for cuts. We think they should be treated like drains: <strong>essential infrastructure</strong> with a maintenance plan and a legal duty behind it.</p>
<p>That means mapping shade the way we map flood risk. It means every street refurbishment includes canopy targets, and that utility companies who dig up a tree pit pay to replace it with something that will grow, not a sapling left to die in a dry summer.</p>
<h2>Beyond trees</h2>
<ul>
<li>Awnings and canopies at bus stops, where people wait longest in the sun.</li>
<li>Lighter paving and fewer dark car parks in the middle of towns.</li>
<li>Drinking fountains that actually work, and are mapped.</li>
<li>Cool rooms in libraries and community centres, open into the evening.</li>
</ul>
<p>None of this is expensive compared with the cost of heat in hospitals. It is the kind of boring, practical adaptation that saves lives without anybody noticing. Which is exactly why it needs writing into the rules.</p>
""",
    },
    # Not published: a draft, and a piece sent back by the editor.
    {
        "slug": "what-councils-could-learn-from-street-markets",
        "title": "What councils could learn from street markets",
        "standfirst": "",
        "authors": ["amara-nwosu"],
        "topics": ["Cities", "Food", "Economy"],
        "state": "draft",
        "days_ago": 2,
        "body": """
<p>Every Saturday the car park behind the old bus depot becomes a market. By nine there are forty stalls; by four it is a car park again. No one has written a regeneration strategy for it. It just works.</p>
<p>I want to write about why, and what a council could learn from the people who run it: the pitch fees, the unwritten rules about who sets up where, the way the fish stall and the vegan stall have agreed to be at opposite ends.</p>
<h2>Notes to self</h2>
<ul>
<li>Talk to the market manager about the licence renewal.</li>
<li>Find the figures on how many traders later opened a shop.</li>
<li>Ending: the market as a rehearsal for the high street?</li>
</ul>
""",
    },
    {
        "slug": "the-case-against-the-new-ring-road",
        "title": "The case against the new ring road",
        "standfirst": "A road sold as relief will fill up within a decade. The money would buy a bus network that lasts.",
        "authors": ["amara-nwosu"],
        "topics": ["Transport", "Climate", "Democracy"],
        "state": "changes_requested",
        "days_ago": 6,
        "picture": ("stripes", "transport"),
        "caption": "Diagonal stripes, like lanes that keep multiplying.",
        "editor": "editor2",
        "note": "Strong argument, but the induced-demand paragraph needs a source we can link to, and the cost comparison in the last section mixes capital and running costs. Could you separate them and add the council’s own figure for the road?",
        "reply": "Fair on both counts. I’ve found the council’s business case (page 34 has the figure) and I’ll split the costs into a small list. Will resubmit tomorrow morning.",
        "body": """
<p>The county council wants to build a new ring road. It will, we are told, take traffic out of the town centre, cut journey times and unlock land for seven thousand homes. I have read the business case. I am not convinced.</p>
<h2>Roads fill up</h2>
<p>Traffic engineers have known for decades that adding road capacity tends to generate new traffic. Journeys that weren’t worth making become worth making; people move further from work because the drive is quicker. Within ten years, the new road is as busy as the old one, and the town centre is no quieter.</p>
<h2>What the money could buy</h2>
<p>The road will cost about £300 million. For a fraction of that the county could run buses every ten minutes on the six busiest corridors for a generation, and build the bus priority that would make them faster than driving.</p>
<p>The homes matter. But they could be built near the railway station, where people would not need a car at all. A ring road is the answer to a 1970s question. We should ask a better one.</p>
""",
    },
]
