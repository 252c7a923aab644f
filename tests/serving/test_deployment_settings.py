"""The environment picks the storage, the caches and the replicas; each switch gives the right settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from opinion_blog import deployment

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_uploads_are_on_the_local_disk_by_default():
    assert deployment.storages({}) == {
        "default": {"BACKEND": "opinion_blog.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": MANIFEST},
    }


def test_a_bucket_name_moves_uploads_to_s3_compatible_storage(monkeypatch):
    monkeypatch.setattr(deployment.importlib.util, "find_spec", lambda name: object())
    environ = {
        "AWS_STORAGE_BUCKET_NAME": "opinion-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example",
        "AWS_S3_REGION_NAME": "eu-west-2",
        "AWS_S3_CUSTOM_DOMAIN": "media.opinion.example",
    }

    storages = deployment.storages(environ)

    assert storages["default"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "opinion-media",
            "file_overwrite": False,
            "querystring_auth": False,
            "endpoint_url": "https://s3.example",
            "region_name": "eu-west-2",
            "custom_domain": "media.opinion.example",
        },
    }
    assert storages["staticfiles"] == {"BACKEND": MANIFEST}


def test_a_bucket_without_django_storages_installed_says_what_to_install(monkeypatch):
    monkeypatch.setattr(deployment.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ImproperlyConfigured, match="pip install 'django-storages"):
        deployment.storages({"AWS_STORAGE_BUCKET_NAME": "opinion-media"})


def test_redis_holds_pages_and_the_content_version_when_configured():
    caches = deployment.caches("redis://cache:6379/1", "blog", base_dir=ROOT)
    assert caches == {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://cache:6379/1",
            "KEY_PREFIX": "blog",
        }
    }


def test_without_redis_the_workers_of_one_machine_share_the_version_in_files():
    caches = deployment.caches("", "blog", base_dir=ROOT)
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert caches["content_version"]["BACKEND"].endswith("FileBasedCache")


def test_each_replica_url_becomes_an_alias_that_mirrors_the_primary_in_tests():
    primary = {"ENGINE": "django.db.backends.postgresql", "OPTIONS": {"pool": {"max_size": 4}}}
    replicas = deployment.replica_databases(
        primary, ["postgres://reader@replica-a:5432/blog", "postgres://reader@replica-b:5432/blog"]
    )

    assert list(replicas) == ["replica1", "replica2"]
    assert replicas["replica2"]["HOST"] == "replica-b"
    assert replicas["replica1"]["TEST"] == {"MIRROR": "default"}
    assert replicas["replica1"]["OPTIONS"] == primary["OPTIONS"]
    assert replicas["replica1"]["OPTIONS"] is not primary["OPTIONS"]


def production_settings(**environ):
    """The real settings module, loaded in a fresh interpreter with ``environ``."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({'STORAGES': settings.STORAGES, 'CACHES': settings.CACHES, "
        "'CONTENT_VERSION_CACHE': settings.CONTENT_VERSION_CACHE, "
        "'DATABASES': sorted(settings.DATABASES), 'DATABASE_ROUTERS': settings.DATABASE_ROUTERS, "
        "'MIDDLEWARE': settings.MIDDLEWARE, 'SERVE_MEDIA': settings.SERVE_MEDIA}))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "REDIS_", "DATABASE_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="opinion_blog.settings",
        DEBUG="0",
        SECRET_KEY="settings-switch-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        **environ,
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_follow_the_environment():
    plain = production_settings()
    scaled = production_settings(
        REDIS_URL="redis://cache:6379/0",
        DATABASE_URL="postgres://app@primary:5432/blog",
        DATABASE_REPLICA_URLS="postgres://app@replica:5432/blog",
    )

    assert plain["STORAGES"]["staticfiles"]["BACKEND"] == MANIFEST
    assert plain["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert plain["SERVE_MEDIA"] is True
    assert plain["CONTENT_VERSION_CACHE"] == "content_version"
    assert plain["DATABASE_ROUTERS"] == []
    middleware = plain["MIDDLEWARE"]
    assert middleware.index("opinion_blog.content_version.ReadOncePerRequestMiddleware") == 0
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == 2
    assert middleware.index("opinion_blog.page_cache.PageCacheMiddleware") < middleware.index(
        "opinion_blog.compression.TextGZipMiddleware"
    )

    assert scaled["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert scaled["CONTENT_VERSION_CACHE"] == "default"
    assert scaled["DATABASES"] == ["default", "replica1"]
    assert scaled["DATABASE_ROUTERS"] == ["opinion_blog.db_router.ReplicaRouter"]


def test_production_settings_refuse_a_bucket_they_cannot_use():
    if deployment.importlib.util.find_spec("storages") is not None:
        pytest.skip("django-storages is installed here")
    with pytest.raises(AssertionError, match="django-storages is not installed"):
        production_settings(AWS_STORAGE_BUCKET_NAME="opinion-media")
