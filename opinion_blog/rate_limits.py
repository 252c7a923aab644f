"""Rate limits shared by every process.

PLACEHOLDER (branch voices): a minimal, cache-based version with the agreed API, so the
public submission forms and their tests run. The lead keeps the implementation from the
``accounts`` branch at merge; only ``allow`` below is relied on.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches


def allow(scope: str, key: str, *, limit: int, per_seconds: int) -> bool:
    """Count one hit for ``key`` in ``scope``; False once more than ``limit`` fall in the window."""
    digest = hashlib.sha256(f"{scope}\n{key}".encode()).hexdigest()[:32]
    name = f"rate:{scope}:{digest}"
    # Shared by a machine's workers without Redis (a file cache), by every server with it.
    cache = caches[settings.CONTENT_VERSION_CACHE]
    cache.add(name, 0, per_seconds)
    try:
        hits = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.add(name, 1, per_seconds)
        hits = 1
    return hits <= limit
