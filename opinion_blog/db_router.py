"""Read replicas: reads go to a replica, everything else to the primary.

Writes, reads inside a transaction and reads that must see the latest data go
to ``default``, the primary. The rest go to one of the aliases in
``settings.DATABASE_REPLICAS`` (set from ``DATABASE_REPLICA_URLS``). People who
are signed in, and anything that is not a plain GET, read from the primary for
the whole request, so an editor never looks at a lagging copy of their own work.
A replica that is down or too far behind is left out (``opinion_blog.replicas``).
"""

import random
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

from . import replicas as replica_health

_primary_only = ContextVar("primary_only", default=False)


@contextmanager
def primary_reads():
    """Send every read in this block to the primary."""
    token = _primary_only.set(True)
    try:
        yield
    finally:
        _primary_only.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = settings.DATABASE_REPLICAS
        if not replicas or _primary_only.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        fit = replica_health.usable(replicas)
        if not fit:  # every replica is down or lagging: the primary serves, counted
            replica_health.fell_back(replicas)
            return DEFAULT_DB_ALIAS
        return random.choice(fit)

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # Replicas hold the same rows as the primary.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class PrimaryForPeopleMiddleware:
    """Pin to the primary every request that writes or belongs to someone signed in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.DATABASE_REPLICAS:
            replica_health.check_if_due()
        if needs_primary(request):
            with primary_reads():
                return self.get_response(request)
        return self.get_response(request)


def needs_primary(request):
    return (
        request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or request.path.startswith(tuple(settings.PRIVATE_PATH_PREFIXES))
    )
