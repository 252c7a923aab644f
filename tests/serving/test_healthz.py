"""``/healthz`` tells a load balancer whether this server can serve, and if not, why."""

import errno
from pathlib import Path
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import OperationalError, connections

pytestmark = pytest.mark.django_db


def test_healthy_when_the_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "failed": [],
        "checks": {"database": "ok", "cache": "ok"},
        "media": "ok",
        "degraded": [],
        "media_free_bytes": mock.ANY,
    }
    assert "no-store" in response["Cache-Control"]


def test_a_database_outage_is_a_503_naming_the_database(client):
    with mock.patch.object(
        connections["default"], "cursor", side_effect=OperationalError("server closed")
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]
    assert response.json()["checks"]["database"] == "failed: OperationalError"


def test_a_cache_outage_is_a_503_naming_the_cache(client):
    with mock.patch.object(caches["default"], "set", side_effect=ConnectionError("refused")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    assert response.json()["status"] == "unavailable"


def test_a_cache_that_loses_what_it_stores_is_unhealthy(client):
    with mock.patch.object(caches["default"], "get", return_value=None):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "failed"


def test_healthz_answers_only_reads(client):
    assert client.post("/healthz").status_code == 405


def test_media_storage_that_cannot_be_written_is_reported_but_reading_goes_on(client):
    """Uploads stop, pages do not: a degraded field for monitoring, still a 200 for balancers."""
    with mock.patch(
        "opinion_blog.storage.os.open", side_effect=OSError(errno.ENOSPC, "No space left")
    ):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["media"] == "failed: the disk is full"
    assert response.json()["degraded"] == ["media"]


def test_the_media_probe_leaves_no_file_behind(client, settings):
    client.get("/healthz")

    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []


def test_a_bucket_whose_client_fails_in_its_own_way_is_reported_not_a_500(client):
    class BucketError(Exception):
        pass

    with mock.patch(
        "opinion_blog.health.default_storage.save", side_effect=BucketError("endpoint unreachable")
    ):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["media"] == "failed: BucketError"
