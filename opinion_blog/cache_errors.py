"""The exceptions a cache or database outage raises, for code that must survive one."""

from django.db import DatabaseError

try:
    from redis import RedisError
except ImportError:  # pragma: no cover - redis is pinned in requirements.txt
    RedisError = OSError

OUTAGE_ERRORS = (RedisError, OSError, DatabaseError)
