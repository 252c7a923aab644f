"""The home page's lead and picks, which editors arrange in the admin."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse

from articles import workflow
from articles.models import FrontPageSlot
from tests.factories import (
    make_article_in,
    make_author,
    make_columnist,
    make_editor,
    make_published,
)

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:articles_frontpageslot_changelist"
ADD = "admin:articles_frontpageslot_add"


def place(article, position):
    return FrontPageSlot.objects.create(article=article, position=position)


def featured_titles(response):
    return [article.title for article in response.context.get("featured", [])]


def test_without_picks_the_latest_article_is_the_lead(client):
    make_published("Older", ago=timedelta(days=2))
    make_published("Newest", ago=timedelta(hours=1))

    response = client.get("/")
    html = response.content.decode()

    assert featured_titles(response) == []
    lead = html.index("card--lead")
    assert html.index("Newest") > lead and html.index("Newest") < html.index("Older")


def test_picks_show_above_the_latest_in_the_editors_order(client):
    author = make_author()
    articles = {
        name: make_published(name, authors=[author], ago=timedelta(days=n + 1))
        for n, name in enumerate(["Alpha", "Bravo", "Charlie", "Delta"])
    }
    place(articles["Charlie"], 0)
    place(articles["Alpha"], 3)
    place(articles["Delta"], 1)

    response = client.get("/")
    html = response.content.decode()

    assert featured_titles(response) == ["Charlie", "Delta", "Alpha"]
    lead_card = html[html.index("card--lead") : html.index("</article>")]
    assert "Charlie" in lead_card
    assert html.index("Alpha") < html.index("Latest articles")


def test_a_pick_that_is_unpublished_disappears_from_the_home_page(client):
    editor = make_editor()
    pick = make_published("Withdrawn pick")
    place(pick, 0)
    place(make_published("Still live"), 1)

    workflow.unpublish(pick, by=editor, reason="A correction is coming.")
    response = client.get("/")

    assert featured_titles(response) == ["Still live"]
    assert "Withdrawn pick" not in response.content.decode()


@pytest.mark.parametrize("state", ["scheduled", "trashed", "draft"])
def test_only_published_picks_ever_show(client, state):
    slot_article = make_published("Will change")
    place(slot_article, 0)
    hidden = make_article_in(state, title="Not for readers")
    # Force it in, as a stale row or a direct database edit would.
    FrontPageSlot.objects.filter(article=slot_article).update(article=hidden)

    response = client.get("/")

    assert featured_titles(response) == []
    assert "Not for readers" not in response.content.decode()


def test_picks_show_on_the_first_page_only(client):
    for n in range(settings.ARTICLES_PER_PAGE + 1):
        make_published(ago=timedelta(hours=n + 1))
    place(make_published("The pick", ago=timedelta(days=30)), 0)

    first = client.get("/")
    assert featured_titles(first) == ["The pick"]
    assert "featured" not in client.get("/?" + first.context["page_obj"].next_query).context


def test_editors_place_an_article_in_the_admin(client):
    article = make_published("Lead story")
    client.force_login(make_editor())

    response = client.post(reverse(ADD), {"position": 0, "article": article.pk})

    assert response.status_code == 302
    assert FrontPageSlot.objects.get().article == article


@pytest.mark.parametrize("state", ["draft", "submitted", "scheduled", "unpublished"])
def test_the_admin_refuses_an_article_readers_cannot_see(client, state):
    article = make_article_in(state)
    client.force_login(make_editor())

    response = client.post(reverse(ADD), {"position": 0, "article": article.pk})

    assert response.status_code == 200
    assert "article" in response.context["adminform"].form.errors
    assert not FrontPageSlot.objects.exists()


def test_two_articles_cannot_share_a_place(client):
    place(make_published(), 0)
    client.force_login(make_editor())

    response = client.post(reverse(ADD), {"position": 0, "article": make_published().pk})

    assert response.context["adminform"].form.errors["position"] == [
        "Another article already holds this place. Choose another."
    ]


def test_at_most_a_lead_and_four_picks(client):
    client.force_login(make_editor())

    response = client.post(reverse(ADD), {"position": 5, "article": make_published().pk})

    assert "position" in response.context["adminform"].form.errors


@pytest.mark.parametrize("url", [CHANGELIST, ADD])
def test_columnists_cannot_open_the_front_page_admin(client, url):
    client.force_login(make_columnist())

    assert client.get(reverse(url)).status_code == 403


def test_columnists_cannot_place_or_move_an_article(client):
    slot = place(make_published("Editors' choice"), 0)
    own = make_published("Mine")
    client.force_login(make_columnist())

    added = client.post(reverse(ADD), {"position": 1, "article": own.pk})
    changed = client.post(
        reverse("admin:articles_frontpageslot_change", args=[slot.pk]),
        {"position": 0, "article": own.pk},
    )
    deleted = client.post(
        reverse("admin:articles_frontpageslot_delete", args=[slot.pk]), {"post": "yes"}
    )

    assert (added.status_code, changed.status_code, deleted.status_code) == (403, 403, 403)
    assert list(FrontPageSlot.objects.values_list("article__title", flat=True)) == [
        "Editors' choice"
    ]


def test_the_article_search_offers_published_articles_only(client):
    make_published("Findable lead")
    make_article_in("draft", title="Findable draft")
    client.force_login(make_editor())

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Findable",
            "app_label": "articles",
            "model_name": "frontpageslot",
            "field_name": "article",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == ["Findable lead"]


def test_placing_an_article_moves_the_content_version_so_readers_see_it_at_once(
    client, django_capture_on_commit_callbacks
):
    from opinion_blog import content_version

    article = make_published("Lead story")
    client.force_login(make_editor())
    before = content_version.current()["token"]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(ADD), {"position": 0, "article": article.pk})

    assert content_version.current()["token"] != before
