"""The library's JSON endpoints behind the article form's picker and the editor's picture button.

An upload there must make exactly the image the image admin makes: validated
the same way, ``uploaded_by`` set, metadata gone, files removed when the save
fails; and only people allowed to add (or view) pictures may use them.
"""

from io import BytesIO

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage

from images import inline_views
from images.models import Image
from tests.factories import make_columnist, make_editor, make_image, make_user, png_bytes
from tests.images.media import read, snapshot, stored_names
from tests.images.test_metadata import SECRETS, photo_with_everything

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:images_image_inline_upload")
LIBRARY = reverse("admin:images_image_library")


def upload(client, content=None, name="picture.png", content_type="image/png", **fields):
    data = {"alt_text": "Harbour at dawn", "credit": "Photo: Desk"} | fields
    if content is not False:
        data["file"] = SimpleUploadedFile(name, content or png_bytes(600, 400), content_type)
    return client.post(UPLOAD, data)


@pytest.fixture
def columnist_client(client):
    client.force_login(make_columnist())
    return client


def test_a_columnist_uploads_a_picture_and_gets_its_id_thumbnail_and_alt_text(client):
    columnist = make_columnist()
    client.force_login(columnist)

    response = upload(client)

    assert response.status_code == 201
    image = Image.objects.get()
    assert image.uploaded_by == columnist
    assert (image.alt_text, image.credit, image.width, image.height) == (
        "Harbour at dawn",
        "Photo: Desk",
        600,
        400,
    )
    payload = response.json()
    assert payload["id"] == image.pk
    assert payload["alt_text"] == "Harbour at dawn"
    assert payload["thumbnail_url"] == image.thumbnail_url
    assert payload["src"].endswith("-480w.webp")


def test_an_uploaded_photo_is_stored_without_its_metadata(columnist_client):
    response = upload(
        columnist_client, photo_with_everything(), name="holiday.jpg", content_type="image/jpeg"
    )

    assert response.status_code == 201
    stored = [read(name) for name in stored_names()]
    assert len(stored) > 1  # the original and its renditions
    for data in stored:
        assert not [secret for secret in SECRETS if secret in data]


@pytest.mark.parametrize(
    ("content", "name", "content_type", "field", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "broken.png", "image/png", "file", "corrupt"),
        (b"GIF89a not really", "fake.gif", "image/gif", "file", "corrupt"),
        (None, "picture.png", "image/png", "alt_text", "This field is required"),
    ],
    ids=["corrupt-png", "not-an-image", "missing-alt-text"],
)
def test_a_refused_upload_says_why_in_json_and_stores_nothing(
    columnist_client, content, name, content_type, field, words
):
    fields = {"alt_text": ""} if field == "alt_text" else {}

    response = upload(columnist_client, content, name=name, content_type=content_type, **fields)

    assert response.status_code == 400
    payload = response.json()
    assert words.lower() in " ".join(e["message"] for e in payload["errors"][field]).lower()
    assert words.lower() in payload["message"].lower()
    assert not Image.objects.exists()
    assert snapshot() == {}


def test_a_file_of_another_format_is_refused_with_the_formats_we_take(columnist_client):
    tiff = png_bytes(40, 30, image_format="TIFF")

    response = upload(columnist_client, tiff, name="scan.tiff", content_type="image/tiff")

    assert response.status_code == 400
    assert "Upload a JPEG, PNG, WebP or GIF file" in response.json()["message"]
    assert snapshot() == {}


def test_a_file_over_the_size_limit_is_refused_with_the_limit(columnist_client, settings):
    settings.MAX_IMAGE_UPLOAD_BYTES = 1000

    response = upload(columnist_client, png_bytes(600, 400) + b"\x00" * 2000)

    assert response.status_code == 400
    assert "images may be at most 1000\xa0bytes" in response.json()["message"]
    assert snapshot() == {}


def test_a_missing_file_is_refused(columnist_client):
    response = upload(columnist_client, False)

    assert response.status_code == 400
    assert response.json()["errors"]["file"]


def test_files_written_for_an_upload_whose_save_fails_are_removed(client, monkeypatch):
    client.force_login(make_columnist())
    client.raise_request_exception = False
    real_save_image = inline_views.save_image

    def save_then_fail(image, *, by):
        real_save_image(image, by=by)
        assert snapshot(), "the files were written"
        raise RuntimeError("the database went away")

    monkeypatch.setattr(inline_views, "save_image", save_then_fail)

    assert upload(client).status_code == 500
    assert not Image.objects.exists()
    assert snapshot() == {}


# Who may upload and search.


def staff_without(permission):
    user = make_user(group="Columnists")
    app_label, codename = permission.split(".")
    user.groups.get().permissions.remove(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )
    return user


@pytest.mark.parametrize(
    "who", ["anonymous", "reader", "staff-without-add_image", "inactive-columnist"]
)
def test_only_people_who_may_add_pictures_can_upload(client, who):
    if who == "reader":
        client.force_login(make_user())
    elif who == "staff-without-add_image":
        client.force_login(staff_without("images.add_image"))
    elif who == "inactive-columnist":
        columnist = make_columnist()
        columnist.is_active = False
        columnist.save()
        client.force_login(columnist)

    response = upload(client)

    assert response.status_code == 403
    assert "permission" in response.json()["error"]
    assert not Image.objects.exists()
    assert snapshot() == {}


@pytest.mark.parametrize("who", ["anonymous", "reader", "staff-without-view_image"])
def test_only_people_who_may_view_pictures_can_search_the_library(client, who):
    make_image()
    if who == "reader":
        client.force_login(make_user())
    elif who == "staff-without-view_image":
        client.force_login(staff_without("images.view_image"))

    response = client.get(LIBRARY)

    assert response.status_code == 403
    assert "results" not in response.json()


def test_an_upload_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_columnist())

    assert upload(client).status_code == 403
    assert not Image.objects.exists()


def test_the_upload_endpoint_takes_only_posts(columnist_client):
    assert columnist_client.get(UPLOAD).status_code == 405


# The library search.


def test_any_columnist_finds_every_library_picture_newest_first(client):
    other = make_image(alt_text="Lighthouse at night", uploaded_by=make_editor())
    own = make_image(alt_text="Harbour cranes")
    client.force_login(make_columnist())

    results = client.get(LIBRARY).json()["results"]

    assert [item["id"] for item in results] == [own.pk, other.pk]
    assert results[0]["thumbnail_url"] == own.thumbnail_url
    assert results[0]["alt_text"] == "Harbour cranes"


def test_every_word_of_the_query_must_match_the_alt_text_or_credit(columnist_client):
    wanted = make_image(alt_text="Harbour at dawn", credit="Photo: Ana Silva")
    make_image(alt_text="Harbour at night", credit="Photo: Ben")
    make_image(alt_text="A field", credit="Photo: Ana Silva")

    results = columnist_client.get(LIBRARY, {"q": "harbour SILVA"}).json()["results"]

    assert [item["id"] for item in results] == [wanted.pk]


def test_the_library_is_paginated(columnist_client):
    for n in range(inline_views.PAGE_SIZE + 2):
        Image.objects.create(
            file=SimpleUploadedFile(f"p{n}.png", png_bytes(20, 20)), alt_text=f"Picture {n}"
        )

    first = columnist_client.get(LIBRARY).json()
    second = columnist_client.get(LIBRARY, {"page": 2}).json()
    beyond = columnist_client.get(LIBRARY, {"page": "999"}).json()

    assert (len(first["results"]), first["more"]) == (inline_views.PAGE_SIZE, True)
    assert (len(second["results"]), second["more"]) == (2, False)
    assert beyond["page"] == 2
    assert not {i["id"] for i in first["results"]} & {i["id"] for i in second["results"]}


@pytest.mark.parametrize(
    "params",
    [
        {"q": "harbour " * 5000},
        {"q": "har\x00bour"},
        {"page": "abc"},
        {"page": "-1"},
        {"id": "abc"},
        {"id": "9" * 40},
        {"id": "\x00"},
    ],
    ids=["long-query", "nul-in-query", "page-abc", "page-negative", "id-abc", "id-huge", "id-nul"],
)
def test_crafted_library_queries_are_answered_never_a_500(columnist_client, params):
    make_image(alt_text="Harbour")

    response = columnist_client.get(LIBRARY, params)

    assert response.status_code in (200, 404)  # NUL bytes are refused site-wide with a 404
    if response.status_code == 200:
        assert isinstance(response.json()["results"], list)


def test_one_picture_is_fetched_by_id_for_the_preview(columnist_client):
    image = make_image(alt_text="Harbour")
    make_image(alt_text="Other")

    results = columnist_client.get(LIBRARY, {"id": str(image.pk)}).json()["results"]

    assert [item["id"] for item in results] == [image.pk]


def test_an_uploaded_png_keeps_its_pixels(columnist_client):
    upload(columnist_client, png_bytes(600, 400, color=(10, 200, 30)))

    with PillowImage.open(BytesIO(read(Image.objects.get().file.name))) as stored:
        assert stored.convert("RGB").getpixel((5, 5)) == (10, 200, 30)
