"""The site-wide content version: moves on commit, never on rollback, never goes back."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.db import transaction

from opinion_blog import content_version

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
