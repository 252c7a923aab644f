"""Rate limits are counted where every process and server sees the same number.

The autosave limit used to live in each process's memory: four workers allowed four
times the limit. These tests fork real processes (each with its own memory and its
own database connection) and count what they were allowed together.
"""

import multiprocessing
import os
import time
from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from opinion_blog import rate_limits
from opinion_blog.limits.models import RateCounter
from tests.factories import make_article_in, make_columnist

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_reachable():
    try:
        import redis

        return redis.Redis.from_url(TEST_REDIS_URL, socket_timeout=1).ping()
    except Exception:
        return False


needs_redis = pytest.mark.skipif(not redis_reachable(), reason=f"needs Redis at {TEST_REDIS_URL}")
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="processes share the database: PostgreSQL only"
)


@pytest.fixture
def redis_counters(settings):
    import redis

    settings.REDIS_URL = TEST_REDIS_URL
    settings.CACHES = {**settings.CACHES}
    settings.CACHES["default"] = {**settings.CACHES["default"], "KEY_PREFIX": "rate-tests"}
    client = redis.Redis.from_url(TEST_REDIS_URL)
    yield client
    for name in client.scan_iter("rate-tests:*"):
        client.delete(name)


def _not_near_a_window_end(per_seconds):
    """Start where the whole test fits in one window, so no count starts over midway."""
    into = time.time() % per_seconds
    if into > per_seconds - 15:
        time.sleep(per_seconds - into + 0.1)


def _in_processes(target, args_list):
    """Run ``target(*args)`` in forked processes at once; the values they return."""
    connections.close_all()  # each child opens its own connection
    context = multiprocessing.get_context("fork")
    with context.Pool(len(args_list)) as pool:
        return pool.starmap(target, args_list, chunksize=1)


def _hits(scope, key, count, limit, per_seconds):
    connections.close_all()
    try:
        return [
            rate_limits.allow(scope, key, limit=limit, per_seconds=per_seconds)
            for _ in range(count)
        ]
    finally:
        connections.close_all()


# The API, on the database and on Redis.


@pytest.mark.django_db
def test_a_key_is_allowed_up_to_its_limit_in_a_window_then_refused():
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, 5, tzinfo=UTC), tick=False):
        hits = [rate_limits.allow("tests", "reader-1", limit=3, per_seconds=60) for _ in range(5)]
        other = rate_limits.allow("tests", "reader-2", limit=3, per_seconds=60)
        other_scope = rate_limits.allow("other", "reader-1", limit=3, per_seconds=60)
    assert hits == [True, True, True, False, False]
    assert other and other_scope
    with time_machine.travel(datetime(2026, 5, 1, 12, 1, 0, tzinfo=UTC), tick=False):
        assert rate_limits.allow("tests", "reader-1", limit=3, per_seconds=60)


@pytest.mark.django_db
def test_counters_of_ended_windows_are_deleted_from_the_database():
    with time_machine.travel(datetime(2026, 5, 1, 12, 0, 5, tzinfo=UTC), tick=False):
        rate_limits.allow("tests", "old", limit=3, per_seconds=60)
    assert RateCounter.objects.count() == 1
    with time_machine.travel(datetime(2026, 5, 1, 12, 3, 0, tzinfo=UTC), tick=False):
        rate_limits.allow("tests", "new", limit=3, per_seconds=60)
    assert list(RateCounter.objects.values_list("count", flat=True)) == [1]
    assert RateCounter.objects.get().expires_at == datetime(2026, 5, 1, 12, 4, tzinfo=UTC)


@pytest.mark.django_db
def test_long_or_odd_keys_are_stored_hashed_within_the_column():
    key = "x" * 5000 + "\r\n\x00"
    assert rate_limits.allow("tests", key, limit=1, per_seconds=60)
    assert not rate_limits.allow("tests", key, limit=1, per_seconds=60)
    assert len(RateCounter.objects.get().key) <= 200


@needs_redis
@pytest.mark.django_db
def test_with_redis_the_counter_lives_in_redis_and_expires_with_its_window(redis_counters):
    hits = [rate_limits.allow("tests", "reader-1", limit=2, per_seconds=60) for _ in range(3)]

    assert hits == [True, True, False]
    assert not RateCounter.objects.exists()
    [name] = list(redis_counters.scan_iter("rate-tests:rate:tests:reader-1:*"))
    assert 0 < redis_counters.ttl(name) <= 61


@pytest.mark.django_db
def test_when_redis_is_unreachable_the_database_counts_so_the_limit_holds(settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there

    hits = [rate_limits.allow("tests", "reader-1", limit=2, per_seconds=60) for _ in range(3)]

    assert hits == [True, True, False]
    assert RateCounter.objects.get().count == 3


# Many processes, one limit.


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_processes_counting_in_the_database_accept_at_most_the_limit_together():
    _not_near_a_window_end(600)
    results = _in_processes(_hits, [("tests", "shared", 15, 25, 600)] * 4)

    assert sum(sum(r) for r in results) == 25
    assert RateCounter.objects.get().count == 60


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_processes_counting_in_redis_accept_at_most_the_limit_together(redis_counters):
    _not_near_a_window_end(600)
    results = _in_processes(_hits, [("tests", "shared", 15, 25, 600)] * 4)

    assert sum(sum(r) for r in results) == 25


def _autosaves(user_pk, article_pk, version, count):
    """One "worker": its own memory, its own connection, posting autosaves."""
    from django.contrib.auth.models import User

    connections.close_all()
    try:
        client = Client()
        client.force_login(User.objects.get(pk=user_pk))
        url = reverse("admin:articles_article_autosave", args=[article_pk])
        data = {"title": "Typed", "body": "<p>Words.</p>", "loaded_version": version}
        return [client.post(url, data).status_code for _ in range(count)]
    finally:
        connections.close_all()


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_autosaves_from_four_worker_processes_share_one_per_minute_limit(newsroom_groups, settings):
    settings.AUTOSAVE_RATE_PER_MINUTE = 10
    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    _not_near_a_window_end(60)

    results = _in_processes(_autosaves, [(columnist.pk, article.pk, str(article.version), 8)] * 4)

    codes = [code for worker in results for code in worker]
    assert codes.count(200) == 10
    assert codes.count(429) == 22


def test_login_failures_are_counted_in_the_database_every_process_shares():
    """django-axes keeps its own counters: in the database, not a per-process cache."""
    from axes.conf import settings as axes_settings
    from axes.handlers.proxy import AxesProxyHandler

    assert axes_settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert type(AxesProxyHandler.get_implementation()).__name__ == "AxesDatabaseHandler"
