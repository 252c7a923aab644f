"""The header and footer every public page shares: how readers get around."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Topic
from tests.admin_forms import change_form_data
from tests.factories import (
    make_article,
    make_author,
    make_columnist,
    make_editor,
    make_published,
    make_scheduled,
)
from tests.pages import header_links

pytestmark = pytest.mark.django_db


def topic(name, **fields):
    return Topic.objects.create(name=name, slug=name.lower(), **fields)


@pytest.mark.parametrize("url", ["/", "/authors/", "/topics/", "/no-such-page/"])
def test_every_page_has_the_masthead_and_main_navigation(client, url):
    make_published(authors=[make_author()], topics=["Water"])

    links = header_links(client.get(url))

    assert ("/", "The Opinion Blog") in links
    assert ("/authors/", "Columnists") in links
    assert ("/topics/", "Topics") in links


def test_featured_topics_show_in_the_editors_order(client):
    first = topic("Water", featured_in_navigation=True, navigation_order=2)
    second = topic("Cities", featured_in_navigation=True, navigation_order=1)
    plain = topic("Food")
    make_published(topics=[first, second, plain])

    links = [text for href, text in header_links(client.get("/")) if href.startswith("/topics/")]

    assert links == ["Topics", "Cities", "Water"]


def test_a_featured_topic_without_published_work_stays_out_of_the_navigation(client):
    draft_only = topic("Secrets", featured_in_navigation=True)
    make_article(topics=[draft_only])
    make_published(topics=[topic("Water", featured_in_navigation=True)])

    hrefs = [href for href, _ in header_links(client.get("/"))]

    assert "/topics/water/" in hrefs
    assert "/topics/secrets/" not in hrefs


def test_a_featured_topic_whose_only_piece_is_due_later_joins_the_navigation_on_time(client):
    later = make_scheduled(topics=[topic("Tides", featured_in_navigation=True)])
    assert "/topics/tides/" not in [href for href, _ in header_links(client.get("/"))]

    Article.objects.filter(pk=later.pk).update(published_at=timezone.now() - timedelta(minutes=1))

    assert "/topics/tides/" in [href for href, _ in header_links(client.get("/"))]


def test_the_current_section_is_marked_for_assistive_technology(client):
    make_published(authors=[make_author()])

    html = client.get("/authors/").content.decode()

    assert '<a href="/authors/" aria-current="page">Columnists</a>' in html


def test_footer_says_what_the_publication_is(client, settings):
    settings.SITE_DESCRIPTION = "Arguments worth having."

    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer"') :]

    assert "Arguments worth having." in footer
    assert 'href="/authors/"' in footer


def test_editors_choose_the_featured_topics_in_the_admin(client):
    water = topic("Water")
    client.force_login(make_editor())
    url = reverse("admin:articles_topic_change", args=[water.pk])

    response = client.post(
        url,
        change_form_data(client.get(url), featured_in_navigation="on", navigation_order=3),
    )

    assert response.status_code == 302
    water.refresh_from_db()
    assert water.featured_in_navigation and water.navigation_order == 3


def test_columnists_cannot_feature_a_topic(client):
    water = topic("Water")
    client.force_login(make_columnist())
    url = reverse("admin:articles_topic_change", args=[water.pk])

    response = client.post(url, {"name": "Water", "slug": "water", "featured_in_navigation": "on"})

    assert response.status_code == 403
    water.refresh_from_db()
    assert not water.featured_in_navigation


def test_the_topic_admin_offers_the_description(client):
    client.force_login(make_editor())

    response = client.get(reverse("admin:articles_topic_add"))

    assert "description" in response.context["adminform"].form.fields
