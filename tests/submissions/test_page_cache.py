"""The Write for us pages under the anonymous page cache: nobody gets another reader's token or words."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from submissions import workflow
from submissions.models import Kind, Submission
from tests.factories import make_editor, make_published

from .helpers import form_data, make_submission

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


def tokens(response):
    return set(TOKEN.findall(response.content.decode()))


def test_the_form_page_is_never_stored_and_each_reader_gets_their_own_token():
    first_reader, second_reader = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = first_reader.get("/write-for-us/")
    # A reader who already holds a CSRF cookie but no session, the case a cache could miss.
    again = first_reader.get("/write-for-us/")
    second = second_reader.get("/write-for-us/")
    for response in (first, again, second):
        assert response.get("X-Page-Cache") is None
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert tokens(first) and tokens(second)
    assert not tokens(second) & (tokens(first) | tokens(again))
    assert first_reader.cookies["csrftoken"].value != second_reader.cookies["csrftoken"].value


def test_another_readers_token_is_refused():
    first_reader, second_reader = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    stolen = tokens(first_reader.get("/write-for-us/")).pop()
    second_reader.get("/write-for-us/")
    data = {**form_data(Kind.LETTER), "csrfmiddlewaretoken": stolen}
    assert second_reader.post("/write-for-us/letter/", data).status_code == 403
    assert not Submission.objects.exists()


def test_a_readers_own_token_is_accepted():
    reader = Client(enforce_csrf_checks=True)
    token = tokens(reader.get("/write-for-us/")).pop()
    data = {**form_data(Kind.LETTER), "csrfmiddlewaretoken": token}
    assert reader.post("/write-for-us/letter/", data).status_code == 302
    assert Submission.objects.count() == 1


def test_a_readers_form_errors_and_words_are_never_shown_to_the_next_reader():
    writer = Client()
    response = writer.post("/write-for-us/op-ed/", form_data(Kind.OP_ED, text="secretword " * 900))
    assert "secretword" in response.content.decode()
    assert "the limit is 800" in response.content.decode()
    for _ in range(2):
        page = Client().get("/write-for-us/").content.decode()
        assert "secretword" not in page and "the limit is" not in page


def test_the_thank_you_page_is_cached_and_identical_for_everyone():
    first = Client().get("/write-for-us/thanks/")
    second = Client().get("/write-for-us/thanks/")
    assert (first.get("X-Page-Cache"), second.get("X-Page-Cache")) == ("miss", "hit")
    assert not TOKEN.search(first.content.decode())


def test_the_letters_page_is_cached_and_replaced_when_a_letter_is_published(
    django_capture_on_commit_callbacks,
):
    article = make_published()
    assert Client().get("/letters/").get("X-Page-Cache") == "miss"
    assert Client().get("/letters/").get("X-Page-Cache") == "hit"
    letter = make_submission(kind=Kind.LETTER, article=article, text="A cached letter.")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.accept(letter, by=make_editor())
    fresh = Client().get("/letters/")
    assert fresh.get("X-Page-Cache") == "miss"
    assert "A cached letter." in fresh.content.decode()
    assert "A cached letter." in Client().get(article.get_absolute_url()).content.decode()


def test_email_link_pages_are_never_stored():
    from submissions import links

    submission = make_submission(state="unverified")
    response = Client().get(links.verify_url(submission))
    assert response.get("X-Page-Cache") is None
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
