"""A replica that is down or lagging is left out: reads go to the primary, counted in /healthz."""

import psycopg
import pytest
from django.db import connection

from articles.models import Article
from opinion_blog import replicas
from opinion_blog.db_router import ReplicaRouter

router = ReplicaRouter()


@pytest.fixture(autouse=True)
def one_replica(settings):
    settings.DATABASE_REPLICAS = ["replica"]
    settings.DATABASE_ROUTERS = ["opinion_blog.db_router.ReplicaRouter"]
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 30
    replicas._health.clear()
    yield
    replicas._health.clear()


def replica_is(monkeypatch, lag=None, error=None):
    def replay_lag(alias):
        if error:
            raise error
        return lag

    monkeypatch.setattr(replicas, "replay_lag", replay_lag)
    return replicas.check("replica")


def test_a_replica_that_answers_in_time_is_read_from(monkeypatch):
    assert replica_is(monkeypatch, lag=0.2).state == "ok"
    assert router.db_for_read(Article) == "replica"


@pytest.mark.parametrize(
    ("lag", "error", "state"),
    [
        (None, psycopg.OperationalError("connection refused"), "down: OperationalError"),
        (45.0, None, "lagging 45.0 s"),
    ],
)
def test_a_replica_down_or_lagging_sends_reads_to_the_primary_and_counts_them(
    monkeypatch, lag, error, state
):
    assert replica_is(monkeypatch, lag=lag, error=error).state == state

    assert [router.db_for_read(Article) for _ in range(3)] == ["default"] * 3
    assert replicas.status()["replica"]["fallback_reads"] == 3


def test_a_replica_that_recovers_is_read_from_again(monkeypatch):
    replica_is(monkeypatch, error=psycopg.OperationalError("refused"))
    assert router.db_for_read(Article) == "default"

    replica_is(monkeypatch, lag=0.0)
    assert router.db_for_read(Article) == "replica"


def test_checks_run_once_per_interval(monkeypatch, settings):
    settings.DATABASE_REPLICA_CHECK_SECONDS = 60
    calls = []
    monkeypatch.setattr(replicas, "replay_lag", lambda alias: calls.append(alias) or 0.0)

    for _ in range(5):
        replicas.check_if_due()

    assert calls == ["replica"]


# Outside a transaction, as a request is, reads may use a replica.
@pytest.mark.django_db(transaction=True)
def test_healthz_reports_a_down_replica_and_still_serves(client, monkeypatch, settings):
    settings.DATABASE_REPLICA_CHECK_SECONDS = 60
    replica_is(monkeypatch, error=psycopg.OperationalError("refused"))
    router.db_for_read(Article)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["replicas"] == {
        "replica": {"state": "down: OperationalError", "lag_seconds": None, "fallback_reads": 1}
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db(databases=["default", "replica"])
def test_the_check_reads_the_replay_lag_of_a_real_server():
    """On a primary (as the tests' mirror alias is) there is nothing to replay: no lag."""
    assert replicas.check("replica").state == "ok"
    assert replicas.health("replica").lag_seconds == 0.0
