"""The sweep every worker runs on a timer: nothing a crash left behind stays stranded.

A worker killed mid-task leaves its task ``RUNNING`` for ever and the notification
``queued`` or ``sending``; a task that failed on a database outage leaves the
notification ``queued`` with no task at all; an enqueue lost between a commit and
its ``on_commit`` callback does the same. The sweep ends tasks running past their
lease and queues a task again for every notification that still has an email to
send and no task waiting or running for it. Sending is idempotent (see
``tasks.deliver``), so a task queued twice is harmless.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from .models import Email, Notification
from .tasks import SENDABLE, send_notification_email

logger = logging.getLogger(__name__)

STRANDED_PRIORITY = 10
# Any constant shared by every worker: one sweep at a time across the servers.
SWEEP_LOCK = 0x0B5E_E7


class WorkerLost(Exception):
    """What a task left running past its lease is marked as failed with."""


@dataclass
class Swept:
    abandoned_tasks: int = 0
    requeued: int = 0


def live_notification_ids():
    """Notifications with a task waiting (at any time) or running within its lease."""
    tasks = DBTaskResult.objects.filter(
        task_path=send_notification_email.module_path,
        status__in=["READY", "RUNNING"],
    ).values_list("args_kwargs", flat=True)
    return {args_kwargs["args"][0] for args_kwargs in tasks if args_kwargs.get("args")}


def stranded(now=None):
    """Notifications with an email still to send and nothing on its way to send it."""
    now = now or timezone.now()
    return (
        Notification.objects.filter(email__in=SENDABLE)
        # A new notification's task is queued just after its commit: give it a moment.
        .exclude(
            email=Email.QUEUED,
            created_at__gte=now - timedelta(seconds=settings.NOTIFICATION_STRANDED_SECONDS),
        )
        .exclude(email=Email.SENDING, sending_until__gt=now)
        .exclude(pk__in=live_notification_ids())
    )


def end_abandoned_tasks(now):
    """Tasks still running past the lease: their worker died; record them as failed."""
    return DBTaskResult.objects.filter(
        status="RUNNING",
        started_at__lt=now - timedelta(seconds=settings.TASK_LEASE_SECONDS),
    ).update(
        status="FAILED",
        finished_at=now,
        exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
        traceback=f"WorkerLost: still running {settings.TASK_LEASE_SECONDS} s after it "
        "started; its worker stopped without finishing it.\n",
    )


def end_tasks_of(worker_id):
    """At a worker's start: the tasks its previous run (same id) left running are dead.

    Their notifications' leases end with them, so the sweep sends them at once.
    """
    now = timezone.now()
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(status="RUNNING")
        mine = [task for task in running if task.worker_ids[-1:] == [worker_id]]
        for task in mine:
            task.set_failed(WorkerLost(f"worker {worker_id} restarted while running this task"))
        notification_ids = [
            task.args_kwargs["args"][0]
            for task in mine
            if task.task_path == send_notification_email.module_path
        ]
        Notification.objects.filter(pk__in=notification_ids, email=Email.SENDING).update(
            sending_until=now
        )
    return len(mine)


def sweep():
    """One pass; safe to run from every worker at once (the others skip while one runs)."""
    now = timezone.now()
    swept = Swept()
    with transaction.atomic():
        if not _take_sweep_lock():
            return swept
        swept.abandoned_tasks = end_abandoned_tasks(now)
        for pk, next_attempt_at in stranded(now).values_list("pk", "next_attempt_at"):
            run_after = next_attempt_at if next_attempt_at and next_attempt_at > now else None
            # Ahead of the queue: a stranded email has waited longest already.
            send_notification_email.using(run_after=run_after, priority=STRANDED_PRIORITY).enqueue(
                pk
            )
            swept.requeued += 1
    if swept.abandoned_tasks or swept.requeued:
        logger.warning(
            "Sweep: %s abandoned task(s) ended, %s stranded notification(s) queued again.",
            swept.abandoned_tasks,
            swept.requeued,
        )
    return swept


def _take_sweep_lock():
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SWEEP_LOCK])
        return cursor.fetchone()[0]
