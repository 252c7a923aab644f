"""Settings that depend on where the site runs, built from environment variables.

Kept as functions of the environment so the tests can check each switch
(local disk or S3, Redis or local memory, replicas or none) without reloading
the settings module.
"""

import copy
import hashlib
import importlib.util
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
S3_STORAGE = "storages.backends.s3.S3Storage"


SUPPORTED_ENGINES = {"django.db.backends.postgresql", "django.db.backends.sqlite3"}


def database_from_url(url, variable="DATABASE_URL"):
    """``DATABASE_URL`` parsed, or ImproperlyConfigured saying in one line what is wrong."""
    scheme = url.split("://", 1)[0] if "://" in url else ""
    try:
        database = dj_database_url.parse(url)
    except ValueError as error:
        if isinstance(error, dj_database_url.UnknownSchemeError) or not scheme:
            raise ImproperlyConfigured(
                f"{variable} has an unknown scheme {scheme + '://'!r}: "
                "use postgres://user:password@host:5432/name or sqlite:///path/to/file"
            ) from None
        raise ImproperlyConfigured(
            f"{variable} is not a valid database URL ({scheme}://…): {error}"
        ) from None
    if database["ENGINE"] not in SUPPORTED_ENGINES:
        raise ImproperlyConfigured(
            f"{variable} names a {scheme}:// database: opinion_blog runs on PostgreSQL "
            "(postgres://…) or SQLite (sqlite:///…)"
        )
    return database


def storages(environ):
    """Uploads on the local disk, or in an S3-compatible bucket when ``AWS_STORAGE_BUCKET_NAME`` is set."""
    default = {"BACKEND": "opinion_blog.storage.FileSystemStorage"}
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if bucket:
        if importlib.util.find_spec("storages") is None:
            raise ImproperlyConfigured(
                "AWS_STORAGE_BUCKET_NAME is set but django-storages is not installed: "
                "pip install 'django-storages[s3]' (see README, Running in production)."
            )
        # Public URLs by default (the bucket or CDN serves them to anyone); signed,
        # expiring URLs with AWS_QUERYSTRING_AUTH=1 for a private bucket.
        signed = environ.get("AWS_QUERYSTRING_AUTH", "").lower() in ("1", "true", "yes", "on")
        options = {"bucket_name": bucket, "file_overwrite": False, "querystring_auth": signed}
        if signed and environ.get("AWS_QUERYSTRING_EXPIRE"):
            options["querystring_expire"] = int(environ["AWS_QUERYSTRING_EXPIRE"])
        for option, variable in [
            ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
            ("region_name", "AWS_S3_REGION_NAME"),
            ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
            # e.g. public-read, for buckets that still use object ACLs
            ("default_acl", "AWS_DEFAULT_ACL"),
        ]:
            if environ.get(variable):
                options[option] = environ[variable]
        # Credentials stay in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself.
        default = {"BACKEND": S3_STORAGE, "OPTIONS": options}
    return {"default": default, "staticfiles": {"BACKEND": STATIC_STORAGE}}


def caches(redis_url, key_prefix, base_dir):
    """Pages in Redis when there is one, else in each process's memory.

    The content version must be shared by every process of every app server:
    with Redis it lives there too; without, in a small file cache that the
    workers of one machine share (one machine only: scale out with Redis).
    """
    if redis_url:
        redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
        return {"default": {**redis, "KEY_PREFIX": key_prefix}}
    version_dir = Path(tempfile.gettempdir()) / (
        "opinion-blog-content-version-" + hashlib.sha256(str(base_dir).encode()).hexdigest()[:12]
    )
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "content_version": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(version_dir),
            "KEY_PREFIX": key_prefix,
        },
    }


def replica_databases(primary, urls):
    """One alias per replica URL, each a test mirror of the primary."""
    replicas = {}
    for number, url in enumerate(urls, start=1):
        replica = database_from_url(url, variable="DATABASE_REPLICA_URLS")
        for setting in ("CONN_MAX_AGE", "CONN_HEALTH_CHECKS", "OPTIONS"):
            if setting in primary:
                replica[setting] = copy.deepcopy(primary[setting])
        replica["TEST"] = {"MIRROR": "default"}
        replicas[f"replica{number}"] = replica
    return replicas
