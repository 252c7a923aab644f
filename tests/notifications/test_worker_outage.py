"""The worker outlives a database outage: it waits, reconnects and goes on sending."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from notifications.models import Email, Notification
from tests.smtp_sink import SMTPSink
from tests.tcp_proxy import TCPProxy

from .test_crash_recovery import submitted_for_review

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="a second process reaches the test database through a proxy",
    ),
]

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


def wait_until(condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_the_worker_keeps_running_through_an_outage_and_sends_afterwards(tmp_path):
    db = connection.settings_dict
    proxy = TCPProxy(db["HOST"] or "127.0.0.1", db["PORT"] or 5432).restore()
    sink = SMTPSink().start()
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        # The production settings, with Django's connection pool the worker really uses.
        "DJANGO_SETTINGS_MODULE": "opinion_blog.settings",
        "DEBUG": "1",
        "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{proxy.port}/{db['NAME']}",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "EMAIL_USE_TLS": "0",
    }
    with log.open("w") as output:
        worker = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
            ],
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        assert wait_until(lambda: "Starting worker" in log.read_text(), 20), log.read_text()
        proxy.cut()
        assert wait_until(lambda: "Database unavailable" in log.read_text(), 20), log.read_text()
        time.sleep(3)
        assert worker.poll() is None, log.read_text()

        proxy.restore()
        notification = submitted_for_review()

        assert sink.wait_for(1, timeout=30), log.read_text()
        assert wait_until(
            lambda: Notification.objects.get(pk=notification.pk).email == Email.SENT, 10
        )
        assert worker.poll() is None
    finally:
        worker.terminate()
        worker.wait(10)
        proxy.cut()
        sink.stop()


def test_after_an_outage_the_worker_ends_the_task_it_was_running_when_the_database_went():
    """Its own task would otherwise wait for the lease: the worker knows it is dead."""
    from unittest import mock

    from django.db import OperationalError
    from django_tasks_db.management.commands.db_worker import Worker

    from notifications.management.commands.db_worker import ResilientWorker

    worker = ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="through-an-outage",
        excluded_queue_names=[],
    )
    outage = [OperationalError("server closed the connection unexpectedly"), None]
    with (
        mock.patch.object(Worker, "run", side_effect=outage),
        mock.patch("notifications.sweep.end_tasks_of", return_value=0) as end_tasks_of,
        mock.patch("notifications.management.commands.db_worker.time.sleep"),
    ):
        worker.run()

    assert [c.args for c in end_tasks_of.call_args_list] == [("through-an-outage",)] * 2
