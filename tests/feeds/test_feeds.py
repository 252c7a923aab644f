"""RSS and Atom feeds: valid for feed readers, complete per item, published articles only."""

from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse

from articles.models import Topic
from tests.factories import (
    ARTICLE_STATES,
    make_article_in,
    make_author,
    make_image,
    make_published,
)

pytestmark = pytest.mark.django_db


class World:
    def __init__(self):
        self.topic = Topic.objects.create(name="Rivers", slug="rivers")
        self.other_topic = Topic.objects.create(name="Bridges", slug="bridges")
        self.author = make_author("Ada Brook", slug="ada-brook")
        self.co_author = make_author("Ben Ford", slug="ben-ford")
        self.article = make_published(
            "Let the river in",
            standfirst="Flood plains are <infrastructure> & we built on them.",
            body="<p>Full <strong>text</strong> here.</p>",
            authors=[self.author, self.co_author],
            topics=[self.topic, self.other_topic],
            featured_image=make_image(width=1200, height=800),
        )
        self.older = make_published(
            "An older piece",
            authors=[self.co_author],
            topics=[self.other_topic],
            ago=timedelta(days=3),
        )


@pytest.fixture
def world():
    return World()


FEEDS = {
    "site": ("feeds:site", ()),
    "site_atom": ("feeds:site_atom", ()),
    "author": ("feeds:author", ("ada-brook",)),
    "author_atom": ("feeds:author_atom", ("ada-brook",)),
    "topic": ("feeds:topic", ("rivers",)),
    "topic_atom": ("feeds:topic_atom", ("rivers",)),
}


def parse(client, name):
    url_name, args = FEEDS[name]
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return response, parsed


@pytest.mark.parametrize("name", FEEDS)
def test_each_feed_parses_without_errors_and_describes_the_article(client, world, name):
    response, parsed = parse(client, name)
    kind = "atom" if name.endswith("atom") else "rss"
    assert response["Content-Type"].startswith(f"application/{kind}+xml")
    assert parsed.version.startswith(kind)
    entry = parsed.entries[0]
    assert entry.title == "Let the river in"
    assert entry.link == "http://testserver/" + world.article.slug + "/"
    assert [author.name for author in entry.authors] == ["Ada Brook", "Ben Ford"]
    assert {tag.term for tag in entry.tags} == {"Rivers", "Bridges"}
    # The summary is plain text, escaped so a reader never takes it for markup.
    assert entry.summary == "Flood plains are &lt;infrastructure&gt; &amp; we built on them."
    assert entry.content[0].value == "<p>Full <strong>text</strong> here.</p>"


@pytest.mark.parametrize("name", FEEDS)
def test_the_enclosure_is_a_rendition_with_its_real_size(client, world, name, settings):
    _response, parsed = parse(client, name)
    [enclosure] = parsed.entries[0].enclosures
    image = world.article.featured_image
    assert "/renditions/" in enclosure.href and enclosure.href.endswith("-960w.webp")
    assert image.file.name.rsplit("/", 1)[-1] not in enclosure.href
    stored = settings.MEDIA_ROOT / "images" / "renditions" / enclosure.href.rsplit("/", 1)[-1]
    assert int(enclosure.length) == stored.stat().st_size
    assert enclosure.type == "image/webp"


def test_an_image_too_small_for_a_rendition_gets_no_enclosure(client, world):
    world.article.featured_image = make_image(width=300, height=200)
    world.article.save()
    _response, parsed = parse(client, "site")
    assert parsed.entries[0].get("enclosures", []) == []


def test_author_and_topic_feeds_hold_only_their_articles(client, world):
    assert [e.title for e in parse(client, "author")[1].entries] == ["Let the river in"]
    assert [e.title for e in parse(client, "topic")[1].entries] == ["Let the river in"]
    assert [e.title for e in parse(client, "site")[1].entries] == [
        "Let the river in",
        "An older piece",
    ]


def test_a_feed_carries_the_latest_articles_only(client, world, settings):
    settings.FEED_SIZE = 1
    assert [e.title for e in parse(client, "site")[1].entries] == ["Let the river in"]


@pytest.mark.parametrize("state", sorted(set(ARTICLE_STATES) - {"published", "due"}))
def test_nothing_unpublished_reaches_any_feed(client, world, state):
    make_article_in(state, title="Not for readers", authors=[world.author], topics=[world.topic])
    for name in FEEDS:
        titles = [entry.title for entry in parse(client, name)[1].entries]
        assert "Not for readers" not in titles


def test_authors_and_topics_without_published_work_have_no_feed(client, world):
    hidden = make_author("Drafty", slug="drafty")
    topic = Topic.objects.create(name="Unused", slug="unused")
    make_article_in("scheduled", authors=[hidden], topics=[topic])
    for url_name, slug in [("feeds:author", "drafty"), ("feeds:topic", "unused")]:
        assert client.get(reverse(url_name, args=[slug])).status_code == 404
    assert client.get(reverse("feeds:author", args=["nobody"])).status_code == 404


@pytest.mark.parametrize(("name", "queries"), [("site", 3), ("author", 4), ("topic", 4)])
def test_feeds_run_a_fixed_number_of_queries(
    client, world, name, queries, django_assert_num_queries
):
    image = make_image(width=1000, height=600)
    for n in range(8):
        make_published(
            authors=[world.author, make_author()],
            topics=[world.topic, Topic.objects.create(name=f"T{n}", slug=f"t{n}")],
            featured_image=image,
            ago=timedelta(hours=n + 1),
        )
    url_name, args = FEEDS[name]
    # (The author or topic,) the articles with their images, their bylines, their topics.
    with django_assert_num_queries(queries):
        client.get(reverse(url_name, args=args))


def test_pages_announce_their_feeds(client, world):
    home = client.get(reverse("articles:home")).content.decode()
    assert (
        f'type="application/rss+xml" title="The Opinion Blog (RSS)" href="{reverse("feeds:site")}"'
        in home
    )
    assert f'href="{reverse("feeds:site_atom")}"' in home
    author_page = client.get(world.author.get_absolute_url()).content.decode()
    assert f'href="{reverse("feeds:author", args=["ada-brook"])}"' in author_page
    assert f'href="{reverse("feeds:site")}"' in author_page
    topic_page = client.get(world.topic.get_absolute_url()).content.decode()
    assert f'href="{reverse("feeds:topic_atom", args=["rivers"])}"' in topic_page
