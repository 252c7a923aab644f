"""Uploads in an S3-compatible bucket: written there, served from there, never overwritten.

The other image tests already run once on S3 (tests/images/conftest.py); these
check what only a bucket has: its URLs, signed or public, answered by the server.
"""

from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from images import renditions
from images.models import Image
from opinion_blog import deployment
from tests.factories import make_article, make_columnist, make_image, make_published, png_bytes
from tests.images.conftest import s3_client
from tests.images.media import served_media

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.parametrize("uploads_storage", ["s3"], indirect=True),
]


def bucket_keys(bucket):
    listing = s3_client().list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


def fetch(url):
    with urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_an_upload_and_its_renditions_are_objects_in_the_bucket(s3_bucket):
    image = make_image(width=1000, height=500)

    assert bucket_keys(s3_bucket) == sorted(
        [image.file.name]
        + [renditions.rendition_name(image.file.name, w) for w in (240, 480, 720, 960)]
    )


def test_readers_get_public_urls_the_bucket_answers(client, s3_bucket, s3_server):
    image = make_image(width=1000, height=500)
    article = make_published(featured_image=image)

    html = client.get(article.get_absolute_url()).content.decode()

    assert image.file.url == f"{s3_server}/{s3_bucket}/{image.file.name}"
    assert image.file.url in html
    assert len(served_media(html)) == 5  # the original and four renditions, all in the bucket
    for name in served_media(html):
        status, data = fetch(default_storage.url(name))
        assert status == 200
        assert data == s3_client().get_object(Bucket=s3_bucket, Key=name)["Body"].read()


def test_signed_urls_when_the_bucket_is_private(settings, s3_bucket, s3_server):
    signed = deployment.storages(
        {
            "AWS_STORAGE_BUCKET_NAME": s3_bucket,
            "AWS_S3_ENDPOINT_URL": s3_server,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_QUERYSTRING_AUTH": "1",
            "AWS_QUERYSTRING_EXPIRE": "7200",
        }
    )
    settings.STORAGES = {**settings.STORAGES, "default": signed["default"]}
    image = make_image(width=600, height=400)

    url = image.file.url
    assert "Signature=" in url
    stored = s3_client().get_object(Bucket=s3_bucket, Key=image.file.name)["Body"].read()
    assert fetch(url) == (200, stored)
    with pytest.raises(HTTPError) as unsigned:
        fetch(url.split("?")[0])
    assert unsigned.value.code == 403


def test_a_second_upload_with_the_same_name_never_overwrites_the_first(s3_bucket):
    first = default_storage.save("images/same.png", SimpleUploadedFile("a", b"first"))
    second = default_storage.save("images/same.png", SimpleUploadedFile("b", b"second"))

    assert first == "images/same.png" and second != first
    assert default_storage.open(first).read() == b"first"


def test_a_replaced_file_leaves_the_bucket_only_once_the_change_commits(
    client, s3_bucket, django_capture_on_commit_callbacks
):
    columnist = make_columnist()
    image = make_image(uploaded_by=columnist, width=1000, height=500)
    make_article(featured_image=image)
    old_keys = set(bucket_keys(s3_bucket))
    client.force_login(columnist)
    upload = SimpleUploadedFile("new.png", png_bytes(width=700, height=400), "image/png")

    with django_capture_on_commit_callbacks(execute=False) as on_commit:
        response = client.post(
            reverse("admin:images_image_change", args=[image.pk]),
            {"file": upload, "alt_text": "Replaced", "credit": ""},
        )
        assert response.status_code == 302
        assert old_keys <= set(bucket_keys(s3_bucket)), "deleted before the commit"
    for callback in on_commit:
        callback()

    fresh = Image.objects.get(pk=image.pk)
    assert not old_keys & set(bucket_keys(s3_bucket))
    assert set(bucket_keys(s3_bucket)) == {
        fresh.file.name,
        renditions.rendition_name(fresh.file.name, 240),
        renditions.rendition_name(fresh.file.name, 480),
    }
