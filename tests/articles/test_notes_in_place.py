"""Notes posted by the article form's script come back as JSON, never as a reload.

The script (static/js/admin-review-notes.js) redraws the notes from this answer, so
the writer's unsaved words in the body are never at stake.
"""

import pytest
from django.urls import reverse

from articles.models import ReviewNote
from tests.factories import make_article_in, make_columnist, make_editor

pytestmark = pytest.mark.django_db


def notes_url(article):
    return reverse("admin:articles_article_notes", args=[article.pk])


def post_in_place(client, article, **data):
    return client.post(notes_url(article), data, HTTP_ACCEPT="application/json")


@pytest.fixture
def desk(client):
    columnist = make_columnist()
    article = make_article_in("changes_requested", authors=[columnist.author_profile])
    client.force_login(columnist)
    return columnist, article


def test_a_note_added_in_place_answers_with_the_redrawn_thread_and_banner(client, desk):
    _, article = desk
    response = post_in_place(client, article, body="Added a source.")

    assert response.status_code == 200
    answer = response.json()
    assert answer["ok"] is True and answer["message"] == "Your note was added."
    assert "Added a source." in answer["thread_html"]
    assert "1 open note" in answer["banner_html"]
    assert ReviewNote.objects.get().body == "Added a source."


def test_resolving_in_place_empties_the_banner_but_keeps_the_note_in_the_thread(client, desk):
    _, article = desk
    note = ReviewNote.objects.create(article=article, author=make_editor(), body="Cut it.")

    answer = post_in_place(client, article, resolve=note.pk).json()

    assert answer["message"] == "The note was resolved."
    assert "open note" not in answer["banner_html"]
    assert "Cut it." in answer["thread_html"] and "Resolved by" in answer["thread_html"]


@pytest.mark.parametrize("data", [{"body": "  "}, {"body": "x" * 5001}, {"resolve": "999"}])
def test_a_refused_note_in_place_is_a_400_with_the_reason(client, desk, data):
    _, article = desk
    response = post_in_place(client, article, **data)

    assert response.status_code == 400
    assert response.json()["ok"] is False and response.json()["message"]
    assert not ReviewNote.objects.filter(body__startswith="x").exists()


def test_another_columnist_gets_a_404_in_place_too(client, desk):
    _, article = desk
    client.force_login(make_columnist())

    assert post_in_place(client, article, body="Hello").status_code == 404
    assert not ReviewNote.objects.exists()
