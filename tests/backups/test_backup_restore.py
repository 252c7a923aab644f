"""A backup is only as good as its restore: the demo site, backed up and restored elsewhere,
serves every public page and every picture byte for byte as the original did.

The round trip runs the real commands in subprocesses against two fresh PostgreSQL
databases and two media folders, as an operator would with ``make backup`` and
``make restore``.
"""

import json
import os
import secrets
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings

from tests.images.media import snapshot

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="the round trip uses pg_dump and pg_restore",
)


def files_in(folder):
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in Path(folder).rglob("*")
        if path.is_file()
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Run manage.py (or a module) against a fresh database and media folder of its own."""
    import psycopg

    base = settings.DATABASES["default"]
    made = []

    def admin_sql(sql):
        with psycopg.connect(
            host=base["HOST"] or None,
            port=base["PORT"] or None,
            user=base["USER"] or None,
            password=base["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as admin:
            admin.execute(sql)

    def make(label):
        tmp_path = tmp_path_factory.mktemp(label)
        name = f"{base['NAME']}_{label}_{secrets.token_hex(4)}"
        admin_sql(f'CREATE DATABASE "{name}"')
        made.append(name)
        user = f"{base['USER']}@" if base["USER"] else ""
        password = f":{base['PASSWORD']}" if base["PASSWORD"] else ""
        host = f"{base['HOST'] or '127.0.0.1'}:{base['PORT'] or 5432}"
        environ = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}
        } | {
            "DATABASE_URL": f"postgres://{user.rstrip('@')}{password}@{host}/{name}".replace(
                "//@", "//"
            ),
            "MEDIA_ROOT": str(tmp_path / label / "media"),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DEBUG": "0",
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "0",
            "PAGE_CACHE_ENABLED": "0",
            "CACHE_KEY_PREFIX": f"backup-test-{label}-{secrets.token_hex(4)}",
        }

        def run(*args, check=True):
            result = subprocess.run(
                [sys.executable, *args],
                cwd=ROOT,
                env=environ,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            if check:
                assert result.returncode == 0, result.stderr
            return result

        def tables():
            with psycopg.connect(environ["DATABASE_URL"]) as database:
                query = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                return database.execute(query).fetchone()[0]

        run.media = Path(environ["MEDIA_ROOT"])
        run.tables = tables
        return run

    yield make
    for name in made:
        admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def demo_backup(site, tmp_path_factory):
    """The demo site, and the archive ``manage.py backup`` made of it."""
    original = site("original")
    original("manage.py", "migrate", "--no-input", "-v", "0")
    original("manage.py", "load_demo", "--force")
    backups = tmp_path_factory.mktemp("backups")
    original("manage.py", "backup", "--to", str(backups))
    [archive] = backups.glob("opinion_blog-*.tar")
    return original, archive


def test_the_archive_comes_with_a_checksum_sha256sum_accepts(demo_backup):
    _, archive = demo_backup

    checked = subprocess.run(
        ["sha256sum", "-c", f"{archive.name}.sha256"],
        cwd=archive.parent,
        capture_output=True,
        text=True,
        check=False,
    )

    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_demo_restored_into_a_new_database_serves_every_page_and_picture_identically(
    site, demo_backup
):
    original, archive = demo_backup
    restored = site("restored")

    restored("manage.py", "restore", str(archive))

    before = json.loads(original("-m", "tests.backups.crawl").stdout)
    after = json.loads(restored("-m", "tests.backups.crawl").stdout)
    pages = [path for path in before if not path.startswith("/media/")]
    pictures = [path for path in before if path.startswith("/media/")]
    assert len(pages) >= 49 and len(pictures) >= 100  # the demo: every kind of public page
    assert all(status == 200 for status, _ in before.values())
    assert after == before
    # Every stored file, not only those a page shows, byte for byte.
    assert files_in(restored.media) == files_in(original.media)


def test_restore_refuses_a_target_that_is_not_empty_unless_forced(site, demo_backup):
    _, archive = demo_backup
    target = site("target")
    target("manage.py", "restore", str(archive))

    refused = target("manage.py", "restore", str(archive), check=False)
    forced = target("manage.py", "restore", str(archive), "--force", check=False)

    assert refused.returncode == 1
    assert "The target is not empty" in refused.stderr
    assert "--force" in refused.stderr
    assert forced.returncode == 0, forced.stderr


def test_a_damaged_archive_is_refused_before_anything_is_written(site, demo_backup, tmp_path):
    _, archive = demo_backup
    damaged = tmp_path / archive.name
    damaged.write_bytes(archive.read_bytes())
    Path(f"{damaged}.sha256").write_text(Path(f"{archive}.sha256").read_text())
    with damaged.open("r+b") as file:
        file.seek(2000)
        file.write(b"garbage")
    target = site("damaged")

    result = target("manage.py", "restore", str(damaged), check=False)

    assert result.returncode == 1
    assert "the archive is damaged" in result.stderr
    assert not target.media.exists() or files_in(target.media) == {}
    assert target.tables() == 0


@pytest.mark.django_db(transaction=True)
def test_a_backup_fails_if_the_database_names_a_file_the_media_lacks(tmp_path):
    from backups.archive import BackupError, create_backup
    from tests.factories import make_image

    image = make_image(width=600, height=400)
    image.file.storage.delete(image.file.name)

    with pytest.raises(BackupError, match="not in the media storage"):
        create_backup(tmp_path / "backups")

    assert list((tmp_path / "backups").iterdir()) == []  # no half archive left


@pytest.mark.django_db(transaction=True)
def test_the_archive_holds_the_dump_every_file_and_a_manifest_of_their_hashes(tmp_path):
    from backups.archive import create_backup
    from tests.factories import make_image

    make_image(width=1700, height=900)
    stored = snapshot()

    archive = create_backup(tmp_path / "backups")

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = set(tar.getnames())
    assert manifest["media"] == stored  # sha256 of every file, by its storage name
    assert names == {"database.dump", "manifest.json"} | {f"media/{name}" for name in stored}
    assert archive.name.startswith("opinion_blog-") and archive.suffix == ".tar"


def test_an_sqlite_site_round_trips_too(tmp_path):
    """The development default: SQLite's online backup API instead of pg_dump."""
    import sqlite3

    def manage(side, *args):
        environ = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"} | {
            "DATABASE_URL": f"sqlite:///{tmp_path / side}.sqlite3",
            "MEDIA_ROOT": str(tmp_path / side / "media"),
            "SECRET_KEY": "check-only",
            "DJANGO_SUPERUSER_PASSWORD": "pw-for-tests-1",
        }
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environ,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result

    manage("original", "migrate", "--no-input", "-v", "0")
    manage("original", "createsuperuser", "--no-input", "--username", "ed", "--email", "e@x.org")
    picture = tmp_path / "original" / "media" / "images" / "kept.png"
    picture.parent.mkdir(parents=True)
    picture.write_bytes(b"\x89PNG not really")

    manage("original", "backup", "--to", str(tmp_path / "backups"))
    [archive] = (tmp_path / "backups").glob("*.tar")
    manage("restored", "restore", str(archive))

    def rows(side):
        with sqlite3.connect(tmp_path / f"{side}.sqlite3") as database:
            return list(database.iterdump())

    assert rows("restored") == rows("original")
    assert files_in(tmp_path / "restored" / "media") == files_in(tmp_path / "original" / "media")


def test_keep_leaves_only_the_newest_archives_and_their_checksums(tmp_path):
    from backups.archive import prune

    for stamp in ["20261201T030000Z", "20261202T030000Z", "20261203T030000Z"]:
        (tmp_path / f"opinion_blog-{stamp}.tar").write_bytes(b"x")
        (tmp_path / f"opinion_blog-{stamp}.tar.sha256").write_text("x")
    (tmp_path / "notes.txt").write_text("not a backup")

    removed = prune(tmp_path, keep=2)

    assert [path.name for path in removed] == ["opinion_blog-20261201T030000Z.tar"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "notes.txt",
        "opinion_blog-20261202T030000Z.tar",
        "opinion_blog-20261202T030000Z.tar.sha256",
        "opinion_blog-20261203T030000Z.tar",
        "opinion_blog-20261203T030000Z.tar.sha256",
    ]


@pytest.mark.django_db(transaction=True)
def test_media_are_read_through_the_storage_api_so_a_bucket_is_backed_up_too(tmp_path):
    """Any Django storage (django-storages' S3 included) lists, opens and saves the same way."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import InMemoryStorage

    from backups.archive import create_backup

    bucket = InMemoryStorage()
    bucket.save("images/abc.jpg", ContentFile(b"jpeg bytes"))
    bucket.save("images/renditions/abc-480w.webp", ContentFile(b"webp bytes"))
    bucket.save("avatars/ana.webp", ContentFile(b"avatar bytes"))

    archive = create_backup(tmp_path / "backups", storage=bucket)

    with tarfile.open(archive) as tar:
        media = {
            member.name: tar.extractfile(member).read()
            for member in tar
            if member.name.startswith("media/")
        }
    assert media == {
        "media/avatars/ana.webp": b"avatar bytes",
        "media/images/abc.jpg": b"jpeg bytes",
        "media/images/renditions/abc-480w.webp": b"webp bytes",
    }
