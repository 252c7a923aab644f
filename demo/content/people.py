"""The demo's people: logins, author profiles and topics. All of them are invented."""

# Printed in the table at the end of load_demo; never use these logins on a real site.
PASSWORD = "opinion-demo"
# The demo's editors and administrator confirm sign-in with a code from an authenticator
# app set up with this one shared key (base32): `oathtool --totp -b NEWSROOMDEMOKEYS`.
TOTP_SECRET = "NEWSROOMDEMOKEYS"

# role, username, first name, last name, what to try when logged in as them.
LOGINS = [
    (
        "Administrator",
        "admin",
        "Morgan",
        "Hale",
        "Everything: users, the audit log, emptying the trash",
    ),
    (
        "Editor",
        "editor",
        "Harriet",
        "Lowe",
        "The review queue: two pieces assigned to you, one overdue",
    ),
    (
        "Editor",
        "editor2",
        "Dev",
        "Malhotra",
        "Publish the unassigned submission; read the notes threads",
    ),
    (
        "Columnist",
        "amara",
        "Amara",
        "Nwosu",
        "Answer the editor’s note on the ring-road piece and resubmit",
    ),
    (
        "Columnist",
        "tomas",
        "Tomás",
        "Echeverría",
        "See your scheduled piece and the one waiting for review",
    ),
    (
        "Columnist",
        "siobhan",
        "Siobhán",
        "O’Connor",
        "One piece in review, one scheduled, and a draft in the trash",
    ),
    (
        "Columnist",
        "kwame",
        "Kwame",
        "Boateng",
        "Your unpublished piece and its reason; finish your draft",
    ),
    (
        "Columnist",
        "lena",
        "Lena",
        "Wiśniewska",
        "Reply to the requested changes; write in Polish if you like",
    ),
]

# Each author: display name, slug, login (None for a guest), avatar palette, bio, links.
AUTHORS = [
    {
        "name": "Amara Nwosu",
        "slug": "amara-nwosu",
        "username": "amara",
        "palette": "cities",
        "bio": (
            "Amara Nwosu writes about cities, housing and the buses that hold them together. "
            "She grew up in Surulere, Lagos, and spent eight years as a planning officer in "
            "two London boroughs before deciding she would rather argue in public.\n\n"
            "Her column appears every other Tuesday. She is wary of anything described as "
            "“transformational” and fond of anything that comes every ten minutes.\n\n"
            "She lives in south-east London, where she is on first-name terms with the drivers "
            "of the 36."
        ),
        "links": [
            ("Website", "https://www.example.com/amara-nwosu"),
            ("Mastodon", "https://mastodon.example.org/@amara"),
        ],
    },
    {
        "name": "Tomás Echeverría",
        "slug": "tomas-echeverria",
        "username": "tomas",
        "palette": "economy",
        "bio": (
            "Tomás Echeverría is our economics columnist. Born in Bilbao and trained as a labour "
            "economist in Madrid, he spent a decade building wage statistics before he started "
            "writing about what they leave out.\n\n"
            "He writes on work, money and the institutions that decide who gets which. He "
            "believes a chart without a source is an opinion in disguise, and that most "
            "opinions should admit it."
        ),
        "links": [
            ("Website", "https://www.example.com/tomas-echeverria"),
            ("LinkedIn", "https://linkedin.example.com/in/tomas-echeverria"),
            ("X", "https://x.example.com/tomas_echev"),
        ],
    },
    {
        "name": "Siobhán O’Connor",
        "slug": "siobhan-oconnor",
        "username": "siobhan",
        "palette": "education",
        "bio": (
            "Siobhán O’Connor taught English and history in a Galway secondary school for twelve "
            "years before she swapped the staffroom for the newsroom. She writes about schools, "
            "health, local media and the places where they overlap.\n\n"
            "Her column comes out on Thursdays. She answers every letter from a teacher, "
            "eventually, and reads more council minutes than is strictly healthy."
        ),
        "links": [
            ("Website", "https://www.example.com/siobhan-oconnor"),
            ("Mastodon", "https://mastodon.example.org/@siobhan"),
        ],
    },
    {
        "name": "Kwame Boateng",
        "slug": "kwame-boateng",
        "username": "kwame",
        "palette": "technology",
        "bio": (
            "Kwame Boateng writes about technology and the people on the receiving end of it. "
            "He was born in Accra, studied computer science in Kumasi and worked as a software "
            "engineer in Manchester for eleven years, most of them on systems nobody notices "
            "until they break.\n\n"
            "His column argues that software is a set of decisions made by people, and that "
            "those people can be asked questions.\n\n"
            "When he is not writing he repairs other people’s laptops, slowly."
        ),
        "links": [
            ("Website", "https://www.example.com/kwame-boateng"),
            ("LinkedIn", "https://linkedin.example.com/in/kwame-boateng"),
        ],
    },
    {
        "name": "Lena Wiśniewska",
        "slug": "lena-wisniewska",
        "username": "lena",
        "palette": "climate",
        "bio": (
            "Lena Wiśniewska covers climate, food and the politics of both. She grew up in "
            "Kraków, in the years when the winter air could be tasted, and has reported from "
            "Berlin since 2016.\n\n"
            "Her column looks for the climate policies that work quietly rather than the ones "
            "that photograph well. She writes in English and Polish, and occasionally argues "
            "with herself in German."
        ),
        "links": [
            ("Website", "https://www.example.com/lena-wisniewska"),
            ("Mastodon", "https://mastodon.example.org/@lena"),
            ("X", "https://x.example.com/lena_wis"),
        ],
    },
    {
        "name": "Eleni Markou",
        "slug": "eleni-markou",
        "username": None,  # a guest contributor: no login, the editors file her pieces
        "palette": "health",
        "bio": (
            "Dr Eleni Markou is an epidemiologist at a public hospital in Athens, where she "
            "studies how heat, air and housing show up in emergency departments.\n\n"
            "She writes for us as a guest contributor, usually after a long shift and always "
            "with footnotes she has been persuaded to cut."
        ),
        "links": [("Website", "https://www.example.org/eleni-markou")],
    },
]

TOPICS = [
    ("Climate", "climate", "Heat, floods, energy and the slow politics of cutting carbon."),
    ("Cities", "cities", "How streets, neighbourhoods and city halls shape the way we live."),
    ("Technology", "technology", "Software, platforms and the decisions hidden inside them."),
    ("Education", "education", "Schools, universities and what we ask of the people who teach."),
    ("Health", "health", "Hospitals, public health and the everyday conditions for a long life."),
    ("Economy", "economy", "Prices, wages, taxes and who ends up paying for what."),
    ("Culture", "culture", "Books, languages, libraries and the places we gather."),
    ("Media", "media", "Newsrooms, broadcasters and the health of public conversation."),
    ("Work", "work", "Jobs, hours, pay and the changing shape of the working week."),
    ("Food", "food", "Farms, kitchens, prices and what ends up on the plate."),
    ("Transport", "transport", "Buses, bikes, trains and roads, and who they are built for."),
    ("Democracy", "democracy", "Elections, assemblies and how decisions get made in public."),
    ("Science", "science", "Research, evidence and how we come to trust what we know."),
    ("Housing", "housing", "Rents, building, planning and the right to a decent home."),
]

# Topics the editors feature in the site's header, in order.
NAVIGATION_TOPICS = ["Climate", "Cities", "Economy", "Technology", "Culture"]
