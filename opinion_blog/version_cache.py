"""Small read-mostly summaries cached under the site-wide content version.

A summary stored under the current version (``content_version``) can never be
stale: any change readers could see moves the version, and the old entry is
simply never read again. Pages that are not served from the page cache still
skip the expensive part of their work this way, e.g. the index pages' grouped
scans of every published article.
"""

import hashlib
import logging
from contextlib import nullcontext

from django.conf import settings
from django.core.cache import caches

from . import content_version
from .cache_errors import OUTAGE_ERRORS
from .db_router import primary_reads

logger = logging.getLogger(__name__)


def cached(name, compute):
    """``compute()``, or the value it gave under the current content version."""
    return cached_many([name], lambda missing: {name: compute()})[name]


def cached_by_slug(kind, slug, queryset):
    """The object of ``queryset`` with this ``slug``, or None, kept under the content version.

    For the public pages of articles, authors and topics: ``queryset`` says what readers
    may open, and any change to it moves the version. The slug comes from the address,
    which may hold anything but a slash and be of any length: the key holds its digest.
    """
    return cached(f"{kind}:{digest(slug)}", lambda: queryset.filter(slug=slug).first())


def digest(text):
    """A short fixed-length stand-in for ``text`` in a cache key."""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def cached_many(names, compute_missing):
    """``{name: value}`` for every name, in one round trip to the cache.

    ``compute_missing(missing)`` returns the values of the names not stored under the
    current version (all of them when the cache is off or down), and may add others
    computed on the way; all are stored for the next request. Pages that show many
    small things (cards, parts of a ranking) read them all at once.
    """
    names = list(names)
    if not settings.VERSION_CACHE_ENABLED:
        return compute_missing(names)
    try:
        version = content_version.current()
        cache = caches[settings.PAGE_CACHE]
        stored = cache.get_many([_key(name, version) for name in names])
    except OUTAGE_ERRORS:
        logger.warning("Summary cache unavailable; computing %s.", ", ".join(names), exc_info=True)
        return compute_missing(names)
    values = {name: stored[_key(name, version)] for name in names if _key(name, version) in stored}
    missing = [name for name in names if name not in values]
    if not missing:
        return values
    # Just after a change a replica may lag behind: read what is stored from the primary.
    recent = content_version.changed_within(version, settings.DATABASE_REPLICA_LAG_SECONDS)
    with primary_reads() if recent else nullcontext():
        computed = compute_missing(missing)
    timeout = content_version.seconds_until_next_change(version) or settings.PAGE_CACHE_SECONDS
    try:
        cache.set_many(
            {_key(name, version): value for name, value in computed.items() if value is not None},
            min(timeout, settings.PAGE_CACHE_SECONDS),
        )
    except OUTAGE_ERRORS:
        logger.warning("Could not store the summaries %s.", ", ".join(missing), exc_info=True)
    return values | computed


def _key(name, version):
    return f"summary:{name}:{version['token']}"
