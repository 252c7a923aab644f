"""Keyset pagination for article lists: "Older articles" / "Newer articles" links.

A page is found from the last card the reader saw, ``?before=<cursor>`` or ``?after=<cursor>``,
where the cursor is that card's (published_at, id). Each page is one index range scan of
``per_page + 1`` rows, so the ten-thousandth page costs what the first does and nothing is
ever counted. A cursor that is not one we made, or that leads nowhere, is a 404.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.http import Http404, QueryDict

OLDER, NEWER = "before", "after"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
CURSOR = re.compile(r"(-?\d{1,18})\.(\d{1,18})")


def encode(article):
    micros = (article.published_at - EPOCH) // timedelta(microseconds=1)
    return f"{micros}.{article.pk}"


def decode(token):
    """(published_at, id) from a cursor, or a 404 for anything else."""
    match = CURSOR.fullmatch(token)
    if not match:
        raise Http404("That page of articles does not exist.")
    try:
        published_at = EPOCH + timedelta(microseconds=int(match[1]))
    except OverflowError:
        raise Http404("That page of articles does not exist.") from None
    return published_at, int(match[2])


@dataclass
class KeysetPage:
    object_list: list
    older_cursor: str | None
    newer_cursor: str | None

    # The names Django's Page uses, so templates read the same either way.
    def has_next(self):
        return self.older_cursor is not None

    def has_previous(self):
        return self.newer_cursor is not None

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    @property
    def next_query(self):
        return _query(OLDER, self.older_cursor)

    @property
    def previous_query(self):
        return _query(NEWER, self.newer_cursor)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def _query(name, cursor):
    query = QueryDict(mutable=True)
    query[name] = cursor
    return query.urlencode()


def paginate(queryset, params, per_page):
    """The page of ``queryset`` (newest first by published_at, id) that ``params`` asks for."""
    older, newer = params.get(OLDER), params.get(NEWER)
    if older is not None and newer is not None:
        raise Http404("That page of articles does not exist.")
    if newer is not None:
        published_at, pk = decode(newer)
        rows = list(
            queryset.filter(published_at__gte=published_at)
            .exclude(published_at=published_at, pk__lte=pk)
            .order_by("published_at", "pk")[: per_page + 1]
        )
        more_newer = len(rows) > per_page
        rows = rows[:per_page][::-1]
        if not rows:
            raise Http404("That page of articles does not exist.")
        return KeysetPage(rows, encode(rows[-1]), encode(rows[0]) if more_newer else None)
    if older is not None:
        published_at, pk = decode(older)
        queryset = queryset.filter(published_at__lte=published_at).exclude(
            published_at=published_at, pk__gte=pk
        )
    rows = list(queryset[: per_page + 1])
    more_older = len(rows) > per_page
    rows = rows[:per_page]
    if older is not None and not rows:
        raise Http404("That page of articles does not exist.")
    return KeysetPage(
        rows,
        encode(rows[-1]) if more_older else None,
        encode(rows[0]) if older is not None else None,
    )
