"""Issue 15 §7: the writing desk's smaller frictions, on the server side."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import editing
from articles.models import Article, FrontPageSlot, ShareLink, Status
from tests.admin_forms import change_form_data
from tests.factories import make_article, make_columnist, make_editor, make_published

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_latest_leaves_out_the_front_page_picks(client):
    picks = [make_published(f"Pick {n}", ago=timedelta(hours=n + 1)) for n in range(5)]
    for position, pick in enumerate(picks):
        FrontPageSlot.objects.create(position=position, article=pick)
    make_published("Older news", ago=timedelta(days=3))

    response = client.get("/")

    assert [a.title for a in response.context["featured"]] == [p.title for p in picks]
    assert [a.title for a in response.context["articles"]] == ["Older news"]


def test_a_save_that_changes_no_words_is_not_an_update(client):
    article = make_published("Same day", body="<p>Words.</p>", ago=timedelta(hours=2))
    # The editor serializes the same text with other whitespace: the form calls it changed.
    article.body = "<p>Words.</p>\n"
    editing.save_edit(
        article, by=make_editor(), base_version=article.version, changed_fields=["body"]
    )
    article.refresh_from_db()
    assert article.revised_at is None and not article.was_revised

    article.body = "<p>Other words.</p>"
    editing.save_edit(
        article, by=make_editor(), base_version=article.version, changed_fields=["body"]
    )
    article.refresh_from_db()
    assert article.was_revised


def test_an_update_on_the_day_of_publication_shows_its_time_not_the_date_again(client):
    with time_machine.travel(timezone.make_aware(timezone.datetime(2026, 12, 4, 9, 0)), tick=False):
        article = make_published("Same day", ago=timedelta(hours=1))
        Article.objects.filter(pk=article.pk).update(revised_at=timezone.now())
        content = client.get(article.get_absolute_url()).content.decode()
    byline = content[content.index('class="byline-dates"') :]
    byline = byline[: byline.index("</p>")]
    assert byline.count("4 December 2026") == 1
    assert "Updated <time" in byline and "at 09:00" in byline


def test_a_new_article_shows_no_empty_read_only_facts(client):
    client.force_login(make_columnist())
    content = client.get(ADD).content.decode()
    assert "field-byline_names" not in content and "field-published_at" not in content
    assert "Save and preview" in content and "Save and submit for review" in content


def test_a_draft_hides_its_empty_publication_date_but_keeps_its_state(client):
    columnist = make_columnist()
    article = make_article(authors=[columnist.author_profile])
    client.force_login(columnist)
    content = client.get(change_url(article)).content.decode()
    assert "field-published_at" not in content and "field-revised_at" not in content
    assert "field-state_badge" in content and "field-byline_names" in content


@pytest.mark.parametrize(
    ("button", "lands_on"),
    [
        ({"_then": "preview"}, "preview"),
        ({"_then": "share"}, "share"),
        ({"_transition": "submit"}, "submitted"),
    ],
)
def test_a_new_articles_actions_save_it_first(client, button, lands_on):
    columnist = make_columnist()
    client.force_login(columnist)
    data = change_form_data(client.get(ADD), title="First go", body="<p>Ready.</p>", **button)

    response = client.post(ADD, data)

    article = Article.objects.get()
    assert response.status_code == 302
    if lands_on == "preview":
        assert response["Location"] == reverse("articles:preview", kwargs={"pk": article.pk})
    elif lands_on == "share":
        assert response["Location"] == change_url(article) + "#share-links"
    else:
        assert article.status == Status.SUBMITTED


def test_a_share_link_made_in_place_comes_back_ready_to_copy(client):
    columnist = make_columnist()
    article = make_article(authors=[columnist.author_profile])
    client.force_login(columnist)
    url = reverse("admin:articles_article_share_create", args=[article.pk])

    answer = client.post(url, {"days": 3}, HTTP_ACCEPT="application/json").json()
    refused = client.post(url, {"days": 99}, HTTP_ACCEPT="application/json")

    link = ShareLink.objects.get()
    assert answer["ok"] is True
    assert 'id="new-share-link"' in answer["html"] and link.get_absolute_url() in answer["html"]
    assert refused.status_code == 400 and "at most 30 days" in refused.json()["html"]


def test_schedule_and_approval_ask_first(client):
    article = make_article(status=Status.SUBMITTED)
    client.force_login(make_editor())
    content = client.get(change_url(article)).content.decode()
    assert "Save and schedule…</summary>" in content and ">Yes, schedule</button>" in content
