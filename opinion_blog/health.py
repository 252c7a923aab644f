"""``/healthz`` for load balancers: is this app server able to serve pages?"""

import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import outage
from .cache_errors import OUTAGE_ERRORS
from .errors import RETRY_AFTER_SECONDS


def database_ok():
    """Always asked for real, even while this process remembers an outage: it ends one."""
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            ok = cursor.fetchone() == (1,)
    except OUTAGE_ERRORS as error:
        if outage.is_connection_failure(error):
            outage.record_failure()
        raise
    outage.record_success()
    return ok


def cache_ok():
    token = secrets.token_hex(8)
    key = f"healthz:{token}"
    for alias in {settings.PAGE_CACHE, settings.CONTENT_VERSION_CACHE}:
        cache = caches[alias]
        cache.set(key, token, 10)
        if cache.get(key) != token:
            return False
        cache.delete(key)
    return True


CHECKS = {"database": database_ok, "cache": cache_ok}


@never_cache
@require_safe
def healthz(request):
    """200 when the database and the cache answer; 503 naming what failed otherwise."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "failed"
        except OUTAGE_ERRORS as error:
            results[name] = f"failed: {error.__class__.__name__}"
    failed = [name for name, result in results.items() if result != "ok"]
    response = JsonResponse(
        {"status": "unavailable" if failed else "ok", "failed": failed, "checks": results},
        status=503 if failed else 200,
    )
    if failed:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
