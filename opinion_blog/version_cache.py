"""Small read-mostly summaries cached under the site-wide content version.

A summary stored under the current version (``content_version``) can never be
stale: any change readers could see moves the version, and the old entry is
simply never read again. Pages that are not served from the page cache still
skip the expensive part of their work this way, e.g. the index pages' grouped
scans of every published article.
"""

import logging
from collections.abc import Sequence
from contextlib import nullcontext

from django.conf import settings
from django.core.cache import caches

from . import content_version
from .cache_errors import OUTAGE_ERRORS
from .db_router import primary_reads

logger = logging.getLogger(__name__)


def cached(name, compute):
    """``compute()``, or the value it gave under the current content version."""
    if not settings.VERSION_CACHE_ENABLED:
        return compute()
    try:
        version = content_version.current()
        cache = caches[settings.PAGE_CACHE]
        key = f"summary:{name}:{version['token']}"
        value = cache.get(key)
    except OUTAGE_ERRORS:
        logger.warning("Summary cache unavailable; computing %s.", name, exc_info=True)
        return compute()
    if value is not None:
        return value
    # Just after a change a replica may lag behind: read what is stored from the primary.
    recent = content_version.changed_within(version, settings.DATABASE_REPLICA_LAG_SECONDS)
    with primary_reads() if recent else nullcontext():
        value = compute()
    timeout = content_version.seconds_until_next_change(version) or settings.PAGE_CACHE_SECONDS
    try:
        cache.set(key, value, min(timeout, settings.PAGE_CACHE_SECONDS))
    except OUTAGE_ERRORS:
        logger.warning("Could not store the summary %s.", name, exc_info=True)
    return value


class RankedObjects(Sequence):
    """A ranking of ``(pk, value)`` pairs that loads only the slice a paginator asks for.

    Each object comes from ``queryset`` with ``value`` set as ``attribute``; the
    ranking itself is small and cacheable, the rows are read a page at a time.
    """

    def __init__(self, ranking, queryset, attribute):
        self.ranking, self.queryset, self.attribute = ranking, queryset, attribute

    def __len__(self):
        return len(self.ranking)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1 or None][0]
        chosen = self.ranking[index]
        rows = self.queryset.in_bulk([pk for pk, _ in chosen])
        page = []
        for pk, value in chosen:
            if pk in rows:
                setattr(rows[pk], self.attribute, value)
                page.append(rows[pk])
        return page
