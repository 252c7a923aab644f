"""django-tasks-db's ``db_worker``, made to outlive database outages and to sweep.

The same command and options as django-tasks-db's own (this app comes first in
INSTALLED_APPS, so ``manage.py db_worker`` is this one). Additions:

- A lost database no longer ends the process: the worker logs it, waits with a
  growing pause (at most ``WORKER_OUTAGE_MAX_WAIT`` seconds) and carries on.
- ``--supervise`` forks the worker from a parent that starts another the moment
  it dies (see ``Supervisor``).
- A sweep (``notifications.sweep``) runs at start and then every
  ``WORKER_SWEEP_SECONDS`` on a timer thread. At start the worker also ends the
  tasks its previous run left ``RUNNING`` when it is given a stable
  ``--worker-id`` (the supervisors in the Makefile and deploy/ do), so a killed
  worker's email goes out again as soon as it is restarted, not after a lease.
"""

import contextlib
import ctypes
import logging
import os
import signal
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
PR_SET_PDEATHSIG = 1
WORKER_OUTAGE_MAX_WAIT = 5.0


def close_connections(pools=False):
    """Drop this thread's connections, broken or not; the next query opens a fresh one.

    ``pools``: close the connection pools too (their threads would not survive a fork).
    """
    for conn in connections.all(initialized_only=True):
        with contextlib.suppress(DATABASE_DOWN):
            conn.close()
            if pools and hasattr(conn, "close_pool"):
                conn.close_pool()


class ResilientWorker(db_worker.Worker):
    def run(self):
        wait = 0.5
        recovered = sweeping = False
        while self.running:
            try:
                if not recovered:
                    # At start, and again after an outage: a task this worker was running
                    # when the database went away is dead, and its email is to be sent again.
                    self.recover_own_tasks()
                    recovered, wait = True, 0.5
                if not sweeping:
                    sweeping = True
                    if self.batch:
                        sweep.sweep()
                    else:
                        self.start_sweeping()
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
                recovered = False
                # Quietly again: super().run() would sleep a random startup delay each time.
                self.startup_delay = False

    def recover_own_tasks(self):
        ended = sweep.end_tasks_of(self.worker_id)
        if ended:
            logger.warning(
                "Worker %s ended %s task(s) left running by its previous run or an outage.",
                self.worker_id,
                ended,
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


def stop_with_parent(parent):
    """A worker whose supervisor is killed stops too (Linux): its restart would share the id."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        raise SystemExit(0)


class Supervisor:
    """Run the worker in a forked child and fork another the moment it dies.

    The parent has loaded Django and the project already and never touches the
    database, so a worker killed mid-send (``kill -9``, out of memory) is back in
    milliseconds rather than after a new interpreter's seconds of start-up, and
    with the same worker id, so it ends its predecessor's task at once.
    """

    QUICK_DEATH_SECONDS = 5

    def __init__(self, worker):
        self.worker, self.child, self.stopping = worker, None, False
        self.parent = os.getpid()

    def run(self):
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        pause = 0.0
        while not self.stopping:
            close_connections(pools=True)
            started = time.monotonic()
            pid = os.fork()
            if pid == 0:
                self.run_child()
            self.child = pid
            _, status = os.waitpid(pid, 0)
            self.child = None
            if self.stopping:
                break
            logger.warning(
                "Worker process %s of %s ended (%s); starting another.",
                pid,
                self.worker.worker_id,
                f"signal {os.WTERMSIG(status)}"
                if os.WIFSIGNALED(status)
                else f"status {os.waitstatus_to_exitcode(status)}",
            )
            # A worker that dies as it starts is not forked again in a tight loop.
            quick = time.monotonic() - started < self.QUICK_DEATH_SECONDS
            pause = min(max(pause * 2, 0.5), 8.0) if quick else 0.0
            time.sleep(pause)

    def run_child(self):
        code = 1
        try:
            # Its own process group: a Ctrl-C or a signal to the whole group reaches only the
            # parent, which passes one TERM on (a second would make the worker drop its task).
            os.setpgid(0, 0)
            self.worker.configure_signals()
            stop_with_parent(self.parent)
            self.worker.run()
            code = 0
        except SystemExit as ended:
            code = ended.code if isinstance(ended.code, int) else 0
        except BaseException:
            logger.exception("Worker %s failed", self.worker.worker_id)
        finally:
            os._exit(code)

    def stop(self, signum, frame):
        self.stopping = True
        if self.child:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.child, signal.SIGTERM)


class Command(db_worker.Command):
    help = (
        "Run the background task worker; it survives database outages and re-queues "
        "stranded notifications."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--supervise",
            action="store_true",
            help="Run the worker in a child process and start another at once whenever it "
            "dies (make serve and the systemd unit use this).",
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
        if options.get("supervise") and not (batch or reload or max_tasks):
            Supervisor(worker).run()
        elif reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
