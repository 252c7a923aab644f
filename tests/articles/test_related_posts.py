"""Related Posts: ``Article.objects.published().related_to(article)`` and the page section."""

import math
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
    two_shared_older = make_published(topics=[t1, t3], ago=timedelta(days=9))
    two_shared_newer = make_published(topics=[t1, t3], ago=timedelta(days=2))

    assert related(article) == [
        three_shared_oldest,
        two_shared_newer,
        two_shared_older,
        one_shared_newest,
    ]


def test_a_shared_niche_topic_outranks_a_shared_broad_one(topics):
    broad, niche, _, _ = topics
    for n in range(6):
        make_published(topics=[broad, topics[3]], ago=timedelta(days=60 + n))
    article = make_published(topics=[broad, niche], ago=timedelta(days=1))
    on_broad_newer = make_published(topics=[broad], ago=timedelta(hours=1))
    on_niche_older = make_published(topics=[niche], ago=timedelta(days=40))

    ranked = related(article)

    assert ranked.index(on_niche_older) < ranked.index(on_broad_newer)


def test_two_broad_topics_outrank_one_of_them(topics):
    broad, other_broad, _, filler = topics
    for n in range(3):
        make_published(topics=[broad, filler], ago=timedelta(days=60 + n))
        make_published(topics=[other_broad, filler], ago=timedelta(days=70 + n))
    article = make_published(topics=[broad, other_broad], ago=timedelta(days=1))
    both = make_published(topics=[broad, other_broad], ago=timedelta(days=30))
    one = make_published(topics=[broad], ago=timedelta(hours=1))

    ranked = related(article)

    assert ranked.index(both) < ranked.index(one)


def test_weights_come_from_topic_rarity_across_the_archive():
    from articles.related import PER_TOPIC, TOPIC, topic_weights

    # The newest links to topic 1, one every third id: a topic on about a third of the archive.
    rows = [(1000 - 3 * n, 1, None, TOPIC) for n in range(PER_TOPIC)]
    rows += [(500, 2, None, TOPIC)]

    weights = topic_weights(rows)

    assert weights[1] == pytest.approx(math.log(3), rel=0.05)
    assert weights[2] == pytest.approx(math.log(1000 / 2))


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


def test_falls_back_to_the_authors_pieces_then_the_latest_when_nothing_shares_a_topic(topics):
    author, co_author, stranger = make_author(), make_author(), make_author()
    article = make_published(authors=[author, co_author], topics=[topics[0]])
    older_by_author = make_published(authors=[author], ago=timedelta(days=5))
    newer_by_co_author = make_published(authors=[co_author], topics=[topics[1]])
    latest_by_stranger = make_published(
        authors=[stranger], topics=[topics[1]], ago=timedelta(minutes=1)
    )
    make_scheduled(authors=[author])

    assert related(article) == [newer_by_co_author, older_by_author, latest_by_stranger]


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


def test_never_empty_while_another_article_is_published(client):
    article = make_published(authors=[make_author()])
    other = make_published("Something else entirely", authors=[make_author()])

    response = client.get(article.get_absolute_url())

    assert related(article) == [other]
    section = response.content.decode().split("Related Posts")[1]
    assert "Something else entirely" in section


def test_only_article_published_has_no_related_posts_section(client):
    article = make_published(authors=[make_author()])
    make_article(authors=[make_author()])

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "Related Posts" not in response.content.decode()


def test_related_cards_do_not_load_article_bodies(topics):
    article = make_published(topics=[topics[0]])
    make_published(topics=[topics[0]])

    (card,) = related(article)

    assert "body" in card.get_deferred_fields()


def test_page_links_related_posts_in_rank_order(client, topics):
    author = make_author()
    article = make_published("The main piece", authors=[author], topics=topics[:2])
    both = make_published("Shares both", topics=topics[:2], ago=timedelta(days=20))
    one = make_published("Shares one", topics=topics[1:], ago=timedelta(hours=2))
    by_author = make_published("By the same author", authors=[author], ago=timedelta(hours=1))
    make_published("Unrelated piece", authors=[make_author()], topics=topics[3:])

    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index("Related Posts") :]
    titles = ("Shares both", "Shares one", "By the same", "Unrelated piece")
    positions = [section.index(title) for title in titles]

    assert positions == sorted(positions)
    for linked in (both, one, by_author):
        assert f'href="{linked.get_absolute_url()}"' in section
