"""``/healthz`` for load balancers: is this app server able to serve pages?"""

import contextlib
import logging
import secrets
import shutil

from django.conf import settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from . import outage, replicas
from .cache_errors import OUTAGE_ERRORS
from .errors import RETRY_AFTER_SECONDS
from .storage import storage_error_reason

logger = logging.getLogger(__name__)


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


def media_report():
    """Can an upload be stored right now? A tiny file written and removed through the storage.

    Reported beside the checks, not among them: a full or read-only media disk stops
    uploads, not reading, and every app server shares it, so taking them out of the
    load balancer would only take the site down. Monitoring alerts on ``degraded``.
    """
    try:
        name = default_storage.save(f"healthz/{secrets.token_hex(8)}", ContentFile(b"ok"))
        default_storage.delete(name)
    except Exception as error:  # a bucket's client raises its own errors, not OSError
        reason = storage_error_reason(error) or error.__class__.__name__
        logger.warning("Media storage cannot be written: %s", error)
        report = {"media": f"failed: {reason}", "degraded": ["media"]}
    else:
        report = {"media": "ok", "degraded": []}
    location = getattr(default_storage, "location", None)
    if location:
        with contextlib.suppress(OSError):
            report["media_free_bytes"] = shutil.disk_usage(location).free
    return report


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
        {
            "status": "unavailable" if failed else "ok",
            "failed": failed,
            "checks": results,
            **media_report(),
            **replica_report(),
        },
        status=503 if failed else 200,
    )
    if failed:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def replica_report():
    """Read replicas, if any: each one's state and the reads that fell back to the primary.

    Never a reason for a 503: the primary serves the reads of a replica that is down.
    """
    if not settings.DATABASE_REPLICAS:
        return {}
    return {"replicas": replicas.status()}
