"""Links are built without a reversal each, and are exactly what reverse() gives."""

import pytest
from django.urls import reverse, set_script_prefix

from opinion_blog.addresses import fixed_address, slug_address


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    set_script_prefix("/")


@pytest.mark.parametrize("name", ["articles:detail", "authors:detail", "topics:detail"])
@pytest.mark.parametrize(
    "slug", ["plain-slug", "café-crème", "über_alles-2", "ünïcödé", "100%-sure", "a b"]
)
def test_a_slug_address_is_what_reverse_gives(name, slug):
    assert slug_address(name, slug) == reverse(name, kwargs={"slug": slug})


def test_a_slug_address_follows_the_script_prefix(script_prefix):
    script_prefix("/opinion/")
    assert slug_address("topics:detail", "water") == "/opinion/topics/water/"
    script_prefix("/")
    assert slug_address("topics:detail", "water") == "/topics/water/"


def test_models_link_through_it(db):
    from tests.factories import make_author, make_published

    article = make_published("Tides and turns", authors=[make_author("Ada Lovelace")])
    topic = article.topics.create(name="Coastal life")
    author = article.authors.get()

    assert article.get_absolute_url() == reverse("articles:detail", args=[article.slug])
    assert author.get_absolute_url() == reverse("authors:detail", args=[author.slug])
    assert topic.get_absolute_url() == reverse("topics:detail", args=[topic.slug])


@pytest.mark.parametrize("name", ["articles:home", "authors:list", "feeds:site", "search:results"])
def test_a_fixed_address_is_what_reverse_gives_under_any_prefix(name, script_prefix):
    assert fixed_address(name) == reverse(name)
    script_prefix("/opinion/")
    assert fixed_address(name) == reverse(name)
    assert fixed_address(name).startswith("/opinion/")


def test_a_fixed_address_that_is_not_routed_is_empty_as_url_as_gives():
    assert fixed_address("nowhere:at-all") == ""


def test_every_page_links_its_masthead_and_footer(client, db):
    page = client.get("/topics/").text
    for name in ("articles:home", "authors:list", "topics:list", "search:results", "feeds:site"):
        assert f'href="{reverse(name)}"' in page
