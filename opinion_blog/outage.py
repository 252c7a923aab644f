"""Each process remembers, for a few seconds, that the database just failed to answer.

While it is known to be down there is no point in every request waiting for a
connection that will not come (up to the connect and pool timeouts): requests that
need the database get their 503 at once, cached pages are still served, and the
first request after ``DATABASE_DOWN_SECONDS`` tries the database again. Only
connection failures count; a deadlock or a cancelled query is not an outage.
"""

import time

from django.conf import settings
from django.db import InterfaceError, OperationalError

try:
    from psycopg_pool import PoolTimeout
except ImportError:  # pragma: no cover - SQLite-only installs
    PoolTimeout = ()

_down_until = 0.0


def is_connection_failure(error):
    """A database that cannot be reached, rather than one that refused one statement."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if cause is None or (PoolTimeout and isinstance(cause, PoolTimeout)):
        return True
    sqlstate = getattr(cause, "sqlstate", None)
    if sqlstate is None:
        # psycopg's own connection errors (refused, timed out, closed) carry no SQLSTATE.
        return type(cause).__module__.startswith("psycopg")
    # Class 08: connection exception; 57P: the server is shutting down or starting up.
    return sqlstate.startswith(("08", "57P"))


def record_failure():
    global _down_until
    _down_until = time.monotonic() + settings.DATABASE_DOWN_SECONDS


def record_success():
    global _down_until
    _down_until = 0.0


def database_down():
    return time.monotonic() < _down_until


class DatabaseOutageMiddleware:
    """Answer 503 at once while this process knows the database is down.

    Placed after CsrfViewMiddleware and working in ``process_view``, so a page
    cache hit (earlier in the chain) is still served and a forged POST is still
    refused before anything is echoed back. ``/healthz`` does its own check.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not database_down() or request.path_info.startswith("/healthz"):
            return None
        from .errors import database_unavailable

        return database_unavailable(request)
