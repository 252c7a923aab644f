"""Links by slug are built without a reversal each, and are exactly what reverse() gives."""

import pytest
from django.urls import reverse, set_script_prefix

from opinion_blog.addresses import slug_address


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
