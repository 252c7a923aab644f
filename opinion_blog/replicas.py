"""Which read replicas are fit to read from: each process checks them now and then.

A replica that does not answer, or whose replay is more than
``DATABASE_REPLICA_MAX_LAG_SECONDS`` behind the WAL it has received, is left out
until a later check finds it well again; with none left, reads go to the primary
and each such read is counted. ``/healthz`` reports both (``status()``).

The check is one short query on its own connection (``connect_timeout`` of two
seconds, outside Django's pool), made by the first request after
``DATABASE_REPLICA_CHECK_SECONDS`` have passed, so a replica that dies is
dropped within that time.
"""

import logging
import threading
import time
from dataclasses import dataclass

import psycopg
from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

# Where the replica's WAL stands, and how long ago it replayed its last commit.
POSITION_SQL = """
    SELECT pg_last_wal_receive_lsn()::text, pg_last_wal_replay_lsn()::text,
           EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
"""


def lsn(text):
    """A WAL position ("16/B374D848") as a number, None for none."""
    if text is None:
        return None
    high, low = text.split("/")
    return int(high, 16) << 32 | int(low, 16)


@dataclass
class Health:
    usable: bool = True
    state: str = "not checked yet"
    lag_seconds: float | None = None
    checked_at: float = float("-inf")
    fallback_reads: int = 0
    received: int | None = None  # the WAL position the replica had received at the last check


_health = {}
_checking = threading.Lock()


def health(alias):
    return _health.setdefault(alias, Health())


def usable(aliases):
    """The replicas among ``aliases`` to read from now."""
    return [alias for alias in aliases if health(alias).usable]


def fell_back(aliases):
    """A read meant for a replica went to the primary, since none was usable."""
    for alias in aliases:
        health(alias).fallback_reads += 1


def check_if_due():
    """Check every replica whose last check is older than DATABASE_REPLICA_CHECK_SECONDS."""
    now = time.monotonic()
    due = [
        alias
        for alias in settings.DATABASE_REPLICAS
        if now - health(alias).checked_at >= settings.DATABASE_REPLICA_CHECK_SECONDS
    ]
    if not due or not _checking.acquire(blocking=False):
        return  # another thread is checking: its answer will do
    try:
        for alias in due:
            check(alias)
    finally:
        _checking.release()


def check(alias):
    entry = health(alias)
    was_usable = entry.usable
    try:
        entry.lag_seconds = replay_lag(alias)
    except psycopg.Error as error:  # refused, timed out, or not a replica it can query
        entry.usable, entry.lag_seconds = False, None
        entry.state = f"down: {error.__class__.__name__}"
    else:
        entry.usable = entry.lag_seconds <= settings.DATABASE_REPLICA_MAX_LAG_SECONDS
        entry.state = "ok" if entry.usable else f"lagging {entry.lag_seconds:.1f} s"
    entry.checked_at = time.monotonic()
    if entry.usable != was_usable:
        log = logger.info if entry.usable else logger.warning
        log("Read replica %s: %s; reads %s.", alias, entry.state,
            "go to it again" if entry.usable else "go to the primary")  # fmt: skip
    return entry


def replay_lag(alias):
    """How far behind the replica is, in seconds; 0 when it keeps up.

    A replica that has not yet replayed what it had already received at the
    previous check is behind by the time since its last replayed commit. WAL
    received a moment ago and not yet replayed is normal streaming, not lag.
    """
    if "postgresql" not in settings.DATABASES.get(alias, {}).get("ENGINE", ""):
        return 0.0  # only PostgreSQL replicas report their replay
    params = connections[alias].get_connection_params()
    params.update(connect_timeout=2, autocommit=True)
    with psycopg.connect(**params) as conn:
        received, replayed, since_commit = conn.execute(POSITION_SQL).fetchone()
    entry = health(alias)
    previous, entry.received = entry.received, lsn(received)
    replayed = lsn(replayed)
    if previous is None or replayed is None or replayed >= previous:
        return 0.0
    return float("inf") if since_commit is None else float(since_commit)


def status():
    """For /healthz: each replica's state as this process last saw it."""
    return {
        alias: {
            "state": health(alias).state,
            "lag_seconds": health(alias).lag_seconds,
            "fallback_reads": health(alias).fallback_reads,
        }
        for alias in settings.DATABASE_REPLICAS
    }
