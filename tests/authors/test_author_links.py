"""An author's links are ordinary web addresses: nothing a click could run or download."""

import pytest
from django.forms import modelform_factory

from authors.models import AuthorLink
from tests.factories import make_author

pytestmark = pytest.mark.django_db

AuthorLinkForm = modelform_factory(AuthorLink, fields=["author", "label", "url", "position"])


def link_form(url):
    author = make_author()
    return AuthorLinkForm(data={"author": author.pk, "label": "Website", "url": url, "position": 0})


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript://example.com/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "ftp://files.example.com/cv.pdf",
        "example.com",
    ],
)
def test_non_web_address_is_a_form_error_naming_http_and_https(url):
    form = link_form(url)

    assert not form.is_valid()
    assert form.errors["url"] == ["Enter a full web address starting with http:// or https://."]
    assert not AuthorLink.objects.exists()


@pytest.mark.parametrize(
    "url",
    ["https://example.com/", "http://example.com/about", "https://mastodon.social/@writer"],
)
def test_web_address_is_accepted(url):
    form = link_form(url)

    assert form.is_valid(), form.errors
    assert form.save().url == url
