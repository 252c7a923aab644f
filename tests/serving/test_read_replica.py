"""A real streaming replica behind two app servers sharing Redis and an S3 bucket.

The test makes a throwaway PostgreSQL 15 cluster and a streaming replica of it
(``initdb`` and ``pg_basebackup`` on free ports, as the postgres OS user when run
as root), both logging every statement, and starts two gunicorn servers on them.
The logs show where each query ran: readers' on the replica, every write and
every signed-in request on the primary. Pausing the replica's replay makes it
lag for real: editors still read their own writes, a publish on one server is on
the other's next page, and once the replica is too far behind, or stopped,
readers fall back to the primary, counted in /healthz.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.serving.live_servers import (
    PASSWORD,
    ROOT,
    Browser,
    clear_prefix,
    free_port,
    get,
    gunicorn_servers,
    redis_reachable,
    server_env,
)

PG_BIN = Path(os.environ.get("TEST_PG_BIN", "/usr/lib/postgresql/15/bin"))
S3_ENDPOINT = os.environ.get("TEST_S3_ENDPOINT_URL", "")
LAG_WINDOW = 3  # DATABASE_REPLICA_LAG_SECONDS of the servers


def unavailable():
    if not (PG_BIN / "initdb").exists():
        return f"needs PostgreSQL's server programs in {PG_BIN} (TEST_PG_BIN)"
    if not redis_reachable():
        return "needs Redis (TEST_REDIS_URL)"
    from tests.images.conftest import s3_unavailable

    return s3_unavailable()


@pytest.fixture
def ready():
    reason = unavailable()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must test a real replica, but: {reason}")
        pytest.skip(reason)


def as_postgres(*command, **kwargs):
    """Run a PostgreSQL program; as root, as the postgres user (initdb refuses root)."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, *map(str, command)],
        check=True,
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),  # a folder the postgres user may enter, wherever the clone is
        **kwargs,
    )


class Cluster:
    def __init__(self, folder, port):
        self.folder, self.port = folder, port
        self.log = folder.with_suffix(".log")

    def start(self, *settings):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder.parent} "
        options += " ".join(f"-c {setting}" for setting in settings)
        as_postgres(PG_BIN / "pg_ctl", "-D", self.folder, "-l", self.log, "-o", options, "-w",
                    "start")  # fmt: skip

    def stop(self):
        # Not running (stopped already, or never started) is fine too.
        with suppress(subprocess.CalledProcessError):
            as_postgres(PG_BIN / "pg_ctl", "-D", self.folder, "-m", "immediate", "-w", "stop")

    def sql(self, statement, database="postgres"):
        return as_postgres(
            PG_BIN / "psql", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "-d", database,
            "-tAq", "-c", statement,
        ).stdout.strip()  # fmt: skip

    def url(self, database="blog"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def log_size(self):
        return self.log.stat().st_size

    def statements_since(self, offset):
        with self.log.open("rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")


@contextmanager
def primary_and_replica():
    base = Path(tempfile.mkdtemp(prefix="opinion-replica-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
    primary = Cluster(base / "primary", free_port())
    replica = Cluster(base / "replica", free_port())
    logging = ["log_statement=all", "fsync=off", "full_page_writes=off"]
    try:
        as_postgres(PG_BIN / "initdb", "-D", primary.folder, "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
        primary.start("wal_level=replica", "max_wal_senders=4", *logging)
        primary.sql("CREATE DATABASE blog")
        as_postgres(PG_BIN / "pg_basebackup", "-h", "127.0.0.1", "-p", primary.port, "-U",
                    "postgres", "-D", replica.folder, "-R", "-X", "stream", "-c", "fast",
                    "--no-sync")  # fmt: skip
        replica.start("hot_standby=on", *logging)
        assert replica.sql("SELECT pg_is_in_recovery()") == "t"
        yield primary, replica
    finally:
        replica.stop()
        primary.stop()
        shutil.rmtree(base, ignore_errors=True)


# The editor signs in three times: a single-use recovery code each time.
RECOVERY_CODES = ["replica-desk-1", "replica-desk-2", "replica-desk-3"]
SEED = """
import json
from django.core.files.uploadedfile import SimpleUploadedFile
from articles.models import Status
from images.models import Image
from opinion_blog.content_version import public_content_changed
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from tests.factories import (
    give_authenticator, make_article, make_author, make_editor, make_published, png_bytes,
)

author = make_author("Ada Columnist", slug="ada")
picture = Image.objects.create(
    file=SimpleUploadedFile("harbour.png", png_bytes(width=600, height=400), "image/png"),
    alt_text="The harbour",
)
make_published("Old news", authors=[author], slug="old-news", featured_image=picture)
# Pages kept under the content version run no query once read: each step that checks
# where a page's queries ran opens one that nobody has read in this version yet.
make_published("Desk copy", authors=[author], slug="desk-copy")
make_published("Bea writes", authors=[make_author("Bea Columnist", slug="bea")], slug="bea-writes")
pending = make_article("Breaking column", authors=[author], status=Status.SUBMITTED,
                       slug="breaking-column")
editor = make_editor("desk-editor")
editor.set_password(PASSWORD)
editor.save()
give_authenticator(editor)
recovery = StaticDevice.objects.create(user=editor, name="Recovery codes", confirmed=True)
StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in RECOVERY_CODES)
public_content_changed()
print(json.dumps({"pending": pending.pk, "version": pending.version, "image": picture.file.url}))
"""


@pytest.fixture
def site(ready, tmp_path):
    """Two app servers on the primary and its replica, sharing Redis and a bucket."""
    import boto3

    bucket = f"test-replica-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client("s3", endpoint_url=S3_ENDPOINT, region_name="us-east-1",
                      aws_access_key_id="testing", aws_secret_access_key="testing")  # fmt: skip
    s3.create_bucket(Bucket=bucket)
    prefix = f"test-replica-{uuid.uuid4().hex}"
    with primary_and_replica() as (primary, replica):
        env = server_env(
            tmp_path,
            prefix,
            DATABASE_URL=primary.url(),
            DATABASE_REPLICA_URLS=replica.url(),
            DATABASE_REPLICA_LAG_SECONDS=str(LAG_WINDOW),
            DATABASE_REPLICA_MAX_LAG_SECONDS="1",
            DATABASE_REPLICA_CHECK_SECONDS="0.3",
            AWS_STORAGE_BUCKET_NAME=bucket,
            AWS_S3_ENDPOINT_URL=S3_ENDPOINT,
            AWS_S3_REGION_NAME="us-east-1",
            AWS_DEFAULT_ACL="public-read",
            AWS_ACCESS_KEY_ID="testing",
            AWS_SECRET_ACCESS_KEY="testing",
        )
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--no-input", "--verbosity=0"], cwd=ROOT, env=env,
                       check=True, capture_output=True)  # fmt: skip
        seeded = subprocess.run(
            [*manage, "shell", "-c",
             f"PASSWORD = {PASSWORD!r}\nRECOVERY_CODES = {RECOVERY_CODES!r}\n{SEED}"],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        )  # fmt: skip
        facts = json.loads(seeded.stdout.strip().splitlines()[-1])
        try:
            with gunicorn_servers([env, env]) as (first, second):
                yield {"primary": primary, "replica": replica, "a": first, "b": second, **facts}
        finally:
            clear_prefix(prefix)
            for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
                s3.delete_object(Bucket=bucket, Key=item["Key"])
            s3.delete_bucket(Bucket=bucket)


def where_it_ran(site, request, marker):
    """Make the request; say which servers' logs show a query containing ``marker``."""
    offsets = {name: site[name].log_size() for name in ("primary", "replica")}
    response = request()
    time.sleep(0.2)  # the log is written as the statement runs; give the file a moment
    ran_on = {
        name for name, offset in offsets.items() if marker in site[name].statements_since(offset)
    }
    return response, ran_on


def wait_for(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)
    return result


def replica_state(base):
    """Replica 1 as server ``base`` sees it, from its /healthz."""
    return json.loads(get(base, "/healthz").text)["replicas"]["replica1"]


def fetch_status(url):
    with urlopen(url, timeout=10) as response:
        return response.status


def readers_on_the_replica_everyone_else_on_the_primary(site):
    time.sleep(LAG_WINDOW + 0.5)  # past the window after the seed's content change
    a, b = site["a"], site["b"]

    # A reader's page is read on the replica; its pictures are in the shared bucket.
    page, ran_on = where_it_ran(site, lambda: get(b, "/old-news/"), "'old-news'")
    assert page.status == 200 and ran_on == {"replica"}
    assert site["image"] in page.text and fetch_status(site["image"]) == 200

    # A signed-in editor's requests, and every write, are on the primary.
    editor = Browser(a).sign_in("desk-editor", code=RECOVERY_CODES[0])
    page, ran_on = where_it_ran(site, lambda: editor.get("/desk-copy/"), "'desk-copy'")
    assert page.status == 200 and ran_on == {"primary"}
    _, ran_on = where_it_ran(
        site,
        lambda: editor.post(
            f"/admin/articles/article/{site['pending']}/workflow/",
            {"_transition": "publish", "_transition_version": site["version"]},
        ),
        'UPDATE "articles_article"',
    )
    assert ran_on == {"primary"}

    # The replica streams the publish: a reader on server B sees it at once.
    assert "Breaking column" in get(b, "/").text
    assert get(b, "/breaking-column/").status == 200


def a_lagging_replica_never_hides_a_change_and_then_is_left_out(site):
    a, b = site["a"], site["b"]
    editor = Browser(a).sign_in("desk-editor", code=RECOVERY_CODES[1])
    site["replica"].sql("SELECT pg_wal_replay_pause()")
    try:
        editor.post(
            f"/admin/articles/article/{site['pending']}/workflow/",
            {"_transition": "unpublish", "_transition_note": "Pulled for a correction"},
        )
        # The replica has not replayed the unpublish; nobody is served the old page.
        assert (
            Browser(b)
            .sign_in("desk-editor", code=RECOVERY_CODES[2])
            .get("/breaking-column/")
            .status
            == 404
        )
        assert get(b, "/breaking-column/").status == 404  # inside the lag window: primary
        assert "Breaking column" not in get(b, "/").text

        # Once the replica is more than a second behind, readers read the primary.
        wait_for(lambda: "lagging" in replica_state(b)["state"])
        time.sleep(LAG_WINDOW)
        page, ran_on = where_it_ran(site, lambda: get(b, "/authors/ada/"), "'ada'")
        assert "Breaking column" not in page.text and ran_on == {"primary"}
        assert replica_state(b)["fallback_reads"] > 0
    finally:
        site["replica"].sql("SELECT pg_wal_replay_resume()")

    wait_for(lambda: replica_state(b)["state"] == "ok")
    _, ran_on = where_it_ran(site, lambda: get(b, "/authors/bea/"), "'bea'")
    assert ran_on == {"replica"}


def a_replica_that_stops_is_left_out_and_readers_are_still_served(site):
    b = site["b"]
    site["replica"].stop()

    wait_for(lambda: replica_state(b)["state"].startswith("down"))
    assert get(b, "/healthz").status == 200
    assert get(b, "/old-news/?after-the-replica-stopped").status == 200
    assert get(b, "/authors/").status == 200


def test_a_real_replica_serves_readers_and_is_left_out_when_it_lags_or_stops(site):
    """One scenario, in order: each step starts from the state the previous one left."""
    readers_on_the_replica_everyone_else_on_the_primary(site)
    a_lagging_replica_never_hides_a_change_and_then_is_left_out(site)
    a_replica_that_stops_is_left_out_and_readers_are_still_served(site)
