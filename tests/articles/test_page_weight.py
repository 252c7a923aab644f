"""The article page stays light: HTML, CSS and JS under 60 KB gzipped, all from this site."""

import gzip
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from articles.models import Topic
from tests.factories import make_author, make_image, make_published, uploaded_png

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


@pytest.fixture
def long_article():
    """A long piece with everything an article page can show."""
    authors = [
        make_author(f"Writer {n}", avatar=uploaded_png(width=120, height=120)) for n in range(3)
    ]
    topics = [Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(4)]
    paragraph = "<p>" + "An argument that takes its time to make its case. " * 12 + "</p>"
    article = make_published(
        "A long argument about the shape of cities and the people who live in them",
        standfirst="Cities are made by the decisions nobody notices.",
        body=(paragraph + "<h2>A section</h2>") * 12,
        authors=authors,
        topics=topics,
        featured_image=make_image(width=1600, height=900),
        featured_image_caption="A street at dawn.",
    )
    for _ in range(6):
        make_published(authors=[authors[0]], topics=topics[:2], featured_image=make_image())
    return article


def test_article_page_with_its_styles_and_scripts_is_under_budget(client, long_article):
    response = client.get(long_article.get_absolute_url())
    html = response.content
    assets = _Assets()
    assets.feed(html.decode())

    sizes = {"page": len(gzip.compress(html))}
    for url in assets.urls:
        assert url.startswith(settings.STATIC_URL), f"{url} is not served by this site"
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        sizes[url] = len(gzip.compress(Path(path).read_bytes()))

    assert any(url.endswith(".css") for url in sizes)
    assert sum(sizes.values()) < BUDGET, sizes


def test_the_stylesheet_loads_no_font_or_file_from_elsewhere():
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")

    assert "@font-face" not in css
    assert "@import" not in css
    assert "url(http" not in css.replace(" ", "") and "url(//" not in css.replace(" ", "")
