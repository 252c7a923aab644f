"""Related Posts: ``Article.objects.published().related_to(article)`` and the page section."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status, Topic
from tests.factories import make_article, make_author, make_published, make_scheduled

pytestmark = pytest.mark.django_db


def related(article):
    return list(Article.objects.published().related_to(article))


@pytest.fixture
def topics():
    return [Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(1, 5)]


def test_ranked_by_shared_topics_then_most_recent(topics):
    t1, t2, t3, _ = topics
    article = make_published(topics=[t1, t2, t3])
    one_shared_newest = make_published(topics=[t1], ago=timedelta(hours=1))
    three_shared_oldest = make_published(topics=[t1, t2, t3], ago=timedelta(days=30))
    two_shared_older = make_published(topics=[t2, t3], ago=timedelta(days=9))
    two_shared_newer = make_published(topics=[t1, t3], ago=timedelta(days=2))

    assert related(article) == [
        three_shared_oldest,
        two_shared_newer,
        two_shared_older,
        one_shared_newest,
    ]


def test_at_most_five(topics):
    article = make_published(topics=[topics[0]])
    candidates = [make_published(topics=[topics[0]], ago=timedelta(hours=n)) for n in range(1, 8)]

    assert related(article) == candidates[:5]


def test_never_the_article_itself(topics):
    author = make_author()
    article = make_published(authors=[author], topics=topics)

    assert related(article) == []


@pytest.mark.parametrize(
    ("status", "offset"),
    [
        (Status.DRAFT, None),
        (Status.SUBMITTED, -timedelta(days=1)),
        (Status.CHANGES_REQUESTED, -timedelta(days=1)),
        (Status.UNPUBLISHED, -timedelta(days=1)),
        (Status.TRASHED, -timedelta(days=1)),
        (Status.SCHEDULED, timedelta(hours=1)),
        (Status.PUBLISHED, timedelta(hours=1)),
    ],
    ids=lambda value: getattr(value, "value", None),
)
def test_never_an_unpublished_or_future_article(topics, status, offset):
    author = make_author()
    article = make_published(authors=[author], topics=topics)
    make_article(
        authors=[author],
        topics=topics,
        status=status,
        published_at=None if offset is None else timezone.now() + offset,
    )
    visible = make_published(topics=[topics[0]])

    assert related(article) == [visible]


def test_falls_back_to_the_same_authors_latest_pieces_when_nothing_shares_a_topic(topics):
    author, co_author, stranger = make_author(), make_author(), make_author()
    article = make_published(authors=[author, co_author], topics=[topics[0]])
    older_by_author = make_published(authors=[author], ago=timedelta(days=5))
    newer_by_co_author = make_published(authors=[co_author], topics=[topics[1]])
    make_published(authors=[stranger], topics=[topics[1]])
    make_scheduled(authors=[author])

    assert related(article) == [newer_by_co_author, older_by_author]


def test_pieces_sharing_a_topic_rank_above_the_authors_other_pieces(topics):
    author = make_author()
    article = make_published(authors=[author], topics=[topics[0]])
    newest_by_author = make_published(authors=[author], ago=timedelta(minutes=5))
    older_on_topic = make_published(
        authors=[make_author()], topics=[topics[0]], ago=timedelta(days=9)
    )

    assert related(article) == [older_on_topic, newest_by_author]


def test_article_matching_in_several_ways_is_listed_once(topics):
    author, co_author = make_author(), make_author()
    article = make_published(authors=[author, co_author], topics=topics)
    twin = make_published(authors=[co_author, author], topics=topics)

    assert related(article) == [twin]


def test_no_topics_and_no_other_pieces_by_the_authors_means_no_related_posts(client):
    article = make_published(authors=[make_author()])
    make_published(authors=[make_author()])

    response = client.get(article.get_absolute_url())

    assert related(article) == []
    assert response.status_code == 200
    assert "Related Posts" not in response.content.decode()


def test_page_links_related_posts_in_rank_order(client, topics):
    author = make_author()
    article = make_published("The main piece", authors=[author], topics=topics[:2])
    both = make_published("Shares both", topics=topics[:2], ago=timedelta(days=20))
    one = make_published("Shares one", topics=topics[1:], ago=timedelta(hours=2))
    by_author = make_published("By the same author", authors=[author], ago=timedelta(hours=1))
    make_published("Unrelated piece", authors=[make_author()], topics=topics[3:])

    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index("Related Posts") :]
    positions = [section.index(title) for title in ("Shares both", "Shares one", "By the same")]

    assert "Unrelated piece" not in html
    assert positions == sorted(positions)
    for linked in (both, one, by_author):
        assert f'href="{linked.get_absolute_url()}"' in section
