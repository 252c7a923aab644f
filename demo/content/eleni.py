"""Eleni Markou’s pieces. She is a guest contributor with no login: the editors file and publish them."""

ARTICLES = [
    {
        "slug": "to-kalokairi-pou-den-teleione",
        "title": "Το καλοκαίρι που δεν τελείωνε: notes from an Athens heatwave",
        "standfirst": "The summer that would not end. An epidemiologist’s diary of three weeks above 40 °C, and what the emergency department learned.",
        "authors": ["eleni-markou"],
        "topics": ["Health", "Climate", "Science"],
        "published": (21, "06:30"),
        "picture": ("circles", "health"),
        "caption": "Overlapping circles of rose and yellow, like the heat maps pinned up in our department.",
        "body": """
<p>Στην Αθήνα λέμε ότι το καλοκαίρι είναι η εποχή μας. In Athens we say that summer is our season. We are proud of our heat the way other cities are proud of their rain. That pride has become harder to hold.</p>
<p>Last July the city spent three weeks above 40 °C. I kept a diary, partly as a scientist and partly because I needed somewhere to put what I saw.</p>
<h2>Week one</h2>
<p>The first patients are the ones you expect: older people found at home, dehydrated and confused. Many lived alone on top floors, in flats built before anyone thought about insulation. Several had air conditioning and did not switch it on, because of the electricity bill.</p>
<h2>Week two</h2>
<p>Then the pattern widens. Construction workers. Delivery riders. A young woman with a kidney condition whose medication made her more sensitive to heat — nobody had told her. Heat does not only cause heatstroke; it makes every existing illness worse.</p>
<blockquote><p>«Δεν είναι η ζέστη, είναι η μοναξιά.» <em>It is not the heat, it is the loneliness.</em> — a nurse on the night shift</p></blockquote>
<h2>Week three</h2>
<p>By the third week the staff are exhausted too. Our own building has no proper cooling in half the corridors. We move the most vulnerable patients into the few cool rooms and rotate everybody else.</p>
<h2>What we learned</h2>
<ul>
<li><a href="https://www.example.org/heat-health-warnings">Heat warnings</a> must reach people who live alone, by phone and by visit, not only by app.</li>
<li>Electricity support in heatwaves saves lives; a fan is not enough above 35 °C.</li>
<li>Outdoor work should stop in the hottest hours, by law, with pay protected.</li>
<li>Hospitals need to be cool buildings, or they become part of the problem.</li>
</ul>
<p>Το καλοκαίρι θα ξανάρθει. Summer will come again. The question is whether we will be readier than last time.</p>
""",
    },
    {
        "slug": "loneliness-is-a-public-health-problem-with-a-timetable",
        "title": "Loneliness is a public health problem with a timetable",
        "standfirst": "Isolation harms health as surely as smoking does, and it follows the calendar: Sunday afternoons, long summers, the first winter after a death. We can plan for it.",
        "authors": ["eleni-markou", "siobhan-oconnor"],
        "topics": ["Health", "Cities", "Culture"],
        "published": (57, "09:40"),
        "picture": ("dots", "health"),
        "caption": "Scattered dots drawing together towards a brighter centre.",
        "body": """
<p><em>Eleni writes:</em> In our emergency department, we see the pattern every year. Admissions of older people living alone rise on Sunday evenings, at the end of August when families are away, and in the first weeks of January. Some are medical emergencies. Some are people who needed to speak to another human being and did not know where else to go.</p>
<p><em>Siobhán writes:</em> In the west of Ireland I see the same thing from the other side. The post office closes, then the pub, then the bus becomes twice a week. Nobody decides that a village will become lonely. It happens one closure at a time.</p>
<h2>Why it is a health problem</h2>
<p>Long-term isolation is linked to higher rates of heart disease, stroke, depression and dementia. It makes people slower to seek help and quicker to end up in hospital. It is not a soft issue. It is a risk factor, and it can be measured.</p>
<p><em>Siobhán adds:</em> It is also unevenly spread. Men who lose a partner late in life, carers who have given up work, people who moved country and whose friends are a phone call and a time zone away — each has a different loneliness, and each needs a different door to knock on.</p>
<h2>Planning for the calendar</h2>
<p>Because loneliness follows predictable rhythms, services can be organised around them:</p>
<ol>
<li>Keep libraries, community centres and day services open on Sundays and through August.</li>
<li>Let GPs refer patients to social activities as easily as to a physiotherapist.</li>
<li>Treat rural buses, post offices and cafés as health infrastructure when deciding whether to close them.</li>
</ol>
<p>We plan for winter flu. We could plan for the empty Sunday, too. The cost is small and the timetable is already known.</p>
""",
    },
    {
        "slug": "trust-in-science-is-built-locally",
        "title": "Trust in science is built locally",
        "standfirst": "National campaigns struggle to persuade doubters. A familiar pharmacist, a local doctor on the radio, a nurse who remembers your name can do what a poster can’t.",
        "authors": ["eleni-markou"],
        "topics": ["Science", "Health", "Media"],
        "published": (117, "11:55"),
        "picture": ("arcs", "science"),
        "caption": "Arcs radiating from one point, like trust spreading out from a familiar face.",
        "body": """
<p>During the pandemic I spent many evenings on local radio in Athens answering listeners’ questions about vaccines. Some callers were angry, some frightened, a few simply curious. Very few were persuaded by national advertising. Several told me, weeks later, that they had been vaccinated after talking to their pharmacist.</p>
<p>That pattern is familiar to anyone who works in public health. People trust people, especially ones they know.</p>
<h2>Why national messages fall short</h2>
<p>A campaign designed for everyone is written for no one in particular. It speaks in the voice of the government, which many people already distrust, and it rarely answers the specific question someone is worrying about at two in the morning.</p>
<p>Local messengers can. A doctor who has treated your children, a teacher, an imam or a priest, a pharmacist who knows your medications — they are asked different questions and they answer them differently.</p>
<p>They also listen. Half of persuasion is hearing the worry correctly. A mother afraid of a vaccine’s side effects needs a different conversation from a man who distrusts the government, even if both say “I’m not sure”. National campaigns cannot hear either of them.</p>
<h2>Invest in the middle</h2>
<ul>
<li>Give local health workers time and training to talk with their communities, not only treat them.</li>
<li>Fund local media to host experts regularly, not only in a crisis.</li>
<li>Be honest about uncertainty; people notice when they are being managed.</li>
</ul>
<p>None of this is new. Before there were campaigns, there were district nurses and village doctors, and communities trusted them because they stayed. Public health lost some of that when services were centralised and staff rotated every year. We should try to win it back.</p>
<p>Science earns trust slowly, one conversation at a time. The conversations that matter most happen close to home.</p>
""",
    },
]
