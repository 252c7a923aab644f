"""A full or read-only media disk: the person uploading is told so, and nothing is left behind.

Tests run as root, for whom a ``chmod``-ed folder is still writable, so the disk is
simulated: the storage's writes fail part-way with the errno a real disk gives,
after leaving the bytes already written in the file. Where the machine lets us
mount one, a real 64 KB tmpfs (full, then read-only) checks the same end to end.
"""

import errno
import os
import subprocess
from contextlib import contextmanager
from io import BytesIO
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from authors.models import Author
from images.models import Image
from opinion_blog.storage import FileSystemStorage
from tests.factories import make_admin, make_columnist, png_bytes
from tests.images.media import snapshot

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:images_image_inline_upload")
FULL = "The picture could not be stored: the disk is full."


def noisy_png(width=500, height=400):
    """A picture that compresses badly, so its files are as big as a photo's."""
    return PillowImage.frombytes("RGB", (width, height), os.urandom(width * height * 3))


def png_file(picture, name="photo.png"):
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


@contextmanager
def disk_fills_after(room, error=errno.ENOSPC):
    """Every file the storage writes shares ``room`` bytes; the write that overflows it fails.

    The bytes that fit are really written first, as on a full disk, so a storage
    that did not clean up would leave a truncated file behind.
    """
    real_fdopen = os.fdopen
    left = {"bytes": room}

    class FillingFile:
        def __init__(self, file):
            self.file = file

        def write(self, data):
            if len(data) > left["bytes"]:
                self.file.write(data[: left["bytes"]])
                self.file.flush()
                left["bytes"] = 0
                raise OSError(error, os.strerror(error))
            left["bytes"] -= len(data)
            return self.file.write(data)

        def __enter__(self):
            return self

        def __exit__(self, *exc_info):
            self.file.close()

    with mock.patch(
        "opinion_blog.storage.os.fdopen", lambda fd, mode: FillingFile(real_fdopen(fd, mode))
    ):
        yield


@contextmanager
def storage_refuses(error):
    """The storage's folder refuses to create any file (read-only mount, permissions)."""
    real_open = os.open

    def refuse(path, flags, *args):
        if flags & os.O_CREAT:
            raise OSError(error, os.strerror(error), path)
        return real_open(path, flags, *args)

    with mock.patch("opinion_blog.storage.os.open", refuse):
        yield


@pytest.fixture
def columnist_client(client):
    client.force_login(make_columnist())
    return client


def post_upload(client, picture=None):
    return client.post(
        UPLOAD,
        {"file": png_file(picture or noisy_png()), "alt_text": "A pier", "credit": ""},
        HTTP_ACCEPT="application/json",
    )


@pytest.mark.parametrize("room", [10_000, 600_000], ids=["in the original", "in a rendition"])
def test_a_full_disk_is_a_json_error_and_leaves_no_row_and_no_partial_file(columnist_client, room):
    picture = noisy_png(1000, 700)  # original ≈ 2 MB; renditions follow it

    with disk_fills_after(room):
        response = post_upload(columnist_client, picture)

    assert response.status_code == 507
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(FULL)
    assert response.json()["errors"]["file"][0]["code"] == "storage"
    assert not Image.objects.exists()
    assert snapshot() == {}  # no original, no rendition, no hidden temporary file


@pytest.mark.parametrize(
    ("error", "status", "words"),
    [
        (errno.EROFS, 503, "the storage is read-only"),
        (errno.EACCES, 503, "the server may not write to its storage"),
        (errno.EDQUOT, 507, "the storage quota is used up"),
    ],
)
def test_a_storage_that_refuses_writes_is_a_json_error_naming_why(
    columnist_client, error, status, words
):
    with storage_refuses(error):
        response = post_upload(columnist_client)

    assert response.status_code == status
    assert words in response.json()["message"]
    assert not Image.objects.exists()
    assert snapshot() == {}


def test_the_disk_filling_while_a_rendition_is_written_keeps_what_was_stored_before(
    columnist_client,
):
    assert post_upload(columnist_client).status_code == 201
    before = snapshot()

    with disk_fills_after(400_000):
        assert post_upload(columnist_client, noisy_png(1000, 700)).status_code == 507

    assert Image.objects.count() == 1
    assert snapshot() == before


def test_the_image_admin_gives_the_form_back_with_the_error_and_saves_nothing(client):
    client.force_login(make_columnist())

    with disk_fills_after(10_000):
        response = client.post(
            reverse("admin:images_image_add"),
            {"file": png_file(noisy_png()), "alt_text": "A pier at dusk", "credit": "Photo: Desk"},
        )

    assert response.status_code == 200
    assert "The file could not be stored: the disk is full." in response.text
    assert "A pier at dusk" in response.text  # what was typed is kept
    assert response.context["adminform"].form.errors["file"]
    assert not Image.objects.exists()
    assert snapshot() == {}


def test_an_avatar_on_a_read_only_disk_is_a_form_error(client):
    client.force_login(make_admin())
    author = Author.objects.create(name="Ana Silva", slug="ana-silva")

    with storage_refuses(errno.EROFS):
        response = client.post(
            reverse("admin:authors_author_change", args=[author.pk]),
            {
                "name": "Ana Silva",
                "slug": "ana-silva",
                "bio": "Writes about harbours.",
                "avatar": SimpleUploadedFile("me.png", png_bytes(500, 500), "image/png"),
                "links-TOTAL_FORMS": "0",
                "links-INITIAL_FORMS": "0",
            },
        )

    assert response.status_code == 200
    assert "could not be stored: the storage is read-only" in response.text
    author.refresh_from_db()
    assert not author.avatar and author.bio == ""
    assert snapshot() == {}


def test_errors_that_are_not_the_storages_still_fail_loudly(columnist_client):
    """A bug must not be dressed up as a full disk."""
    with (
        mock.patch("opinion_blog.storage.os.open", side_effect=OSError(errno.EIO, "I/O error")),
        pytest.raises(OSError),
    ):
        post_upload(columnist_client)


def test_a_successful_write_has_the_usual_permissions_and_no_temporary_file(tmp_path):
    storage = FileSystemStorage(location=tmp_path, file_permissions_mode=0o640)

    name = storage.save("images/a.txt", SimpleUploadedFile("a.txt", b"hello"))
    again = storage.save("images/a.txt", SimpleUploadedFile("a.txt", b"world"))

    assert name == "images/a.txt" and again != name
    assert (tmp_path / name).read_bytes() == b"hello"
    assert (tmp_path / again).read_bytes() == b"world"
    assert oct((tmp_path / name).stat().st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in (tmp_path / "images").iterdir()) == sorted(
        [name.split("/")[1], again.split("/")[1]]
    )


# A real tiny disk, where the machine allows mounting one (root, CAP_SYS_ADMIN).


@pytest.fixture
def tiny_disk(tmp_path, settings):
    where = tmp_path / "tiny-media"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    settings.MEDIA_ROOT = str(where)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_real_64_kb_disk_refuses_a_large_picture_and_stays_empty(columnist_client, tiny_disk):
    response = post_upload(columnist_client, noisy_png(600, 500))  # ≈ 900 KB

    assert response.status_code == 507
    assert response.json()["message"].startswith(FULL)
    assert not Image.objects.exists()
    assert [path for path in tiny_disk.rglob("*") if path.is_file()] == []

    # The disk is not left full: a small picture still fits.
    assert post_upload(columnist_client, noisy_png(60, 40)).status_code == 201


def test_a_real_read_only_disk_is_reported_by_the_upload_and_by_healthz(
    columnist_client, tiny_disk, client
):
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)

    response = post_upload(columnist_client)
    health = client.get("/healthz")

    assert response.status_code == 503
    assert "the storage is read-only" in response.json()["message"]
    assert not Image.objects.exists()
    assert health.json()["media"] == "failed: the storage is read-only"
    assert health.json()["degraded"] == ["media"]


def test_a_filesystem_without_hard_links_still_stores_files(tmp_path):
    storage = FileSystemStorage(location=tmp_path)

    with mock.patch(
        "opinion_blog.storage.os.link", side_effect=OSError(errno.EPERM, "Operation not permitted")
    ):
        first = storage.save("a.txt", SimpleUploadedFile("a.txt", b"one"))
        second = storage.save("a.txt", SimpleUploadedFile("a.txt", b"two"))

    assert (tmp_path / first).read_bytes() == b"one"
    assert (tmp_path / second).read_bytes() == b"two"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([first, second])
