"""Issue 15 §3: the revision list says who, when, what kind and what changed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import revision_rows
from articles.models import Revision, RevisionKind
from tests.admin_forms import change_form_data
from tests.factories import make_article_in, make_columnist, make_editor

pytestmark = pytest.mark.django_db


def url(name, article, *args):
    return reverse(f"admin:articles_article_{name}", args=[article.pk, *args])


def save_form(client, article, **overrides):
    page = client.get(url("change", article))
    return client.post(url("change", article), change_form_data(page, **overrides))


def rows_for(article, user):
    return revision_rows.rows(article, article.revisions.history_for(user))


def test_each_row_says_what_kind_and_what_changed(client):
    columnist = make_columnist()
    article = make_article_in(
        "draft", authors=[columnist.author_profile], body="<p>One two three.</p>"
    )
    client.force_login(columnist)
    save_form(client, article, body="<p>One two three four five.</p>")
    save_form(client, article, title="A new headline", _transition="submit")
    editor = make_editor()
    client.force_login(editor)
    save_form(client, article, _transition="request_changes", _transition_note="More.")

    rows = rows_for(article, editor)

    assert [(row.kind, row.changes) for row in rows] == [
        ("Save and request changes", []),
        ("Save and submit", ["Headline"]),
        ("Save", ["First version"]),
    ]


def test_words_added_and_removed_are_counted_against_the_revision_before():
    old = {"title": "T", "body": "<p>One two three.</p>"}
    new = {"title": "T", "body": "<p>One four three. Five.</p>"}
    assert revision_rows.changes_between(old, new) == ["Body: +2 −1 words"]


def test_a_run_of_saves_by_one_person_folds_into_one_row():
    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    now = timezone.now()
    for minutes, body in [(30, "<p>a</p>"), (20, "<p>a b</p>"), (10, "<p>a b c</p>")]:
        Revision.objects.create(
            article=article,
            kind=RevisionKind.SAVE,
            content={"title": "T", "body": body},
            created_by=columnist,
            created_at=now - timedelta(minutes=minutes),
        )
    Revision.objects.create(
        article=article,
        kind=RevisionKind.AUTOSAVE,
        content={"title": "T", "body": "<p>a b c d</p>"},
        created_by=columnist,
        created_at=now,
    )

    [row] = rows_for(article, columnist)

    assert row.count == 4 and row.kind == "Save"
    assert row.revision.kind == RevisionKind.AUTOSAVE  # the newest: restore brings it back
    assert row.changes == ["First version"]


def test_someone_elses_save_breaks_the_fold():
    columnist, editor = make_columnist(), make_editor()
    article = make_article_in("draft", authors=[columnist.author_profile])
    now = timezone.now()
    for minutes, who in [(3, columnist), (2, editor), (1, columnist)]:
        Revision.objects.create(
            article=article,
            kind=RevisionKind.SAVE,
            content={"title": f"T{minutes}"},
            created_by=who,
            created_at=now - timedelta(minutes=minutes),
        )
    assert [row.count for row in rows_for(article, editor)] == [1, 1, 1]


def test_the_revision_list_page_offers_restore_on_every_row(client):
    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    client.force_login(columnist)
    save_form(client, article, title="Once")
    client.force_login(make_editor())  # someone else's save: its own row
    save_form(client, article, title="Twice", body="<p>Other words entirely here.</p>")

    content = client.get(url("revisions", article)).content.decode()

    for revision in Revision.objects.filter(article=article):
        assert url("revision_restore", article, revision.pk) in content
    assert "What changed" in content and "Headline; Body: +" in content
