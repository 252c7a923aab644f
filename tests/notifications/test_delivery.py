"""Emails leave only after the action commits, from the worker, and a failing mail
server is retried with back-off without ever touching the editorial action."""

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles import workflow
from articles.models import Status
from notifications import events
from notifications.models import Email, EmailOptOut, Kind, Notification
from notifications.tasks import backoff, deliver
from tests.factories import make_admin, make_editor

from .helpers import FAILING_MAILER, bylined

pytestmark = pytest.mark.django_db


def queued_tasks():
    return DBTaskResult.objects.filter(task_path__endswith="send_notification_email")


def test_the_email_is_queued_only_when_the_action_commits(django_capture_on_commit_callbacks):
    make_editor()
    columnist, article = bylined("draft")
    with django_capture_on_commit_callbacks() as callbacks:
        workflow.submit(article, by=columnist)
        assert not queued_tasks().exists()
    assert len(callbacks) == 1
    for callback in callbacks:
        callback()
    notification = Notification.objects.get()
    assert queued_tasks().get().args_kwargs["args"] == [notification.pk]


def test_nothing_is_queued_or_recorded_when_the_action_rolls_back(
    django_capture_on_commit_callbacks,
):
    make_editor()
    columnist, article = bylined("draft")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        workflow.submit(article, by=columnist)
        raise RuntimeError("something later in the same request failed")
    assert callbacks == []
    assert not Notification.objects.exists()
    assert not queued_tasks().exists()


def test_the_email_has_the_note_and_the_link_to_the_article_in_the_admin(settings):
    settings.SITE_URL = "https://news.example"
    editor = make_editor()
    editor.first_name, editor.last_name = "Harriet", "Lowe"
    editor.save()
    columnist, article = bylined("submitted", title="On bridges")
    workflow.request_changes(article, by=editor, note="Say who built the second bridge.")
    notification = columnist.notifications.get()
    assert deliver(notification.pk) == Email.SENT
    [message] = mail.outbox
    assert message.to == [columnist.email]
    assert message.subject == "[The Opinion Blog] Harriet Lowe requested changes to “On bridges”"
    assert "Say who built the second bridge." in message.body
    assert f"https://news.example/admin/articles/article/{article.pk}/change/" in message.body
    assert "https://news.example/admin/notifications/settings/" in message.body


def test_a_failed_send_is_retried_with_growing_back_off(
    settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAILER
    make_editor()
    columnist, article = bylined("draft")
    workflow.submit(article, by=columnist)
    notification = Notification.objects.get()
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert deliver(notification.pk) == Email.RETRYING
        notification.refresh_from_db()
        assert notification.attempts == 1
        assert notification.next_attempt_at == now + backoff(1)
        assert "SMTPServerDisconnected" in notification.last_error
        retry = queued_tasks().get()
        assert retry.run_after == now + backoff(1)
        assert retry.args_kwargs["args"] == [notification.pk]

        with django_capture_on_commit_callbacks(execute=True):
            deliver(notification.pk)
        notification.refresh_from_db()
        assert notification.attempts == 2
        assert notification.next_attempt_at == now + backoff(2)
    assert backoff(2) == 4 * backoff(1)


def test_a_send_that_keeps_failing_is_given_up_and_listed_for_administrators(
    settings, client, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAILER
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    columnist, article = bylined("submitted")
    editor = make_editor()
    workflow.publish(article, by=editor)
    notification = columnist.notifications.get()
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            deliver(notification.pk)
    notification.refresh_from_db()
    assert (notification.email, notification.attempts) == (Email.FAILED, 3)
    assert queued_tasks().count() == 2  # the two retries; none after giving up

    client.force_login(make_admin())
    page = client.get("/admin/notifications/notification/?email=failed")
    assert page.status_code == 200
    assert "SMTPServerDisconnected" in page.text
    assert article.title in page.text


def test_administrators_can_send_a_failed_email_again(client, django_capture_on_commit_callbacks):
    columnist, article = bylined("published")
    events.change_approved(article, make_editor())
    notification = columnist.notifications.get()
    Notification.objects.filter(pk=notification.pk).update(email=Email.FAILED, attempts=5)
    client.force_login(make_admin())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/notifications/notification/",
            {"action": "send_again", "_selected_action": [notification.pk]},
        )
    notification.refresh_from_db()
    assert (notification.email, notification.attempts) == (Email.QUEUED, 0)
    assert queued_tasks().count() == 1


def test_only_administrators_see_the_deliveries(client):
    client.force_login(make_editor())
    assert client.get("/admin/notifications/notification/").status_code == 403


def test_the_editorial_action_stands_when_the_mail_server_is_down(
    settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAILER
    make_editor()
    columnist, article = bylined("draft")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, by=columnist)
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED
    # The worker's failure is recorded, not raised into anyone's request.
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver(Notification.objects.get().pk) == Email.RETRYING
    assert article.events.filter(action="submit").exists()


def test_a_turned_off_kind_is_in_the_inbox_but_never_emailed(django_capture_on_commit_callbacks):
    editor = make_editor()
    EmailOptOut.objects.create(user=editor, kind=Kind.SUBMITTED)
    columnist, article = bylined("draft")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.submit(article, by=columnist)
    notification = editor.notifications.get()
    assert notification.email == Email.OFF
    assert not queued_tasks().exists()
    # Other kinds still come by email.
    with django_capture_on_commit_callbacks(execute=True):
        notes_note = events.change_pending(article, columnist)
    assert notes_note[0].email == Email.QUEUED


def test_preferences_and_access_are_checked_again_when_sending():
    editor = make_editor()
    columnist, article = bylined("submitted")
    workflow.publish(article, by=editor)
    notification = columnist.notifications.get()
    EmailOptOut.objects.create(user=columnist, kind=Kind.PUBLISHED)
    assert deliver(notification.pk) == Email.OFF

    other_columnist, other = bylined("submitted")
    workflow.publish(other, by=editor)
    later = other_columnist.notifications.get()
    other.bylines.all().delete()  # taken off the article before the worker ran
    assert deliver(later.pk) == Email.NO_ACCESS
    assert mail.outbox == []


def test_a_person_without_an_address_is_not_emailed():
    editor = make_editor()
    editor.email = ""
    editor.save()
    columnist, article = bylined("draft")
    workflow.submit(article, by=columnist)
    assert editor.notifications.get().email == Email.NO_ADDRESS


def test_demo_history_is_recorded_without_email():
    make_editor()
    columnist, article = bylined("draft")
    with events.without_email():
        workflow.submit(article, by=columnist)
    assert Notification.objects.get().email == Email.OFF
