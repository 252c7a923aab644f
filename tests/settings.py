"""Settings for the test suite: the real settings, made fast and self-contained."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# The live server for browser tests speaks plain HTTP.
os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
os.environ.setdefault("CSRF_COOKIE_SECURE", "0")

from opinion_blog.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CONTENT_VERSION_CACHE = "default"
ALTCHA_CACHE_ALIAS = "default"
# Pages are cached only in the tests about caching (they turn it on), so other
# tests can change rows directly and read the page again.
PAGE_CACHE_ENABLED = False
# Likewise the summaries cached under the content version (tests that need them turn them on).
VERSION_CACHE_ENABLED = False
MEDIA_ROOT = tempfile.mkdtemp(prefix="opinion-blog-test-media-")
STORAGES = {
    "default": {"BACKEND": "opinion_blog.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The pool is per process; tests open and close connections at will.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["OPTIONS"].pop("pool", None)  # noqa: F405
# WhiteNoise serves the source static folders; no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A second alias on the same PostgreSQL database, for the read-replica router tests.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}  # noqa: F405
