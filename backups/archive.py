"""The database and the uploads in one archive, consistent with each other, and back again.

An archive (``opinion_blog-20261204T071500Z.tar``, with ``….tar.sha256`` beside it) holds:

- ``database.dump``: ``pg_dump --format=custom`` of one snapshot (PostgreSQL), or
  ``database.sqlite3``: a copy made with SQLite's online backup API;
- ``media/<name>``: every stored file, read through Django's storage API, so a
  bucket (django-storages) is backed up exactly like the local folder;
- ``manifest.json``: when, from what, and the SHA-256 of every member.

Consistency: the files the database refers to are listed in the same snapshot the
dump is taken from, and after the media are copied each of them must be in the
archive. Files are written before their row and deleted only after the row's
deletion commits, so the only way to miss one is a picture deleted while the
backup ran: the backup then fails and says so, rather than keep a dump that
points at nothing.

Restoring goes into an empty database and an empty media storage only, unless
``force`` is given: then both are emptied first.
"""

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import django
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction

from opinion_blog.content_version import public_content_changed

FORMAT = 1
PREFIX = "opinion_blog-"
MANIFEST = "manifest.json"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# Our own short-lived files: half-written uploads and the health probe's.
NOT_CONTENT = (".partial-", ".healthz-")
NOT_CONTENT_DIRS = ("healthz/",)


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with the reason in words."""


# Reading what there is -------------------------------------------------------------------


def stored_names(storage=default_storage):
    """Every file in the storage, through its own API (a local folder or a bucket)."""

    def walk(path):
        try:
            directories, files = storage.listdir(path)
        except FileNotFoundError:
            return
        for file in sorted(files):
            name = f"{path}/{file}" if path else file
            if not file.startswith(NOT_CONTENT) and not name.startswith(NOT_CONTENT_DIRS):
                yield name
        for directory in sorted(directories):
            yield from walk(f"{path}/{directory}" if path else directory)

    return walk("")


def file_columns():
    """(table, column) of every file field: what the database says must be in the media."""
    columns = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                columns.append((model._meta.db_table, field.column))
    return columns


def referenced_files(cursor, quote):
    names = set()
    for table, column in file_columns():
        cursor.execute(
            f"SELECT {quote(column)} FROM {quote(table)} "
            f"WHERE {quote(column)} IS NOT NULL AND {quote(column)} <> ''"
        )
        names.update(row[0] for row in cursor.fetchall())
    return names


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# PostgreSQL ------------------------------------------------------------------------------


def _pg_environ(settings_dict):
    environ = dict(os.environ)
    for variable, key in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")]:
        if settings_dict.get(key):
            environ[variable] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        environ["PGPASSWORD"] = settings_dict["PASSWORD"]
    return environ


def _run(args, settings_dict):
    if shutil.which(args[0]) is None:
        raise BackupError(
            f"{args[0]} is not installed (Debian: apt-get install postgresql-client)."
        )
    result = subprocess.run(
        args, env=_pg_environ(settings_dict), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{args[0]} failed: {' '.join(result.stderr.split())}")


def _dump_postgresql(connection, path):
    """Dump one snapshot and list the files that snapshot refers to."""
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        referenced = referenced_files(cursor, connection.ops.quote_name)
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={path}",
                connection.settings_dict["NAME"],
            ],
            connection.settings_dict,
        )
    return referenced


def _restore_postgresql(connection, path):
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        connection.settings_dict,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics for the planner after a bulk load


def _empty_postgresql(connection):
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")


# SQLite ----------------------------------------------------------------------------------


def _dump_sqlite(connection, path):
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)  # a consistent copy, even while others write
        cursor = target.cursor()
        return referenced_files(cursor, connection.ops.quote_name)
    finally:
        target.close()


def _restore_sqlite(connection, path):
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _empty_sqlite(connection):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA foreign_keys = OFF")
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE {connection.ops.quote_name(table)}")


DUMP = {"postgresql": _dump_postgresql, "sqlite": _dump_sqlite}
RESTORE = {"postgresql": _restore_postgresql, "sqlite": _restore_sqlite}
EMPTY = {"postgresql": _empty_postgresql, "sqlite": _empty_sqlite}


def _vendor(connection):
    if connection.vendor not in DUMP:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


# Backup ----------------------------------------------------------------------------------


def _add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    tar.addfile(info, io.BytesIO(data))


def create_backup(directory, *, using=DEFAULT_DB_ALIAS, storage=default_storage, now=None):
    """Write one archive and its ``.sha256`` into ``directory``; return the archive's path."""
    connection = connections[using]
    vendor = _vendor(connection)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    final = directory / f"{PREFIX}{stamp}.tar"
    if final.exists():
        raise BackupError(f"{final} already exists.")
    partial = directory / f".{final.name}.partial"
    manifest = {
        "format": FORMAT,
        "created_at": (now or datetime.now(UTC)).isoformat(),
        "django": django.get_version(),
        "database": {"vendor": vendor, "member": DUMPS[vendor]},
        "media": {},
    }
    try:
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / DUMPS[vendor]
            referenced = DUMP[vendor](connection, dump)
            manifest["database"]["sha256"] = sha256_of(dump)
            with tarfile.open(partial, "w") as tar:
                tar.add(dump, arcname=DUMPS[vendor])
                dump.unlink()
                for name in stored_names(storage):
                    try:
                        with storage.open(name, "rb") as file:
                            data = file.read()
                    except FileNotFoundError:
                        continue  # deleted since it was listed; checked against the dump below
                    _add_bytes(tar, f"media/{name}", data)
                    manifest["media"][name] = hashlib.sha256(data).hexdigest()
                missing = sorted(referenced - set(manifest["media"]))
                if missing:
                    raise BackupError(
                        f"{len(missing)} file(s) the database refers to are not in the media "
                        f"storage ({', '.join(missing[:3])}{'…' if len(missing) > 3 else ''}). "
                        "If a picture was deleted while the backup ran, run it again; otherwise "
                        "the file was lost earlier and needs restoring first."
                    )
                _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
        digest = sha256_of(partial)
        os.replace(partial, final)
    finally:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    Path(f"{final}.sha256").write_text(f"{digest}  {final.name}\n")
    return final


def prune(directory, keep):
    """Keep the newest ``keep`` archives in ``directory`` (names sort by time); return the removed."""
    archives = sorted(Path(directory).glob(f"{PREFIX}*.tar"))
    removed = archives[:-keep] if keep > 0 else []
    for archive in removed:
        archive.unlink()
        Path(f"{archive}.sha256").unlink(missing_ok=True)
    return removed


# Restore ---------------------------------------------------------------------------------


def verify_checksum(archive):
    """Compare the archive with the ``.sha256`` written beside it, when there is one."""
    checksum = Path(f"{archive}.sha256")
    if not checksum.exists():
        return False
    expected = checksum.read_text().split()[0]
    if sha256_of(archive) != expected:
        raise BackupError(f"{archive} does not match {checksum.name}: the archive is damaged.")
    return True


def what_is_there(using=DEFAULT_DB_ALIAS, storage=default_storage):
    """Tables in the database and files in the media storage, to refuse a non-empty target."""
    connection = connections[using]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    files = list(stored_names(storage))
    return tables, files


def _read_member(tar, name):
    try:
        return tar.extractfile(name).read()
    except KeyError:
        raise BackupError(f"The archive has no {name}: it is not a backup of this site.") from None


def restore_backup(archive, *, force=False, using=DEFAULT_DB_ALIAS, storage=default_storage):
    """Restore ``archive`` into the database ``using`` and ``storage``; return the manifest."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"{archive} is not a file.")
    connection = connections[using]
    vendor = _vendor(connection)
    verify_checksum(archive)
    with tarfile.open(archive, "r") as tar:
        manifest = json.loads(_read_member(tar, MANIFEST))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"{archive} is in an unknown format ({manifest.get('format')}).")
        if manifest["database"]["vendor"] != vendor:
            raise BackupError(
                f"{archive} holds a {manifest['database']['vendor']} database; "
                f"DATABASE_URL points to {vendor}."
            )
        tables, files = what_is_there(using, storage)
        if (tables or files) and not force:
            raise BackupError(
                f"The target is not empty ({len(tables)} tables in the database, {len(files)} "
                "files in the media storage). Restore into an empty database and media folder, "
                "or use --force to replace what is there."
            )
        if tables:
            EMPTY[vendor](connection)
        for name in files:
            storage.delete(name)
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / manifest["database"]["member"]
            dump.write_bytes(_read_member(tar, manifest["database"]["member"]))
            if sha256_of(dump) != manifest["database"]["sha256"]:
                raise BackupError("The database dump in the archive is damaged.")
            RESTORE[vendor](connection, dump)
        restored = set()
        for member in tar:  # in archive order: one pass, however many files
            name = member.name.removeprefix("media/")
            if not member.isfile() or name == member.name or name not in manifest["media"]:
                continue
            data = tar.extractfile(member).read()
            if hashlib.sha256(data).hexdigest() != manifest["media"][name]:
                raise BackupError(f"media/{name} in the archive is damaged.")
            saved = storage.save(name, ContentFile(data))
            if saved != name:
                raise BackupError(f"{name} could not be restored under its own name ({saved}).")
            restored.add(name)
        if missing := set(manifest["media"]) - restored:
            raise BackupError(f"The archive lacks {len(missing)} of the files its manifest lists.")
    # Pages cached from what was there before must not be served again.
    public_content_changed(using=using)
    return manifest
