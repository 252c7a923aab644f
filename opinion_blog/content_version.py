"""One site-wide version of everything readers can see.

Every cached public page is stored under the current version, so changing the
version makes every cached page unreachable at once: nothing is ever deleted
and nothing stale is ever served. Code that changes what readers see calls
``public_content_changed()``; the version moves when its transaction commits.
A scheduled article needs no call and no cron job: the version records the
next scheduled publication time and is renewed by the first request after it.

The record lives in a cache every app server shares (Redis when ``REDIS_URL``
is set), so a change made through one server is seen by all of them.
"""

import secrets
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils import timezone

from . import outage

KEY = "public-content-version"

# The record this request has read, while ``read_once()`` is open (``None`` outside).
_request_record = ContextVar("content_version_request_record", default=None)


def public_content_changed(using=None):
    """Mark what readers see as changed, once the current transaction commits.

    Call it from every write path that changes a public page: the workflow's
    transitions, saving a live article, authors, topics, images, corrections,
    revisions. Outside a transaction the version moves at once.
    """
    # robust: the write has committed already; a cache outage is logged (pages
    # then live at most PAGE_CACHE_SECONDS) instead of failing the request.
    transaction.on_commit(bump, using=using, robust=True)


def bump():
    """Start a new version now and return its record."""
    record = {
        # Random, never a counter: a cache that lost the record can never
        # hand out an old version again and so revive pages stored under it.
        "token": secrets.token_hex(8),
        "changed_at": time.time(),
        "next_change_at": _next_scheduled_publication(),
    }
    _store().set(KEY, record, timeout=None)
    if (kept := _request_record.get()) is not None:
        kept["record"] = record
    return record


def current():
    """The record pages are cached under: a new one once a scheduled article is due."""
    kept = _request_record.get()
    if kept is not None and "record" in kept:
        return kept["record"]
    record = _store().get(KEY)
    # While the database is known to be down, a due schedule waits: the stored pages
    # stay reachable, and the first request after the outage moves the version on.
    if record is None or (_is_due(record) and not outage.database_down()):
        record = bump()
    if kept is not None:
        kept["record"] = record
    return record


@contextmanager
def read_once():
    """Within this block ``current()`` reads the shared record once, and one page is
    drawn from one version.

    A page looks up a dozen kept things (its subject, cards, rankings, the header's
    topics); each used to read the record again, a round trip to Redis apiece. A
    change committed inside the block (``bump()``) is seen at once.
    """
    token = _request_record.set({})
    try:
        yield
    finally:
        _request_record.reset(token)


class ReadOncePerRequestMiddleware:
    """Opens ``read_once()`` around each request; first in the chain, so the page
    cache and every view share the record."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with read_once():
            return self.get_response(request)


def seconds_until_next_change(record):
    """How long a page stored under ``record`` may live before a schedule makes it old."""
    if record["next_change_at"] is None:
        return None
    return max(1, int(record["next_change_at"] - time.time()) + 1)


def changed_within(record, seconds):
    return time.time() - record["changed_at"] < seconds


def _is_due(record):
    return record["next_change_at"] is not None and time.time() >= record["next_change_at"]


def _next_scheduled_publication():
    """When the next live article becomes visible: the end of this version's life."""
    from articles.models import Article
    from articles.models.article import LIVE_STATUSES

    due = (
        Article.objects.filter(status__in=LIVE_STATUSES, published_at__gt=timezone.now())
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return due.timestamp() if due else None


def _store():
    return caches[settings.CONTENT_VERSION_CACHE]
