"""Rate limits whose counters every process and server shares.

``allow(scope, key, limit=30, per_seconds=60)`` counts one hit of ``key`` in the
current fixed window of ``per_seconds`` and says whether it is still within
``limit``. The counter lives in Redis when ``REDIS_URL`` is set (``INCR`` and
``EXPIRE`` in one ``MULTI``), otherwise in the database (one ``INSERT … ON
CONFLICT DO UPDATE SET count = count + 1 RETURNING count``, atomic on PostgreSQL
and on SQLite), never in a process's memory: four workers share one limit, not
four. If Redis cannot be reached the database counts instead, so a limit never
fails open.
"""

import hashlib
import logging
import time
from datetime import UTC, datetime, timedelta

import redis
from django.conf import settings
from django.db import connections, router

logger = logging.getLogger(__name__)

KEY_PREFIX = "rate"
_redis_clients = {}


def allow(scope: str, key: str, *, limit: int, per_seconds: int) -> bool:
    """Count this hit of ``key`` in ``scope``; False when it is over ``limit`` in this window."""
    if per_seconds <= 0:
        raise ValueError("per_seconds must be positive")
    window = int(time.time() // per_seconds)
    counter_key = _counter_key(scope, key, window)
    expires = (window + 1) * per_seconds
    return hit(counter_key, expires) <= limit


def _counter_key(scope, key, window):
    name = f"{KEY_PREFIX}:{scope}:{key}:{window}"
    if len(name) > 120 or not name.isprintable():
        digest = hashlib.sha256(f"{key}".encode("utf-8", "surrogatepass")).hexdigest()
        name = f"{KEY_PREFIX}:{scope[:40]}:{digest}:{window}"
    return name


def hit(counter_key, expires):
    """Add one to ``counter_key`` (which lapses at the Unix time ``expires``); the new count."""
    redis_url = getattr(settings, "REDIS_URL", "")
    if redis_url:
        try:
            return _redis_hit(redis_url, counter_key, expires)
        except (redis.RedisError, OSError) as error:
            logger.warning("Rate limit counter in Redis failed, using the database: %s", error)
    return _database_hit(counter_key, expires)


def _redis_hit(redis_url, counter_key, expires):
    client = _redis_clients.get(redis_url)
    if client is None:
        client = redis.Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
        _redis_clients[redis_url] = client
    prefix = getattr(settings, "CACHES", {}).get("default", {}).get("KEY_PREFIX", "")
    name = f"{prefix}:{counter_key}" if prefix else counter_key
    pipe = client.pipeline(transaction=True)
    pipe.incr(name)
    pipe.expireat(name, int(expires) + 1)
    count, _ = pipe.execute()
    return int(count)


def _database_hit(counter_key, expires):
    from .limits.models import RateCounter

    alias = router.db_for_write(RateCounter)
    connection = connections[alias]
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    expires_at = datetime.fromtimestamp(expires, tz=UTC)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, count, expires_at) VALUES (%s, 1, %s) "
            f"ON CONFLICT (key) DO UPDATE SET count = {table}.count + 1 RETURNING count",
            [counter_key, expires_at],
        )
        count = cursor.fetchone()[0]
    if count == 1:
        # A new window's first hit: the rows of windows that ended go.
        clean_up(using=alias)
    return count


def clean_up(*, using=None, now=None):
    """Delete the database counters of windows that have ended."""
    from .limits.models import RateCounter

    moment = now or datetime.now(tz=UTC)
    # A little slack, so a window that just ended is not deleted under a late hit.
    return (
        RateCounter.objects.using(using or router.db_for_write(RateCounter))
        .filter(expires_at__lt=moment - timedelta(seconds=5))
        .delete()[0]
    )
