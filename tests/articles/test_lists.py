"""Home, author and topic pages: article cards, newest first, a page at a time."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Status, Topic
from tests.factories import links_in, make_article, make_author, make_image

pytestmark = pytest.mark.django_db

LISTS = ["home", "author", "topic"]
FIRST_DAY = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)


class Listing:
    """``count`` published articles by one author on one topic, one a day; ``newest`` first."""

    def __init__(self, count):
        self.author = make_author("Ines Ward", slug="ines-ward")
        self.topic = Topic.objects.create(name="Water", slug="water")
        oldest_first = [
            make_article(
                f"Piece {day:02}",
                status=Status.PUBLISHED,
                published_at=FIRST_DAY + timedelta(days=day),
                authors=[self.author],
                topics=[self.topic],
            )
            for day in range(count)
        ]
        self.newest = oldest_first[::-1]

    def url(self, page):
        return {
            "home": "/",
            "author": self.author.get_absolute_url(),
            "topic": self.topic.get_absolute_url(),
        }[page]


def listed(response, articles):
    """The articles among ``articles`` that the page links to, in the order it shows them."""
    by_url = {article.get_absolute_url(): article for article in articles}
    shown = []
    for href, _ in links_in(response):
        if href in by_url and by_url[href] not in shown:
            shown.append(by_url[href])
    return shown


@pytest.fixture
def two_pages():
    return Listing(settings.ARTICLES_PER_PAGE + 2)


@pytest.mark.parametrize("page", LISTS)
def test_first_page_lists_the_newest_articles_newest_first(client, two_pages, page):
    response = client.get(two_pages.url(page))

    assert response.status_code == 200
    assert listed(response, two_pages.newest) == two_pages.newest[: settings.ARTICLES_PER_PAGE]


def follow(client, response, label):
    (href,) = [href for href, text in links_in(response) if label in text]
    return client.get(href if href.startswith("/") else response.wsgi_request.path + href)


@pytest.mark.parametrize("page", LISTS)
def test_older_articles_link_lists_the_rest_and_newer_leads_back(client, two_pages, page):
    per_page = settings.ARTICLES_PER_PAGE
    first = client.get(two_pages.url(page))

    older = follow(client, first, "Older articles")
    newer = follow(client, older, "Newer articles")

    assert older.status_code == 200
    assert listed(older, two_pages.newest) == two_pages.newest[per_page:]
    assert "Older articles" not in older.content.decode()
    assert listed(newer, two_pages.newest) == two_pages.newest[:per_page]
    assert "Newer articles" not in newer.content.decode()


@pytest.mark.parametrize("page", LISTS)
def test_articles_published_at_the_same_moment_are_neither_skipped_nor_repeated(client, page):
    settings_size = settings.ARTICLES_PER_PAGE
    listing = Listing(0)
    same_time = [
        make_article(
            f"Twin {n}",
            status=Status.PUBLISHED,
            published_at=FIRST_DAY,
            authors=[listing.author],
            topics=[listing.topic],
        )
        for n in range(settings_size + 3)
    ]

    first = client.get(listing.url(page))
    older = follow(client, first, "Older articles")

    seen = listed(first, same_time) + listed(older, same_time)
    assert sorted(a.pk for a in seen) == sorted(a.pk for a in same_time)


@pytest.mark.parametrize(
    "query",
    [
        {"before": "x"},
        {"before": ""},
        {"before": "1.2.3"},
        {"after": ".5"},
        {"before": "999999999999999999.1"},
        {"after": "-999999999999999999.1"},
        {"before": "1" * 40 + ".1"},
        {"before": "1.1", "after": "1.1"},
        {"before": "0.1"},
    ],
)
@pytest.mark.parametrize("page", LISTS)
def test_bad_or_exhausted_cursor_is_404(client, two_pages, page, query):
    assert client.get(two_pages.url(page), query).status_code == 404


@pytest.mark.parametrize("page", LISTS)
def test_old_page_numbers_show_the_first_page(client, two_pages, page):
    response = client.get(two_pages.url(page), {"page": "999"})

    assert response.status_code == 200
    assert listed(response, two_pages.newest) == two_pages.newest[: settings.ARTICLES_PER_PAGE]


@pytest.mark.parametrize("page", LISTS)
def test_a_deep_page_runs_the_same_queries_as_the_first(
    client, two_pages, page, django_assert_max_num_queries
):
    first = client.get(two_pages.url(page))
    # At most: the header's featured topics, the author, their links, the page, its bylines.
    with django_assert_max_num_queries(5):
        older = follow(client, first, "Older articles")
    assert older.status_code == 200


@pytest.mark.parametrize("page", LISTS)
def test_short_list_has_no_pagination(client, page):
    listing = Listing(2)

    response = client.get(listing.url(page))

    assert listed(response, listing.newest) == listing.newest
    assert "Older articles" not in response.content.decode()


@pytest.mark.parametrize("page", LISTS)
def test_page_size_follows_the_articles_per_page_setting(client, settings, page):
    settings.ARTICLES_PER_PAGE = 2
    listing = Listing(3)

    response = client.get(listing.url(page))

    assert listed(response, listing.newest) == listing.newest[:2]


@pytest.mark.parametrize("page", LISTS)
def test_card_shows_title_link_standfirst_authors_date_and_thumbnail(client, page):
    listing = Listing(0)
    co_author = make_author("Bo Ekström", slug="bo-ekstrom")
    image = make_image(alt_text="Flooded fields", width=800, height=400)
    article = make_article(
        "Rivers need room",
        status=Status.PUBLISHED,
        published_at=datetime(2024, 6, 9, 12, 0, tzinfo=UTC),
        standfirst="Dykes alone will not save us.",
        authors=[listing.author, co_author],
        topics=[listing.topic],
        featured_image=image,
    )

    response = client.get(listing.url(page))
    html = response.content.decode()

    assert (article.get_absolute_url(), "Rivers need room") in links_in(response)
    assert "Dykes alone will not save us." in html
    assert "Ines Ward and Bo Ekström" in html
    assert "9 June 2024" in html
    assert f'src="{image.thumbnail_url}"' in html
    assert 'alt="Flooded fields"' in html


BYLINES_QUERY = 'SELECT "articles_byline"."id", "articles_byline"."article_id"'


@pytest.mark.parametrize("page", LISTS)
def test_cards_read_only_the_authors_names_and_addresses(client, page):
    listing = Listing(3)
    listing.author.bio = "A long biography the cards never show."
    listing.author.save()

    with CaptureQueriesContext(connection) as queries:
        client.get(listing.url(page))

    byline_queries = [q["sql"] for q in queries if q["sql"].startswith(BYLINES_QUERY)]
    assert byline_queries
    assert not any('"bio"' in sql or '"avatar' in sql for sql in byline_queries)
