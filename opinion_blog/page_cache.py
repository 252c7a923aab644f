"""The public page cache: whole anonymous pages, never stale, for every public route.

A middleware rather than per-view decorators, so a page added later is cached
and invalidated with no extra work. A page is stored only when it is the same
for every reader: an anonymous GET with no session or messages cookie, a 200
that sets no cookie, is not marked private or no-cache (``never_cache`` opts a
view out) and carries no CSP nonce. Everything else, the admin, previews, POSTs
and anyone signed in, always gets a fresh page marked ``private, no-store``.

Pages are stored under the site-wide content version (``content_version``),
already compressed (the key includes the encoding), with an ETag derived from
the version so a browser or proxy revalidating gets a 304 without rendering.
"""

import hashlib
import logging
import re
from contextlib import nullcontext

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

from . import content_version
from .cache_errors import OUTAGE_ERRORS
from .db_router import primary_reads

logger = logging.getLogger(__name__)

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
STATUS_HEADER = "X-Page-Cache"
PERSONAL_COOKIES = ("messages",)
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_shared_request(request):
            response = self.get_response(request)
            if is_personal(request) and not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_store=True)
            return response
        try:
            version = content_version.current()
        except OUTAGE_ERRORS:
            logger.warning("Page cache unavailable; serving uncached.", exc_info=True)
            return self.get_response(request)

        key, etag = page_key(request, version)
        if etag in request.headers.get("If-None-Match", ""):
            return not_modified(etag)
        cache = caches[settings.PAGE_CACHE]
        try:
            stored = cache.get(key)
        except OUTAGE_ERRORS:
            logger.warning("Page cache unavailable; serving uncached.", exc_info=True)
            return self.get_response(request)
        if stored is not None:
            return rebuild(stored)

        # Just after a change a replica may lag behind; a page bound for the
        # shared cache is then read from the primary, so it cannot be old.
        recent = content_version.changed_within(version, settings.DATABASE_REPLICA_LAG_SECONDS)
        with primary_reads() if recent else nullcontext():
            response = self.get_response(request)
        if is_storable(request, response):
            mark_public(response, etag)
            timeout = min(
                settings.PAGE_CACHE_SECONDS,
                content_version.seconds_until_next_change(version) or settings.PAGE_CACHE_SECONDS,
            )
            try:
                cache.set(key, freeze(response), timeout)
            except OUTAGE_ERRORS:
                logger.warning("Could not store a page in the cache.", exc_info=True)
            response[STATUS_HEADER] = "miss"
        return response


def is_shared_request(request):
    """A request whose answer may be shared: anonymous, read-only, not the admin."""
    return (
        request.method in ("GET", "HEAD")
        and not is_personal(request)
        and "Authorization" not in request.headers
        and not request.path.startswith(tuple(settings.PRIVATE_PATH_PREFIXES))
    )


def is_personal(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or any(
        name in cookies for name in PERSONAL_COOKIES
    )


def is_storable(request, response):
    """The same page for every reader, safe to hand to the next one."""
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
        return False
    # A nonce must be new on every response: a page that uses one is never stored.
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def page_key(request, version):
    encoding = "gzip" if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")) else "-"
    identity = "\n".join(
        [request.scheme, request.get_host(), request.get_full_path(), encoding]
    ).encode()
    digest = hashlib.sha256(identity).hexdigest()[:32]
    return f"page:{version['token']}:{digest}", f'"{version["token"]}-{digest[:16]}"'


def mark_public(response, etag):
    """Headers a browser, proxy or CDN can act on: shared, revalidated by ETag."""
    response["ETag"] = etag
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.PAGE_CACHE_PROXY_SECONDS,
        must_revalidate=True,
    )
    patch_vary_headers(response, ("Cookie", "Accept-Encoding"))


def freeze(response):
    return (response.status_code, list(response.items()), response.content)


def rebuild(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return response


def not_modified(etag):
    response = HttpResponseNotModified()
    mark_public(response, etag)
    response[STATUS_HEADER] = "hit"
    return response
