"""The autosave endpoint: the change view's permissions, no overwriting, a rate limit."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from articles import editing
from articles.models import Article, Revision, RevisionKind, Topic
from tests.factories import make_article_in, make_columnist, make_editor, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def autosave_url(article):
    return reverse("admin:articles_article_autosave", args=[getattr(article, "pk", article)])


def bylined(state="draft"):
    columnist = make_columnist()
    return columnist, make_article_in(state, authors=[columnist.author_profile])


def typed(article, **fields):
    return {
        "title": "Typed but not saved",
        "body": "<p>Words in flight.</p>",
        "loaded_version": str(article.version),
        **fields,
    }


def test_autosave_keeps_the_text_without_touching_the_article(client):
    columnist, article = bylined("published")
    before = Article.objects.filter(pk=article.pk).values().get()
    client.force_login(columnist)

    response = client.post(autosave_url(article), typed(article))

    assert response.status_code == 200
    assert "saved_at" in response.json()
    assert Article.objects.filter(pk=article.pk).values().get() == before
    revision = Revision.objects.get(kind=RevisionKind.AUTOSAVE)
    assert (revision.created_by, revision.content["title"]) == (columnist, "Typed but not saved")
    assert not Revision.objects.pending().exists()


def test_autosave_keeps_one_copy_per_person_rewritten_as_they_type(client):
    columnist, article = bylined()
    editor = make_editor()
    client.force_login(columnist)
    client.post(autosave_url(article), typed(article, title="One"))
    client.post(autosave_url(article), typed(article, title="Two"))
    client.force_login(editor)
    client.post(autosave_url(article), typed(article, title="Editor's"))

    copies = {r.created_by: r.content["title"] for r in Revision.objects.filter(kind="autosave")}
    assert copies == {columnist: "Two", editor: "Editor's"}


def test_autosave_sanitizes_the_body(client):
    columnist, article = bylined()
    client.force_login(columnist)

    client.post(autosave_url(article), typed(article, body="<p>Hi<script>alert(1)</script></p>"))

    assert "<script>" not in Revision.objects.get().content["body"]


def test_autosave_never_writes_over_a_newer_save_by_someone_else(client):
    columnist, article = bylined()
    client.force_login(columnist)
    stale = typed(article)
    article.title = "An editor saved meanwhile"
    editing.save_edit(
        article, by=make_editor(), base_version=article.version, changed_fields=["title"]
    )

    response = client.post(autosave_url(article), stale)

    assert response.status_code == 409
    assert response.json()["conflict"] is True
    assert not Revision.objects.exists()


def test_other_columnists_get_404_and_a_missing_article_too(client):
    _, article = bylined()
    client.force_login(make_columnist())

    assert client.post(autosave_url(article), typed(article)).status_code == 404
    assert client.post(autosave_url(10**6), typed(article)).status_code == 404
    assert not Revision.objects.exists()


def test_an_author_cannot_autosave_an_article_they_cannot_edit(client):
    columnist, article = bylined("submitted")
    client.force_login(columnist)

    assert client.post(autosave_url(article), typed(article)).status_code == 403
    assert not Revision.objects.exists()


def test_readers_are_sent_to_the_login_page(client):
    _, article = bylined()
    client.force_login(make_user())  # signed in, but not staff

    response = client.post(autosave_url(article), typed(article))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    client.logout()
    assert client.post(autosave_url(article), typed(article)).status_code == 302
    assert not Revision.objects.exists()


def test_autosave_is_post_only_and_needs_the_csrf_token(client):
    columnist, article = bylined()
    client.force_login(columnist)
    assert client.get(autosave_url(article)).status_code == 405

    strict = type(client)(enforce_csrf_checks=True)
    strict.force_login(columnist)
    assert strict.post(autosave_url(article), typed(article)).status_code == 403


def test_autosave_is_rate_limited_per_person(client, settings):
    settings.AUTOSAVE_RATE_PER_MINUTE = 3
    columnist, article = bylined()
    client.force_login(columnist)

    codes = [client.post(autosave_url(article), typed(article)).status_code for _ in range(5)]

    assert codes == [200, 200, 200, 429, 429]
    client.force_login(make_editor())  # someone else is not held back
    assert client.post(autosave_url(article), typed(article)).status_code == 200


def test_reopening_offers_the_unsaved_text_and_restores_it_into_the_form(client):
    columnist, article = bylined()
    client.force_login(columnist)
    client.post(autosave_url(article), typed(article, title="Lost in a crash"))
    change = reverse("admin:articles_article_change", args=[article.pk])

    page = client.get(change)

    offered = page.context["recoverable_autosave"]
    assert offered is not None
    assert f"Restore your unsaved text from {offered.created_at:%H:%M}" in page.content.decode()
    recovered = client.get(change, {"recover": offered.pk})
    assert recovered.context["adminform"].form["title"].value() == "Lost in a crash"
    assert "This is your unsaved text" in recovered.content.decode()


def test_another_persons_autosave_is_never_offered_or_recovered(client):
    columnist, article = bylined()
    editor = make_editor()
    client.force_login(editor)
    client.post(autosave_url(article), typed(article, title="The editor's thought"))
    theirs = Revision.objects.get()
    client.force_login(columnist)
    change = reverse("admin:articles_article_change", args=[article.pk])

    assert client.get(change).context["recoverable_autosave"] is None
    recovered = client.get(change, {"recover": theirs.pk})
    assert recovered.context["adminform"].form["title"].value() == article.title


def test_a_real_save_clears_the_autosave(client):
    from tests.admin_forms import change_form_data

    columnist, article = bylined()
    client.force_login(columnist)
    client.post(autosave_url(article), typed(article))
    change = reverse("admin:articles_article_change", args=[article.pk])

    client.post(change, change_form_data(client.get(change), title="Saved for real"))

    assert not Revision.objects.filter(kind="autosave").exists()
    assert Revision.objects.get().content["title"] == "Saved for real"


# A new article, never saved.

ADD = "admin:articles_article_add"
NEW_AUTOSAVE = "admin:articles_article_autosave_new"


def test_a_new_article_is_autosaved_and_offered_back_on_the_add_page(client):
    columnist = make_columnist()
    client.force_login(columnist)
    Topic.objects.create(name="Rail"), Topic.objects.create(name="Ports")

    response = client.post(
        reverse(NEW_AUTOSAVE),
        {"title": "A first draft", "body": "<p>Not saved yet.</p>", "topics": "Rail, Ports"},
    )

    assert response.status_code == 200
    revision = Revision.objects.get(article__isnull=True)
    assert revision.created_by == columnist
    assert not Article.objects.exists()
    page = client.get(reverse(ADD))
    assert page.context["recoverable_autosave"] == revision
    assert "Restore your unsaved text from" in page.content.decode()
    recovered = client.get(reverse(ADD), {"recover": revision.pk})
    form = recovered.context["adminform"].form
    assert form["title"].value() == "A first draft"
    assert form["body"].value() == "<p>Not saved yet.</p>"


def test_saving_the_new_article_clears_its_autosave(client):
    from tests.admin_forms import change_form_data

    columnist = make_columnist()
    client.force_login(columnist)
    client.post(reverse(NEW_AUTOSAVE), {"title": "Draft"})
    page = client.get(reverse(ADD))

    client.post(reverse(ADD), change_form_data(page, title="Draft", slug="draft"))

    assert Article.objects.get().title == "Draft"
    assert not Revision.objects.filter(kind="autosave").exists()


def test_new_article_autosaves_are_private(client):
    columnist, other = make_columnist(), make_columnist()
    client.force_login(other)
    client.post(reverse(NEW_AUTOSAVE), {"title": "Other's secret"})
    theirs = Revision.objects.get()
    client.force_login(columnist)

    page = client.get(reverse(ADD), {"recover": theirs.pk})

    assert page.context["recoverable_autosave"] is None
    assert page.context["adminform"].form["title"].value() in (None, "")


def test_new_article_autosave_needs_the_right_to_write(client):
    client.force_login(make_user())  # a reader
    assert client.post(reverse(NEW_AUTOSAVE), {"title": "x"}).status_code == 302
    staff = make_user()
    staff.is_staff = True
    staff.save()
    client.force_login(staff)  # staff, but not a writer
    assert client.post(reverse(NEW_AUTOSAVE), {"title": "x"}).status_code == 403
    assert not Revision.objects.exists()


def test_a_background_copy_keeps_the_none_to_declare_tick_as_the_form_had_it():
    from articles import revisions

    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    form = {"title": article.title, "body": "<p>Words.</p>"}

    ticked = revisions.autosave(article, by=columnist, data={**form, "no_disclosure": "on"})
    assert ticked.content["no_disclosure"] is True
    unticked = revisions.autosave(article, by=columnist, data=form)
    assert unticked.content["no_disclosure"] is False
