"""Emails to senders: written from the editable reply templates, sent by the task worker.

Each email is a row (``OutgoingEmail``) queued when the action that causes it
commits; the worker sends it and, when the mail server fails, tries again after
the notifications' waits (``notifications.tasks.backoff``) up to
``NOTIFICATION_MAX_ATTEMPTS``. Emails are plain text: nothing a sender typed can
run in a mail client.
"""

import contextvars
import logging
import re
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from notifications.tasks import TRANSIENT, backoff

from .models import Delivery, OutgoingEmail, ReplyKind, ReplyTemplate

logger = logging.getLogger(__name__)

DEFAULT_TEMPLATES = {
    ReplyKind.VERIFY: (
        "Please confirm your email address ({reference})",
        "Dear {name},\n\nThank you for writing to {site_name}. To send us “{title}”, "
        "please confirm your email address by opening this link:\n\n{link}\n\n"
        "If you did not write to us, ignore this email: without confirmation we delete "
        "what was sent within seven days.\n\n{site_name}",
    ),
    ReplyKind.RECEIVED: (
        "We have received “{title}” ({reference})",
        "Dear {name},\n\nThank you: your email address is confirmed and “{title}” is with "
        "our editors. Your reference is {reference}; please quote it if you write to us.\n\n"
        "If you change your mind, you can withdraw it here:\n\n{withdraw_link}\n\n{site_name}",
    ),
    ReplyKind.DECLINED: (
        "About “{title}” ({reference})",
        "Dear {name},\n\nThank you for sending us “{title}”. We are sorry that we cannot "
        "publish it. We receive far more than we have room for, and this is no judgement "
        "on its merit.\n\n{site_name}",
    ),
    ReplyKind.ACCEPTED: (
        "We would like to publish “{title}” ({reference})",
        "Dear {name},\n\nGood news: we would like to publish “{title}”. An editor will be "
        "in touch, and before anything appears you will see the edited version and approve "
        "it.\n\n{site_name}",
    ),
    ReplyKind.SIGN_OFF: (
        "Your edited piece is ready for your approval ({reference})",
        "Dear {name},\n\nHere is “{title}” as we have edited it. Please read it and either "
        "approve it or send us a comment, from this private link:\n\n{link}\n\n"
        "The link works until {expires}. Please don’t pass it on.\n\n{site_name}",
    ),
}

_sending = contextvars.ContextVar("submission_emails_enabled", default=True)


@contextmanager
def suppressed():
    """Queue no email to senders, e.g. while the demo plays its submissions through."""
    token = _sending.set(False)
    try:
        yield
    finally:
        _sending.reset(token)


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text, values):
    """Replace the known ``{placeholders}``; leave any other braces as written."""
    return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), text)


def template_for(kind):
    stored = ReplyTemplate.objects.filter(kind=kind).first()
    if stored is not None:
        return stored.subject, stored.body
    return DEFAULT_TEMPLATES[kind]


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def queue(submission, kind, **values):
    """Write the email from its template and send it once the current transaction commits."""
    if not _sending.get():
        return None
    subject, body = template_for(kind)
    values = {
        "name": submission.name,
        "reference": submission.reference,
        "title": submission.title,
        "site_name": settings.SITE_NAME,
        **values,
    }
    email = OutgoingEmail.objects.create(
        submission=submission,
        kind=kind,
        to=submission.email,
        # One line: a sender's headline must not add headers.
        subject=" ".join(fill(subject, values).split())[:250],
        body=fill(body, values),
    )
    transaction.on_commit(lambda: send_email.enqueue(email.pk), robust=True)
    return email


@task()
def send_email(email_id):
    return deliver(email_id)


def deliver(email_id):
    """Send one email now; on failure schedule the next try. Sending twice is impossible."""
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.delivery not in (Delivery.QUEUED, Delivery.RETRYING):
            return "nothing to send"
        email.attempts += 1
        try:
            EmailMessage(subject=email.subject, body=email.body, to=[email.to]).send()
        except TRANSIENT as error:
            _record_failure(email, error)
        else:
            email.delivery, email.sent_at = Delivery.SENT, timezone.now()
            email.last_error, email.next_attempt_at = "", None
        email.save(
            update_fields=["delivery", "attempts", "last_error", "next_attempt_at", "sent_at"]
        )
        return email.delivery


def _record_failure(email, error):
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    if email.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        email.delivery, email.next_attempt_at = Delivery.FAILED, None
        logger.error("Gave up emailing submission email %s: %s", email.pk, email.last_error)
        return
    email.delivery = Delivery.RETRYING
    email.next_attempt_at = run_after = timezone.now() + backoff(email.attempts)
    logger.warning("Submission email %s failed, retrying at %s", email.pk, run_after)
    transaction.on_commit(lambda: send_email.using(run_after=run_after).enqueue(email.pk))
