"""Outside voices for the demo: op-eds and letters from the public, in every desk state.

Written for this demo; the people and places are invented. ``state`` is where the demo
leaves each one; ``answers`` names a demo article (by slug) a letter replies to, or
``None`` for the newest published article.
"""

SUBMISSIONS = [
    {
        "reference": "OB-DEMO0P1",
        "kind": "op_ed",
        "state": "new",
        "name": "Ruth Ashdown",
        "email": "ruth.ashdown@example.org",
        "phone": "",
        "affiliation": "Branch librarian, Hexley Public Library",
        "bio": "Ruth Ashdown has run a branch library for eleven years.",
        "headline": "Keep one library open until midnight",
        "is_pitch": True,
        "text": (
            "I would like to argue that every town of fifty thousand people should keep one "
            "library open until midnight, at least in winter.\n\n"
            "After nine in the evening the only warm, quiet, free places left are petrol "
            "stations and hospital waiting rooms. I have watched students, night workers "
            "between shifts and people with nowhere better to be queue at our door at "
            "opening time. I can show what a late opening costs in staff and heating, and "
            "what it saved the council in a trial we ran last February."
        ),
        "conflict_of_interest": "I work for the library service that ran the trial.",
    },
    {
        "reference": "OB-DEMO0P2",
        "kind": "op_ed",
        "state": "considering",
        "name": "Dev Malhotra",
        "email": "dev.malhotra@example.org",
        "phone": "+44 1632 960 451",
        "affiliation": "Chair, Upper Brook Community Transport",
        "bio": "Dev Malhotra chairs a volunteer-run village bus service.",
        "headline": "Our village bought its own bus. Yours could too",
        "text": (
            "When the last commercial route through Upper Brook was cut, we did what "
            "everyone said was impossible: we bought a second-hand minibus, found "
            "fourteen volunteer drivers and started running it ourselves.\n\n"
            "Three years on it carries four hundred journeys a month. It is not a "
            "miracle; it is a charity, a licence and a rota. The hard part was not money "
            "but permission, and that is what councils could make easier tomorrow."
        ),
        "conflict_of_interest": "None.",
        "assign": "editor",
        "note": "Good, concrete. Check the journey numbers with the council before we say yes.",
    },
    {
        "reference": "OB-DEMO0P3",
        "kind": "op_ed",
        "state": "accepted",
        "name": "Dr Ifeoma Chukwu",
        "email": "ifeoma.chukwu@example.org",
        "phone": "",
        "affiliation": "Consultant in emergency medicine",
        "bio": "Ifeoma Chukwu is an emergency doctor in the Midlands.",
        "headline": "A corridor is not a ward",
        "text": (
            "On my last night shift we treated nineteen people in a corridor. Each of "
            "them was counted, in the statistics, as having been seen.\n\n"
            "Corridor care has become so ordinary that we have protocols for it: which "
            "wall the trolleys go against, how far apart, where the screens are kept. We "
            "should stop writing protocols for a failure and start counting it as one."
        ),
        "conflict_of_interest": "I am a member of a medical trade union.",
        "sign_off": True,
    },
    {
        "reference": "OB-DEMO0P4",
        "kind": "op_ed",
        "state": "declined",
        "name": "Gary Pemberton",
        "email": "g.pemberton@example.org",
        "phone": "",
        "affiliation": "Independent",
        "bio": "Gary Pemberton is a retired surveyor.",
        "headline": "Bring back the paper timetable",
        "text": "Every bus stop used to tell you when the bus would come. Now it tells you a web address.",
        "conflict_of_interest": "None",
    },
    {
        "reference": "OB-DEMO0P5",
        "kind": "op_ed",
        "state": "withdrawn",
        "name": "Sunita Rao",
        "email": "sunita.rao@example.org",
        "phone": "",
        "affiliation": "Secondary school teacher",
        "bio": "Sunita Rao teaches chemistry in Bristol.",
        "headline": "Homework should stay at school",
        "text": "A pitch about ending homework for under-fourteens, with evidence from our trial.",
        "conflict_of_interest": "None",
        "is_pitch": True,
    },
    {
        "reference": "OB-DEMO0P6",
        "kind": "op_ed",
        "state": "unverified",
        "name": "Tom Ellery",
        "email": "tom.ellery@example.org",
        "phone": "",
        "affiliation": "Student",
        "bio": "Tom Ellery studies history.",
        "headline": "Student rents are a tax on ambition",
        "text": "Half my loan goes to a landlord before I buy a single book.",
        "conflict_of_interest": "None",
    },
    {
        "reference": "OB-DEMO0L1",
        "kind": "letter",
        "state": "accepted",
        "name": "Margaret Oyelaran",
        "email": "m.oyelaran@example.org",
        "town": "Sheffield",
        "answers": None,
        "text": (
            "Your columnist is right, but leaves out the people who make it work: the "
            "volunteers. Our street’s scheme ran for six years on four retired neighbours "
            "and a borrowed van.\n\n"
            "Any plan that depends on goodwill should budget for thanking it."
        ),
    },
    {
        "reference": "OB-DEMO0L2",
        "kind": "letter",
        "state": "new",
        "name": "Alun Price",
        "email": "alun.price@example.org",
        "town": "Aberystwyth",
        "answers": None,
        "text": "I disagree. The figures quoted are national averages and hide what happens in rural Wales.",
    },
    {
        "reference": "OB-DEMO0L3",
        "kind": "letter",
        "state": "declined",
        "name": "K. Doyle",
        "email": "k.doyle@example.org",
        "town": "Derry",
        "answers": None,
        "text": "Another article about buses. Does nobody at your paper drive?",
    },
]
