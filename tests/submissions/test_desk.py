"""The Submissions desk: editors only, transitions with history, accept, replies, sign-off."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import workflow as article_workflow
from articles.models import ReviewNote, Status
from authors.models import Author
from submissions import emails, links, workflow
from submissions.models import (
    Action,
    Kind,
    OutgoingEmail,
    ReplyTemplate,
    State,
    Submission,
    SubmissionEvent,
)
from tests.factories import make_admin, make_columnist, make_editor, make_published

from .helpers import make_submission

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    return reverse(f"admin:submissions_submission_{name}", args=args)


def messages_in(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


# Who sees the desk.


def test_editors_see_the_queue_with_the_senders_private_details(client):
    submission = make_submission()
    client.force_login(make_editor())
    assert client.get(admin_url("changelist")).status_code == 200
    page = client.get(admin_url("change", submission.pk)).content.decode()
    assert "ana@example.org" in page and "+44 20 7946 0000" in page


def test_columnists_never_see_the_submissions_desk(client):
    submission = make_submission()
    client.force_login(make_columnist())
    assert client.get(admin_url("changelist")).status_code == 403
    assert client.get(admin_url("change", submission.pk)).status_code == 403
    response = client.post(admin_url("act", submission.pk), {"action": "accept"})
    assert response.status_code == 403
    index = client.get("/admin/").content.decode()
    assert "submissions/submission" not in index
    submission.refresh_from_db()
    assert submission.state == State.NEW


def test_transitions_refuse_people_off_the_desk():
    submission = make_submission()
    with pytest.raises(workflow.SubmissionError):
        workflow.accept(submission, by=make_columnist())
    assert Submission.objects.get().state == State.NEW


def test_unverified_submissions_are_not_on_the_desk(client):
    make_submission(state=State.UNVERIFIED, headline="Not yet confirmed")
    client.force_login(make_editor())
    assert "Not yet confirmed" not in client.get(admin_url("changelist")).content.decode()


def test_the_queue_filters_by_kind_and_age(client):
    make_submission(headline="An op-ed here")
    make_submission(kind=Kind.LETTER, headline="")
    client.force_login(make_editor())
    page = client.get(admin_url("changelist") + "?kind__exact=letter").content.decode()
    assert "An op-ed here" not in page and "Letter from Bill Oduya" in page
    page = client.get(admin_url("changelist") + "?age=older").content.decode()
    assert "An op-ed here" not in page
    assert "An op-ed here" in client.get(admin_url("changelist") + "?age=day").content.decode()


# Moves and history.


def test_each_move_is_recorded_with_who_and_from_where():
    editor = make_editor()
    submission = make_submission()
    workflow.consider(submission, by=editor)
    workflow.decline(submission, by=editor, notify=False)
    events = list(
        SubmissionEvent.objects.order_by("pk").values_list(
            "action", "from_state", "to_state", "actor"
        )
    )
    assert events == [
        (Action.CONSIDER, State.NEW, State.CONSIDERING, editor.pk),
        (Action.DECLINE, State.CONSIDERING, State.DECLINED, editor.pk),
    ]
    with pytest.raises(workflow.SubmissionError, match="isn’t possible"):
        workflow.accept(submission, by=editor)


def test_assignment_and_internal_notes_through_the_admin(client):
    editor, other = make_editor(), make_editor()
    submission = make_submission()
    client.force_login(editor)
    client.post(admin_url("assign", submission.pk), {"assignee": other.pk})
    client.post(admin_url("note", submission.pk), {"body": "Strong, but long. <b>Cut</b> it."})
    submission.refresh_from_db()
    assert submission.assignee == other
    page = client.get(admin_url("change", submission.pk)).content.decode()
    assert "Strong, but long. &lt;b&gt;Cut&lt;/b&gt; it." in page


def test_a_columnist_cannot_be_assigned(client):
    submission = make_submission()
    client.force_login(make_editor())
    response = client.post(admin_url("assign", submission.pk), {"assignee": make_columnist().pk})
    assert any("does not work on the submissions desk" in m for m in messages_in(response))


def test_replies_use_the_editable_templates(client):
    ReplyTemplate.objects.filter(kind="declined").update(
        subject="No thanks, {name} ({reference})", body="Sorry {name}. {unknown} stays."
    )
    submission = make_submission()
    client.force_login(make_editor())
    client.post(admin_url("reply", submission.pk), {"kind": "declined"})
    email = OutgoingEmail.objects.get(kind="declined")
    assert email.subject == f"No thanks, Ana Ruiz ({submission.reference})"
    assert email.body == "Sorry Ana Ruiz. {unknown} stays."
    assert email.to == "ana@example.org"


def test_a_failing_mail_server_is_retried_like_notifications(settings, monkeypatch):
    import smtplib

    submission = make_submission()
    email = emails.queue(submission, "received", withdraw_link="x")

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    assert emails.deliver(email.pk) == "retrying"
    email.refresh_from_db()
    assert email.attempts == 1 and email.next_attempt_at is not None


# Accept.


def test_accepting_an_op_ed_makes_a_draft_with_a_guest_byline(
    client, django_capture_on_commit_callbacks
):
    submission = make_submission(
        text="First <script>alert(1)</script> paragraph.\n\nSecond one.",
        conflict_of_interest="I advise a nurses' union.",
    )
    editor = make_editor()
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_url("act", submission.pk), {"action": "accept", "notify": "on"}
        )
    submission.refresh_from_db()
    article = submission.draft_article
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])
    assert submission.state == State.ACCEPTED
    assert article.status == Status.DRAFT
    assert article.title == "Nurses need rest rooms, not pizza"
    assert article.body == (
        "<p>First &lt;script&gt;alert(1)&lt;/script&gt; paragraph.</p><p>Second one.</p>"
    )
    assert article.disclosure == "I advise a nurses' union."
    guest = article.bylines.get().author
    assert guest.user is None and guest.name == "Ana Ruiz"
    assert "Ana Ruiz is a nurse in London." in guest.bio and "St Thomas" in guest.bio
    assert "ana@example.org" not in guest.bio
    assert OutgoingEmail.objects.filter(kind="accepted").exists()
    # It then follows the normal workflow.
    article_workflow.publish(article, by=editor)


def test_a_second_op_ed_from_the_same_address_reuses_the_guest_profile():
    editor = make_editor()
    first = workflow.accept(make_submission(), by=editor)
    second = workflow.accept(make_submission(email="ANA@example.org", headline="Again"), by=editor)
    assert second.guest_author == first.guest_author
    assert Author.objects.count() == 1


def test_accepting_a_letter_publishes_it(client):
    article = make_published()
    letter = make_submission(kind=Kind.LETTER, article=article)
    workflow.accept(letter, by=make_editor())
    assert list(Submission.objects.published_letters()) == [letter]
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Letters about this article" in page and "the author is right about buses" in page
    assert "bill@example.org" not in page


# Sign-off by the writer.


def accepted_op_ed():
    editor = make_editor()
    submission = workflow.accept(make_submission(), by=editor, notify=False)
    return editor, submission


def test_sign_off_sends_a_private_expiring_link_to_the_edited_version(client):
    editor, submission = accepted_op_ed()
    sign_off = workflow.request_sign_off(submission, by=editor, days=3)
    email = OutgoingEmail.objects.get(kind="sign_off")
    assert links.sign_off_url(sign_off) in email.body
    response = client.get(links.sign_off_url(sign_off))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "Every ward I have worked on" in response.content.decode()
    assert "Approve this version" in response.content.decode()


def test_the_writer_approves_and_the_desk_shows_who_and_when(client):
    editor, submission = accepted_op_ed()
    sign_off = workflow.request_sign_off(submission, by=editor)
    client.post(links.sign_off_url(sign_off), {"approve": "1"})
    sign_off.refresh_from_db()
    assert sign_off.approved_at is not None
    client.force_login(editor)
    page = client.get(admin_url("change", submission.pk)).content.decode()
    assert "approved by Ana Ruiz on" in page
    assert ReviewNote.objects.filter(
        article=submission.draft_article, body__contains="approved"
    ).exists()


def test_a_writers_comment_lands_as_a_review_note(client):
    editor, submission = accepted_op_ed()
    sign_off = workflow.request_sign_off(submission, by=editor)
    client.post(links.sign_off_url(sign_off), {"comment": "Please keep my <i>second</i> point."})
    note = ReviewNote.objects.get(article=submission.draft_article)
    assert "Please keep my <i>second</i> point." in note.body
    assert note.author is None
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[submission.draft_article.pk]))
    assert "Please keep my &lt;i&gt;second&lt;/i&gt; point." in page.content.decode()


def test_a_withdrawn_or_expired_sign_off_link_opens_nothing(client):
    from articles import share_links

    editor, submission = accepted_op_ed()
    sign_off = workflow.request_sign_off(submission, by=editor)
    share_links.revoke(sign_off.share_link, by=editor)
    assert client.get(links.sign_off_url(sign_off)).status_code == 404
    assert client.post(links.sign_off_url(sign_off), {"approve": "1"}).status_code == 404
    sign_off.refresh_from_db()
    assert sign_off.approved_at is None


def test_a_share_link_token_is_not_a_sign_off_token(client):
    editor, submission = accepted_op_ed()
    sign_off = workflow.request_sign_off(submission, by=editor)
    assert client.get(f"/write-for-us/sign-off/{sign_off.share_link.token}/").status_code == 404


def test_only_accepted_op_eds_go_for_sign_off():
    editor = make_editor()
    with pytest.raises(workflow.SubmissionError):
        workflow.request_sign_off(make_submission(), by=editor)


def test_administrators_see_the_desk(client):
    client.force_login(make_admin())
    assert client.get(admin_url("changelist")).status_code == 200


def test_a_published_letter_cannot_be_withdrawn_from_the_link(client):
    letter = workflow.accept(make_submission(kind=Kind.LETTER), by=make_editor(), notify=False)
    response = client.post(links.withdraw_url(letter))
    assert "already published" in response.content.decode()
    letter.refresh_from_db()
    assert letter.state == State.ACCEPTED and letter.published_at is not None


def test_an_accepted_op_ed_can_be_withdrawn_until_it_is_published(client):
    _editor, submission = accepted_op_ed()
    client.post(links.withdraw_url(submission))
    submission.refresh_from_db()
    assert submission.state == State.WITHDRAWN


def test_the_desk_edits_a_letter_as_printed(client, django_capture_on_commit_callbacks):
    article = make_published()
    letter = workflow.accept(
        make_submission(kind=Kind.LETTER, article=article), by=make_editor(), notify=False
    )
    client.force_login(make_editor())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            admin_url("change", letter.pk),
            {"published_text": "Trimmed\x07 text.", "state": "new", "email": "x@y.z"},
        )
    letter.refresh_from_db()
    assert letter.published_text == "Trimmed text."
    assert letter.state == State.ACCEPTED and letter.email == "bill@example.org"
    assert "Trimmed text." in client.get("/letters/").content.decode()


def test_withdrawing_an_accepted_op_ed_leaves_a_note_on_its_draft(client):
    _editor, submission = accepted_op_ed()
    client.post(links.withdraw_url(submission))
    note = ReviewNote.objects.get(article=submission.draft_article)
    assert "withdrew this piece" in note.body and submission.reference in note.body


def test_the_desk_sees_when_the_article_changed_after_the_sign_off(client):
    editor, submission = accepted_op_ed()
    sign_off = workflow.request_sign_off(submission, by=editor)
    workflow.answer_sign_off(sign_off, approve=True)
    client.force_login(editor)
    page = client.get(admin_url("change", submission.pk)).content.decode()
    assert "edited since" not in page
    article = submission.draft_article
    article.standfirst = "Changed after approval."
    article.version += 1
    article.save()
    page = client.get(admin_url("change", submission.pk)).content.decode()
    assert "(the article has been edited since)" in page


@pytest.mark.parametrize(
    ("approve", "comment", "kind"),
    [(True, "", "guest_signed_off"), (False, "Please keep my last line.", "guest_commented")],
)
def test_the_editor_who_asked_hears_when_the_guest_answers_the_sign_off(
    approve, comment, kind, django_capture_on_commit_callbacks
):
    from notifications.models import Email, Notification

    editor, submission = accepted_op_ed()
    bystander = make_editor()
    sign_off = workflow.request_sign_off(submission, by=editor)

    with django_capture_on_commit_callbacks(execute=False):
        workflow.answer_sign_off(sign_off, approve=approve, comment=comment)

    (told,) = Notification.objects.filter(kind=kind)
    assert told.recipient == editor
    assert told.article == submission.draft_article
    assert told.email == Email.QUEUED
    assert comment in told.note
    assert "guest writer" in told.headline
    assert not Notification.objects.filter(recipient=bystander, kind=kind).exists()


def test_the_dashboard_shows_editors_what_waits_on_the_submissions_desk(client):
    from datetime import timedelta

    from django.utils import timezone

    make_submission(created_at=timezone.now() - timedelta(days=3))
    make_submission(kind=Kind.LETTER)
    make_submission(kind=Kind.LETTER, state=State.CONSIDERING)
    make_submission(state=State.UNVERIFIED)
    make_submission(state=State.DECLINED)
    client.force_login(make_editor())

    page = client.get(reverse("admin:index")).content.decode()

    assert '?state__exact=new">New</a>: <strong>2</strong>' in page
    assert "(1 op-ed, 1 letter)" in page
    assert "Under consideration</a>: <strong>1</strong>" in page
    assert "The oldest has waited 3" in page


def test_the_dashboard_says_when_no_submission_waits_and_columnists_see_no_panel(client):
    client.force_login(make_editor())
    assert "No submission is waiting for a decision." in client.get(reverse("admin:index")).text
    make_submission()
    client.force_login(make_columnist())
    assert "Submissions</a></h2>" not in client.get(reverse("admin:index")).text
