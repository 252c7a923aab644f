"""Every save keeps a revision; history, compare and restore in the admin."""

import pytest
from django.urls import reverse

from articles import diffs, revisions
from articles.models import Action, ArticleEvent, Revision, RevisionKind, Topic
from tests.admin_forms import change_form_data
from tests.factories import make_article_in, make_columnist, make_editor

pytestmark = pytest.mark.django_db


def url(name, article, *args):
    return reverse(f"admin:articles_article_{name}", args=[article.pk, *args])


def bylined(state="draft", **kwargs):
    columnist = make_columnist()
    return columnist, make_article_in(state, authors=[columnist.author_profile], **kwargs)


def save_form(client, article, **overrides):
    page = client.get(url("change", article))
    assert page.status_code == 200
    return client.post(url("change", article), change_form_data(page, **overrides))


def test_every_save_keeps_a_revision_with_who_when_and_what_readers_see(client):
    columnist, article = bylined()
    client.force_login(columnist)
    Topic.objects.create(name="Housing", slug="housing")
    Topic.objects.create(name="Rent", slug="rent")

    save_form(client, article, title="First go", topics="Housing, Rent")
    save_form(client, article, title="Second go", body="<p>Better words.</p>")

    first, second = Revision.objects.filter(article=article).order_by("created_at", "pk")
    assert (first.kind, first.created_by, first.content["title"]) == ("save", columnist, "First go")
    assert first.content["topics"] == ["Housing", "Rent"]
    assert first.content["state"] == "draft"
    assert [b["name"] for b in first.content["bylines"]] == [columnist.author_profile.name]
    assert second.content["title"] == "Second go"
    assert second.content["body"] == "<p>Better words.</p>"


def test_a_new_article_gets_its_first_revision(client):
    columnist = make_columnist()
    client.force_login(columnist)
    page = client.get(reverse("admin:articles_article_add"))

    client.post(
        reverse("admin:articles_article_add"),
        change_form_data(page, title="Brand new", body="<p>Hello.</p>", slug="brand-new"),
    )

    revision = Revision.objects.get()
    assert revision.content["title"] == "Brand new"
    assert revision.created_by == columnist


def test_history_lists_revisions_but_not_other_peoples_autosaves(client):
    columnist, article = bylined()
    editor = make_editor()
    saved = revisions.record(article, by=editor)
    mine = revisions.autosave(article, by=columnist, data={"title": "Mine"})
    theirs = revisions.autosave(article, by=editor, data={"title": "Theirs"})
    client.force_login(columnist)

    listed = list(client.get(url("revisions", article)).context["revision_history"])

    assert saved in listed and mine in listed
    assert theirs not in listed
    assert client.get(url("revision_compare", article), {"from": theirs.pk}).status_code == 404


def test_compare_shows_words_added_and_removed(client):
    columnist, article = bylined(body="<p>The council was right.</p>")
    old = revisions.record(article, by=columnist)
    article.body = "<p>The council was wrong.</p>"
    article.save()
    client.force_login(columnist)

    response = client.get(url("revision_compare", article), {"from": old.pk, "to": "live"})

    html = response.content.decode()
    assert "<del>right.</del>" in html
    assert "<ins>wrong.</ins>" in html
    assert "&lt;p&gt;" not in html  # words, not markup


def test_compare_escapes_what_the_text_says(client):
    columnist, article = bylined(title="Plain")
    old = revisions.record(article, by=columnist)
    article.title = "<script>alert(1)</script> & co"
    article.save()
    client.force_login(columnist)

    response = client.get(url("revision_compare", article), {"from": old.pk})

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_compare_rejects_a_revision_of_another_article(client):
    columnist, article = bylined()
    _, other_article = bylined()
    foreign = revisions.record(other_article, by=columnist)
    client.force_login(columnist)

    assert client.get(url("revision_compare", article), {"from": foreign.pk}).status_code == 404
    assert client.get(url("revision_compare", article), {"from": "nonsense"}).status_code == 404


def test_restoring_makes_a_new_revision_and_loses_nothing(client):
    columnist, article = bylined(title="Original headline")
    topic = Topic.objects.create(name="Transport", slug="transport")
    article.topics.add(topic)
    original = revisions.record(article, by=columnist)
    client.force_login(columnist)
    save_form(client, article, title="Rewritten headline", topics="")

    response = client.post(url("revision_restore", article, original.pk))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Original headline"
    assert list(article.topics.names()) == ["Transport"]
    latest = Revision.objects.filter(article=article).first()
    assert latest.kind == RevisionKind.RESTORE
    assert latest.content["title"] == "Original headline"
    # The rewritten version is still in the history.
    assert Revision.objects.filter(content__title="Rewritten headline").exists()
    assert ArticleEvent.objects.filter(article=article, action=Action.REVISION_RESTORED).exists()


def test_a_columnist_cannot_restore_while_the_article_is_in_review(client):
    columnist, article = bylined("submitted", title="In review")
    old = revisions.record(article, by=columnist)
    article.title = "Changed by an editor"
    article.save()
    client.force_login(columnist)

    client.post(url("revision_restore", article, old.pk))

    article.refresh_from_db()
    assert article.title == "Changed by an editor"


@pytest.mark.parametrize("name", ["revision_restore", "revision_approve", "revision_send_back"])
def test_revision_actions_are_404_to_other_columnists_and_get_is_refused(client, name):
    _, article = bylined("published")
    revision = revisions.record(article, by=make_editor())
    client.force_login(make_columnist())

    assert client.post(url(name, article, revision.pk), {"note": "x"}).status_code == 404
    client.force_login(make_editor())
    assert client.get(url(name, article, revision.pk)).status_code == 405


def test_word_diff_marks_only_what_changed():
    chunks = diffs.word_diff("one two three", "one 2 three")

    assert chunks == [("equal", "one "), ("delete", "two"), ("insert", "2"), ("equal", " three")]


def test_plain_text_keeps_paragraphs_and_drops_markup():
    text = diffs.plain_text("<p>First &amp; <strong>bold</strong></p><p>Second</p>")

    assert text == "First & bold\n\nSecond"


def test_a_rewritten_field_reads_as_old_then_new():
    chunks = diffs.word_diff("Every flat near a bus route", "A painted lane costs less")

    assert chunks == [
        ("delete", "Every flat near a bus route"),
        ("insert", "A painted lane costs less"),
    ]


def test_the_none_to_declare_tick_is_kept_in_revisions_and_restored(client):
    columnist, article = bylined(title="Ticked piece")
    article.no_disclosure = True
    article.save()
    ticked = revisions.record(article, by=columnist)
    client.force_login(columnist)
    save_form(client, article, no_disclosure=False, disclosure="I advise the council.")
    article.refresh_from_db()
    assert not article.no_disclosure

    client.post(url("revision_restore", article, ticked.pk))

    article.refresh_from_db()
    assert ticked.content["no_disclosure"] is True
    assert article.no_disclosure and article.disclosure == ""
    rows = {row.label: row for row in diffs.compare(ticked.content, {"no_disclosure": False})}
    assert rows["None to declare"].changed


def test_restoring_a_snapshot_from_before_the_tick_was_kept_leaves_it_alone(client):
    columnist, article = bylined(title="Older snapshot")
    old = revisions.record(article, by=columnist)
    Revision.objects.filter(pk=old.pk).update(
        content={k: v for k, v in old.content.items() if k != "no_disclosure"}
    )
    article.no_disclosure = True
    article.save()
    client.force_login(columnist)

    client.post(url("revision_restore", article, old.pk))

    article.refresh_from_db()
    assert article.no_disclosure
