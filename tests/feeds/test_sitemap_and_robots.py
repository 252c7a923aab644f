"""The sitemap lists every public page and nothing else; robots.txt points to it."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Topic
from tests.factories import ARTICLE_STATES, make_article_in, make_author, make_published

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.iterfind(".//s:loc", NS)]


def section(client, name, page=None):
    url = reverse("sitemap-section", args=[name]) + (f"?p={page}" if page else "")
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        entry.find("s:loc", NS).text.removeprefix("http://testserver"): getattr(
            entry.find("s:lastmod", NS), "text", None
        )
        for entry in root.iterfind("s:url", NS)
    }


def test_the_index_lists_each_section(client):
    make_published(authors=[make_author()])
    assert locations(client, reverse("sitemap-index")) == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-authors.xml",
        "http://testserver/sitemap-topics.xml",
        "http://testserver/sitemap-letters.xml",
    ]


def test_every_published_article_author_and_topic_is_listed(client):
    author = make_author(slug="ann")
    topic = Topic.objects.create(name="Ports", slug="ports")
    article = make_published(authors=[author], topics=[topic], ago=timedelta(days=2))
    revised = make_published(authors=[author], ago=timedelta(days=5))
    revised_at = timezone.now() - timedelta(days=1)
    Article.objects.filter(pk=revised.pk).update(revised_at=revised_at)
    assert section(client, "articles") == {
        article.get_absolute_url(): timezone.localdate(article.published_at).isoformat(),
        revised.get_absolute_url(): timezone.localdate(revised_at).isoformat(),
    }
    assert list(section(client, "authors")) == ["/authors/ann/"]
    assert list(section(client, "topics")) == ["/topics/ports/"]


@pytest.mark.parametrize("state", sorted(set(ARTICLE_STATES) - {"published", "due"}))
def test_nothing_unpublished_is_in_the_sitemap(client, state):
    author = make_author(slug="hidden-author")
    topic = Topic.objects.create(name="Hidden", slug="hidden-topic")
    article = make_article_in(state, authors=[author], topics=[topic])
    make_published(authors=[make_author(slug="shown")])
    assert article.get_absolute_url() not in section(client, "articles")
    assert list(section(client, "authors")) == ["/authors/shown/"]
    assert section(client, "topics") == {}


def test_a_schedule_whose_time_has_come_is_listed(client):
    article = make_article_in("due", authors=[make_author()])
    assert article.get_absolute_url() in section(client, "articles")


def test_the_articles_section_is_paginated(client, monkeypatch):
    from articles.sitemaps import ArticleSitemap

    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    made = [make_published(ago=timedelta(hours=n + 1)) for n in range(5)]
    index = locations(client, reverse("sitemap-index"))
    assert "http://testserver/sitemap-articles.xml?p=3" in index
    assert list(section(client, "articles", page=3)) == [made[4].get_absolute_url()]


def test_sitemap_queries_do_not_grow_with_the_archive(client, django_assert_num_queries):
    for n in range(6):
        make_published(authors=[make_author()], ago=timedelta(hours=n + 1))
    with django_assert_num_queries(4):  # one count per section (articles, authors, topics, letters)
        client.get(reverse("sitemap-index"))
    with django_assert_num_queries(2):  # the count, the page
        client.get(reverse("sitemap-section", args=["articles"]))


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_staff_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines


def test_article_addresses_match_their_pages_even_for_slugs_in_other_scripts(client):
    article = make_published("Ünïcode tïtle", slug="ünïcode-ελληνικά")

    assert list(section(client, "articles")) == [article.get_absolute_url()]


def test_sections_carry_the_sitemap_namespace_and_dates(client):
    make_published("Dated", slug="dated")

    response = client.get(reverse("sitemap-section", kwargs={"section": "articles"}))

    assert response["Content-Type"] == "application/xml"
    assert response["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert b'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' in response.content
    assert b"<lastmod>" in response.content


def test_a_missing_section_or_page_is_a_404(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404
    assert client.get("/sitemap-articles.xml?p=9").status_code == 404
    assert client.get("/sitemap-articles.xml?p=x").status_code == 404
