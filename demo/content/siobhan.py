"""Siobhán O’Connor’s pieces: education, health, media, culture."""

ARTICLES = [
    {
        "slug": "homework-is-a-class-issue",
        "title": "Homework is a class issue",
        "standfirst": "Homework assumes a quiet table, a spare hour and a parent who remembers algebra. For many children, none of those exist.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Education", "Culture"],
        "published": (1, "07:05"),
        "picture": ("grid", "education"),
        "caption": "A grid of small squares, like exercise-book pages under a desk lamp.",
        "body": """
<p>For twelve years I set homework, marked homework and chased homework. I believed in it, mostly. Practice matters; independent study matters. But somewhere around my fifth year of teaching I noticed a pattern I could no longer ignore.</p>
<p>The pupils who handed in careful, complete work were usually the ones with a desk at home, a parent who got in before seven and a printer that worked. The ones who handed in nothing, or something scrawled on the bus, were often minding younger siblings, working a Saturday job or sharing a bedroom with two others.</p>
<h2>What we were grading</h2>
<p>I was not grading effort or ability. I was grading <strong>circumstance</strong>. A child with a tutor and a quiet room got praise; a child without got a detention. Over years, that gap compounds. It shapes which set a pupil ends up in and what they believe about themselves.</p>
<p>The research on homework in primary schools is thin: the benefits are small. In secondary school they are real but modest, and depend heavily on the quality of the task rather than the quantity.</p>
<h2>What schools could do instead</h2>
<ul>
<li>Open the library and a supervised room after school, every day, with a teacher on hand.</li>
<li>Set fewer, better tasks that don’t need a printer, a parent or the internet.</li>
<li>Stop punishing missing homework without first asking why it is missing.</li>
</ul>
<p>None of this lowers standards. It just moves the practice to a place where every child can do it. That is what a school is for.</p>
""",
    },
    {
        "slug": "phones-out-of-classrooms-is-the-easy-part",
        "title": "Phones out of classrooms is the easy part",
        "standfirst": "Banning phones at school is popular and probably sensible. But the hard problem is the other sixteen hours of the day, and that one belongs to adults.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Education", "Technology", "Health"],
        "published": (8, "19:30"),
        "picture": ("dots", "education"),
        "caption": "A field of dots brightening in one corner, like a screen left on in a dark room.",
        "body": """
<p>When my old school banned phones from lessons, the staffroom cheered. Within a month, behaviour in corridors had improved, the canteen was noisier in a good way and fewer fights started with a screenshot. I am glad it happened.</p>
<p>But I have watched the national debate turn a sensible school rule into a grand solution, as if locking devices in pouches from nine to four would undo what happens from four until midnight.</p>
<h2>The other sixteen hours</h2>
<p>Teenagers’ worst online experiences rarely happen in a maths lesson. They happen at night, in bedrooms, in group chats that adults never see. A school ban does nothing about the app designed to keep a fourteen-year-old scrolling at one in the morning.</p>
<p>That problem belongs to parents, who are often as hooked as their children, and to the companies whose business depends on attention. Schools are being asked to solve it because schools are the institution we know how to regulate.</p>
<blockquote><p>It is easier to take a phone off a child than to take a business model off a company.</p></blockquote>
<h2>Where to push</h2>
<ol>
<li>Default settings for under-16s that are genuinely private and switch off notifications overnight.</li>
<li>Age checks that don’t require children to hand over more data.</li>
<li>Honest conversations at home, which begin with adults looking at their own screen time.</li>
</ol>
<p>Teachers can help, and many already do, by teaching pupils how feeds are designed to hold attention. Children who understand the trick are a little harder to fool. But a lesson on Tuesday cannot compete with a team of engineers working on the app every day of the year.</p>
<p>By all means keep phones out of classrooms. Just don’t mistake it for the finish line.</p>
""",
    },
    {
        "slug": "local-papers-are-the-immune-system-of-a-town",
        "title": "Local papers are the immune system of a town",
        "standfirst": "When the local paper closes, councils get more expensive and elections less contested. Nobody notices the infection until it has spread.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Media", "Democracy", "Cities"],
        "published": (19, "08:45"),
        "picture": ("arcs", "media"),
        "caption": "Arcs radiating outward, like news travelling from a single desk.",
        "body": """
<p>The weekly paper in the town where I grew up had a staff of six, a cramped office above a bookmaker and a reputation for spelling the names of the dead correctly. It also had a reporter who sat through every council meeting, including the dull ones.</p>
<p>That reporter is gone now, and so is the paper. The council meetings still happen. Nobody outside the room knows what is said in them.</p>
<h2>What goes missing</h2>
<p><a href="https://www.example.org/research/news-deserts">Studies from several countries</a> point the same way. When local news disappears, fewer candidates stand in local elections, turnout falls and public borrowing costs can rise, because lenders and voters have less information about how money is spent. Corruption does not need to be dramatic to flourish; it only needs to be unobserved.</p>
<p>Social media does not fill the gap. A neighbourhood group can tell you about a missing cat or a burst main. It cannot sit through a four-hour planning committee and explain what was decided.</p>
<p>There is a quieter loss, too. Local papers were where a town argued with itself: letters pages, match reports, the photograph of the school play. They gave people a shared set of facts to disagree about. Without them, neighbours drift into separate feeds and separate versions of events.</p>
<h2>Paying for it</h2>
<ul>
<li>Public notices — planning applications, licences — should be paid for in local outlets that meet basic standards, not buried on a council website.</li>
<li>Charitable status for non-profit local newsrooms, so readers can give and claim tax relief.</li>
<li>A fund, at arm’s length from government, for reporters covering councils and courts.</li>
</ul>
<p>We treat local journalism as a nice thing to have, like a bandstand. It is closer to a smoke alarm. You only realise what it did when it is gone.</p>
""",
    },
    {
        "slug": "the-school-meal-is-a-lesson-in-itself",
        "title": "The school meal is a lesson in itself",
        "standfirst": "A hot lunch eaten together teaches more than nutrition. Free meals for every child would be the cheapest curriculum reform we could make.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Education", "Food", "Health"],
        "published": (33, "12:30"),
        "picture": ("hills", "food"),
        "caption": "Warm layered hills and a low sun, the colours of a school kitchen at noon.",
        "body": """
<p>You can tell a lot about a school from its lunch hall. In some, children queue with cards that quietly mark who gets free meals. In others, half the room eats crisps from a bag because the hot food costs more than their parents can spare.</p>
<p>In the best halls I have seen, everybody eats the same thing, at tables, with adults who sit with them. Those halls are calmer, and so are the afternoons.</p>
<h2>What a meal teaches</h2>
<p>Concentration, obviously: a hungry child cannot learn fractions. But also manners, conversation, the small courage of trying a vegetable you don’t recognise. For some children it is the only meal of the day eaten at a table with other people.</p>
<p>Means-tested free meals miss many children who need them, because families don’t apply, earn slightly too much or are too proud. Universal meals end the stigma and the paperwork at once.</p>
<p>I remember a boy in my first-year class who never ate lunch. He said he wasn’t hungry. It took me until Easter to learn that his family had missed the deadline for the free-meals form, and that he was too embarrassed to tell anyone. He was eleven. No child should have to manage that kind of pride.</p>
<h2>The cost question</h2>
<p>Universal meals are not cheap. But compare them with the cost of the alternatives: extra classroom support for children who can’t concentrate, health problems that start in childhood, the administration of means-testing itself.</p>
<ol>
<li>Fund a hot meal for every primary pupil first, then extend.</li>
<li>Give kitchens budgets for fresh, local food and the staff to cook it.</li>
<li>Count lunchtime as teaching time, because it is.</li>
</ol>
<p>We already agree that every child should have a book. A plate is not a bigger ask.</p>
""",
    },
    {
        "slug": "irish-is-not-a-museum-piece",
        "title": "Irish is not a museum piece",
        "standfirst": "Generations of schoolchildren learned Irish as a chore. A new generation is learning it as something to live in, and the rest of the country should catch up.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Culture", "Education", "Media"],
        "published": (47, "10:00"),
        "picture": ("waves", "culture"),
        "caption": "Waves rolling across the frame, like a language moving from one generation to the next.",
        "body": """
<p>“Conas atá tú?” was the first Irish sentence I learned, and for years it was almost the only one I used with confidence. Like many people of my age, I spent fourteen years studying the language at school and left unable to hold a conversation.</p>
<p>It was not the language’s fault. We were taught Irish as a set of verb tables and a poem about a dead cow, examined by people who seemed to hope we would fail.</p>
<h2>Something has shifted</h2>
<p>Now, the Irish-medium schools — the <em>Gaelscoileanna</em> — have waiting lists. Teenagers make videos in Irish. Podcasts, comedy sketches and rap in the language find audiences who were never told it was meant to be old-fashioned.</p>
<blockquote><p>“Is fearr Gaeilge bhriste ná Béarla cliste.” <em>Broken Irish is better than clever English.</em></p></blockquote>
<p>That old saying has become a kind of motto for adult learners, and it is the right one. A language lives when people are allowed to speak it badly.</p>
<p>I am one of those adult learners now. Twice a week I sit in a draughty community hall with a retired guard, two nurses and a teenager who is far better than any of us. We make mistakes constantly. Nobody corrects us with a red pen. It is the most useful Irish class I have ever had.</p>
<h2>What would help</h2>
<ul>
<li>Teach it in schools as a spoken language first, with conversation at the heart of the exam.</li>
<li>Fund more Irish-medium schools where the demand already exists.</li>
<li>Put Irish on screens and in public life as a normal choice, not a ceremonial one.</li>
</ul>
<p>Irish is not a museum piece to be dusted on Saint Patrick’s Day. It is a language some of our children are dreaming in. Go n-éirí leo — may they succeed.</p>
""",
    },
    {
        "slug": "waiting-lists-are-a-story-about-staff-not-beds",
        "title": "Waiting lists are a story about staff, not beds",
        "standfirst": "Politicians love opening new wards. The queue for treatment is longer because there aren’t enough people to work in the ones we have.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Health", "Work", "Economy"],
        "published": (61, "07:50"),
        "picture": ("circles", "health"),
        "caption": "Overlapping circles of mint and rose: a rota with too many gaps.",
        "body": """
<p>My sister is a theatre nurse. Last spring she described a week in which two operating theatres in her hospital sat empty for three days. The equipment was there. The patients were there, on the waiting list. What wasn’t there was an anaesthetist and two scrub nurses.</p>
<p>That story is not unusual. It is the story of most waiting lists.</p>
<p>Behind every cancelled operation is a patient who took the day off work, arranged childcare, fasted since midnight and was sent home. Behind every empty theatre is a team that wants to work and can’t. Both are losing patience, and both are right to.</p>
<h2>The ribbon problem</h2>
<p>Buildings are easy to announce. A minister can stand in front of a new wing with scissors and a photographer. Staff take years to train, and retaining them means paying them properly, giving them predictable rotas and treating them as professionals rather than interchangeable units.</p>
<p>None of that produces a photograph. So we end up with new buildings that cannot open fully, and exhausted staff who leave for Australia or Canada or a less punishing job.</p>
<p>Agency staff fill some gaps, at a cost that would horrify any household budget. A locum shift can cost several times what the hospital would pay a permanent employee for the same work. The money is there; it is simply being spent in the most expensive possible way.</p>
<h2>What would shorten the queue</h2>
<ul>
<li>Train more doctors and nurses at home, and pay their fees if they stay for some years.</li>
<li>Give staff control over rotas weeks in advance, not days.</li>
<li>Count vacancies as publicly as waiting times, ward by ward.</li>
</ul>
<p>Every waiting-list figure is really a staffing figure in disguise. Until we read it that way, we will keep building wards that can’t open.</p>
""",
    },
    {
        "slug": "stop-teaching-to-the-league-table",
        "title": "Stop teaching to the league table",
        "standfirst": "Rankings were meant to make schools accountable. They have made them cautious, and the children least likely to lift a school’s average pay the price.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Education", "Democracy"],
        "published": (82, "17:15"),
        "picture": ("bars", "education"),
        "caption": "Bars of uneven height, like a league table nobody asked the pupils about.",
        "body": """
<p>Every August, newspapers print school league tables, and every August head teachers brace themselves. A school that slips ten places can lose pupils, funding and staff. So schools learn to protect their position.</p>
<p>I have been in the meetings where that happens. Nobody is cynical. They are frightened.</p>
<p>And fear spreads downward. A head teacher worried about the table leans on heads of department, who lean on teachers, who lean on pupils. By the time it reaches a fifteen-year-old, it has become a message that their worth is a grade, announced in August and printed in the paper.</p>
<h2>What caution looks like</h2>
<p>It looks like steering a pupil away from a subject they love because it is “hard to get a good grade in”. It looks like endless practice papers in place of projects. It looks like quiet pressure on families of pupils with special needs to consider “a school that might suit them better”.</p>
<p>The children who lose out are the ones least likely to raise the average: late arrivals, children with disabilities, pupils still learning English. A measure designed to help parents choose ends up helping schools choose.</p>
<h2>Better accountability</h2>
<ol>
<li>Publish progress — how far pupils have come — rather than raw results.</li>
<li>Include inclusion measures: exclusions, pupils who leave mid-year, where they go.</li>
<li>Let inspectors spend time in lessons, not only in data.</li>
</ol>
<p>Some countries manage without public rankings at all and still have good schools. Others publish rich information about every school without turning it into a single number. The choice is not between league tables and secrecy; it is between a blunt tool and a more honest one.</p>
<p>Parents deserve to know how a school is doing. They also deserve to know that it would teach their child well if their child were the one dragging down the average.</p>
""",
    },
    {
        "slug": "libraries-are-the-last-free-indoor-place",
        "title": "Libraries are the last free indoor place",
        "standfirst": "You can sit in a library all day without buying anything or explaining yourself. That is rarer, and more precious, than we admit.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Culture", "Cities", "Education"],
        "published": (105, "14:20"),
        "picture": ("grid", "culture"),
        "caption": "A grid of coloured blocks, like spines on a long shelf.",
        "body": """
<p>Think of the indoor places where you can stay for hours without paying. Not the café, where the look from behind the counter grows colder with each unrefilled cup. Not the shopping centre, where security eventually asks what you’re doing. In most towns, the list is short: a church, a hospital waiting room, the library.</p>
<p>Libraries are the only one of those designed for you to stay.</p>
<h2>Who uses them</h2>
<p>On a weekday morning in my local branch you will find retired men reading every newspaper, a student revising for her nursing exams, a man applying for jobs on a public computer, a toddler group singing about buses, and a woman who comes in mainly because it is warm. Every one of them is using the library as it was meant to be used.</p>
<p>Librarians will tell you that the job has changed more in the last decade than in the fifty years before. They help people fill in benefit forms, scan passports, find a shelter for the night. They do it without fuss, and often without the training or the pay that such work deserves.</p>
<h2>What they need</h2>
<p>Libraries have been cut hard for fifteen years. Opening hours shrink, branches close or are handed to volunteers. The ones that survive are expected to be job centres, IT help desks, warm banks and cultural venues all at once, often with fewer staff than a decade ago.</p>
<ul>
<li>Statutory minimum opening hours, including evenings and weekends.</li>
<li>Trained staff, not only volunteers, in every branch.</li>
<li>Buildings that are warm, accessible and have enough plugs.</li>
</ul>
<p>A society shows what it values by what it offers for free. A quiet seat, a book and a little warmth is not a lot to ask.</p>
""",
    },
    # Not published: in review, scheduled, and a draft she threw away.
    {
        "slug": "exams-in-the-age-of-chatbots",
        "title": "Exams in the age of chatbots",
        "standfirst": "If a machine can write a passable essay, maybe the essay was never the point. What we should assess when every pupil has an assistant in their pocket.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Education", "Technology"],
        "state": "submitted",
        "days_ago": 1,
        "assign": ("editor", 2),
        "picture": ("dots", "education"),
        "caption": "A field of dots swelling towards a centre, like attention gathering in an exam hall.",
        "body": """
<p>A colleague who still teaches sent me two essays on <em>Macbeth</em> last month. One was written by a sixteen-year-old. The other was written by a chatbot. She asked me which was which. I got it wrong.</p>
<h2>Coursework is in trouble</h2>
<p>Take-home essays were already unequal — some pupils had help, others didn’t. Now every pupil can have help, and much of it is invisible. Teachers are being asked to act as detectives, which is neither their job nor something they can do reliably.</p>
<h2>What to assess instead</h2>
<ul>
<li>Spoken examinations, where pupils explain and defend their ideas.</li>
<li>Work done in class, in stages, with drafts the teacher has seen.</li>
<li>Tasks that use the tools openly and assess judgement: which answer is wrong, and why?</li>
</ul>
<p>The essay was never the point. Thinking was. We need exams that can still see it.</p>
""",
    },
    {
        "slug": "the-radio-phone-in-is-democracys-waiting-room",
        "title": "The radio phone-in is democracy’s waiting room",
        "standfirst": "Sneered at as a home for cranks, the local phone-in is one of the few places where people who never write letters get heard.",
        "authors": ["siobhan-oconnor"],
        "topics": ["Media", "Democracy", "Culture"],
        "state": "scheduled",
        "days_ago": 5,
        "publish_in": (5, "08:30"),
        "picture": ("arcs", "media"),
        "caption": "Arcs spreading out like a signal from a small local transmitter.",
        "body": """
<p>Every weekday at ten, my mother turns on the radio for the phone-in. A farmer rings about the price of diesel. A woman rings about a bus that doesn’t come. A man rings about the bus woman, to say she is right.</p>
<p>Media people tend to sneer at this. Phone-ins are noisy, repetitive and occasionally offensive. But they are also one of the few places where people who would never write to a newspaper, or post online under their own name, get to speak in public.</p>
<h2>What they do well</h2>
<p>A good presenter lets a caller finish, asks a follow-up and then puts the question to someone with power. Local councillors listen, because their voters are listening. Problems that never reach a newspaper are fixed after a caller mentions them on air.</p>
<h2>What they need</h2>
<ul>
<li>Producers with time to check claims before they go out.</li>
<li>Presenters trained in fairness, not only in entertainment.</li>
<li>Local stations protected from being merged into a single national feed.</li>
</ul>
<p>The phone-in is not a parliament. It is the queue outside one. We should keep the door open.</p>
""",
    },
    {
        "slug": "notes-on-the-summer-reading-list",
        "title": "Notes on the summer reading list",
        "standfirst": "",
        "authors": ["siobhan-oconnor"],
        "topics": ["Culture", "Education"],
        "state": "trashed",
        "days_ago": 12,
        "body": """
<p>Every June, schools send home a reading list. Every September, teachers discover that almost nobody read it. Maybe the list is the problem.</p>
<p>Half-finished thought: should the list be chosen by the pupils? Ask the librarian about last year’s borrowing figures.</p>
<p>(Probably too thin for a column. Fold into the libraries piece instead?)</p>
""",
    },
]
