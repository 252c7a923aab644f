"""Issue 15 §2: closing notes is part of the flow, and the history keeps them."""

import pytest
from django.urls import reverse

from articles import workflow
from articles.models import ReviewNote, Status
from tests.admin_forms import change_form_data
from tests.factories import make_article_in, make_columnist, make_editor, make_published

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def returned():
    columnist = make_columnist()
    editor = make_editor()
    article = make_article_in("submitted", authors=[columnist.author_profile])
    workflow.request_changes(article, by=editor, note="Cut the intro.")
    second = ReviewNote.objects.create(article=article, author=editor, body="Source the figure.")
    first = ReviewNote.objects.get(body="Cut the intro.")
    return columnist, editor, article, first, second


def test_answer_and_resolve_adds_the_answer_and_closes_the_thread(client, returned):
    columnist, _, article, first, _ = returned
    client.force_login(columnist)

    client.post(
        reverse("admin:articles_article_notes", args=[article.pk]),
        {"body": "Done: cut to two lines.", "parent": first.pk, "and_resolve": "1"},
    )

    first.refresh_from_db()
    assert first.is_resolved and first.resolved_by == columnist
    assert first.replies.get().body == "Done: cut to two lines."


def test_resubmitting_resolves_the_ticked_notes_only(client, returned):
    columnist, _, article, first, second = returned
    client.force_login(columnist)
    page = client.get(change_url(article))
    content = page.content.decode()
    assert "Resolve the notes you have dealt with" in content
    assert f'name="_resolve_notes" value="{first.pk}"' in content

    data = change_form_data(page, _transition="submit", _resolve_notes=[str(first.pk)])
    client.post(change_url(article), data)

    article.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert article.status == Status.SUBMITTED
    assert first.is_resolved and not second.is_resolved


def test_a_published_article_shows_no_open_notes_banner_but_keeps_its_notes(client):
    article = make_published()
    editor = make_editor()
    ReviewNote.objects.create(article=article, author=editor, body="An old point.")
    client.force_login(editor)

    content = client.get(change_url(article)).content.decode()

    banner = content[content.index("data-open-notes-banner") :]
    banner = banner[: banner.index("</div>")]
    assert "open note" not in banner
    assert "An old point." in content


def test_the_publish_confirmation_offers_to_resolve_each_open_note(client, returned):
    _, editor, article, first, second = returned
    workflow.submit(article, by=editor)
    client.force_login(editor)

    content = client.get(change_url(article)).content.decode()
    confirm = content[content.index('class="workflow-action publish-confirm') :]
    confirm = confirm[: confirm.index("</details>")]

    for note in (first, second):
        assert f'data-resolve-note="{note.pk}"' in confirm


def test_the_review_desk_and_dashboard_show_open_notes_per_article(client, returned):
    _, editor, article, first, _ = returned
    workflow.submit(article, by=editor)
    first.resolved_at = first.created_at
    first.save()
    client.force_login(editor)

    desk = client.get(reverse("admin:articles_article_review_desk"))
    dashboard = client.get(reverse("admin:index"))

    assert [a.open_notes for a in desk.context["queue"]] == [1]
    assert "1 open note" in dashboard.content.decode()
