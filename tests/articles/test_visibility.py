"""Readers see exactly ``Article.objects.published()``: on every page, list and related post."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article, Status, Topic
from tests.factories import links_in, make_article, make_author, make_published, make_scheduled

pytestmark = pytest.mark.django_db

PAST = -timedelta(days=2)
FUTURE = timedelta(hours=1)

# Every way an article can exist without being public. The non-live statuses get a
# past date, so the status alone must keep them hidden.
HIDDEN = {
    "draft": (Status.DRAFT, PAST),
    "draft_never_dated": (Status.DRAFT, None),
    "submitted": (Status.SUBMITTED, PAST),
    "changes_requested": (Status.CHANGES_REQUESTED, PAST),
    "unpublished": (Status.UNPUBLISHED, PAST),
    "trashed": (Status.TRASHED, PAST),
    "scheduled_in_the_future": (Status.SCHEDULED, FUTURE),
    "published_with_a_future_date": (Status.PUBLISHED, FUTURE),
}


def make_hidden(state, **kwargs):
    status, offset = HIDDEN[state]
    published_at = None if offset is None else timezone.now() + offset
    return make_article(
        f"Secret piece ({state})", status=status, published_at=published_at, **kwargs
    )


def shows(response, article):
    """Whether a reader can see or follow ``article`` on this page."""
    url = article.get_absolute_url()
    return article.title in response.content.decode() or any(
        href == url for href, _ in links_in(response)
    )


@pytest.fixture
def newsroom():
    """An author and a topic with two published articles, so every public page exists."""
    author = make_author("Vera Public", slug="vera-public")
    topic = Topic.objects.create(name="Housing", slug="housing")
    lead = make_published("Lead piece", authors=[author], topics=[topic])
    sibling = make_published(
        "Sibling piece", authors=[author], topics=[topic], ago=timedelta(days=3)
    )
    return {"author": author, "topic": topic, "lead": lead, "sibling": sibling}


PAGES = {
    "home page": lambda news: "/",
    "author page": lambda news: news["author"].get_absolute_url(),
    "topic page": lambda news: news["topic"].get_absolute_url(),
    "related posts of another article": lambda news: news["lead"].get_absolute_url(),
}


@pytest.mark.parametrize("state", HIDDEN)
def test_hidden_article_answers_404_at_its_address(client, state):
    article = make_hidden(state, authors=[make_author()])

    assert client.get(article.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("state", HIDDEN)
def test_hidden_article_is_never_listed(client, newsroom, state, page):
    hidden = make_hidden(state, authors=[newsroom["author"]], topics=[newsroom["topic"]])

    response = client.get(PAGES[page](newsroom))

    assert response.status_code == 200
    assert shows(response, newsroom["sibling"])
    assert not shows(response, hidden)


@pytest.mark.parametrize("state", HIDDEN)
def test_author_whose_only_articles_are_hidden_has_no_page(client, state):
    author = make_author()
    make_hidden(state, authors=[author])

    assert client.get(author.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("state", HIDDEN)
def test_topic_used_only_by_hidden_articles_has_no_page(client, state):
    topic = Topic.objects.create(name="Secrets", slug="secrets")
    make_published("Untagged piece", authors=[make_author()])
    make_hidden(state, topics=[topic])

    assert client.get(topic.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url", ["/no-such-article/", "/authors/no-such-author/", "/topics/no-such-topic/"]
)
def test_unknown_slugs_answer_404(client, url):
    make_published(authors=[make_author()])

    assert client.get(url).status_code == 404


def test_scheduled_article_is_visible_everywhere_once_its_time_has_come(client, newsroom):
    author = make_author("Timo Later", slug="timo-later")
    topic = Topic.objects.create(name="Tomorrow", slug="tomorrow")
    scheduled = make_scheduled(
        "Scheduled piece", ahead=timedelta(hours=1), authors=[author, newsroom["author"]]
    )
    scheduled.topics.add(topic, newsroom["topic"])
    assert client.get(scheduled.get_absolute_url()).status_code == 404

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert Article.objects.get(pk=scheduled.pk).is_published
        assert client.get(scheduled.get_absolute_url()).status_code == 200
        for url in ("/", author.get_absolute_url(), topic.get_absolute_url()):
            response = client.get(url)
            assert response.status_code == 200, url
            assert shows(response, scheduled), url
        assert shows(client.get(newsroom["lead"].get_absolute_url()), scheduled)


@pytest.mark.parametrize(
    "when",
    [None, -timedelta(minutes=1), timedelta(minutes=1)],
    ids=["undated", "a minute ago", "in a minute"],
)
@pytest.mark.parametrize("status", Status.values)
def test_is_published_agrees_with_the_published_queryset(status, when):
    article = make_article(
        status=status, published_at=None if when is None else timezone.now() + when
    )
    expected = (
        status in (Status.PUBLISHED, Status.SCHEDULED) and when is not None and when < timedelta(0)
    )

    assert article.is_published is expected
    assert Article.objects.published().filter(pk=article.pk).exists() is expected
