"""django-tasks-db's ``db_worker``, made to outlive database outages and to sweep.

The same command and options as django-tasks-db's own (this app comes first in
INSTALLED_APPS, so ``manage.py db_worker`` is this one). Two additions:

- A lost database no longer ends the process: the worker logs it, waits with a
  growing pause (at most ``WORKER_OUTAGE_MAX_WAIT`` seconds) and carries on.
- A sweep (``notifications.sweep``) runs at start and then every
  ``WORKER_SWEEP_SECONDS`` on a timer thread. At start the worker also ends the
  tasks its previous run left ``RUNNING`` when it is given a stable
  ``--worker-id`` (the supervisors in the Makefile and deploy/ do), so a killed
  worker's email goes out again as soon as it is restarted, not after a lease.
"""

import contextlib
import logging
import os
import threading
import time

from django.conf import settings
from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from notifications import sweep

logger = logging.getLogger("django_tasks_db")

DATABASE_DOWN = (OperationalError, InterfaceError)
WORKER_OUTAGE_MAX_WAIT = 5.0


def close_connections():
    """Drop this thread's connections, broken or not; the next query opens a fresh one."""
    for conn in connections.all(initialized_only=True):
        with contextlib.suppress(DATABASE_DOWN):
            conn.close()


class ResilientWorker(db_worker.Worker):
    def run(self):
        wait = 0.5
        started = False
        while self.running:
            try:
                if not started:
                    self.recover_own_tasks()
                    started = True
                    if not self.batch:
                        self.start_sweeping()
                    else:
                        sweep.sweep()
                return super().run()
            except DATABASE_DOWN as error:
                if not self.running:
                    raise
                logger.warning(
                    "Database unavailable (%s); worker %s waits %.1f s and tries again.",
                    str(error).strip().splitlines()[0] if str(error).strip() else type(error),
                    self.worker_id,
                    wait,
                )
                close_connections()
                time.sleep(wait)
                wait = min(wait * 2, WORKER_OUTAGE_MAX_WAIT)
                # Quietly again: super().run() would sleep a random startup delay each time.
                self.startup_delay = False

    def recover_own_tasks(self):
        ended = sweep.end_tasks_of(self.worker_id)
        if ended:
            logger.warning(
                "Worker %s ended %s task(s) its previous run left running.", self.worker_id, ended
            )

    def start_sweeping(self):
        threading.Thread(target=self._sweep_forever, name="sweep", daemon=True).start()

    def _sweep_forever(self):
        while self.running:
            try:
                sweep.sweep()
            except DATABASE_DOWN as error:
                logger.warning("Sweep skipped, database unavailable: %s", error)
            except Exception:
                logger.exception("Sweep failed")
            finally:
                close_connections()
            time.sleep(settings.WORKER_SWEEP_SECONDS)


class Command(db_worker.Command):
    help = (
        "Run the background task worker; it survives database outages and re-queues "
        "stranded notifications."
    )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_name.split(","):
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
