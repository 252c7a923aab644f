"""Profile changes that race, with real concurrency on PostgreSQL (the pattern of
``tests/articles/test_concurrent_saves.py``: the first writer is held inside its
transaction until the second is seen waiting for its lock)."""

import pytest
from django.db import connection

from authors import profile_changes
from authors.models import Author, ProfileChange
from tests.articles.test_concurrent_saves import first_writer_held, race
from tests.factories import make_columnist, make_editor

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks: PostgreSQL only, not SQLite"
    ),
]

Status = ProfileChange.Status


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


def proposal(author, by, name):
    return lambda: profile_changes.propose(
        author, by=by, name=name, bio=author.bio, avatar=author.avatar.name, links=[]
    )


def test_approving_and_declining_at_once_one_decision_wins(monkeypatch):
    columnist = make_columnist(name="Before")
    author = columnist.author_profile
    change = proposal(author, columnist, "After")()
    first, second = make_editor(), make_editor()

    with first_writer_held(monkeypatch, profile_changes, "public_content_changed") as gate:
        approving, declining = race(
            gate,
            lambda: profile_changes.approve(change, by=first),
            lambda: profile_changes.decline(change, by=second, note="No."),
        )

    assert approving.error is None
    assert isinstance(declining.error, profile_changes.ProfileReviewError)
    change.refresh_from_db()
    assert (change.status, change.decided_by) == (Status.APPROVED, first)
    assert Author.objects.get(pk=author.pk).name == "After"


def test_two_saves_at_once_leave_one_change_waiting(monkeypatch):
    columnist = make_columnist(name="Before")
    author = columnist.author_profile

    with first_writer_held(monkeypatch, profile_changes, "delete_avatar_when_unused") as gate:
        one, two = race(
            gate, proposal(author, columnist, "First"), proposal(author, columnist, "Second")
        )

    assert one.error is None and two.error is None
    assert list(ProfileChange.objects.values_list("name", "status")) == [
        ("First", Status.SUPERSEDED),
        ("Second", Status.PENDING),
    ]
