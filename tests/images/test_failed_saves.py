"""A save that fails in the database leaves no file behind: not the original, not a rendition."""

from contextlib import contextmanager

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from authors.models import Author
from images.models import Image
from tests.factories import make_columnist, make_image, png_bytes
from tests.images.media import snapshot

pytestmark = pytest.mark.django_db


@contextmanager
def database_refuses(statement_start):
    """Make the database fail every statement that starts with ``statement_start``."""

    def refuse(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(statement_start.upper()):
            raise DatabaseError("the database went away")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


def upload(width=1700, height=900):
    return SimpleUploadedFile("photo.png", png_bytes(width=width, height=height), "image/png")


@pytest.mark.parametrize(
    "failing",
    [
        'INSERT INTO "images_image"',  # the image's own row
        'INSERT INTO "django_admin_log"',  # later in the same admin transaction
    ],
)
def test_an_upload_whose_save_fails_leaves_no_files(client, failing):
    client.force_login(make_columnist())

    with database_refuses(failing), pytest.raises(DatabaseError):
        client.post(reverse("admin:images_image_add"), {"file": upload(), "alt_text": "A pier"})

    assert not Image.objects.exists()
    assert snapshot() == {}


def test_a_replacement_whose_save_fails_keeps_the_old_files_and_adds_none():
    image = make_image(width=1700, height=900)
    before = snapshot()

    image.file = upload(width=1000, height=500)
    with (
        database_refuses('UPDATE "images_image"'),
        pytest.raises(DatabaseError),
        transaction.atomic(),
    ):
        image.save()

    assert snapshot() == before


def test_an_avatar_whose_save_fails_leaves_no_file():
    author = Author(name="Ana Silva", slug="ana-silva", avatar=upload(width=600, height=600))

    with (
        database_refuses('INSERT INTO "authors_author"'),
        pytest.raises(DatabaseError),
        transaction.atomic(),
    ):
        author.save()

    assert not Author.objects.exists()
    assert snapshot() == {}
