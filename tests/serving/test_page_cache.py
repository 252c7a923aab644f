"""The public page cache: who gets a stored page, what is never stored, and the headers."""

from unittest import mock

import pytest
from django.contrib import messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.urls import include, path, reverse
from django.views.decorators.cache import never_cache

from tests.factories import make_author, make_editor, make_published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def status(response):
    return response.get("X-Page-Cache")


def test_an_anonymous_readers_second_visit_is_served_from_the_cache(
    reader, django_assert_num_queries
):
    article = make_published("Bus lanes", authors=[make_author()])
    first = reader.get(article.get_absolute_url())
    with django_assert_num_queries(0):
        second = reader.get(article.get_absolute_url())

    assert (status(first), status(second)) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("encoding", ["gzip", ""])
def test_compressed_and_plain_pages_are_stored_apart(reader, encoding):
    make_published("Bus lanes", authors=[make_author()])
    reader.get("/", headers={"accept-encoding": "gzip"})

    again = reader.get("/", headers={"accept-encoding": encoding})

    assert status(again) == ("hit" if encoding else "miss")
    assert again.get("Content-Encoding") == ("gzip" if encoding else None)


def test_a_stored_page_tells_proxies_they_may_share_it_and_must_revalidate(reader):
    make_published("Bus lanes", authors=[make_author()])
    response = reader.get("/")

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=0", "s-maxage=10", "must-revalidate"}
    assert response["ETag"].startswith('"')
    assert {"Cookie", "Accept-Encoding"} <= {v.strip() for v in response["Vary"].split(",")}


def test_a_known_etag_gets_304_without_rendering(reader, django_assert_num_queries):
    article = make_published("Bus lanes", authors=[make_author()])
    etag = reader.get(article.get_absolute_url())["ETag"]

    with django_assert_num_queries(0):
        response = reader.get(article.get_absolute_url(), headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response["ETag"] == etag
    assert response.content == b""


def test_a_head_request_is_answered_from_the_cache(reader):
    make_published("Bus lanes", authors=[make_author()])
    reader.get("/")
    assert status(reader.head("/")) == "hit"


def test_someone_signed_in_always_gets_a_fresh_private_page(client, reader):
    article = make_published("Bus lanes", authors=[make_author()])
    reader.get(article.get_absolute_url())
    client.force_login(make_editor())

    responses = [client.get(article.get_absolute_url()) for _ in range(2)]

    assert [status(response) for response in responses] == [None, None]
    for response in responses:
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert "ETag" not in response


def test_a_signed_in_visit_never_fills_the_cache_for_readers(client, reader):
    article = make_published("Bus lanes", authors=[make_author()])
    client.force_login(make_editor())
    client.get(article.get_absolute_url())

    assert status(reader.get(article.get_absolute_url())) == "miss"


def test_public_pages_carry_no_csp_nonce_so_a_stored_one_is_never_reused(reader):
    article = make_published("Bus lanes", authors=[make_author()])
    for url in [
        "/",
        article.get_absolute_url(),
        reverse("authors:detail", args=[article.bylines.get().author.slug]),
    ]:
        response = reader.get(url)
        assert response.status_code == 200
        assert "nonce-" not in response["Content-Security-Policy"]
        assert b"nonce=" not in response.content


def test_the_admin_and_healthz_are_never_cached(reader):
    for url in [reverse("admin:login"), "/healthz"]:
        reader.get(url)
        assert status(reader.get(url)) is None


def test_not_found_is_not_stored(reader):
    reader.get("/no-such-article/")
    assert status(reader.get("/no-such-article/")) is None


# Responses that belong to one visitor, from views written for this test.


def sets_a_cookie(request):
    response = HttpResponse("<p>hello</p>" * 30)
    response.set_cookie("seen", "1")
    return response


def adds_a_message(request):
    messages.info(request, "Saved.")
    return HttpResponse("<p>hello</p>" * 30)


def uses_a_csrf_token(request):
    return HttpResponse(f"<input value='{get_token(request)}'>" * 30)


def uses_a_nonce(request):
    template = engines["django"].from_string("<script nonce='{{ csp_nonce }}'></script>")
    return HttpResponse(template.render({}, request) * 30)


@never_cache
def opts_out(request):
    return HttpResponse("<p>hello</p>" * 30)


urlpatterns = [
    path("cookie/", sets_a_cookie),
    path("message/", adds_a_message),
    path("csrf/", uses_a_csrf_token),
    path("nonce/", uses_a_nonce),
    path("never/", opts_out),
    path("", include("opinion_blog.urls")),
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/cookie/", "/message/", "/csrf/", "/nonce/", "/never/"])
def test_a_response_personal_to_its_visitor_is_never_stored(reader, url):
    first = reader.get(url)
    assert first.status_code == 200
    assert status(first) is None
    assert status(reader.get(url)) is None


def test_a_post_is_never_answered_from_the_cache(reader):
    make_published("Bus lanes", authors=[make_author()])
    reader.get("/")
    assert status(reader.post("/")) is None


def test_a_reader_with_a_messages_cookie_gets_a_fresh_page(reader):
    make_published("Bus lanes", authors=[make_author()])
    reader.get("/")
    reader.cookies["messages"] = "anything"
    assert status(reader.get("/")) is None


def test_with_the_cache_off_nothing_is_stored(reader, settings):
    settings.PAGE_CACHE_ENABLED = False
    make_published("Bus lanes", authors=[make_author()])
    reader.get("/")
    assert status(reader.get("/")) is None


def test_with_the_cache_down_readers_still_get_fresh_pages(reader):
    make_published("Bus lanes", authors=[make_author()])
    with mock.patch.object(caches["default"], "get", side_effect=ConnectionError("refused")):
        response = reader.get("/")

    assert response.status_code == 200
    assert b"Bus lanes" in response.content
    assert status(response) is None
