"""The demo’s written content, as plain data. Everything here is invented for this project.

Each article is a dict: ``slug``, ``title``, ``standfirst``, ``authors`` (author slugs in
byline order), ``topics``, ``body`` (HTML), and either ``picture`` (motif, palette) or
``picture_of`` (the slug of another article whose image it reuses), with a ``caption``.
``state`` defaults to published, at ``published = (days ago, "HH:MM")``. Other states give
``days_ago`` (when the work started) and what the desk did with it: ``withdrawn`` (a draft
taken back from review), ``assign = (editor, due in days)`` (negative: overdue),
``editor``/``note``/``reply`` (changes requested), ``publish_in = (days, "HH:MM")``
(scheduled), ``unpublished_days_ago`` and ``reason`` (unpublished).

``AFTER_PUBLICATION`` holds what happened to some published pieces later: a pending
change, corrections, a disclosure.
"""

from . import amara, eleni, kwame, lena, siobhan, tomas
from .after_publication import AFTER_PUBLICATION
from .people import AUTHORS, LOGINS, NAVIGATION_TOPICS, PASSWORD, TOPICS, TOTP_SECRET

ARTICLES = [
    *amara.ARTICLES,
    *tomas.ARTICLES,
    *siobhan.ARTICLES,
    *kwame.ARTICLES,
    *lena.ARTICLES,
    *eleni.ARTICLES,
]

__all__ = [
    "AFTER_PUBLICATION",
    "ARTICLES",
    "AUTHORS",
    "LOGINS",
    "NAVIGATION_TOPICS",
    "PASSWORD",
    "TOPICS",
    "TOTP_SECRET",
]
