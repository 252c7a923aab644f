"""The transition functions of ``articles.workflow``, called directly.

Who may make which move from which state is in test_permission_matrix.py; this
module covers what each move does: its inputs, the dates it sets, the audit log it
writes, and the publishing checks.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from articles import workflow
from articles.models import Action, Article, ArticleEvent, Byline, ReviewNote, Status
from authors.models import Author
from tests.factories import (
    make_admin,
    make_article,
    make_article_in,
    make_columnist,
    make_editor,
    make_image,
)

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield NOW


def bylined(state="draft", **kwargs):
    """A columnist and a publishable article in ``state`` that carries their byline."""
    columnist = make_columnist()
    return columnist, make_article_in(state, authors=[columnist.author_profile], **kwargs)


def stored(article):
    return Article.objects.filter(pk=article.pk).values().first()


def refused(call, message, article):
    """Run ``call``, expect ``TransitionError`` saying ``message``, and a stored article unchanged."""
    before = stored(article)
    events, notes = ArticleEvent.objects.count(), ReviewNote.objects.count()
    with pytest.raises(workflow.TransitionError) as error:
        call()
    assert message in str(error.value)
    assert stored(article) == before
    assert (ArticleEvent.objects.count(), ReviewNote.objects.count()) == (events, notes)


# Creating.


def test_a_columnists_new_article_is_a_draft_with_them_as_first_byline():
    columnist = make_columnist()

    article = workflow.create(Article(title="Trains", body="<p>More trains.</p>"), by=columnist)

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.created_by == columnist
    assert [(b.author, b.position) for b in article.bylines.all()] == [
        (columnist.author_profile, 0)
    ]
    event = article.events.get()
    assert (event.actor, event.action, event.to_status) == (columnist, Action.CREATE, "draft")


def test_an_editors_new_article_has_no_byline_until_one_is_added():
    editor = make_editor()

    article = workflow.create(Article(title="Desk note", body="<p>Hi.</p>"), by=editor)

    assert not article.bylines.exists()
    assert article.status == Status.DRAFT


# Every transition writes one audit log entry.

MOVES = [
    # (transition, from state, value, to status, note in the log)
    ("submit", "draft", None, "submitted", ""),
    ("submit", "changes_requested", None, "submitted", ""),
    ("withdraw", "submitted", None, "draft", ""),
    ("request_changes", "submitted", "  Cite the study.  ", "changes_requested", "Cite the study."),
    ("request_changes", "unpublished", "Fix the date.", "changes_requested", "Fix the date."),
    ("publish", "submitted", None, "published", ""),
    ("schedule", "submitted", NOW + timedelta(days=1), "scheduled", "To be published"),
    ("unpublish", "published", " A legal complaint. ", "unpublished", "A legal complaint."),
    ("unpublish", "scheduled", "Not ready after all.", "unpublished", "Not ready after all."),
    ("trash", "unpublished", None, "trashed", ""),
    ("restore", "trashed", None, "draft", ""),
]


@pytest.mark.parametrize(
    ("name", "state", "value", "to", "note"), MOVES, ids=[f"{m[0]}-{m[1]}" for m in MOVES]
)
def test_each_transition_writes_one_audit_log_entry(frozen, name, state, value, to, note):
    author, article = bylined(state)
    actor = author if name == "withdraw" else make_editor()
    from_status = article.status

    workflow.perform(name, article, by=actor, value=value, seen=article.version)

    event = ArticleEvent.objects.get(article=article)
    assert (event.actor, event.action, event.from_status, event.to_status) == (
        actor,
        name,
        from_status,
        to,
    )
    assert event.note.startswith(note)
    assert stored(article)["status"] == article.status == to


def test_transitions_decide_on_the_stored_state_not_the_callers_copy():
    columnist, article = bylined("draft")
    stale = Article.objects.get(pk=article.pk)
    workflow.submit(article, by=columnist)

    refused(lambda: workflow.submit(stale, by=columnist), "isn’t possible while", article)
    assert stale.status == Status.SUBMITTED


@pytest.mark.parametrize("name", ["publish", "schedule"])
def test_publishing_checks_the_stored_article_not_the_callers_copy(frozen, name):
    _, article = bylined("submitted")
    copy = Article.objects.get(pk=article.pk)  # loaded before the picture was chosen
    Article.objects.filter(pk=article.pk).update(featured_image=make_image(alt_text=""))
    editor = make_editor()
    value = NOW + timedelta(days=1) if name == "schedule" else None

    refused(
        lambda: workflow.perform(name, copy, by=editor, value=value, seen=copy.version),
        "it needs alt text on the featured image",
        article,
    )


def test_refusal_names_the_missing_permission_and_the_state():
    columnist, article = bylined("draft")
    with pytest.raises(workflow.TransitionError, match="permission"):
        workflow.publish(article, by=columnist)
    with pytest.raises(workflow.TransitionError, match="while the article is draft"):
        workflow.withdraw(article, by=columnist)


def test_an_unknown_transition_is_refused():
    _, article = bylined("draft")

    refused(lambda: workflow.perform("delete", article, by=make_admin()), "does not exist", article)


# Submit and withdraw.


def test_submit_stamps_the_submission_time_and_withdraw_clears_it(frozen):
    columnist, article = bylined("draft")

    workflow.submit(article, by=columnist)
    assert stored(article)["submitted_at"] == NOW

    workflow.withdraw(article, by=columnist)
    assert stored(article)["submitted_at"] is None
    assert stored(article)["status"] == Status.DRAFT


@pytest.mark.parametrize(("title", "body"), [("", "<p>Words.</p>"), ("A title", "")])
def test_submit_needs_a_title_and_a_body(title, body):
    columnist = make_columnist()
    article = make_article(authors=[columnist.author_profile], body=body)
    Article.objects.filter(pk=article.pk).update(title=title)
    article.title = title

    refused(lambda: workflow.submit(article, by=columnist), "title and a body", article)


# Request changes.


@pytest.mark.parametrize("note", ["", "   \n ", None])
def test_request_changes_needs_a_note(note):
    _, article = bylined("submitted")

    refused(
        lambda: workflow.request_changes(article, by=make_editor(), note=note),
        "Write a note",
        article,
    )


def test_the_note_on_a_change_request_becomes_a_review_note_for_the_author():
    _, article = bylined("submitted")
    editor = make_editor()

    workflow.request_changes(article, by=editor, note="Please cite the 2024 study.")

    note = ReviewNote.objects.get()
    assert (note.article, note.author, note.body, note.is_resolved) == (
        article,
        editor,
        "Please cite the 2024 study.",
        False,
    )


# Publish.


def test_publishing_for_the_first_time_dates_the_article_now(frozen):
    _, article = bylined("submitted")

    workflow.publish(article, by=make_editor())

    assert stored(article)["published_at"] == NOW
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_republishing_keeps_the_original_publication_date(frozen):
    _, article = bylined("unpublished")
    first_published = article.published_at

    workflow.publish(article, by=make_editor())

    assert stored(article)["published_at"] == first_published < NOW


def test_publishing_a_scheduled_article_now_brings_its_date_forward(frozen):
    _, article = bylined("scheduled")

    workflow.publish(article, by=make_editor())

    assert stored(article)["published_at"] == NOW
    assert stored(article)["status"] == Status.PUBLISHED


def without(article, **changes):
    Article.objects.filter(pk=article.pk).update(**changes)
    for field, value in changes.items():
        setattr(article, field, value)
    return article


MISSING = {
    "title": (lambda a: without(a, title="  "), "it needs a title."),
    "body": (lambda a: without(a, body=""), "it needs a body."),
    "author": (lambda a: a.bylines.all().delete(), "it needs at least one author."),
    "alt text": (
        lambda a: without(a, featured_image=make_image(alt_text=" ")),
        "it needs alt text on the featured image.",
    ),
    "everything": (
        lambda a: (
            without(a, title="", body="", featured_image=make_image(alt_text="")),
            a.bylines.all().delete(),
        ),
        "it needs a title, a body, at least one author and alt text on the featured image.",
    ),
}


@pytest.mark.parametrize("name", ["publish", "schedule"])
@pytest.mark.parametrize("missing", list(MISSING))
def test_publishing_needs_title_body_author_and_alt_text(missing, name):
    _, article = bylined("submitted")
    strip, message = MISSING[missing]
    strip(article)
    value = timezone.now() + timedelta(days=1)

    refused(
        lambda: workflow.perform(
            name, article, by=make_editor(), value=value, seen=stored(article)["version"]
        ),
        f"This article can’t be published yet: {message}",
        article,
    )


@pytest.mark.parametrize("body", ["<p> </p>", "<p>&nbsp;</p>", "<h2></h2>"])
def test_a_body_with_no_text_is_not_a_body(body):
    _, article = bylined("submitted", body=body)

    refused(lambda: workflow.publish(article, by=make_editor()), "it needs a body", article)


def test_a_featured_image_with_alt_text_may_be_published():
    _, article = bylined("submitted", featured_image=make_image(alt_text="A tram in Lyon"))

    assert workflow.publishing_problems(article) == []
    workflow.publish(article, by=make_editor())
    assert stored(article)["status"] == Status.PUBLISHED


def test_publishing_checks_come_before_the_state_changes(frozen):
    _, article = bylined("submitted")
    without(article, body="")

    refused(lambda: workflow.publish(article, by=make_editor()), "needs a body", article)
    assert stored(article)["published_at"] is None


# Schedule.


def test_scheduling_sets_the_publication_time_and_logs_it(frozen):
    _, article = bylined("submitted")
    when = NOW + timedelta(days=2, hours=3)

    workflow.schedule(article, by=make_editor(), publish_at=when)

    assert (stored(article)["status"], stored(article)["published_at"]) == ("scheduled", when)
    note = article.events.get().note
    assert note.startswith("To be published") and "2026" in note


@pytest.mark.parametrize(
    "when", [NOW - timedelta(minutes=1), NOW, NOW - timedelta(days=30)], ids=["1m", "now", "30d"]
)
def test_scheduling_in_the_past_is_refused_with_a_clear_message(frozen, when):
    _, article = bylined("submitted")

    refused(
        lambda: workflow.schedule(article, by=make_editor(), publish_at=when),
        "That time has already passed. Choose a time in the future, or publish now.",
        article,
    )


def test_a_naive_schedule_time_is_read_in_the_newsrooms_time_zone(frozen, settings):
    settings.TIME_ZONE = "Europe/London"
    _, article = bylined("submitted")

    # 10:00 in London in July is 09:00 UTC.
    workflow.schedule(article, by=make_editor(), publish_at=datetime(2026, 7, 1, 10, 0))

    assert stored(article)["published_at"] == datetime(2026, 7, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("value", [None, "2026-12-01 10:00", ""])
def test_scheduling_without_a_time_is_refused(value):
    _, article = bylined("submitted")

    refused(
        lambda: workflow.perform(
            "schedule", article, by=make_editor(), value=value, seen=article.version
        ),
        "Choose a date and time",
        article,
    )


def test_a_scheduled_article_can_be_moved_to_another_time(frozen):
    _, article = bylined("scheduled")
    later = NOW + timedelta(days=5)

    workflow.schedule(article, by=make_editor(), publish_at=later)

    assert stored(article)["published_at"] == later


# Unpublish, trash and restore.


@pytest.mark.parametrize("reason", ["", "  ", None])
def test_unpublishing_needs_a_reason(reason):
    _, article = bylined("published")

    refused(
        lambda: workflow.unpublish(article, by=make_editor(), reason=reason),
        "Give a reason",
        article,
    )


def test_unpublishing_hides_the_article_and_logs_the_reason():
    _, article = bylined("published")

    workflow.unpublish(article, by=make_editor(), reason="Legal asked us to.")

    assert not Article.objects.published().filter(pk=article.pk).exists()
    assert article.events.get().note == "Legal asked us to."


def test_trashing_takes_the_article_off_the_review_desk():
    _, article = bylined("submitted")
    editor = make_editor()
    workflow.assign(article, by=editor, assignee=editor, due=timezone.localdate())

    workflow.trash(article, by=editor)

    assert (stored(article)["assignee_id"], stored(article)["review_due"]) == (None, None)


def test_a_restored_article_comes_back_as_a_draft_its_author_can_edit_again():
    columnist, article = bylined("changes_requested")
    workflow.trash(article, by=columnist)

    workflow.restore(article, by=make_editor())

    assert stored(article)["status"] == Status.DRAFT
    workflow.submit(article, by=columnist)
    assert stored(article)["status"] == Status.SUBMITTED


# Assign.


def test_an_editor_assigns_a_submission_with_a_due_date(frozen):
    _, article = bylined("submitted")
    editor, reviewer = make_editor(), make_editor()
    due = timezone.localdate() + timedelta(days=3)

    workflow.assign(article, by=editor, assignee=reviewer, due=due)

    assert (stored(article)["assignee_id"], stored(article)["review_due"]) == (reviewer.pk, due)
    event = ArticleEvent.objects.get(action=Action.ASSIGN)
    assert (event.actor, event.from_status, event.to_status) == (editor, "submitted", "submitted")
    assert f"Assigned to {reviewer}" in event.note


def test_a_review_may_be_due_today(frozen):
    _, article = bylined("submitted")

    workflow.assign(article, by=make_editor(), assignee=None, due=timezone.localdate())

    assert stored(article)["review_due"] == timezone.localdate()


ASSIGN_REFUSALS = {
    "due date in the past": (
        "submitted",
        "editor",
        "editor",
        -1,
        "The due date has already passed",
    ),
    "not in review": ("draft", "editor", "editor", 1, "Only articles in review"),
    "assignee is a columnist": ("submitted", "editor", "columnist", 1, "is not an editor"),
    "assigned by a columnist": ("submitted", "columnist", "editor", 1, "permission to assign"),
}
MAKERS = {"editor": make_editor, "columnist": make_columnist}


@pytest.mark.parametrize("case", list(ASSIGN_REFUSALS))
def test_assigning_is_refused(frozen, case):
    state, by, assignee, days, message = ASSIGN_REFUSALS[case]
    _, article = bylined(state)
    due = timezone.localdate() + timedelta(days=days)

    refused(
        lambda: workflow.assign(article, by=MAKERS[by](), assignee=MAKERS[assignee](), due=due),
        message,
        article,
    )


# Emptying the trash.


def test_an_administrator_deletes_only_trashed_articles():
    trashed = [make_article_in("trashed"), make_article_in("trashed")]
    kept = make_article_in("draft")

    count = workflow.empty_trash(by=make_admin(), articles=[*trashed, kept])

    assert count == 2
    assert list(Article.objects.all()) == [kept]


def test_emptying_the_whole_trash_keeps_everything_else():
    make_article_in("trashed")
    kept = [make_article_in(state) for state in ("draft", "published", "unpublished")]

    assert workflow.empty_trash(by=make_admin()) == 1
    assert set(Article.objects.all()) == set(kept)


@pytest.mark.parametrize("maker", [make_editor, make_columnist], ids=["editor", "columnist"])
def test_only_an_administrator_may_empty_the_trash(maker):
    article = make_article_in("trashed")

    refused(
        lambda: workflow.empty_trash(by=maker(), articles=[article]),
        "Only an administrator",
        article,
    )


def test_deleting_an_article_removes_its_bylines_but_keeps_its_authors():
    columnist, _ = bylined("trashed")

    workflow.empty_trash(by=make_admin())

    assert not Byline.objects.exists()
    assert Author.objects.filter(pk=columnist.author_profile.pk).exists()
