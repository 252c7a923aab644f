"""Shared pieces for the notification tests: people on one article and a mail server that fails."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend

from tests.factories import make_article_in, make_columnist

FAILING_MAILER = {"default": {"BACKEND": "tests.notifications.helpers.RefusingMailServer"}}


class RefusingMailServer(BaseEmailBackend):
    """A mail server that is down: every send raises, as smtplib would."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def bylined(state="draft", **kwargs):
    columnist = make_columnist()
    return columnist, make_article_in(state, authors=[columnist.author_profile], **kwargs)
