"""Two editors acting on one pending change at once: exactly one decision wins.

Real concurrency needs real row locks, so these run on PostgreSQL only.
"""

import threading

import pytest
from django.db import connection, connections

from articles import revisions, workflow
from articles.models import Action, Approval, ArticleEvent, Revision
from tests.factories import make_columnist, make_editor, make_published

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks"),
]


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


def race(*calls):
    """Run ``calls`` at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes[index] = "done"
        except workflow.TransitionError:
            outcomes[index] = "refused"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.fixture
def pending():
    columnist = make_columnist()
    article = make_published("Live", authors=[columnist.author_profile])
    article.title = "Changed"
    return revisions.save_pending(article, by=columnist)


def test_two_editors_approving_at_once_make_it_live_once(pending):
    one, two = make_editor(), make_editor()

    outcomes = race(
        lambda: revisions.approve(pending, by=one, seen=revisions.fingerprint(pending)),
        lambda: revisions.approve(pending, by=two, seen=revisions.fingerprint(pending)),
    )

    assert outcomes == ["done", "refused"]
    assert ArticleEvent.objects.filter(action=Action.CHANGE_APPROVED).count() == 1
    assert Revision.objects.filter(kind="approval").count() == 1


def test_approving_and_sending_back_at_once_leave_one_decision(pending):
    one, two = make_editor(), make_editor()

    outcomes = race(
        lambda: revisions.approve(pending, by=one, seen=revisions.fingerprint(pending)),
        lambda: revisions.send_back(pending, by=two, note="Not yet."),
    )

    assert outcomes == ["done", "refused"]
    pending.refresh_from_db()
    assert pending.approval in (Approval.APPROVED, Approval.RETURNED)
    decided = ArticleEvent.objects.filter(
        action__in=[Action.CHANGE_APPROVED, Action.CHANGE_RETURNED]
    )
    assert decided.count() == 1


def test_two_pending_saves_at_once_leave_one_pending_change(pending):
    article = pending.article
    columnist = pending.created_by

    def save(title):
        def call():
            article.title = title
            revisions.save_pending(article, by=columnist)

        return call

    outcomes = race(save("First"), save("Second"))

    assert outcomes == ["done", "done"]
    assert Revision.objects.pending().filter(article=article).count() == 1
