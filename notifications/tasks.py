"""The background task that emails one notification, retrying a failing mail server.

Django's tasks framework does not retry by itself, so the task does: a send that
fails is recorded on the notification (attempts, last error, next try), and the
task queues itself again to run after a growing wait, until it gives up.
Administrators see every failure in the admin's Notifications list.
"""

import logging
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from opinion_blog.validators import one_line

from .models import Email, EmailOptOut, Notification

logger = logging.getLogger(__name__)

# The failures worth trying again: the mail server refused, was unreachable or timed out.
TRANSIENT = (smtplib.SMTPException, OSError)
# What a task may still have to send: a row ``sending`` past its lease was left by a dead worker.
SENDABLE = (Email.QUEUED, Email.RETRYING, Email.SENDING)


def backoff(attempts):
    """How long to wait after the ``attempts``-th failure: 1, 4, 16, 64 minutes…"""
    return timedelta(seconds=settings.NOTIFICATION_RETRY_SECONDS * 4 ** (attempts - 1))


@task()
def send_notification_email(notification_id):
    return deliver(notification_id)


def deliver(notification_id):
    """Send one notification's email now; on failure schedule the next try.

    Three short steps, so a worker killed at any point leaves a row the sweep can
    act on: claim (mark ``sending`` with an idempotency key and a lease, commit),
    hand the message to the mail server outside any transaction, record the
    outcome. A re-run finding ``sent`` does nothing; one finding ``sending`` past
    its lease sends again with the same Message-ID, which the mail server and
    the recipient's mail program recognise as the same message.
    """
    notification, outcome = _claim(notification_id)
    if notification is None:
        return outcome
    try:
        build_message(notification).send()
    except TRANSIENT as error:
        failure = error
    else:
        failure = None
    with transaction.atomic():
        current = (
            Notification.objects.select_for_update(of=("self",))
            .filter(pk=notification_id, email=Email.SENDING, send_key=notification.send_key)
            .first()
        )
        if current is None:
            # Another worker took over after our lease ran out and has recorded the outcome.
            return "recorded by another worker"
        if failure is None:
            current.email, current.sent_at = Email.SENT, timezone.now()
            current.last_error, current.next_attempt_at = "", None
        else:
            _record_failure(current, failure)
        current.sending_until = None
        current.save(
            update_fields=[
                "email",
                "last_error",
                "next_attempt_at",
                "sent_at",
                "sending_until",
            ]
        )
        return current.email


def _claim(notification_id):
    """Mark the notification ``sending`` (committed) or say why there is nothing to send."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient", "article", "profile_change__author", "actor")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.email not in SENDABLE:
            return None, "nothing to send"
        now = timezone.now()
        held = notification.sending_until and notification.sending_until > now
        if notification.email == Email.SENDING and held:
            return None, "being sent by another worker"
        skipped = _reason_not_to_send(notification)
        if skipped:
            notification.email = skipped
            notification.next_attempt_at = notification.sending_until = None
            notification.save(update_fields=["email", "next_attempt_at", "sending_until"])
            return None, skipped
        notification.attempts += 1
        notification.email = Email.SENDING
        notification.send_key = notification.send_key or uuid.uuid4()
        notification.sending_until = now + timedelta(
            seconds=settings.NOTIFICATION_SEND_LEASE_SECONDS
        )
        notification.save(update_fields=["email", "attempts", "send_key", "sending_until"])
        return notification, ""


def _reason_not_to_send(notification):
    """Access and preferences are checked again at send time: they may have changed."""
    person = notification.recipient
    if not notification.recipient_may_open():
        return Email.NO_ACCESS
    if EmailOptOut.objects.filter(user=person, kind=notification.kind).exists():
        return Email.OFF
    if not person.email:
        return Email.NO_ADDRESS
    return ""


def _record_failure(notification, error):
    notification.last_error = f"{type(error).__name__}: {error}"[:2000]
    if notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        notification.email, notification.next_attempt_at = Email.FAILED, None
        logger.error(
            "Gave up emailing notification %s after %s attempts: %s",
            notification.pk,
            notification.attempts,
            notification.last_error,
        )
        return
    notification.email = Email.RETRYING
    notification.next_attempt_at = timezone.now() + backoff(notification.attempts)
    logger.warning(
        "Emailing notification %s failed (attempt %s), retrying at %s: %s",
        notification.pk,
        notification.attempts,
        notification.next_attempt_at,
        notification.last_error,
    )
    run_after = notification.next_attempt_at
    transaction.on_commit(
        lambda: send_notification_email.using(run_after=run_after).enqueue(notification.pk)
    )


def build_message(notification):
    context = {
        "notification": notification,
        "recipient_name": one_line(
            notification.recipient.get_full_name() or notification.recipient.get_username()
        ),
        "article": notification.article,
        "actor": notification.actor,
        "link": settings.SITE_URL.rstrip("/") + notification.newsroom_path(),
        "settings_link": settings.SITE_URL.rstrip("/") + reverse("admin:notification_settings"),
        "site_name": settings.SITE_NAME,
    }
    # The subject is one line whatever the names and titles hold; so is every line of the
    # body built from them (the headline, the greeting).
    subject = render_to_string("notifications/email_subject.txt", context)
    body = render_to_string("notifications/email_body.txt", context)
    return EmailMessage(
        subject=one_line(subject),
        body=body,
        to=[notification.recipient.email],
        headers={"Message-ID": message_id(notification)} if notification.send_key else {},
    )


def message_id(notification):
    """The same for every try of one notification: a resend after a crash is the same message."""
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"
    return f"<notification-{notification.pk}.{notification.send_key.hex}@{domain}>"
