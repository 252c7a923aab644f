"""A change to a live article waits for an editor; readers keep the live version."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from articles import revisions, share_links, workflow
from articles.models import Action, Approval, ArticleEvent, ReviewNote, Revision, Topic
from notifications.models import Kind, Notification
from tests.admin_forms import change_form_data
from tests.factories import make_columnist, make_editor, make_published

pytestmark = pytest.mark.django_db

LIVE_TITLE = "The live headline"
PENDING_TITLE = "The pending headline"
PENDING_WORDS = "A sentence no reader may see yet."


def url(name, article, *args):
    return reverse(f"admin:articles_article_{name}", args=[article.pk, *args])


@pytest.fixture
def live():
    """A columnist's published article and a sibling that lists it as related."""
    columnist = make_columnist()
    author = columnist.author_profile
    topic = Topic.objects.create(name="Housing", slug="housing")
    article = make_published(LIVE_TITLE, authors=[author], topics=[topic])
    sibling = make_published("Sibling piece", authors=[author], topics=[topic], ago=timedelta(3))
    return {"columnist": columnist, "article": article, "sibling": sibling, "topic": topic}


def edit(client, user, article, **overrides):
    client.force_login(user)
    page = client.get(url("change", article))
    assert page.status_code == 200
    data = change_form_data(page, **overrides)
    return client.post(url("change", article), data)


def columnist_edits(client, live):
    return edit(
        client,
        live["columnist"],
        live["article"],
        title=PENDING_TITLE,
        body=f"<p>{PENDING_WORDS}</p>",
        topics="Housing",
    )


def test_a_columnists_edit_of_a_live_article_waits_for_approval(client, live):
    article = live["article"]
    before = article.body

    response = columnist_edits(client, live)

    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.body) == (LIVE_TITLE, before)
    pending = Revision.objects.pending().get(article=article)
    assert pending.content["title"] == PENDING_TITLE
    assert pending.created_by == live["columnist"]
    assert ArticleEvent.objects.filter(article=article, action=Action.CHANGE_PENDING).exists()


def public_pages(live):
    return {
        "article": live["article"].get_absolute_url(),
        "home": "/",
        "author": live["columnist"].author_profile.get_absolute_url(),
        "topic": live["topic"].get_absolute_url(),
        "related posts": live["sibling"].get_absolute_url(),
    }


@pytest.mark.parametrize("page", ["article", "home", "author", "topic", "related posts"])
def test_readers_never_see_a_pending_change_until_it_is_approved(client, live, page):
    columnist_edits(client, live)
    client.logout()
    address = public_pages(live)[page]

    html = client.get(address).content.decode()
    assert LIVE_TITLE in html
    assert PENDING_TITLE not in html and PENDING_WORDS not in html

    pending = Revision.objects.pending().get()
    revisions.approve(pending, by=make_editor(), seen=revisions.fingerprint(pending))

    html = client.get(address).content.decode()
    assert PENDING_TITLE in html
    assert LIVE_TITLE not in html


def test_preview_shows_the_pending_change_to_its_authors_and_editors_only(client, live):
    columnist_edits(client, live)
    preview = reverse("articles:preview", kwargs={"pk": live["article"].pk})

    for user in (live["columnist"], make_editor()):
        client.force_login(user)
        html = client.get(preview).content.decode()
        assert PENDING_WORDS in html
        assert "waiting for an editor’s approval" in html
    client.force_login(make_columnist())
    assert client.get(preview).status_code == 404


def test_the_columnist_goes_on_editing_their_pending_change(client, live):
    columnist_edits(client, live)
    client.force_login(live["columnist"])

    page = client.get(url("change", live["article"]))

    assert page.context["adminform"].form["title"].value() == PENDING_TITLE
    assert "waiting for an editor’s approval" in page.content.decode()


def test_a_second_edit_replaces_the_pending_change_and_keeps_the_first(client, live):
    columnist_edits(client, live)
    edit(client, live["columnist"], live["article"], title="Third thoughts")

    pending = Revision.objects.pending().get()
    assert pending.content["title"] == "Third thoughts"
    assert pending.content["body"] == f"<p>{PENDING_WORDS}</p>"
    superseded = Revision.objects.get(approval=Approval.SUPERSEDED)
    assert superseded.content["title"] == PENDING_TITLE


def test_the_database_allows_one_pending_change_per_article(live):
    article = live["article"]
    revisions.save_pending(article, by=live["columnist"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Revision.objects.create(
            article=article,
            kind="pending",
            approval=Approval.PENDING,
            content={},
            created_at=timezone.now(),
        )


def test_the_review_desk_lists_changes_to_live_articles_with_a_diff(client, live):
    columnist_edits(client, live)
    pending = Revision.objects.pending().get()
    client.force_login(make_editor())

    desk = client.get(reverse("admin:articles_article_review_desk"))

    assert list(desk.context["pending_changes"]) == [pending]
    assert "Changes to a live article" in desk.content.decode()
    compare = client.get(
        url("revision_compare", live["article"]), {"from": "live", "to": pending.pk}
    )
    html = compare.content.decode()
    assert "The <del>live</del><ins>pending</ins> headline" in html
    assert compare.context["can_decide"]


def test_approving_makes_the_change_live_with_the_updated_date_and_an_audit_entry(client, live):
    columnist_edits(client, live)
    pending = Revision.objects.pending().get()
    editor = make_editor()
    client.force_login(editor)

    response = client.post(
        url("revision_approve", live["article"], pending.pk),
        {"seen": revisions.fingerprint(pending)},
    )

    assert response.status_code == 302
    article = live["article"]
    article.refresh_from_db()
    assert article.title == PENDING_TITLE
    assert PENDING_WORDS in article.body
    assert article.was_revised
    pending.refresh_from_db()
    assert (pending.approval, pending.decided_by) == (Approval.APPROVED, editor)
    event = ArticleEvent.objects.get(article=article, action=Action.CHANGE_APPROVED)
    assert event.actor == editor
    assert not Revision.objects.pending().exists()


def test_approving_twice_is_refused(live):
    pending = revisions.save_pending(live["article"], by=live["columnist"])
    editor = make_editor()
    revisions.approve(pending, by=editor, seen=revisions.fingerprint(pending))

    with pytest.raises(workflow.TransitionError):
        revisions.approve(pending, by=editor, seen=revisions.fingerprint(pending))


def test_a_columnist_cannot_approve_their_own_change(client, live):
    columnist_edits(client, live)
    pending = Revision.objects.pending().get()

    with pytest.raises(workflow.TransitionError):
        revisions.approve(pending, by=live["columnist"], seen=revisions.fingerprint(pending))
    client.post(url("revision_approve", live["article"], pending.pk))

    live["article"].refresh_from_db()
    assert live["article"].title == LIVE_TITLE


def test_sending_back_keeps_the_live_text_and_tells_the_author(client, live):
    columnist_edits(client, live)
    pending = Revision.objects.pending().get()
    editor = make_editor()
    client.force_login(editor)

    client.post(url("revision_send_back", live["article"], pending.pk), {"note": "Cite it."})

    pending.refresh_from_db()
    assert (pending.approval, pending.note) == (Approval.RETURNED, "Cite it.")
    live["article"].refresh_from_db()
    assert live["article"].title == LIVE_TITLE
    assert ReviewNote.objects.get(article=live["article"]).body == "Cite it."
    client.force_login(live["columnist"])
    page = client.get(url("change", live["article"]))
    assert page.context["adminform"].form["title"].value() == PENDING_TITLE
    assert "Cite it." in page.content.decode()


def test_sending_back_needs_a_note(client, live):
    columnist_edits(client, live)
    pending = Revision.objects.pending().get()
    client.force_login(make_editor())

    client.post(url("revision_send_back", live["article"], pending.pk), {"note": "  "})

    pending.refresh_from_db()
    assert pending.approval == Approval.PENDING


def test_an_editors_direct_edit_goes_live_as_a_revision_and_an_audit_entry(client, live):
    editor = make_editor()

    edit(client, editor, live["article"], title="Typo fixed")

    live["article"].refresh_from_db()
    assert live["article"].title == "Typo fixed"
    assert Revision.objects.filter(article=live["article"], kind="save").get().created_by == editor
    assert ArticleEvent.objects.filter(action=Action.EDIT_LIVE, actor=editor).exists()


def test_an_editor_may_save_as_pending_instead(client, live):
    editor = make_editor()

    edit(client, editor, live["article"], title="Needs a second look", _save_pending="1")

    live["article"].refresh_from_db()
    assert live["article"].title == LIVE_TITLE
    assert Revision.objects.pending().get().created_by == editor


def test_a_scheduled_article_is_live_for_this_purpose(client):
    columnist = make_columnist()
    article = make_published(
        "Going out tomorrow", authors=[columnist.author_profile], ago=-timedelta(days=1)
    )
    article.status = "scheduled"
    article.save()

    edit(client, columnist, article, title="Changed before it went out")

    article.refresh_from_db()
    assert article.title == "Going out tomorrow"
    assert Revision.objects.pending().get().content["title"] == "Changed before it went out"


def test_the_diff_warns_when_the_live_article_changed_after_the_pending_change(client, live):
    columnist_edits(client, live)
    pending = Revision.objects.pending().get()
    editor = make_editor()
    edit(client, editor, live["article"], title="An editor's fix meanwhile")

    compare = client.get(
        url("revision_compare", live["article"]), {"from": "live", "to": pending.pk}
    )

    assert compare.context["live_changed_since"]
    assert "edited after this change was written" in compare.content.decode()


def test_a_share_link_shows_the_pending_change_until_it_is_decided(client, live):
    columnist_edits(client, live)
    article = live["article"]
    link = share_links.create(article, by=live["columnist"])
    client.logout()

    shared = client.get(link.get_absolute_url())
    assert shared.status_code == 200
    assert PENDING_WORDS in shared.content.decode()
    assert PENDING_TITLE in shared.content.decode()

    revisions.send_back(Revision.objects.pending().get(), by=make_editor(), note="Not yet.")
    after = client.get(link.get_absolute_url())
    assert after.status_code == 302
    assert after["Location"] == article.get_absolute_url()


def test_the_desk_hears_of_a_pending_change_once_and_the_author_of_its_fate(client, live):
    editor = make_editor()
    columnist_edits(client, live)
    edit(client, live["columnist"], live["article"], title="Third thoughts")

    assert list(Notification.objects.filter(recipient=editor).values_list("kind", flat=True)) == [
        Kind.CHANGE_PENDING
    ]

    pending = Revision.objects.pending().get()
    revisions.approve(pending, by=editor, seen=revisions.fingerprint(pending))

    told = Notification.objects.filter(recipient=live["columnist"])
    assert list(told.values_list("kind", flat=True)) == [Kind.CHANGE_APPROVED]


def test_approving_a_change_keeps_the_none_to_declare_tick(client, live):
    article = live["article"]
    article.no_disclosure = True
    article.save()
    columnist_edits(client, live)
    pending = Revision.objects.pending().get()
    assert pending.content["no_disclosure"] is True
    client.force_login(make_editor())

    client.post(
        url("revision_approve", article, pending.pk), {"seen": revisions.fingerprint(pending)}
    )

    article.refresh_from_db()
    assert article.title == PENDING_TITLE
    assert article.no_disclosure
