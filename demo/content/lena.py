"""Lena Wiśniewska’s pieces: climate, food, democracy."""

ARTICLES = [
    {
        "slug": "heat-pumps-are-boring-and-thats-the-point",
        "title": "Heat pumps are boring, and that’s the point",
        "standfirst": "The technology that will decarbonise most homes has no charisma at all. It sits outside, hums a bit and works. Policy should be just as dull.",
        "authors": ["lena-wisniewska"],
        "topics": ["Climate", "Housing", "Technology"],
        "published": (5, "09:05"),
        "picture": ("waves", "climate"),
        "caption": "Rolling waves of green and sand: heat moved gently from one place to another.",
        "body": """
<p>My parents’ flat in Kraków was heated by a coal stove until I was nine. My first job each winter morning was to carry the ash bucket downstairs. I mention this because when people tell me that heat pumps are complicated, I remember that bucket.</p>
<p>A heat pump is a fridge running backwards. It moves warmth from the outside air, or the ground, into the house. It has been around for decades. In Scandinavia it is simply how houses are heated, including in places much colder than Britain or Germany.</p>
<h2>Why the fuss?</h2>
<p>In Germany, a law on heating systems became one of the most bitter political fights of recent years. In Britain, heat pumps are described in some newspapers as if they were a form of punishment. The machines themselves are uncontroversial. What frightens people is cost, disruption and the feeling of being told what to do.</p>
<p>Those are fair fears, and they can be answered with boring policy:</p>
<ul>
<li>Upfront grants or cheap loans so that a heat pump costs no more to install than a boiler.</li>
<li>Electricity prices that stop carrying levies that belong on gas.</li>
<li>Trained installers in every region, so nobody waits six months.</li>
<li>Clear timelines, announced years ahead, and kept.</li>
</ul>
<h2>Less drama</h2>
<p>The energy transition will be won in boiler cupboards and utility rooms, by people who never think about climate policy at all. The best thing politicians can do is make the right choice the easy, cheap and unremarkable one. Then get out of the way.</p>
""",
    },
    {
        "slug": "farmers-are-not-the-enemy-of-climate-policy",
        "title": "Farmers are not the enemy of climate policy",
        "standfirst": "Tractors on the motorway make a striking picture of backlash. Behind it are people who were asked to change everything and offered very little in return.",
        "authors": ["lena-wisniewska"],
        "topics": ["Climate", "Food", "Democracy"],
        "published": (17, "07:20"),
        "picture": ("hills", "food"),
        "caption": "Layered fields under a low sun, drawn in the colours of late harvest.",
        "body": """
<p>Across Europe in the past few years, farmers have blocked roads with tractors, dumped manure outside parliaments and turned up in their thousands in Brussels, Berlin and Warsaw. The reasons vary from country to country, but climate rules are always somewhere on the list.</p>
<p>It is tempting for those of us who care about emissions to see this as pure obstruction. I think that is a serious mistake.</p>
<h2>What farmers see</h2>
<p>Farmers are squeezed between supermarkets that push prices down and input costs that go up. They are told to cut fertiliser, set land aside and fill in more forms, often with short notice and little support. Then they watch cheaper imports arrive, produced under none of the same rules.</p>
<p>When I talk to farmers near my family’s village in Małopolska, they don’t deny the climate is changing. They have watched it happen through drier springs and stranger harvests. What they reject is being the ones who pay for it.</p>
<p>There is also a cultural wound. Many farming families feel that city people, who have never lambed a ewe or lost a harvest to hail, lecture them about nature. Some of that feeling is exploited by politicians who have no interest in farmers beyond their votes. But the feeling itself is real, and dismissing it only deepens it.</p>
<h2>A fairer deal</h2>
<ol>
<li>Pay farmers properly for storing carbon, restoring wetlands and protecting soil — as a service, not a favour.</li>
<li>Apply the same standards to imports, so good practice is not undercut.</li>
<li>Write the rules with farmers, not about them.</li>
</ol>
<p>We cannot feed Europe without farmers, and we cannot meet climate targets without changing how we farm. Those two facts point to a negotiation, not a war.</p>
""",
    },
    {
        "slug": "miasto-które-słucha",
        "title": "Miasto, które słucha",
        "standfirst": "The city that listens: how a citizens’ panel in Kraków helped clear the smog from the air I grew up breathing. A column in Polish and English.",
        "authors": ["lena-wisniewska"],
        "topics": ["Democracy", "Climate", "Cities"],
        "published": (31, "08:00"),
        "picture": ("waves", "democracy"),
        "caption": "Layers of blue and gold rolling across the frame, like many voices finding a common line.",
        "body": """
<p><em>Ten tekst jest po polsku i po angielsku. This column is in Polish and English.</em></p>
<p>Kiedy byłam dzieckiem, zimą w Krakowie powietrze miało smak. Dym z tysięcy pieców węglowych wisiał nad Rynkiem, a mama mówiła, żebyśmy nie biegały, bo „płuca bolą”. Nikt nie wierzył, że to się może zmienić.</p>
<p>When I was a child, the winter air in Kraków had a taste. Smoke from thousands of coal stoves hung over the Market Square, and my mother told us not to run because “it hurts your lungs”. Nobody believed it could change.</p>
<h2>Co się zmieniło? What changed?</h2>
<p>The city banned burning coal and wood in household stoves — the first in Poland to do so. But the law alone was not the story. What made it stick was that residents had been part of the argument: public meetings, a citizens’ panel, campaigners who were mothers with prams rather than professional activists.</p>
<p>Mieszkańcy nie czuli, że ktoś im coś zabiera. Czuli, że sami o tym zdecydowali. <em>Residents did not feel that something was being taken from them. They felt they had decided it themselves.</em></p>
<blockquote><p>„Nie da się oddychać cudzą decyzją.” <em>You cannot breathe someone else’s decision.</em></p></blockquote>
<h2>Lekcja dla innych miast</h2>
<ul>
<li>Put residents at the table before the rule is written, not after.</li>
<li>Pay for the change — grants for new heating reached households that could never have afforded it.</li>
<li>Measure and publish the results, street by street, so people can see the air getting cleaner.</li>
</ul>
<p>Dziś zimą w Krakowie można biegać. <em>Today you can run in Kraków in winter.</em> That is what democracy looks like when it listens.</p>
""",
    },
    {
        "slug": "eat-the-seasons-but-dont-moralise-about-it",
        "title": "Eat the seasons, but don’t moralise about it",
        "standfirst": "Seasonal food is delicious and often greener. Turning it into a test of virtue puts off the people who would benefit most.",
        "authors": ["lena-wisniewska"],
        "topics": ["Food", "Climate", "Culture"],
        "published": (48, "18:50"),
        "picture": ("circles", "food"),
        "caption": "Circles of saffron and olive, like a market table in late summer.",
        "body": """
<p>My grandmother did not eat seasonally because of climate change. She ate seasonally because there was nothing else. Cabbage and potatoes through the winter, sauerkraut in the cellar, and then, sometime in June, the first strawberries — an event celebrated like a small holiday.</p>
<p>Today, seasonal eating has been rediscovered as a virtue, with cookbooks, calendars and a faint air of disapproval towards anyone buying tomatoes in February.</p>
<h2>The good part</h2>
<p>There is a lot to like. Seasonal produce is often cheaper, fresher and tastes better. Eating it connects us to where food comes from. Some out-of-season food really does have a large footprint, especially anything flown in or grown in heated greenhouses.</p>
<h2>The unhelpful part</h2>
<p>But the details are messier than the slogans. A tomato grown in a Spanish field and trucked north can have a smaller footprint than one grown in a heated British glasshouse. What you eat matters far more than when you eat it: a seasonal steak is still a steak.</p>
<p>And moralising has a cost. People on tight budgets, or with little time to cook, hear that they are doing it wrong — and tune out the whole conversation.</p>
<p>I have been guilty of this myself. At a dinner in Berlin I once made a remark about imported asparagus that I still regret. The host, a nurse who had worked a double shift, had bought what was on offer. She was feeding eight people on a Tuesday. I was being smug.</p>
<ul>
<li>Celebrate seasonal food for being good, not for being righteous.</li>
<li>Focus the climate message on the big wins: less waste, less meat, fewer air-freighted goods.</li>
<li>Make fresh local produce affordable, in shops people actually use.</li>
</ul>
<p>My grandmother would have found a seasonal-eating calendar baffling. She would have recognised the strawberries.</p>
""",
    },
    {
        "slug": "citizens-assemblies-work-politicians-should-be-nervous",
        "title": "Citizens’ assemblies work. Politicians should be nervous",
        "standfirst": "Give ordinary people time, evidence and a serious question, and they reach thoughtful conclusions. The awkward part is what happens next.",
        "authors": ["lena-wisniewska"],
        "topics": ["Democracy", "Climate"],
        "published": (63, "12:00"),
        "picture_of": "miasto-które-słucha",
        "caption": "Many voices, one line: we used this picture for our Kraków column too, for a reason.",
        "body": """
<p>A citizens’ assembly is a simple idea. Choose a group of people at random, weighted so they reflect the population. Give them weeks, not minutes. Let them hear from experts and from people who disagree with the experts. Then ask them to make recommendations.</p>
<p>Ireland used this method on questions that had paralysed its parliament for decades, including abortion and same-sex marriage. France, Britain, Germany and Poland have all run assemblies on climate.</p>
<h2>What happens inside</h2>
<p>Observers are consistently surprised. People who arrive with strong opinions listen. Members who never read a policy paper ask precise questions. The recommendations are often more ambitious than anything a party would dare put in a manifesto — and more practical too, because they come from people who will live with the consequences.</p>
<blockquote><p>Trust people with the difficult question, and they often prove more grown-up than the politicians who feared them.</p></blockquote>
<h2>The weak point</h2>
<p>The problem is the handover. Too often, a government commissions an assembly, thanks it warmly and then ignores most of what it said. That is worse than not asking at all: it teaches participants that their time was wasted.</p>
<ol>
<li>Governments should commit in advance to respond to every recommendation, in public, within a fixed time.</li>
<li>Parliaments should debate the report, not receive it.</li>
<li>Where a recommendation is rejected, ministers should explain why to the members themselves.</li>
</ol>
<p>Assemblies are not a substitute for elections. They are a way to make elected people listen. That is why some of them are nervous.</p>
""",
    },
    {
        "slug": "flood-maps-are-the-most-important-documents-nobody-reads",
        "title": "Flood maps are the most important documents nobody reads",
        "standfirst": "Before you rent or buy a home, you check the rooms, the boiler and the commute. Almost nobody checks whether it will be under water in twenty years.",
        "authors": ["lena-wisniewska"],
        "topics": ["Climate", "Housing", "Science"],
        "published": (78, "07:35"),
        "picture": ("waves", "housing"),
        "caption": "Waves layered over earthy colours: rising water meeting the places we live.",
        "body": """
<p>In 2021 I reported from the Ahr valley in Germany after the floods. I met a couple who had bought their house three years earlier. Nobody had told them it sat in an area where floods were expected. The map existed. It simply never came up.</p>
<p>Flood risk maps are produced at great expense, updated as the climate changes and almost entirely ignored at the moment people make the biggest financial decision of their lives.</p>
<h2>Hidden in plain sight</h2>
<p>In most countries you can <a href="https://www.example.com/flood-risk-map">look up a property’s flood risk</a> if you know where to find it. Few people do. Estate agents rarely mention it, listing websites bury it, and tenants are often never told at all. Insurers know the risk exactly; residents find out when they try to renew a policy.</p>
<p>That information gap has a price. When risk is invisible, homes in flood zones sell for roughly the same as homes on higher ground. The buyer pays full price for a risk nobody mentioned, and the loss arrives years later, when the water does — or when the insurer withdraws.</p>
<h2>Put it on the listing</h2>
<ul>
<li>Show flood and heat risk on every property listing, in the same place as the energy rating.</li>
<li>Require landlords to tell tenants about known risks before they sign.</li>
<li>Stop approving new homes on land that the maps say will flood, or require them to be built to cope.</li>
</ul>
<p>This is not about frightening people. It is about letting them choose with open eyes, and about making sure the cost of climate risk isn’t quietly passed to whoever buys last.</p>
<p>The science is done. The maps are drawn. We just have to let people read them.</p>
""",
    },
    {
        "slug": "the-cost-of-a-cheap-chicken",
        "title": "The cost of a cheap chicken",
        "standfirst": "A whole chicken for the price of a sandwich is a marvel of efficiency. Someone, somewhere, is paying the rest of the bill.",
        "authors": ["lena-wisniewska"],
        "topics": ["Food", "Health", "Economy"],
        "published": (99, "17:25"),
        "picture": ("bars", "food"),
        "caption": "Bars of saffron and cream rising unevenly, like the real price behind the shelf label.",
        "body": """
<p>In my local supermarket in Berlin you can buy a whole chicken for a little over four euros. In Poland it is cheaper still. For many families on tight budgets, that chicken is a lifeline: protein for several meals at a price nothing else can match.</p>
<p>I don’t want to make that chicken unaffordable. But I do want to be honest about what it costs.</p>
<h2>Who pays</h2>
<p>The birds pay first: bred to grow so fast that some struggle to stand, kept in sheds of tens of thousands. Workers in processing plants pay too, in low wages and high injury rates. Rivers near intensive farms pay with nutrient pollution. And all of us pay in antibiotic resistance, which grows wherever antibiotics are used routinely in animals.</p>
<p>None of these costs appear on the label. They are real costs nonetheless, and they land on public health budgets, on local communities and on the future.</p>
<p>There is a health cost on the plate as well. Diets built around cheap processed meat are linked to higher rates of heart disease and some cancers, and those diets are most common where money is tightest. Cheapness is not neutral: it shapes what families eat, and therefore how long they live.</p>
<h2>What a fairer price means</h2>
<ol>
<li>Raise welfare and environmental standards steadily, across the whole market, so no producer is undercut by doing the right thing.</li>
<li>Support low-income households directly, rather than relying on cheap meat to do it.</li>
<li>Make better food easier to afford: vegetables, pulses, grains — the cheap proteins that don’t carry hidden bills.</li>
</ol>
<p>Cheap food is a political achievement. Cheap food that quietly makes us sicker is a political failure. We can do better than choosing between them.</p>
""",
    },
    # Not published: a draft she withdrew from review, and a piece sent back.
    {
        "slug": "rewilding-needs-fewer-slogans",
        "title": "Rewilding needs fewer slogans",
        "standfirst": "Bringing back wolves and beavers makes a great headline. The quieter work of restoring ordinary land needs more attention.",
        "authors": ["lena-wisniewska"],
        "topics": ["Climate", "Science", "Food"],
        "state": "draft",
        "withdrawn": True,
        "days_ago": 8,
        "picture": ("hills", "climate"),
        "caption": "Rolling hills in layers: land that could be left a little wilder.",
        "body": """
<p>Rewilding has become one of the most appealing ideas in environmental politics. Release the beavers, let the wolves return, step back and let nature do the rest.</p>
<p>Some of that is wonderful. Beavers really do slow floods and create wetlands. But the word has become a slogan, and slogans hide the trade-offs: farmers who lose sheep, communities who feel their landscape is being decided for them.</p>
<h2>Still to write</h2>
<p>I pulled this back from the editors to add the section on hedgerows and field margins — the unglamorous rewilding that happens on working farms. Need a farmer’s voice too.</p>
""",
    },
    {
        "slug": "carbon-budgets-for-households-are-a-distraction",
        "title": "Carbon budgets for households are a distraction",
        "standfirst": "Personal carbon calculators make us feel responsible. They let governments and companies off the hook.",
        "authors": ["lena-wisniewska"],
        "topics": ["Climate", "Economy", "Democracy"],
        "state": "changes_requested",
        "days_ago": 5,
        "picture": ("bars", "climate"),
        "caption": "Bars of uneven height: individual footprints against a much larger total.",
        "editor": "editor",
        "note": "I like the argument, but the headline overstates it — you say yourself in paragraph four that individual choices matter for flights and diet. Could we soften to “aren’t the main event” or similar? Also please add a line on who popularised the personal footprint idea, with a source.",
        "reply": "Agreed on the headline — I’ll go with “Household carbon budgets aren’t the main event”. I’ll add the history of the footprint calculator with a link. Back to you by Friday.",
        "body": """
<p>You have probably been invited to calculate your carbon footprint. Answer a few questions about your car, your flights and your diet, and a website tells you how many tonnes you emit and how many planets we would need if everyone lived like you.</p>
<h2>What the calculators miss</h2>
<p>Most emissions come from systems individuals don’t control: how electricity is generated, how buildings are heated, how goods are made and moved. A family can recycle perfectly and still live in a house heated by gas with no alternative on offer.</p>
<h2>Where individuals do matter</h2>
<p>Flights and diet are real exceptions, and I don’t want to pretend otherwise. But even there, the big changes come from prices, rules and infrastructure.</p>
<p>Count your footprint if it helps. Then write to your council about the buses.</p>
""",
    },
]
