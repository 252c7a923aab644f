"""The site-wide content version: moves on commit, never on rollback, never goes back."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import transaction

from opinion_blog import content_version
from tests.factories import make_published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def token():
    return content_version.current()["token"]


def test_a_change_moves_the_version_when_its_transaction_commits(
    django_capture_on_commit_callbacks,
):
    before = token()
    with django_capture_on_commit_callbacks(execute=True):
        content_version.public_content_changed()
        assert token() == before, "moved before the commit"

    assert token() != before


def test_a_change_that_rolls_back_leaves_the_version_alone(django_capture_on_commit_callbacks):
    before = token()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        content_version.public_content_changed()
        raise RuntimeError("the save failed")

    assert callbacks == []
    assert token() == before


def test_a_lost_version_is_replaced_by_a_new_one_never_an_old_one():
    seen = {token()}
    for _ in range(5):
        caches["default"].delete(content_version.KEY)
        seen.add(token())
    assert len(seen) == 6


def test_a_cache_outage_after_the_commit_is_logged_and_does_not_fail_the_write(
    django_capture_on_commit_callbacks, caplog
):
    with (
        mock.patch.object(caches["default"], "set", side_effect=ConnectionError("refused")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        content_version.public_content_changed()

    assert "refused" in caplog.text


def reads_of_the_record(monkeypatch):
    """Count the reads of the shared record itself (other keys are not counted)."""
    store = caches["default"]
    real_get, reads = store.get, []

    def counting_get(key, *args, **kwargs):
        if key == content_version.KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(store, "get", counting_get)
    return reads


def test_a_page_reads_the_shared_record_once_however_many_kept_things_it_shows(
    client, settings, monkeypatch
):
    settings.VERSION_CACHE_ENABLED, settings.PAGE_CACHE_ENABLED = True, False
    article = make_published("One read of the version", topics=["Transport", "Housing"])
    make_published("A neighbour on the same topics", topics=["Transport", "Housing"])
    client.get(article.get_absolute_url())  # kept things stored
    reads = reads_of_the_record(monkeypatch)

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert len(reads) == 1


def test_each_request_reads_the_record_afresh(client, monkeypatch):
    reads = reads_of_the_record(monkeypatch)
    client.get("/")
    client.get("/")
    assert len(reads) == 2


def test_a_change_committed_within_a_request_is_seen_by_the_rest_of_it():
    with content_version.read_once():
        before = content_version.current()
        moved = content_version.bump()
        assert content_version.current() == moved != before


def test_outside_a_request_every_call_sees_another_servers_change():
    before = token()
    caches["default"].set(content_version.KEY, {**content_version.current(), "token": "b" * 16})
    assert token() == "b" * 16 != before
