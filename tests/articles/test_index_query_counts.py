"""The columnists and topics indexes and the arranged home page run a fixed number of queries."""

import itertools
from datetime import timedelta

import pytest

from articles.models import FrontPageSlot, Topic
from tests.factories import make_article_in, make_author, make_image, make_published, uploaded_png

pytestmark = pytest.mark.django_db

# Each page also reads the header's featured topics.
# Columnists: how many (those with a piece due later apart), the page of authors ranked by
# the kept dates, which piece is each one's latest, those pieces.
# Topics: the topics of pieces scheduled for later, how many, the page ranked by the kept counts.
# Home with picks: count, page, bylines, the picks, their bylines.
PINNED = {"columnists": 6, "topics": 4, "home with picks": 6}
URLS = {"columnists": "/authors/", "topics": "/topics/", "home with picks": "/"}


class Archive:
    def __init__(self):
        self.numbers = itertools.count()
        Topic.objects.create(name="Featured", slug="featured", featured_in_navigation=True)
        self.grow(3)

    def grow(self, count):
        for _ in range(count):
            n = next(self.numbers)
            author = make_author(avatar=uploaded_png(width=60, height=60))
            topics = [Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}"), "Featured"]
            for hours in (1, 30):
                make_published(
                    authors=[author, make_author()],
                    topics=topics,
                    featured_image=make_image(),
                    ago=timedelta(hours=hours + n),
                )
            make_article_in("draft", authors=[author], topics=topics)
        FrontPageSlot.objects.all().delete()
        for position, article in enumerate(
            make_published(authors=[make_author()]) for _ in range(5)
        ):
            FrontPageSlot.objects.create(position=position, article=article)


@pytest.mark.parametrize("page", PINNED)
def test_index_query_count_does_not_grow_with_the_archive(client, django_assert_num_queries, page):
    archive = Archive()
    with django_assert_num_queries(PINNED[page]):
        assert client.get(URLS[page]).status_code == 200

    archive.grow(30)

    with django_assert_num_queries(PINNED[page]):
        response = client.get(URLS[page])
    assert response.status_code == 200
    shown = {"columnists": "authors", "topics": "topics", "home with picks": "featured"}[page]
    assert len(response.context[shown]) >= 5
