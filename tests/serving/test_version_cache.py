"""Summaries cached under the content version: never stale, and read once per version."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import corrections, workflow
from articles.models import Topic
from authors import profile_changes
from tests.factories import make_article_in, make_author, make_editor, make_published

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def version_cache(settings):
    """Summaries cached (the test settings keep it off), pages not; caches empty."""
    settings.VERSION_CACHE_ENABLED = True
    settings.DATABASE_REPLICA_LAG_SECONDS = 0
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


def columnists(client):
    return [author.name for author in client.get("/authors/").context["authors"]]


def topics(client):
    return [(topic.name, topic.article_count) for topic in client.get("/topics/").context["topics"]]


def test_publishing_adds_the_columnist_and_the_topic_count_at_once(
    client, django_capture_on_commit_callbacks
):
    make_published(authors=[make_author("Ada")], topics=["Housing"], ago=timedelta(days=2))
    assert columnists(client) == ["Ada"]
    assert topics(client) == [("Housing", 1)]
    waiting = make_article_in("submitted", authors=[make_author("Bea")], topics=["Housing"])

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(waiting, by=make_editor())

    assert columnists(client) == ["Bea", "Ada"]
    assert topics(client) == [("Housing", 2)]


def test_unpublishing_removes_the_columnist_and_the_count_at_once(
    client, django_capture_on_commit_callbacks
):
    make_published(authors=[make_author("Ada")], topics=["Housing"], ago=timedelta(days=2))
    piece = make_published(authors=[make_author("Bea")], topics=["Housing", "Rail"])
    assert columnists(client) == ["Bea", "Ada"]
    assert topics(client) == [("Housing", 2), ("Rail", 1)]

    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(piece, by=make_editor(), reason="Legal asked us to.")

    assert columnists(client) == ["Ada"]
    assert topics(client) == [("Housing", 1)]


def test_the_index_rankings_are_read_once_per_version(client):
    for number in range(3):
        make_published(authors=[make_author(f"Writer {number}")], topics=[f"Topic {number}"])
    for path in ("/authors/", "/topics/"):
        client.get(path)
        with CaptureQueriesContext(connection) as first:
            client.get(path)
        caches["default"].clear()
        with CaptureQueriesContext(connection) as cold:
            client.get(path)
        assert len(first) < len(cold), path


def test_related_posts_and_the_header_change_at_once_when_content_does(
    client, django_capture_on_commit_callbacks
):
    housing = Topic.objects.create(name="Housing", slug="housing", featured_in_navigation=True)
    article = make_published("Main", authors=[make_author()], topics=[housing])
    client.get(article.get_absolute_url())
    waiting = make_article_in("submitted", authors=[make_author()], topics=[housing])

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(waiting, by=make_editor())
    response = client.get(article.get_absolute_url())

    assert [card.pk for card in response.context["related_articles"]] == [waiting.pk]
    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(waiting, by=make_editor(), reason="Wrong facts.")
    response = client.get(article.get_absolute_url())
    assert response.context["related_articles"] == []
    assert [topic.name for topic in response.context["navigation_topics"]] == ["Housing"]


def test_an_unpublished_article_is_gone_at_once_though_its_page_was_kept(
    client, django_capture_on_commit_callbacks
):
    article = make_published("Kept", authors=[make_author()])
    assert client.get(article.get_absolute_url()).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(article, by=make_editor(), reason="Legal asked us to.")

    assert client.get(article.get_absolute_url()).status_code == 404


def test_a_correction_shows_at_once_on_a_kept_article_page(
    client, django_capture_on_commit_callbacks
):
    article = make_published("Fares", authors=[make_author()])
    client.get(article.get_absolute_url())

    with django_capture_on_commit_callbacks(execute=True):
        corrections.add_correction(article, by=make_editor(), text="We misstated the fare.")

    assert "We misstated the fare." in client.get(article.get_absolute_url()).text


def test_a_kept_card_shows_an_authors_new_name_once_it_is_approved(
    client, django_capture_on_commit_callbacks
):
    author = make_author("Ada Byline")
    make_published("Buses", authors=[author])
    assert "Ada Byline" in client.get("/").text
    editor = make_editor()
    change = profile_changes.propose(
        author, by=editor, name="Ada Renamed", bio=author.bio, avatar=author.avatar, links=[]
    )

    with django_capture_on_commit_callbacks(execute=True):
        profile_changes.approve(change, by=editor)

    home = client.get("/").text
    assert "Ada Renamed" in home
    assert "Ada Byline" not in home


def test_cards_are_drawn_once_per_version_and_read_back_whole(client):
    for number in range(3):
        make_published(f"Piece {number}", authors=[make_author(f"Writer {number}")])
    first = client.get("/")
    with CaptureQueriesContext(connection) as again:
        second = client.get("/")

    assert second.content == first.content
    assert not any("articles_byline" in query["sql"] for query in again.captured_queries)


def test_search_results_are_kept_per_version_and_follow_a_publish(
    client, django_capture_on_commit_callbacks
):
    def found():
        response = client.get("/search/", {"q": "quokka"})
        return sorted(article.title for article in response.context["articles"])

    make_published("Quokka diplomacy", authors=[make_author()])
    assert found() == ["Quokka diplomacy"]
    with CaptureQueriesContext(connection) as again:
        assert found() == ["Quokka diplomacy"]
    assert not any("articles_article" in query["sql"] for query in again.captured_queries), (
        again.captured_queries
    )
    waiting = make_article_in("submitted", title="Quokka trade", authors=[make_author()])

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(waiting, by=make_editor())

    assert found() == ["Quokka diplomacy", "Quokka trade"]


def test_the_sitemap_index_grows_with_the_archive_at_once(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 1)
    make_published(authors=[make_author()])
    assert "sitemap-articles.xml?p=2" not in client.get("/sitemap.xml").text
    waiting = make_article_in("submitted", authors=[make_author()])

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(waiting, by=make_editor())

    assert "sitemap-articles.xml?p=2" in client.get("/sitemap.xml").text


def test_the_kept_index_pages_show_a_publish_at_once_and_read_nothing_until_then(
    client, django_capture_on_commit_callbacks
):
    make_published(authors=[make_author("Ada")], topics=["Housing"], ago=timedelta(days=2))
    assert "1 article" in client.get("/topics/").text
    for path in ("/topics/", "/authors/"):
        client.get(path)
        with CaptureQueriesContext(connection) as again:
            client.get(path)
        assert not again.captured_queries, path
    waiting = make_article_in("submitted", authors=[make_author("Bea")], topics=["Housing"])

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(waiting, by=make_editor())

    assert "2 articles" in client.get("/topics/").text
    assert "Bea" in client.get("/authors/").text


def test_a_kept_first_page_loses_an_unpublished_article_at_once(
    client, django_capture_on_commit_callbacks
):
    author = make_author("Ada")
    piece = make_published("Withdrawn piece", authors=[author], topics=["Housing"])
    make_published("Staying piece", authors=[author], topics=["Housing"], ago=timedelta(days=2))
    pages = ("/", author.get_absolute_url(), "/topics/housing/")
    for page in pages:
        assert "Withdrawn piece" in client.get(page).text

    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(piece, by=make_editor(), reason="Legal asked us to.")

    for page in pages:
        text = client.get(page).text
        assert "Withdrawn piece" not in text and "Staying piece" in text, page
