"""What happened to some published demo articles afterwards: a change waiting for an
editor, corrections readers see at the end, a disclosure above the body. Keyed by slug.

``pending_change``: ``username`` of the columnist, ``days_ago``, and the new
``standfirst`` and a ``paragraph`` added at the end of the body. ``corrections``:
``(days ago, text)``, oldest first, added by ``editor``. ``disclosure``: the text.
"""

AFTER_PUBLICATION = {
    "the-bus-lane-is-the-cheapest-housing-policy-we-have": {
        "pending_change": {
            "username": "amara",
            "days_ago": 1,
            "standfirst": (
                "A painted lane costs less than a single flat, and it moves more people "
                "home each evening than any tower block houses. New figures from the "
                "transport authority make the case stronger."
            ),
            "paragraph": (
                "Since this piece ran, the transport authority has published its spring "
                "counts: the Eastway lane now carries 4,100 riders an hour at the evening "
                "peak, up from 3,300 a year ago. The cheapest housing policy keeps getting "
                "cheaper per person."
            ),
        },
    },
    "inflation-hit-the-poor-twice": {
        "editor": "editor",
        "corrections": [
            (
                7,
                "An earlier version of this article gave the food inflation rate for "
                "the lowest-income tenth of households as 19 per cent. It was 16 per cent.",
            ),
            (
                4,
                "An earlier version misnamed the statistics office’s household survey. "
                "It is the Living Costs and Food Survey.",
            ),
        ],
    },
    "the-right-to-repair-is-a-climate-policy": {
        "disclosure": (
            "Kwame Boateng volunteers at a community repair café that campaigns for "
            "right-to-repair laws. He is not paid by it."
        ),
    },
}
