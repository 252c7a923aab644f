"""The Letters section, letters under their article, feeds, sitemap; nothing private shown."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from submissions import workflow
from submissions.models import Kind, Submission
from tests.factories import make_article, make_editor, make_published

from .helpers import make_submission

pytestmark = pytest.mark.django_db


def published_letter(article=None, ago=timedelta(0), **fields):
    letter = make_submission(kind=Kind.LETTER, article=article, **fields)
    workflow.accept(letter, by=make_editor(), notify=False)
    Submission.objects.filter(pk=letter.pk).update(published_at=timezone.now() - ago)
    letter.refresh_from_db()
    return letter


def test_the_letters_page_shows_days_newest_first_with_the_article_each_answers(client):
    article = make_published("Buses are the answer")
    older = published_letter(article, ago=timedelta(days=2), text="Older letter.")
    newer = published_letter(article, text="Newer letter.")
    page = client.get("/letters/").content.decode()
    assert page.index("Newer letter.") < page.index("Older letter.")
    assert "Buses are the answer" in page
    assert older.get_absolute_url().split("#")[0] in page
    day = client.get(newer.get_absolute_url().split("#")[0])
    assert day.status_code == 200 and "Newer letter." in day.content.decode()
    assert "Older letter." not in day.content.decode()


def test_a_day_without_letters_or_a_bad_date_is_a_404(client):
    assert client.get("/letters/2020-01-01/").status_code == 404
    assert client.get("/letters/not-a-day/").status_code == 404


def test_unaccepted_letters_never_show(client):
    article = make_published()
    make_submission(kind=Kind.LETTER, article=article, text="Not yet accepted.")
    assert "Not yet accepted." not in client.get("/letters/").content.decode()
    assert "Not yet accepted." not in client.get(article.get_absolute_url()).content.decode()


def test_a_letter_about_an_unpublished_article_does_not_link_it(client):
    draft = make_article("Secret draft title")
    published_letter(draft, text="About a draft.")
    page = client.get("/letters/").content.decode()
    assert "About a draft." in page and "Secret draft title" not in page


def test_private_details_are_on_no_public_page_or_feed(client):
    article = make_published()
    published_letter(article, email="private@example.org", phone="0123")
    for url in (
        "/letters/",
        article.get_absolute_url(),
        "/letters/feed/",
        "/letters/feed/atom/",
        "/feed/",
        "/sitemap-letters.xml",
    ):
        body = client.get(url).content.decode()
        assert "private@example.org" not in body and "0123" not in body


def test_the_letters_feeds_parse_and_carry_each_letter(client):
    article = make_published("Buses are the answer")
    published_letter(article, text="Sir, <b>yes</b>.")
    for url in ("/letters/feed/", "/letters/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert not feed.bozo
        entry = feed.entries[0]
        assert "Bill Oduya, Leeds" in entry.title and "Buses are the answer" in entry.title
        assert "&lt;b&gt;yes&lt;/b&gt;" in entry.summary or "<b>" not in entry.summary


def test_the_sitemap_lists_each_day_with_letters(client):
    letter = published_letter(make_published())
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-letters.xml" in index
    section = client.get("/sitemap-letters.xml").content.decode()
    assert letter.get_absolute_url().split("#")[0] in section


def test_the_letters_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    article = make_published()
    published_letter(article)
    client.get("/letters/")
    for n in range(5):
        published_letter(make_published(), ago=timedelta(days=n))
    # The header's featured topics, the newest days, that many days' letters with their articles.
    with django_assert_num_queries(3):
        client.get("/letters/")


def test_letters_under_an_article_cost_no_query_per_letter(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = make_published()
    published_letter(article)
    with CaptureQueriesContext(connection) as one:
        client.get(article.get_absolute_url())
    for _ in range(4):
        published_letter(article)
    with CaptureQueriesContext(connection) as five:
        page = client.get(article.get_absolute_url()).content.decode()
    assert page.count('class="letter"') == 5
    assert len(five) == len(one)
