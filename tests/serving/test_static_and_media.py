"""Static files with hashed names and long lifetimes; uploads with the right type and headers."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_author, make_image, make_published

pytestmark = pytest.mark.django_db

YEAR = 60 * 60 * 24 * 365


@pytest.fixture
def collected(settings, tmp_path):
    """Production static settings: collectstatic into a fresh folder, WhiteNoise serving it."""
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    call_command("collectstatic", interactive=False, verbosity=0)
    return settings.STATIC_ROOT


def test_pages_link_the_stylesheet_by_its_hashed_name(client, collected):
    make_published("Bus lanes", authors=[make_author()])
    html = client.get("/").content.decode()

    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)

    assert stylesheet, "the stylesheet link has no content hash"
    assert (collected / stylesheet.group(1).removeprefix("/static/")).is_file()


def test_a_hashed_static_file_is_served_compressed_for_a_year(client, collected):
    make_published("Bus lanes", authors=[make_author()])
    url = re.search(
        r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', client.get("/").content.decode()
    )[1]

    response = client.get(url, headers={"accept-encoding": "gzip"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert response["Content-Encoding"] == "gzip"
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"])[1])
    assert max_age >= YEAR
    assert "immutable" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_upload_is_served_with_its_type_nosniff_a_long_lifetime_and_no_scripts(client):
    image = make_image()

    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert f"max-age={YEAR}" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content) == image.file.open("rb").read()


def test_an_upload_is_not_gzipped_again(client):
    image = make_image()
    response = client.get(image.file.url, headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in response


def test_an_unchanged_upload_gets_304(client):
    image = make_image()
    last_modified = client.get(image.file.url)["Last-Modified"]

    response = client.get(image.file.url, headers={"if-modified-since": last_modified})

    assert response.status_code == 304


@pytest.mark.parametrize("path", ["/media/../settings.py", "/media/images/", "/media/nothing.png"])
def test_no_upload_outside_the_media_folder_or_missing_is_served(client, path):
    assert client.get(path).status_code in (400, 404)


def test_html_pages_are_gzipped_for_browsers_that_ask(client):
    make_published("Bus lanes", authors=[make_author()])

    response = client.get("/", headers={"accept-encoding": "gzip, br"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_healthz_is_reachable_over_plain_http_when_https_is_enforced(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get(reverse("healthz")).status_code == 200
    assert client.get("/").status_code == 301
