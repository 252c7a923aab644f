"""Each public page runs a fixed number of queries, however much there is to show."""

import itertools
from datetime import timedelta

import pytest
from django.core.cache import caches

from articles.models import Topic
from authors.models import AuthorLink
from tests.factories import make_author, make_image, make_published, uploaded_png

pytestmark = pytest.mark.django_db

# Every page: the featured topics of the header's navigation, plus
# home: page of articles, their bylines, the editors' picks (none here); nothing is counted;
# topic: page of articles, their bylines, the topic itself;
# article: the article, its bylines, its topics, its corrections, related-post candidates
# (one UNION), the related cards, their bylines (issue 10 caps it at 8), and its published
# letters (issue 16: "Letters about this article", cached under the content version);
# author: the author, their links, page of articles, their bylines.
PINNED = {"home": 4, "article": 9, "author": 5, "topic": 4}
# Once a content version's summaries are cached (VERSION_CACHE_ENABLED, on in production):
# the header's topics cost nothing, nor do the cards' bylines (each card is read back
# whole), nor the author with their links, the topic or the first page of a list; the
# home page reads only its picks' places; the article page (the article with its bylines,
# topics and corrections, its Related Posts and letters) runs none.
PINNED_WARM = {"home": 1, "article": 0, "author": 0, "topic": 0}


class World:
    """A main article with two authors, topics, an image and related posts; ``grow`` adds more."""

    def __init__(self):
        self.numbers = itertools.count()
        self.topics = [self.new_topic(), self.new_topic()]
        self.author = make_author(avatar=uploaded_png("face.png", width=100, height=100))
        self.co_author = make_author()
        AuthorLink.objects.create(author=self.author, label="Website", url="https://example.com")
        self.article = make_published(
            authors=[self.author, self.co_author],
            topics=self.topics,
            featured_image=make_image(),
            featured_image_caption="A caption",
        )
        self.add_articles(2)

    def new_topic(self):
        number = next(self.numbers)
        return Topic.objects.create(name=f"Topic {number}", slug=f"topic-{number}")

    def add_articles(self, count):
        for n in range(count):
            make_published(
                authors=[self.author, make_author(avatar=uploaded_png(width=60, height=60))],
                topics=[self.topics[0], self.new_topic()],
                featured_image=make_image(width=500, height=300),
                ago=timedelta(hours=n + 2),
            )

    def grow(self):
        self.add_articles(15)
        for n in range(5):
            AuthorLink.objects.create(
                author=self.author, label=f"Link {n}", url=f"https://{n}.example"
            )
            self.article.topics.add(self.new_topic())
            self.article.bylines.create(author=make_author(), position=n + 2)

    def url(self, page):
        return {
            "home": "/",
            "article": self.article.get_absolute_url(),
            "author": self.author.get_absolute_url(),
            "topic": self.topics[0].get_absolute_url(),
        }[page]


@pytest.mark.parametrize("page", PINNED)
def test_page_runs_a_pinned_number_of_queries(client, django_assert_num_queries, page):
    world = World()

    with django_assert_num_queries(PINNED[page]):
        assert client.get(world.url(page)).status_code == 200


@pytest.mark.parametrize("page", PINNED)
def test_query_count_does_not_grow_with_data(client, django_assert_num_queries, settings, page):
    world = World()
    with django_assert_num_queries(PINNED[page]):
        client.get(world.url(page))

    world.grow()

    with django_assert_num_queries(PINNED[page]):
        response = client.get(world.url(page))
    assert response.status_code == 200
    cards = response.context["related_articles" if page == "article" else "articles"]
    assert len(cards) == (5 if page == "article" else settings.ARTICLES_PER_PAGE)


@pytest.mark.parametrize("page", PINNED_WARM)
def test_page_runs_fewer_queries_once_its_summaries_are_cached(
    client, django_assert_num_queries, settings, page
):
    settings.VERSION_CACHE_ENABLED = True
    caches["default"].clear()
    world = World()
    client.get(world.url(page))

    with django_assert_num_queries(PINNED_WARM[page]):
        response = client.get(world.url(page))
    assert response.status_code == 200
    if page == "article":
        assert len(response.context["related_articles"]) == 2
    caches["default"].clear()
