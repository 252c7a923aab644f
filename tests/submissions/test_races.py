"""Desk moves that race, on PostgreSQL: the row lock lets exactly one win."""

import pytest
from django.db import connection

from articles.models import Article
from authors.models import Author
from submissions import workflow
from submissions.models import OutgoingEmail, State, Submission
from tests.articles.test_concurrent_saves import first_writer_held, race
from tests.factories import make_editor

from .helpers import make_submission

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks: PostgreSQL only, not SQLite"
    ),
]


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


def test_two_editors_accepting_at_once_make_one_draft(monkeypatch):
    submission = make_submission(state=State.CONSIDERING)
    first, second = make_editor(), make_editor()
    with first_writer_held(monkeypatch, workflow, "_draft_from") as gate:
        one, two = race(
            gate,
            lambda: workflow.accept(Submission.objects.get(), by=first, notify=False),
            lambda: workflow.accept(Submission.objects.get(), by=second, notify=False),
        )
    assert one.error is None
    assert isinstance(two.error, workflow.SubmissionError)
    assert Article.objects.count() == 1 and Author.objects.count() == 1
    assert Submission.objects.get(pk=submission.pk).draft_article == Article.objects.get()


def test_a_link_opened_twice_at_once_verifies_once(monkeypatch):
    submission = make_submission(state=State.UNVERIFIED)
    from submissions import emails

    with first_writer_held(monkeypatch, emails, "queue") as gate:
        one, two = race(
            gate,
            lambda: workflow.verify(Submission.objects.get(pk=submission.pk)),
            lambda: workflow.verify(Submission.objects.get(pk=submission.pk)),
        )
    assert one.error is None and two.error is None
    assert [one.result[1], two.result[1]] == [True, False]
    assert OutgoingEmail.objects.filter(kind="received").count() == 1
