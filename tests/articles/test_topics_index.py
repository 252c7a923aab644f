"""/topics/: topics with published work, most used first, with counts; topic descriptions."""

import pytest

from articles.models import Topic
from tests.factories import make_article_in, make_published

pytestmark = pytest.mark.django_db


def topic(name, **fields):
    return Topic.objects.create(name=name, slug=name.lower(), **fields)


def listed(response):
    return [(t.name, t.article_count) for t in response.context["topics"]]


def test_topics_are_listed_most_used_first_with_their_counts(client):
    water, cities, food = topic("Water"), topic("Cities"), topic("Food")
    for _ in range(3):
        make_published(topics=[cities])
    make_published(topics=[water, cities])
    make_published(topics=[food])
    make_published(topics=[water])

    response = client.get("/topics/")

    assert listed(response) == [("Cities", 4), ("Water", 2), ("Food", 1)]
    html = response.content.decode()
    assert "4 articles" in html and "1 article<" in html


@pytest.mark.parametrize(
    "state", ["draft", "submitted", "changes_requested", "scheduled", "unpublished", "trashed"]
)
def test_only_published_articles_count(client, state):
    water, hidden = topic("Water"), topic("Hidden")
    make_published(topics=[water])
    make_article_in(state, topics=[water, hidden])

    response = client.get("/topics/")

    assert listed(response) == [("Water", 1)]
    assert "Hidden" not in response.content.decode()


def test_the_editors_description_introduces_the_topic(client):
    water = topic("Water", description="Rivers, reservoirs and who pays for pipes.")
    make_published(topics=[water])

    index = client.get("/topics/").content.decode()
    page = client.get(water.get_absolute_url()).content.decode()

    assert "Rivers, reservoirs and who pays for pipes." in index
    assert '<div class="page-intro"><p>Rivers, reservoirs and who pays for pipes.</p></div>' in page
    assert '<meta name="description" content="Rivers, reservoirs and who pays for pipes.">' in page
