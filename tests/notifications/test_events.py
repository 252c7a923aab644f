"""Who hears of each event: the desk of a submission, the authors of a decision,
the other side of a review thread, and never anyone who may not see the article."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import notes, workflow
from notifications import events
from notifications.models import Kind, Notification
from tests.factories import make_admin, make_columnist, make_editor

from .helpers import bylined

pytestmark = pytest.mark.django_db


def told(kind, article=None):
    """The usernames told of ``kind`` (on ``article``), sorted."""
    rows = Notification.objects.filter(kind=kind)
    if article is not None:
        rows = rows.filter(article=article)
    return sorted(rows.values_list("recipient__username", flat=True))


def test_a_submission_tells_every_editor_while_nobody_is_assigned():
    first, second = make_editor("ed1"), make_editor("ed2")
    make_columnist("bystander")
    columnist, article = bylined("draft")
    workflow.submit(article, by=columnist)
    assert told(Kind.SUBMITTED) == sorted([first.username, second.username])


def test_a_resubmission_tells_only_the_assignee():
    assignee, _other = make_editor("assignee"), make_editor("other")
    columnist, article = bylined("submitted")
    workflow.assign(article, by=assignee, assignee=assignee)
    workflow.request_changes(article, by=assignee, note="Shorter, please.")
    workflow.submit(article, by=columnist)
    assert told(Kind.SUBMITTED) == ["assignee"]


def test_an_inactive_editor_hears_nothing():
    make_editor("active")
    asleep = make_editor("asleep")
    asleep.is_active = False
    asleep.save()
    columnist, article = bylined("draft")
    workflow.submit(article, by=columnist)
    assert told(Kind.SUBMITTED) == ["active"]


@pytest.mark.parametrize(
    ("move", "kind", "note"),
    [
        (
            lambda a, by: workflow.request_changes(a, by=by, note="Cut the intro."),
            Kind.CHANGES_REQUESTED,
            "Cut the intro.",
        ),
        (lambda a, by: workflow.publish(a, by=by), Kind.PUBLISHED, ""),
        (
            lambda a, by: workflow.schedule(
                a, by=by, publish_at=timezone.now() + timedelta(days=1)
            ),
            Kind.SCHEDULED,
            "To be published",
        ),
    ],
)
def test_an_editors_decision_tells_the_authors_with_the_note(move, kind, note):
    editor = make_editor()
    columnist, article = bylined("submitted")
    co_author = make_columnist("coauthor")
    article.bylines.create(author=co_author.author_profile, position=1)
    other = make_columnist("other")
    move(article, editor)
    assert told(kind) == sorted([columnist.username, "coauthor"])
    assert other.notifications.count() == 0
    assert all(note in n.note for n in Notification.objects.filter(kind=kind))
    assert not editor.notifications.exists()


def test_unpublishing_tells_the_authors_the_reason():
    editor = make_editor()
    columnist, article = bylined("published")
    workflow.unpublish(article, by=editor, reason="Legal asked us to.")
    notification = columnist.notifications.get()
    assert (notification.kind, notification.note) == (Kind.UNPUBLISHED, "Legal asked us to.")


def test_moves_that_are_nobodys_news_tell_no_one():
    make_editor()
    columnist, article = bylined("submitted")
    workflow.withdraw(article, by=columnist)
    workflow.trash(article, by=columnist)
    assert not Notification.objects.exists()


def test_the_actor_is_never_told_of_their_own_move():
    editor = make_editor("ed")
    make_editor("ed2")
    _, article = bylined("draft")
    workflow.submit(article, by=editor)
    assert told(Kind.SUBMITTED) == ["ed2"]


def test_an_author_without_a_login_or_inactive_is_skipped():
    editor = make_editor()
    columnist, article = bylined("submitted")
    columnist.is_active = False
    columnist.save()
    workflow.publish(article, by=editor)
    assert not Notification.objects.exists()


def test_a_note_from_an_author_tells_the_editors_in_the_thread():
    editor, _bystander = make_editor("in-thread"), make_editor("bystander")
    columnist, article = bylined("changes_requested")
    root = notes.add_note(article, by=editor, body="Is the figure in line 3 right?")
    assert told(Kind.REVIEW_NOTE) == [columnist.username]
    notes.add_note(article, by=columnist, body="Yes, checked.", parent=root)
    assert told(Kind.REVIEW_NOTE) == sorted([columnist.username, "in-thread"])


def test_a_new_thread_from_an_author_goes_to_the_desk():
    make_editor("desk1")
    make_editor("desk2")
    columnist, article = bylined("draft")
    notes.add_note(article, by=columnist, body="A question for the desk.")
    assert told(Kind.REVIEW_NOTE) == ["desk1", "desk2"]


def test_a_note_never_reaches_another_columnist():
    editor = make_editor()
    _, article = bylined("submitted")
    stranger = make_columnist("stranger")
    notes.add_note(article, by=editor, body="Good piece.")
    assert not stranger.notifications.exists()


def test_an_administrator_is_told_as_an_editor():
    admin = make_admin("boss")
    columnist, article = bylined("draft")
    workflow.submit(article, by=columnist)
    assert told(Kind.SUBMITTED) == [admin.username]


# The pending-change events, called directly as the pending-change code will.


def test_a_pending_change_tells_the_desk():
    editor = make_editor("desk")
    columnist, article = bylined("published")
    events.change_pending(article, columnist)
    assert told(Kind.CHANGE_PENDING) == [editor.username]


def test_an_approved_change_tells_the_authors():
    editor = make_editor()
    columnist, article = bylined("published")
    events.change_approved(article, editor)
    assert told(Kind.CHANGE_APPROVED) == [columnist.username]


def test_a_change_sent_back_tells_the_authors_why():
    editor = make_editor()
    columnist, article = bylined("published")
    events.change_sent_back(article, editor, "The quote needs a source.")
    notification = columnist.notifications.get()
    assert (notification.kind, notification.note) == (
        Kind.CHANGE_SENT_BACK,
        "The quote needs a source.",
    )
