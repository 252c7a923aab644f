"""The real worker (django-tasks-db's ``db_worker``) against committed actions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles import workflow
from notifications.models import Email, Notification
from tests.factories import make_editor

from .helpers import FAILING_MAILER, bylined

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)


def queued_tasks():
    return DBTaskResult.objects.filter(task_path__endswith="send_notification_email")


def test_the_worker_sends_what_the_committed_action_queued():
    editor = make_editor()
    columnist, article = bylined("draft")
    workflow.submit(article, by=columnist)
    assert mail.outbox == []
    run_worker()
    notification = editor.notifications.get()
    assert notification.email == Email.SENT
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert queued_tasks().get().status == "SUCCESSFUL"


def test_the_worker_queues_a_later_retry_when_the_server_is_down(settings):
    settings.MAILERS = FAILING_MAILER
    make_editor()
    columnist, article = bylined("draft")
    workflow.submit(article, by=columnist)
    run_worker()
    notification = Notification.objects.get()
    assert (notification.email, notification.attempts) == (Email.RETRYING, 1)
    retry = queued_tasks().get(status="READY")
    assert retry.run_after > timezone.now() + timedelta(seconds=30)
    # The retry waits for its time: a second run finds nothing ready yet.
    run_worker()
    notification.refresh_from_db()
    assert notification.attempts == 1
