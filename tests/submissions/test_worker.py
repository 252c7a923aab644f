"""The real worker (django-tasks-db's ``db_worker``) sends senders' emails and runs the sweep."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from submissions import privacy
from submissions.models import Delivery, Kind, OutgoingEmail, State, Submission

from .helpers import make_submission, post

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)


def test_the_worker_emails_the_verification_link_and_sweeps():
    old = make_submission(state=State.UNVERIFIED, email="old@example.org")
    Submission.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert post(Client(), Kind.LETTER).status_code == 302
    assert mail.outbox == []
    run_worker()
    email = OutgoingEmail.objects.get(kind="verify")
    assert email.delivery == Delivery.SENT
    assert [m.to for m in mail.outbox] == [["bill@example.org"]]
    assert "/write-for-us/confirm/" in mail.outbox[0].body
    # The sweep queued by the first submission ran too, and queued its next run.
    assert not Submission.objects.filter(pk=old.pk).exists()
    assert privacy.ensure_sweep_scheduled() is False
