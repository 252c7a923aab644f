"""Stored names come from nothing an upload chooses: no upload changes another image's files."""

from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage

from images import renditions
from images.models import Image
from tests.factories import make_admin, make_columnist, make_image, make_published, png_bytes
from tests.images.media import served_media, snapshot

pytestmark = pytest.mark.django_db

ADD_IMAGE = reverse("admin:images_image_add")


def test_a_columnists_upload_with_a_published_pictures_name_changes_none_of_its_files(client):
    picture = Image.objects.create(
        file=SimpleUploadedFile(
            "demo-trust-in-science-is-built-locally.jpg",
            png_bytes(width=1700, height=900, color=(20, 90, 160), image_format="JPEG"),
        ),
        alt_text="A town hall meeting",
    )
    article = make_published(slug="trust-in-science-is-built-locally", featured_image=picture)
    page_before = client.get(article.get_absolute_url()).content.decode()
    files_before = snapshot()
    served_before = served_media(page_before)
    assert len(served_before) == 6  # five renditions and the original

    client.force_login(make_columnist())
    response = client.post(
        ADD_IMAGE,
        {
            "file": SimpleUploadedFile(
                "demo-trust-in-science-is-built-locally.png",
                png_bytes(width=1700, height=900, color=(250, 0, 0)),
                content_type="image/png",
            ),
            "alt_text": "Not the picture the editors chose",
        },
    )

    assert response.status_code == 302
    files_after = snapshot()
    assert {name: files_after.get(name) for name in files_before} == files_before
    page_after = client.get(article.get_absolute_url()).content.decode()
    assert served_media(page_after) == served_before
    upload = Image.objects.exclude(pk=picture.pk).get()
    assert upload.srcset and upload.srcset not in page_after


def test_the_stored_name_owes_nothing_to_the_uploaded_name():
    first = make_image(width=1000, height=500)
    second = make_image(width=1000, height=500)

    assert "picture" not in first.file.name
    assert first.file.name != second.file.name
    for image in (first, second):
        for width in renditions.widths_for(image.width):
            name = renditions.rendition_name(image.file.name, width)
            assert image.file.storage.exists(name)
            assert f"{image.file.storage.url(name)} {width}w" in image.srcset


def test_renditions_are_never_written_over_an_existing_file():
    image = make_image(width=1000, height=500)
    taken = renditions.rendition_name(image.file.name, 480)
    before = snapshot()

    with pytest.raises(FileExistsError):
        renditions.write_renditions(image.file.name, PillowImage.new("RGB", (1000, 500)))

    assert snapshot() == before
    assert image.file.storage.exists(taken)


def test_srcset_and_thumbnail_need_no_storage_calls():
    image = make_image(width=2000, height=1000)

    with (
        mock.patch.object(FileSystemStorage, "exists", side_effect=AssertionError),
        mock.patch.object(FileSystemStorage, "open", side_effect=AssertionError),
        mock.patch.object(FileSystemStorage, "size", side_effect=AssertionError),
    ):
        fresh = Image.objects.get(pk=image.pk)
        assert fresh.srcset.count("w,") == 5
        assert fresh.thumbnail_url.endswith("-480w.webp")


def test_an_administrators_deletion_removes_the_pictures_files_once_committed(
    client, django_capture_on_commit_callbacks
):
    picture = make_image(width=1000, height=600)
    stored = [picture.file.name, *picture_renditions(picture)]
    assert all(default_storage.exists(name) for name in stored)
    client.force_login(make_admin())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:images_image_delete", args=[picture.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert not any(default_storage.exists(name) for name in stored)


def picture_renditions(picture):
    widths = renditions.widths_for(picture.width)
    return [renditions.rendition_name(picture.file.name, width) for width in widths]
