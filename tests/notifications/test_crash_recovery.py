"""Every notification's email goes out at least once, and once as far as the mail server
allows, whatever crash hits the worker: the sweep re-queues what was stranded and a
resend carries the same Message-ID."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from articles import workflow
from notifications import sweep
from notifications.models import Email, Notification
from notifications.tasks import _claim, build_message, deliver
from tests.factories import make_admin, make_editor
from tests.smtp_sink import SMTPSink

from .helpers import bylined

pytestmark = pytest.mark.django_db(transaction=True)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


def run_worker(**options):
    options = {"batch": True, "no_startup_delay": True, "reload": False, "verbosity": 0, **options}
    call_command("db_worker", **options)


def email_tasks():
    return DBTaskResult.objects.filter(task_path__endswith="send_notification_email")


def submitted_for_review():
    """An editor's notification, queued with its task waiting, as a committed action leaves it."""
    editor = make_editor()
    columnist, article = bylined("draft")
    workflow.submit(article, by=columnist)
    return editor.notifications.get()


def die_mid_send(notification, worker_id="dead-worker", ago=timedelta(hours=1)):
    """What ``kill -9`` during the send leaves: the task RUNNING, the email claimed."""
    task = email_tasks().get()
    task.claim(worker_id)
    claimed, _ = _claim(notification.pk)
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - ago)
    Notification.objects.filter(pk=notification.pk).update(sending_until=timezone.now() - ago)
    return claimed


def test_a_worker_killed_mid_send_leaves_an_email_the_sweep_delivers_exactly_once():
    notification = submitted_for_review()
    die_mid_send(notification)

    run_worker()

    notification.refresh_from_db()
    assert (notification.email, notification.attempts) == (Email.SENT, 2)
    assert len(mail.outbox) == 1
    assert email_tasks().filter(status="FAILED").get().exception_class_path.endswith("WorkerLost")
    run_worker()
    assert len(mail.outbox) == 1


def test_a_worker_killed_before_it_claimed_the_email_leaves_it_queued_and_swept(settings):
    """The task RUNNING past its lease, the notification still queued with 0 attempts."""
    settings.NOTIFICATION_STRANDED_SECONDS = 0
    notification = submitted_for_review()
    task = email_tasks().get()
    task.claim("dead-worker")
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=timezone.now() - timedelta(hours=1))
    assert not sweep.stranded().exists()  # its task still counts until the lease is ended

    run_worker()

    notification.refresh_from_db()
    assert (notification.email, notification.attempts) == (Email.SENT, 1)
    assert len(mail.outbox) == 1


def test_a_crash_after_the_hand_over_resends_the_same_message_id():
    """The mail server had it, the worker died before recording it: the resend is the same
    message, which mail servers and mail programs recognise as one."""
    notification = submitted_for_review()
    claimed = die_mid_send(notification)
    build_message(claimed).send()

    run_worker()

    first, second = mail.outbox
    assert first.extra_headers["Message-ID"] == second.extra_headers["Message-ID"]
    assert str(notification.pk) in first.extra_headers["Message-ID"]


def test_an_email_already_sent_is_not_sent_again_by_a_rerun():
    notification = submitted_for_review()
    assert deliver(notification.pk) == Email.SENT
    assert deliver(notification.pk) == "nothing to send"
    assert len(mail.outbox) == 1


def test_an_email_being_sent_within_its_lease_is_left_to_its_worker():
    notification = submitted_for_review()
    _claim(notification.pk)
    assert deliver(notification.pk) == "being sent by another worker"
    assert not sweep.stranded().exists()
    assert mail.outbox == []


def test_a_task_failed_by_a_database_outage_is_queued_again(settings, monkeypatch):
    settings.NOTIFICATION_STRANDED_SECONDS = 0
    notification = submitted_for_review()
    monkeypatch.setattr(
        "notifications.tasks._claim",
        lambda pk: (_ for _ in ()).throw(OperationalError("couldn't get a connection")),
    )
    run_worker()
    assert email_tasks().get().status == "FAILED"
    notification.refresh_from_db()
    assert notification.email == Email.QUEUED
    assert [n.pk for n in sweep.stranded()] == [notification.pk]
    monkeypatch.undo()

    run_worker()

    notification.refresh_from_db()
    assert notification.email == Email.SENT
    assert len(mail.outbox) == 1


def test_a_restarted_worker_ends_its_previous_runs_task_and_sends_at_once():
    """With a stable worker id the lease need not run out: a restart recovers at once."""
    notification = submitted_for_review()
    die_mid_send(notification, worker_id="server-1", ago=timedelta(seconds=1))
    Notification.objects.filter(pk=notification.pk).update(
        sending_until=timezone.now() + timedelta(minutes=2)
    )
    run_worker(worker_id="server-2")
    assert mail.outbox == []

    run_worker(worker_id="server-1")

    notification.refresh_from_db()
    assert notification.email == Email.SENT
    assert len(mail.outbox) == 1


def test_a_new_notification_is_not_stranded_while_its_task_is_being_queued():
    notification = submitted_for_review()
    email_tasks().delete()
    assert not sweep.stranded().exists()
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(minutes=5)
    )
    assert [n.pk for n in sweep.stranded()] == [notification.pk]


def test_administrators_see_stranded_emails_and_can_send_any_again(client):
    notification = submitted_for_review()
    email_tasks().delete()
    Notification.objects.filter(pk=notification.pk).update(
        created_at=timezone.now() - timedelta(minutes=5)
    )
    client.force_login(make_admin())

    page = client.get("/admin/notifications/notification/", {"stranded": "yes"})
    assert "1 email(s) are stranded" in page.text
    assert page.context["cl"].result_count == 1

    Notification.objects.filter(pk=notification.pk).update(email=Email.SENT)
    client.post(
        "/admin/notifications/notification/",
        {"action": "send_again", "_selected_action": [notification.pk]},
    )
    notification.refresh_from_db()
    assert (notification.email, notification.attempts) == (Email.QUEUED, 0)
    run_worker()
    notification.refresh_from_db()
    assert notification.email == Email.SENT
    assert len(mail.outbox) == 1


@pytest.fixture
def sink():
    server = SMTPSink(delay=3.0).start()
    yield server
    server.stop()


def worker_process(sink, worker_id, *extra):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "5",
    }
    return subprocess.Popen(
        [
            *(sys.executable, "manage.py", "db_worker", "--worker-id", worker_id),
            *("--interval", "0.1", "--no-startup-delay", "--no-reload", "--verbosity", "0"),
            *extra,
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a second process shares the test database",
)
def test_a_real_kill_9_mid_send_is_delivered_after_the_restart(sink, settings):
    notification = submitted_for_review()
    worker = worker_process(sink, "kill-test")
    try:
        assert sink.wait_for(1), "the worker never sent"
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
        assert Notification.objects.get().email == Email.SENDING
        sink.delay = 0
        worker = worker_process(sink, "kill-test")
        assert sink.wait_for(2)
        deadline = timezone.now() + timedelta(seconds=20)
        while timezone.now() < deadline:
            notification.refresh_from_db()
            if notification.email == Email.SENT:
                break
            time.sleep(0.1)
    finally:
        worker.kill()
        worker.wait(10)
    assert notification.email == Email.SENT
    # Handed over before the kill, so the mail server saw it twice: as one and the same message.
    assert len(set(sink.message_ids())) == 1


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def wait_for_child(parent, other_than=None, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [pid for pid in children(parent) if pid != other_than]
        if found:
            return found[0]
        time.sleep(0.05)
    return None


@pytest.mark.skipif(
    django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql"
    or not Path("/proc/self/task").exists(),
    reason="a second process shares the test database; Linux /proc",
)
def test_a_supervised_worker_killed_mid_send_is_replaced_at_once_and_the_email_delivered(sink):
    notification = submitted_for_review()
    supervisor = worker_process(sink, "supervised", "--supervise")
    try:
        assert sink.wait_for(1), "the worker never sent"
        killed = wait_for_child(supervisor.pid)
        os.kill(killed, signal.SIGKILL)
        sink.delay = 0
        replacement = wait_for_child(supervisor.pid, other_than=killed, timeout=5)
        assert replacement is not None
        assert supervisor.poll() is None
        assert sink.wait_for(2, timeout=15)
    finally:
        supervisor.terminate()
        assert supervisor.wait(20) == 0
    notification.refresh_from_db()
    assert notification.email == Email.SENT
    assert len(set(sink.message_ids())) == 1
