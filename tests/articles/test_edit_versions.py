"""The one edit path, ``articles.editing.save_edit``, and the version it checks.

What happens when two writers really race is in test_concurrent_saves.py; this
module covers the rules one at a time: the version every write bumps, forms that
do not say which version they started from, and the columns an edit never writes.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles import editing, workflow
from articles.models import Article, Status
from tests.admin_forms import change_form_data
from tests.factories import make_article_in, make_columnist, make_editor

pytestmark = pytest.mark.django_db


def bylined(state="draft", **kwargs):
    columnist = make_columnist()
    return columnist, make_article_in(state, authors=[columnist.author_profile], **kwargs)


def stored(article):
    return Article.objects.get(pk=article.pk)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def edit(article, by, **changes):
    for field, value in changes.items():
        setattr(article, field, value)
    return editing.save_edit(
        article, by=by, base_version=article.version, changed_fields=list(changes)
    )


def test_every_edit_and_every_transition_bumps_the_version():
    columnist, article = bylined("draft")
    assert stored(article).version == 1

    edit(article, columnist, title="Second thoughts")
    assert stored(article).version == article.version == 2

    workflow.submit(article, by=columnist)
    assert stored(article).version == article.version == 3

    editor = make_editor()
    workflow.request_changes(article, by=editor, note="Shorter.")
    edit(article, columnist, body="<p>Shorter.</p>")
    assert stored(article).version == article.version == 5


def test_an_edit_from_an_older_version_is_refused_and_writes_nothing():
    columnist, article = bylined("draft", title="Kept")
    stale = stored(article)
    edit(article, columnist, title="Saved first")

    stale.title = "Saved second"
    with pytest.raises(editing.EditConflict) as conflict:
        editing.save_edit(stale, by=columnist, base_version=1, changed_fields=["title"])

    assert conflict.value.current.version == 2
    assert (stored(article).title, stored(article).version) == ("Saved first", 2)


def test_an_edit_never_writes_the_state_dates_or_desk_from_its_copy():
    editor = make_editor()
    _, article = bylined("submitted")
    copy = stored(article)
    workflow.assign(article, by=editor, assignee=editor, due=timezone.localdate())

    copy.title = "Fresh headline"
    copy.status, copy.published_at = Status.PUBLISHED, timezone.now() - timedelta(days=9)
    copy.assignee, copy.review_due, copy.submitted_at = None, None, None
    editing.save_edit(
        copy,
        by=editor,
        base_version=copy.version,
        changed_fields=["title", "status", "published_at", "assignee", "review_due"],
    )

    after = stored(article)
    assert after.title == "Fresh headline"
    assert (after.status, after.published_at) == (Status.SUBMITTED, None)
    assert (after.assignee, after.review_due) == (editor, timezone.localdate())
    assert after.submitted_at is not None
    assert (copy.status, copy.assignee) == (Status.SUBMITTED, editor)  # the copy is corrected


def test_permission_to_edit_is_decided_on_the_stored_row():
    columnist, article = bylined("draft")
    copy = stored(article)
    workflow.submit(article, by=columnist)

    with pytest.raises(PermissionDenied):
        editing.save_edit(
            copy, by=columnist, base_version=stored(article).version, changed_fields=["title"]
        )

    assert stored(article).title == article.title


@pytest.mark.parametrize("version", [None, "", "  ", "abc", "-1", "0", "2.0", "1e3"])
def test_a_form_without_a_usable_version_is_refused_like_a_stale_one(client, version):
    columnist, article = bylined("draft", title="Untouched")
    client.force_login(columnist)
    data = change_form_data(client.get(change_url(article)), title="Mine", loaded_version=version)

    refused = client.post(change_url(article), data)

    assert refused.status_code == 200
    [error] = refused.context["adminform"].form.non_field_errors()
    assert "didn’t say which version of the article you started from" in error
    assert refused.context["adminform"].form["title"].value() == "Mine"
    assert stored(article).title == "Untouched"

    again = client.post(change_url(article), change_form_data(refused))

    assert again.status_code == 302
    assert stored(article).title == "Mine"


def test_the_deliberate_second_save_replaces_only_the_version_it_was_shown(client):
    columnist, article = bylined("draft", title="Start")
    editor = make_editor()
    client.force_login(editor)
    page = client.get(change_url(article))
    edit(stored(article), columnist, title="Author, first")

    warned = client.post(change_url(article), change_form_data(page, title="Editor"))
    assert warned.status_code == 200
    edit(stored(article), columnist, title="Author, again")  # saved after the warning
    warned_again = client.post(change_url(article), change_form_data(warned))

    assert warned_again.status_code == 200
    assert "Someone else saved this article" in warned_again.content.decode()
    assert stored(article).title == "Author, again"
    assert client.post(change_url(article), change_form_data(warned_again)).status_code == 302
    assert stored(article).title == "Editor"
