"""Tomás Echeverría’s pieces: economy, work, democracy."""

ARTICLES = [
    {
        "slug": "the-four-day-week-is-a-productivity-story-not-a-perk",
        "title": "The four-day week is a productivity story, not a perk",
        "standfirst": "Treat shorter hours as a reward and they will be the first thing cut in a downturn. Treat them as a way to work better and they might last.",
        "authors": ["tomas-echeverria"],
        "topics": ["Work", "Economy", "Health"],
        "published": (2, "08:00"),
        "picture": ("bars", "work"),
        "caption": "Five bars, one shorter than the rest: the working week, redrawn.",
        "body": """
<p>Every few months another company announces it is moving to a four-day week, and another newspaper runs a photograph of smiling employees in a park on a Friday. The story is always told as a perk, like free fruit or a table-tennis table.</p>
<p>That framing is a trap. Perks are what firms cut when profits fall. If the shorter week is to survive a recession, it has to be understood as what the better trials suggest it is: a <strong>productivity reform</strong>.</p>
<h2>What actually changes</h2>
<p>The firms that make it work do not simply squeeze five days into four. They cancel meetings that exist out of habit. They stop copying twelve people into emails. They protect blocks of time for work that needs concentration. In other words, they do the organisational housekeeping that every management book recommends and almost nobody does.</p>
<p>The shorter week is the deadline that forces the housekeeping. Without it, the meeting culture wins.</p>
<h2>Where it doesn’t fit</h2>
<p>Honesty matters here. A hospital ward cannot produce the same care in fewer hours; it needs more staff. A bus route needs a driver on Friday. For shift-based and care work, shorter weeks mean hiring, and that is a public spending decision, not a productivity trick.</p>
<ul>
<li>In offices: trial it, measure output not hours, publish the results.</li>
<li>In services: fund it honestly, or don’t pretend.</li>
</ul>
<p>The argument for fewer hours is old and respectable. The eight-hour day was once a radical demand. But it was won by people who argued about output, rest and health, not by people promising a long weekend.</p>
""",
    },
    {
        "slug": "inflation-hit-the-poor-twice",
        "title": "Inflation hit the poor twice. Our statistics only noticed once",
        "standfirst": "The official rate averages everyone’s shopping basket. Households that spend most of their income on food and energy lived through a different, harsher inflation.",
        "authors": ["tomas-echeverria"],
        "topics": ["Economy", "Democracy", "Food"],
        "published": (9, "07:15"),
        "picture": ("bars", "economy"),
        "caption": "Bars rising unevenly: the same prices, felt very differently.",
        "body": """
<p>I spent ten years building price and wage statistics, so I say this with affection: the headline inflation rate is a useful fiction. It describes the price change of a basket of goods bought by an average household that does not exist.</p>
<p>For most of the last decade that fiction did little harm. Prices of most things moved together. Then energy and food prices jumped, and the average stopped describing anybody who was struggling.</p>
<h2>Two inflations</h2>
<p>A household in the lowest income tenth spends a much larger share of its budget on food, heating and rent than one at the top. When those categories rise fastest, the poorest experience a higher inflation rate, sometimes several points higher, than the published figure.</p>
<p>That is the first hit. The second comes when benefits, pensions and minimum wages are uprated by the <em>headline</em> figure. People whose costs rose by 13 per cent received an increase of 10. The gap never gets paid back.</p>
<blockquote><p>An average can be accurate and still tell most people something untrue about their own lives.</p></blockquote>
<h2>A fix that costs almost nothing</h2>
<p>Statistics offices already have the data to publish inflation rates by income group. Some do, quietly, in tables few people read. Make them prominent. Publish them on the same day, in the same press release, with the same fanfare.</p>
<p>And when governments uprate the lowest incomes, let them use the rate that matches those households’ spending. This is not a radical idea. It is what the numbers are for.</p>
""",
    },
    {
        "slug": "cooperatives-are-not-a-nostalgia-act",
        "title": "Cooperatives are not a nostalgia act",
        "standfirst": "From the Basque Country to Bologna, worker-owned firms compete in modern markets. We should stop treating them as a folk memory.",
        "authors": ["tomas-echeverria"],
        "topics": ["Work", "Economy", "Culture"],
        "published": (27, "09:50"),
        "picture": ("circles", "work"),
        "caption": "Overlapping circles: many owners, one enterprise.",
        "body": """
<p>I grew up a short drive from Arrasate, where a priest and a handful of engineers started a small cooperative in the 1950s that became one of the largest worker-owned groups in the world. As a boy I assumed every town had something like it. It took me years to understand how unusual it was.</p>
<p>In much of the English-speaking world, cooperatives are filed under heritage: a corner shop with a dividend card, a brass band, a sepia photograph of weavers. That is a pity, because the model has a great deal to say about modern work.</p>
<h2>What ownership changes</h2>
<p>When workers own the firm, the question of who pays in a downturn is answered differently. The Basque cooperatives moved people between businesses during the 2008 crisis, cut pay across the board and retrained rather than sacked. Not painless, but shared.</p>
<p>Pay ratios between top and bottom are capped, often at six or eight to one. Decisions about moving production abroad are made by people who would have to move with it.</p>
<h2>Why so few</h2>
<p>The obstacle is rarely performance. It is <strong>capital</strong>: banks don’t know how to lend to a business where nobody can offer a personal guarantee, and founders selling up rarely think to offer the firm to its staff.</p>
<ol>
<li>Give employees the first right to bid when a business is sold.</li>
<li>Create a public lending fund that understands cooperative structures.</li>
<li>Teach the model in business schools as something other than a footnote.</li>
</ol>
<p>Cooperatives will not replace the shareholder firm. They don’t need to. They need to be a normal option, not a charming exception.</p>
""",
    },
    {
        "slug": "la-ciudad-que-se-vacía-en-agosto",
        "title": "La ciudad que se vacía en agosto",
        "standfirst": "Madrid empties every August, and every August the flats stay full of suitcases. A column in Spanish and English about tourism, rent and who a city is for.",
        "authors": ["tomas-echeverria"],
        "topics": ["Cities", "Housing", "Culture", "Economy"],
        "published": (44, "11:20"),
        "picture": ("hills", "housing"),
        "caption": "Layered hills under a low sun: Madrid’s rooftops in the long August afternoon.",
        "body": """
<p><em>Este artículo está escrito en español y en inglés. This column is written in Spanish and English.</em></p>
<p>En agosto, Madrid se vacía. Los que pueden se van al pueblo, a la playa, a casa de los suegros. Las persianas de las tiendas de barrio bajan con un cartel escrito a mano: «Cerrado por vacaciones. Volvemos el 1 de septiembre». Durante unas semanas, la ciudad parece de otros.</p>
<p>In August, Madrid empties. Those who can leave for the village, the beach, the in-laws. The corner shops pull down their shutters with a handwritten sign: “Closed for holidays. Back on 1 September.” For a few weeks the city seems to belong to someone else.</p>
<h2>¿De quién es la ciudad?</h2>
<p>Pero hay algo que no se vacía: los pisos turísticos. En mi calle, en el centro, conté el año pasado once portales con cajas de llaves. Once. Donde antes vivían familias, ahora hay maletas que llegan el viernes y se van el domingo.</p>
<p>What never empties are the tourist flats. On my street last year I counted eleven doorways with key boxes. Where families used to live, suitcases now arrive on Friday and leave on Sunday. The neighbour who knew everybody’s name has moved to the outskirts because the rent doubled.</p>
<blockquote><p>Una ciudad no es un decorado. Es la gente que se queda cuando se apagan las luces. <em>A city is not a film set. It is the people who stay when the lights go off.</em></p></blockquote>
<h2>What would help</h2>
<ul>
<li>A real register of short-term lets, with licences that can be lost.</li>
<li>Limits by building, so that staircases stay homes.</li>
<li>Tax rules that make a long tenancy more attractive than a weekend booking.</li>
</ul>
<p>No estoy en contra del turismo. Mi padre vivió de él durante años. Estoy en contra de una ciudad donde en agosto no queda nadie que regar las plantas. <em>I am not against tourism. I am against a city where, in August, there is nobody left to water the plants.</em></p>
""",
    },
    {
        "slug": "tax-returns-should-be-boring",
        "title": "Tax returns should be boring. Ours are a hobby",
        "standfirst": "The state already knows most of what it asks you. Pre-filled returns would save millions of hours — and make the system fairer to people who can’t afford an accountant.",
        "authors": ["tomas-echeverria"],
        "topics": ["Economy", "Democracy", "Technology"],
        "published": (58, "13:05"),
        "picture": ("grid", "economy"),
        "caption": "Rows and columns of small boxes, each one a question the state could answer itself.",
        "body": """
<p>Every year, millions of people spend an evening, or a weekend, filling in a form that tells the tax authority things it already knows: what they earned from their employer, what tax was withheld, what interest their bank paid. Then they wait anxiously to find out whether they got it right.</p>
<p>In Spain, and in much of Europe, this is largely solved. The tax agency sends you <a href="https://www.example.com/guides/pre-filled-tax-returns">a draft return</a> — the <em>borrador</em> — built from the data it already holds. You check it, correct anything missing and confirm. For most salaried people it takes ten minutes.</p>
<h2>Who benefits from complexity</h2>
<p>Complicated tax systems are not neutral. People with accountants find the reliefs and allowances. People without them miss things, overpay or, worse, make honest mistakes that become penalties. Complexity is a regressive tax on time and confidence.</p>
<p>There is also an industry that profits from the confusion, and it lobbies hard wherever pre-filled returns are proposed. That alone should tell us something.</p>
<p>Spain is not a paradise of tax compliance, and the <em>borrador</em> has its critics. But it has changed the relationship between citizen and state in one small, important way: the first move is the government’s. It shows you what it thinks you owe, and you are invited to disagree.</p>
<h2>Design it like a service</h2>
<ul>
<li>Pre-fill everything the state already holds.</li>
<li>Explain every number in plain language, with a link to where it came from.</li>
<li>Make the default outcome correct, so that doing nothing is safe for simple cases.</li>
</ul>
<p>Taxes are the subscription fee for a society. Paying them should be as dull as renewing a library card. Democracy is not strengthened by making citizens dread an envelope.</p>
""",
    },
    {
        "slug": "minimum-wage-rises-did-not-end-the-world-again",
        "title": "Minimum wage rises did not end the world. Again",
        "standfirst": "Each increase comes with warnings of mass job losses. Each time, the losses fail to show up. It is time to update our priors.",
        "authors": ["tomas-echeverria"],
        "topics": ["Work", "Economy"],
        "published": (73, "07:30"),
        "picture": ("bars", "work"),
        "caption": "A row of bars edging upwards, as wages at the bottom finally did.",
        "body": """
<p>When Spain raised its minimum wage by more than a fifth in 2019, the predictions were grim. Employers’ groups warned of hundreds of thousands of lost jobs. Some economists — I was among the nervous ones — expected at least a visible dent in youth employment.</p>
<p>It did not come. Employment kept growing. The studies since have found small effects at most, concentrated in a few sectors and regions, and nothing like the catastrophe promised.</p>
<h2>Why the textbook keeps being wrong</h2>
<p>The simple model says that if you raise the price of labour, employers buy less of it. The model assumes employers have no power to set wages below what workers are worth. In many local labour markets — one big supermarket, one care-home chain, one warehouse — they plainly do.</p>
<p>In those markets, a higher floor can raise pay without cutting jobs. Workers also quit less, which saves employers the cost of constantly hiring and training.</p>
<p>There is a fairness argument too, and economists are sometimes shy about making it. A full-time job should keep a person out of poverty. When it doesn’t, the state tops up low pay through benefits, which means taxpayers are quietly subsidising employers who could afford more.</p>
<h2>Not a blank cheque</h2>
<p>This does not mean the minimum wage can rise without limit. There is a level at which jobs go. The lesson is to <strong>measure</strong> rather than assume: raise it steadily, publish the evidence, and let an independent commission adjust course.</p>
<p>What we should stop doing is treating every rise as a leap into the dark. We have jumped several times now. The ground was closer than we were told.</p>
""",
    },
    {
        "slug": "young-people-are-not-job-hopping-they-are-negotiating",
        "title": "Young people are not ‘job-hopping’. They are negotiating",
        "standfirst": "Older managers complain that graduates don’t stay. In a labour market where the only pay rise is the next job, leaving is the rational move.",
        "authors": ["tomas-echeverria"],
        "topics": ["Work", "Education", "Economy"],
        "published": (96, "16:40"),
        "picture": ("stripes", "work"),
        "caption": "Diagonal stripes climbing the frame, like a career built by sideways steps.",
        "body": """
<p>At a conference last year, a manager told me, with real exasperation, that his graduate recruits “won’t stay more than eighteen months”. He had invested in their training, he said, and they walked out of the door.</p>
<p>I asked him what pay rise a good graduate could expect in their second year if they stayed. He thought for a moment and said: “About inflation.” And if they moved? “Fifteen, twenty per cent.”</p>
<h2>The only ladder</h2>
<p>For many young workers, changing employer is the only way to get a meaningful raise. Internal promotion ladders have been flattened, pay bands frozen, and loyalty rewarded with a card signed by the team. Moving is not disloyalty; it is <em>bargaining</em> by the only means available.</p>
<p>There is a cost. Frequent moves can mean less training, shallower expertise and more stress. Firms lose knowledge every time someone leaves. Both sides would benefit from a system in which staying was rewarded.</p>
<p>Economists call this a coordination failure. Every firm would be better off if loyalty were rewarded across the market, but no single firm wants to pay more to keep people while its rivals poach them cheaply. Sector-wide agreements on pay progression, common in parts of Europe, are one way out.</p>
<h2>What would keep people</h2>
<ol>
<li>Transparent pay bands, so people can see a future where they are.</li>
<li>Raises that reflect skills gained, not time served.</li>
<li>Training that leads somewhere — a qualification, a new role — not a certificate for the drawer.</li>
</ol>
<p>Young workers are not restless by nature. They are responding to incentives that their employers designed. Change the incentives and the hopping slows down.</p>
""",
    },
    {
        "slug": "who-owns-the-productivity-gains-from-ai",
        "title": "Who owns the productivity gains from AI?",
        "standfirst": "If new tools let one person do the work of three, the question is not whether jobs change but who pockets the difference. That is a political choice, not a technical one.",
        "authors": ["tomas-echeverria", "kwame-boateng"],
        "topics": ["Technology", "Work", "Economy"],
        "published": (6, "10:10"),
        "picture": ("dots", "technology"),
        "caption": "Dots swelling towards a bright centre: value gathering in one place.",
        "body": """
<p><em>Tomás writes:</em> Economists have a habit of describing technology as weather. It arrives; we adapt. But a productivity gain is not rain. It is money, and somebody decides where it goes.</p>
<p><em>Kwame writes:</em> And from the engineering side, I can tell you that the tools are built with assumptions about who is in charge. A writing assistant that reports every keystroke to a manager is a different product from one that helps a worker finish early and go home. Same model, different decisions.</p>
<h2>Three ways it can go</h2>
<ul>
<li><strong>To shareholders</strong>, as fewer staff produce the same output and the savings become profit.</li>
<li><strong>To customers</strong>, as lower prices, if markets are competitive enough to force it.</li>
<li><strong>To workers</strong>, as higher pay or shorter hours, if they have the bargaining power to demand it.</li>
</ul>
<p>History suggests the split depends less on the technology than on institutions: unions, competition policy, tax. The gains from electricity and the assembly line were eventually shared, but only after decades of fights over hours and wages.</p>
<p><em>Kwame adds:</em> The engineers building these systems are workers too, and many of them are uneasy. I have been in design meetings where the question “should this feature exist?” was never asked, only “can we ship it by Thursday?” Giving staff a formal voice would improve the products as well as the bargain.</p>
<h2>Decide in advance</h2>
<p>We would like to skip the decades. Companies introducing these tools should have to consult staff on how they are deployed, as many European works councils already require. Competition authorities should watch for a handful of firms capturing the whole market.</p>
<p>And governments should be honest that “the market will sort it out” is itself a choice — usually the one that favours whoever owns the machines.</p>
""",
    },
    # Not published: one overdue in the review queue, one scheduled.
    {
        "slug": "pension-reform-without-the-panic",
        "title": "Pension reform without the panic",
        "standfirst": "Yes, we are living longer. No, that does not mean the system is doomed. A calmer way to talk about retirement.",
        "authors": ["tomas-echeverria"],
        "topics": ["Economy", "Work", "Democracy"],
        "state": "submitted",
        "days_ago": 6,
        "assign": ("editor", -2),
        "picture": ("hills", "economy"),
        "caption": "Layered hills under a pale sun: the long view of a working life.",
        "body": """
<p>Every pensions debate begins with a chart showing the number of workers per pensioner falling off a cliff. It is a frightening chart. It is also misleading, because it assumes that everything else stays still.</p>
<h2>What the chart leaves out</h2>
<p>The ratio that matters is not people of working age to people over 65. It is people <em>in work</em> to people not in work. That ratio can be improved by getting more women, older workers and migrants into jobs — which is exactly what has happened in several countries that were told they faced collapse.</p>
<p>Productivity matters too. A smaller workforce that produces more can support more retirees. None of this is guaranteed, but none of it is in the frightening chart.</p>
<h2>What a calm reform looks like</h2>
<ul>
<li>Link the pension age to healthy life expectancy, not just life expectancy.</li>
<li>Protect people in physically hard jobs, who cannot work as long.</li>
<li>Build a cross-party commission that reports every five years, so no government has to be brave alone.</li>
</ul>
<p>Pensions are a promise between generations. Promises are kept by adjusting them carefully, not by scaring the people who are owed them.</p>
""",
    },
    {
        "slug": "what-a-budget-surplus-is-really-for",
        "title": "What a budget surplus is really for",
        "standfirst": "When the public finances finally look healthy, the temptation is to hand the money back. The wiser move is to fix the roof while the sun shines.",
        "authors": ["tomas-echeverria"],
        "topics": ["Economy", "Democracy"],
        "state": "scheduled",
        "days_ago": 4,
        "publish_in": (3, "07:00"),
        "picture": ("bars", "economy"),
        "caption": "Bars of different heights: the spending lines that wait for good years.",
        "body": """
<p>Budget surpluses are rare enough that governments rarely plan for them. When one arrives, the debate is instant and predictable: cut taxes, or spend on something popular before the election.</p>
<p>Both options treat the surplus as a windfall. It is better understood as a <strong>window</strong> — a moment when the state can do things that are hard in bad years.</p>
<h2>Three uses that outlast a parliament</h2>
<ol>
<li><strong>Maintenance.</strong> Schools, hospitals and bridges wear out whether or not anyone cuts a ribbon. A surplus year is the time to clear the backlog.</li>
<li><strong>Buffers.</strong> Putting money aside for the next recession means the state can support jobs then instead of cutting.</li>
<li><strong>Debt with a purpose.</strong> Paying down the most expensive borrowing frees money for decades.</li>
</ol>
<p>None of these wins headlines. All of them make the next crisis less painful. The test of a finance minister is not what they do in a crisis but what they did in the good years before it.</p>
<p>Surpluses are not for spending. They are for getting ready.</p>
""",
    },
]
