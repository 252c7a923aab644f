"""The article admin, through the test client: what a POST may change, bulk actions,
edit conflicts, revisions, preview, the review desk, notes, the dashboard and the audit log.

Who may open which page at all is in test_permission_matrix.py.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles import editing, workflow
from articles.models import Action, Article, ArticleEvent, ReviewNote, SlugRedirect, Status
from tests.admin_forms import change_form_data
from tests.factories import (
    make_admin,
    make_article_in,
    make_author,
    make_columnist,
    make_editor,
    make_published,
)

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
CHANGELIST = "admin:articles_article_changelist"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


MAKERS = {"columnist": make_columnist, "editor": make_editor, "admin": make_admin}


def url(name, article):
    return reverse(f"admin:articles_article_{name}", args=[article.pk])


def messages_in(response):
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def bylined(state="draft", **kwargs):
    columnist = make_columnist()
    return columnist, make_article_in(state, authors=[columnist.author_profile], **kwargs)


def stored(article):
    return Article.objects.filter(pk=article.pk).values().first()


def save_form(client, article, **overrides):
    """Open the article's change page and save it with ``overrides``, as a browser would."""
    page = client.get(url("change", article))
    assert page.status_code == 200
    return client.post(url("change", article), change_form_data(page, **overrides))


# Tampering: state, dates, desk and bylines are not form fields.

TAMPERED = {
    "status": "published",
    "published_at": "2020-01-01 10:00",
    "published_at_0": "2020-01-01",
    "published_at_1": "10:00",
    "revised_at": "2020-01-02 10:00",
    "submitted_at": "2020-01-01 09:00",
    "review_due": "2020-01-05",
    "created_by": "1",
}


@pytest.mark.parametrize(("role", "state"), [("columnist", "draft"), ("editor", "submitted")])
def test_extra_post_parameters_for_state_and_dates_change_nothing(client, role, state):
    columnist, article = bylined(state)
    user = columnist if role == "columnist" else make_editor()
    client.force_login(user)
    before = stored(article)

    response = save_form(
        client, article, title="A new headline", assignee=str(make_editor().pk), **TAMPERED
    )

    assert response.status_code == 302
    after = stored(article)
    assert after["title"] == "A new headline"
    for field in ("status", "published_at", "revised_at", "submitted_at", "assignee_id"):
        assert after[field] == before[field], field
    assert after["review_due"] is None
    assert not ArticleEvent.objects.exists()


def byline_rows(article):
    return list(article.bylines.values_list("author_id", "position"))


def test_byline_data_posted_by_a_columnist_changes_nothing(client):
    columnist, article = bylined("draft")
    own = article.bylines.get()
    stranger = make_author()
    client.force_login(columnist)
    page = client.get(url("change", article))
    assert not page.context["inline_admin_formsets"]

    forged = {
        "bylines-TOTAL_FORMS": "2",
        "bylines-INITIAL_FORMS": "1",
        "bylines-0-id": str(own.pk),
        "bylines-0-article": str(article.pk),
        "bylines-0-author": str(stranger.pk),
        "bylines-0-position": "0",
        "bylines-0-DELETE": "on",
        "bylines-1-article": str(article.pk),
        "bylines-1-author": str(stranger.pk),
        "bylines-1-position": "1",
    }
    response = client.post(url("change", article), change_form_data(page, **forged))

    assert response.status_code == 302
    assert byline_rows(article) == [(columnist.author_profile.pk, 0)]


def test_a_columnists_new_article_is_their_draft_whatever_is_posted(client):
    columnist, stranger = make_columnist(), make_author()
    client.force_login(columnist)
    page = client.get(reverse("admin:articles_article_add"))

    response = client.post(
        reverse("admin:articles_article_add"),
        change_form_data(
            page,
            title="Cycle lanes",
            body="<p>Paint is not protection.</p>",
            assignee=str(make_editor().pk),
            **TAMPERED,
            **{
                "bylines-TOTAL_FORMS": "1",
                "bylines-INITIAL_FORMS": "0",
                "bylines-0-author": str(stranger.pk),
                "bylines-0-position": "0",
            },
        ),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.published_at, article.revised_at) == ("draft", None, None)
    assert (article.submitted_at, article.assignee, article.review_due) == (None, None, None)
    assert article.created_by == columnist
    assert byline_rows(article) == [(columnist.author_profile.pk, 0)]


def test_editors_set_the_bylines(client):
    _, article = bylined("submitted")
    guest = make_author()
    client.force_login(make_editor())
    page = client.get(url("change", article))
    prefix = page.context["inline_admin_formsets"][0].formset.prefix

    response = client.post(
        url("change", article),
        change_form_data(
            page,
            **{
                f"{prefix}-TOTAL_FORMS": "2",
                f"{prefix}-1-author": str(guest.pk),
                f"{prefix}-1-position": "1",
            },
        ),
    )

    assert response.status_code == 302
    assert [author for author, _ in byline_rows(article)][1:] == [guest.pk]


@pytest.mark.parametrize(
    ("transition", "message"),
    [
        ("publish", "You don’t have permission to “approve and publish now” this article."),
        ("restore", "You don’t have permission to “restore from trash” this article."),
        ("delete", "Select a valid choice."),
    ],
)
def test_a_transition_the_columnist_lacks_is_refused_with_a_message(client, transition, message):
    columnist, article = bylined("draft")
    client.force_login(columnist)

    response = save_form(client, article, _transition=transition)

    assert stored(article)["status"] == Status.DRAFT
    assert not ArticleEvent.objects.exists()
    [(level, text)] = messages_in(response)
    assert level == "error" and message in text


def test_a_forbidden_transition_posted_with_a_new_article_leaves_a_draft(client):
    columnist = make_columnist()
    client.force_login(columnist)
    page = client.get(reverse("admin:articles_article_add"))

    response = client.post(
        reverse("admin:articles_article_add"),
        change_form_data(page, title="Fares", body="<p>Lower them.</p>", _transition="publish"),
    )

    article = Article.objects.get()
    assert article.status == Status.DRAFT
    assert [e.action for e in article.events.all()] == [Action.CREATE]
    assert [level for level, _ in messages_in(response)] == ["error"]


def test_saving_and_submitting_is_one_click_for_the_author(client):
    columnist, article = bylined("draft")
    client.force_login(columnist)

    response = save_form(client, article, title="Final title", _transition="submit")

    assert response["Location"] == url("change", article)
    assert (stored(article)["title"], stored(article)["status"]) == ("Final title", "submitted")
    assert messages_in(response) == [("success", "“Final title” was submitted for review.")]


def test_the_author_withdraws_from_the_read_only_page(client):
    columnist, article = bylined("submitted")
    client.force_login(columnist)
    page = client.get(url("change", article))
    assert page.context["workflow_url"] == url("workflow", article)
    assert 'formaction="{}"'.format(url("workflow", article)) in page.content.decode()

    client.post(url("workflow", article), {"_transition": "withdraw"})

    assert stored(article)["status"] == Status.DRAFT


def test_the_workflow_url_takes_only_posts(client):
    columnist, article = bylined("submitted")
    client.force_login(columnist)

    assert client.get(url("workflow", article)).status_code == 405


def test_request_changes_without_a_note_is_refused_in_the_admin(client):
    _, article = bylined("submitted")
    client.force_login(make_editor())

    response = save_form(client, article, _transition="request_changes", _transition_note=" ")

    assert stored(article)["status"] == Status.SUBMITTED
    assert messages_in(response) == [
        ("error", "Write a note that tells the author what to change.")
    ]


def test_a_publishing_problem_is_shown_before_publishing_and_named_on_refusal(client):
    _, article = bylined("submitted")
    article.bylines.all().delete()
    client.force_login(make_editor())

    page = client.get(url("change", article))
    assert page.context["publishing_problems"] == ["at least one author"]
    assert "Before this can be published it needs at least one author." in page.content.decode()

    response = client.post(url("change", article), change_form_data(page, _transition="publish"))
    assert stored(article)["status"] == Status.SUBMITTED
    assert messages_in(response) == [
        ("error", "This article can’t be published yet: it needs at least one author.")
    ]


# Bulk actions: each article goes through its transition.


def run_action(client, action, articles, state=None):
    query = f"?state={state}" if state else ""
    return client.post(
        reverse(CHANGELIST) + query,
        {"action": action, "_selected_action": [a.pk for a in articles], "index": 0},
    )


def statuses(*articles):
    return [Article.objects.get(pk=a.pk).status for a in articles]


def test_trashing_in_bulk_moves_what_may_move_and_names_what_may_not(client):
    draft, submitted = make_article_in("draft"), make_article_in("submitted")
    live = make_published("Still live")
    editor = make_editor()
    client.force_login(editor)

    response = run_action(client, "trash_selected", [draft, submitted, live])

    assert statuses(draft, submitted, live) == ["trashed", "trashed", "published"]
    assert messages_in(response) == [
        ("success", "2 articles moved to the trash."),
        ("error", "“Still live”: “Move to trash” isn’t possible while the article is published."),
    ]
    assert set(ArticleEvent.objects.values_list("action", "actor")) == {("trash", editor.pk)}
    assert ArticleEvent.objects.count() == 2


def test_restoring_in_bulk_from_the_trash_gives_drafts(client):
    trashed = [make_article_in("trashed"), make_article_in("trashed")]
    client.force_login(make_editor())

    response = run_action(client, "restore_selected", trashed, state="trashed")

    assert statuses(*trashed) == ["draft", "draft"]
    assert messages_in(response) == [("success", "2 articles restored as drafts.")]


def test_the_trash_list_shows_only_trashed_articles(client):
    trashed, draft = make_article_in("trashed"), make_article_in("draft")
    client.force_login(make_editor())

    default = client.get(reverse(CHANGELIST)).context["cl"].result_list
    trash = client.get(reverse(CHANGELIST), {"state": "trashed"}).context["cl"].result_list

    assert (list(default), list(trash)) == ([draft], [trashed])


def test_an_administrator_deletes_from_the_trash_for_good(client):
    trashed = [make_article_in("trashed"), make_article_in("trashed")]
    client.force_login(make_admin())

    response = run_action(client, "delete_permanently", trashed, state="trashed")

    assert not Article.objects.exists()
    assert messages_in(response) == [("success", "2 articles deleted for good.")]


def test_even_an_administrator_cannot_delete_an_article_outside_the_trash(client):
    live = make_published()
    client.force_login(make_admin())

    response = run_action(client, "delete_permanently", [live])

    assert statuses(live) == ["published"]
    assert ("warning", "1 selected article(s) are not in the trash and were kept.") in (
        messages_in(response)
    )
    assert client.get(url("delete", live)).status_code == 403


@pytest.mark.parametrize(
    ("role", "offered"),
    [
        ("columnist", {"trash_selected"}),
        ("editor", {"trash_selected", "restore_selected"}),
        (
            "admin",
            {"trash_selected", "restore_selected", "delete_permanently"},
        ),
    ],
)
def test_each_role_is_offered_only_its_actions(client, role, offered):
    client.force_login(MAKERS[role]())

    response = client.get(reverse(CHANGELIST))

    choices = {name for name, _ in response.context["action_form"].fields["action"].choices}
    assert choices - {""} == offered


def test_a_columnists_bulk_trash_reaches_only_their_own_drafts(client):
    columnist, own = bylined("draft")
    _, others = bylined("draft")
    client.force_login(columnist)

    run_action(client, "trash_selected", [own, others])

    assert statuses(own, others) == ["trashed", "draft"]


# Edit conflicts.


def save_meanwhile(article, by, **changes):
    """Someone else saves the article through the one edit path."""
    article = Article.objects.get(pk=article.pk)
    for field, value in changes.items():
        setattr(article, field, value)
    editing.save_edit(article, by=by, base_version=article.version, changed_fields=list(changes))


def test_a_save_over_someone_elses_newer_save_is_refused_then_allowed(client, frozen):
    author, article = bylined("draft", title="First title")
    editor = make_editor()
    client.force_login(editor)
    page = client.get(url("change", article))

    frozen.shift(timedelta(minutes=5))
    save_meanwhile(article, author, title="The author's title")
    frozen.shift(timedelta(minutes=5))
    conflict = client.post(url("change", article), change_form_data(page, title="Editor's title"))

    assert conflict.status_code == 200
    errors = conflict.context["adminform"].form.non_field_errors()
    assert len(errors) == 1 and "Someone else saved this article" in errors[0]
    assert stored(article)["title"] == "The author's title"

    again = client.post(url("change", article), change_form_data(conflict))

    assert again.status_code == 302
    assert stored(article)["title"] == "Editor's title"


def test_a_conflicting_save_and_publish_does_neither(client, frozen):
    _, article = bylined("submitted", title="Their title")
    client.force_login(make_editor())
    page = client.get(url("change", article))
    frozen.shift(timedelta(minutes=1))
    save_meanwhile(article, make_editor())

    response = client.post(
        url("change", article),
        change_form_data(page, title="Mine", _transition="publish"),
    )

    assert response.status_code == 200
    assert (stored(article)["title"], stored(article)["status"]) == ("Their title", "submitted")
    assert not ArticleEvent.objects.exists()


def test_a_transition_by_someone_else_also_counts_as_a_newer_save(client, frozen):
    columnist, article = bylined("draft")
    client.force_login(make_editor())
    page = client.get(url("change", article))
    frozen.shift(timedelta(minutes=1))
    workflow.submit(article, by=columnist)

    response = client.post(url("change", article), change_form_data(page, title="Overwrite"))

    assert response.status_code == 200
    assert stored(article)["title"] != "Overwrite"
    assert stored(article)["status"] == Status.SUBMITTED


def test_saving_twice_in_a_row_by_the_same_person_is_no_conflict(client, frozen):
    columnist, article = bylined("draft")
    client.force_login(columnist)

    assert save_form(client, article, title="One").status_code == 302
    frozen.shift(timedelta(minutes=1))
    assert save_form(client, article, title="Two").status_code == 302
    assert stored(article)["title"] == "Two"


# Revisions and renamed slugs.


@pytest.mark.parametrize(
    "change", [{"title": "A sharper headline"}, {"body": "<p>Corrected figures.</p>"}]
)
def test_editing_a_published_article_shows_readers_it_was_updated(client, frozen, change):
    article = make_published("Housing", authors=[make_author()], ago=timedelta(days=3))
    client.force_login(make_editor())

    save_form(client, article, **change)

    article.refresh_from_db()
    assert article.revised_at == NOW
    assert article.was_revised
    page = client.get(article.get_absolute_url())
    assert "Updated" in page.content.decode()


def test_saving_a_published_article_without_changes_is_no_update(client, frozen):
    article = make_published(authors=[make_author()])
    client.force_login(make_editor())

    assert save_form(client, article).status_code == 302

    assert stored(article)["revised_at"] is None


def test_editing_a_draft_is_no_update(client):
    columnist, article = bylined("draft")
    client.force_login(columnist)

    save_form(client, article, title="Still drafting")

    assert stored(article)["revised_at"] is None


def test_a_renamed_published_article_keeps_its_old_address(client):
    article = make_published(authors=[make_author()], slug="old-name")
    client.force_login(make_editor())

    save_form(client, article, slug="new-name")

    assert SlugRedirect.objects.get().old_slug == "old-name"
    client.logout()
    response = client.get("/old-name/")
    assert response.status_code == 301
    assert response["Location"] == "/new-name/"
    assert client.get("/new-name/").status_code == 200


def test_renaming_a_never_published_draft_leaves_no_redirect(client):
    columnist, article = bylined("draft")
    client.force_login(columnist)

    save_form(client, article, slug="a-better-slug")

    assert stored(article)["slug"] == "a-better-slug"
    assert not SlugRedirect.objects.exists()


# Preview.


@pytest.mark.parametrize("role", ["author", "editor"])
def test_preview_shows_the_unpublished_page_without_caching_or_indexing(client, role):
    columnist, article = bylined("submitted", title="Not out yet")
    client.force_login(columnist if role == "author" else make_editor())

    response = client.get(reverse("articles:preview", kwargs={"pk": article.pk}))

    assert response.status_code == 200
    assert "Not out yet" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= cache_control


@pytest.mark.parametrize("who", ["anonymous", "other columnist", "non-staff user"])
def test_preview_is_a_plain_404_for_everyone_else(client, who):
    _, article = bylined("draft")
    if who == "other columnist":
        client.force_login(make_columnist())
    elif who == "non-staff user":
        client.force_login(
            type(make_editor()).objects.create_user("reader", password="pw-for-tests-1")
        )

    response = client.get(reverse("articles:preview", kwargs={"pk": article.pk}))

    assert response.status_code == 404
    assert article.title not in response.content.decode()


def test_the_change_page_links_to_the_preview(client):
    columnist, article = bylined("draft")
    client.force_login(columnist)

    page = client.get(url("change", article))

    assert reverse("articles:preview", kwargs={"pk": article.pk}) in page.content.decode()


# The review desk and assigning.


def test_the_review_desk_lists_submissions_overdue_first_then_longest_waiting(client, frozen):
    newer = make_article_in("submitted", title="Newer", submitted_at=NOW - timedelta(hours=2))
    older = make_article_in("submitted", title="Older", submitted_at=NOW - timedelta(days=2))
    overdue = make_article_in(
        "submitted",
        title="Overdue",
        submitted_at=NOW - timedelta(hours=1),
        review_due=NOW.date() - timedelta(days=1),
    )
    make_article_in("draft", title="Not submitted")
    client.force_login(make_editor())

    response = client.get(reverse("admin:articles_article_review_desk"))

    assert response.status_code == 200
    assert list(response.context["queue"]) == [overdue, older, newer]
    content = response.content.decode()
    assert "Not submitted" not in content
    assert "2\xa0days" in content and "2\xa0hours" in content
    assert "Overdue</span>" in content


@pytest.mark.parametrize("who", ["columnist", "anonymous"])
def test_the_review_desk_is_for_editors(client, who):
    if who == "columnist":
        client.force_login(make_columnist())

    response = client.get(reverse("admin:articles_article_review_desk"))

    if who == "columnist":
        assert response.status_code == 403
    else:
        assert response["Location"].startswith(reverse("admin:login"))


def test_assigning_from_the_review_desk_returns_to_it(client, frozen):
    _, article = bylined("submitted")
    editor, reviewer = make_editor(), make_editor()
    client.force_login(editor)
    desk = reverse("admin:articles_article_review_desk")

    response = client.post(
        url("assign", article),
        {"assignee": reviewer.pk, "due": "2026-03-12", "next": desk},
    )

    assert response["Location"] == desk
    article.refresh_from_db()
    assert (article.assignee, article.review_due) == (reviewer, datetime(2026, 3, 12).date())
    assert ArticleEvent.objects.get(action=Action.ASSIGN).actor == editor


@pytest.mark.parametrize(
    ("state", "assignee", "due", "message"),
    [
        ("submitted", "editor", "2026-03-09", "The due date has already passed"),
        ("submitted", "columnist", "2026-03-12", "Select a valid choice"),
        ("draft", "editor", "2026-03-12", "Only articles in review can be assigned."),
        ("submitted", "editor", "soon", "Enter the due date as a date"),
    ],
    ids=["past-due", "columnist-assignee", "not-in-review", "not-a-date"],
)
def test_assigning_is_refused_with_a_message(client, frozen, state, assignee, due, message):
    _, article = bylined(state)
    person = make_editor() if assignee == "editor" else make_columnist()
    client.force_login(make_editor())

    response = client.post(
        url("assign", article), {"assignee": person.pk, "due": due, "next": "https://evil.test/"}
    )

    assert response["Location"] == url("change", article)
    assert (stored(article)["assignee_id"], stored(article)["review_due"]) == (None, None)
    [(level, text)] = messages_in(response)
    assert level == "error" and message in text


# Review notes.


def post_note(client, article, **data):
    return client.post(url("notes", article), data)


def test_editor_and_author_hold_a_conversation_in_notes(client):
    columnist, article = bylined("submitted")
    editor = make_editor()
    client.force_login(editor)
    post_note(client, article, body="Is the 40% figure sourced?")
    note = ReviewNote.objects.get()

    client.force_login(columnist)
    response = post_note(client, article, body="Yes, ONS 2025.", parent=note.pk)
    assert response["Location"] == url("change", article)
    reply = ReviewNote.objects.get(parent=note)
    post_note(client, article, body="And a footnote.", parent=reply.pk)  # stays one level deep
    post_note(client, article, resolve=note.pk)

    note.refresh_from_db()
    assert (note.author, note.resolved_by, note.is_resolved) == (editor, columnist, True)
    assert list(note.replies.values_list("body", "author")) == [
        ("Yes, ONS 2025.", columnist.pk),
        ("And a footnote.", columnist.pk),
    ]

    client.force_login(editor)
    post_note(client, article, reopen=note.pk)
    note.refresh_from_db()
    assert not note.is_resolved


@pytest.mark.parametrize("body", ["", "   ", "x" * 5001])
def test_an_empty_or_overlong_note_is_refused(client, body):
    columnist, article = bylined("draft")
    client.force_login(columnist)

    response = post_note(client, article, body=body)

    assert not ReviewNote.objects.exists()
    assert [level for level, _ in messages_in(response)] == ["error"]


def test_a_note_of_another_article_cannot_be_resolved_through_this_one(client):
    columnist, own = bylined("draft")
    _, others = bylined("submitted")
    foreign = ReviewNote.objects.create(article=others, author=make_editor(), body="Private.")
    client.force_login(columnist)

    response = post_note(client, own, resolve=foreign.pk)

    foreign.refresh_from_db()
    assert not foreign.is_resolved
    assert messages_in(response) == [("error", "That note no longer exists.")]


def test_the_notes_url_takes_only_posts(client):
    columnist, article = bylined("draft")
    client.force_login(columnist)

    assert client.get(url("notes", article)).status_code == 405


@pytest.mark.parametrize("state", ["changes_requested", "submitted"])
def test_the_author_sees_open_notes_at_the_top_of_the_article_page(client, state):
    columnist, article = bylined(state)
    editor = make_editor()
    open_note = ReviewNote.objects.create(article=article, author=editor, body="Cut the intro.")
    ReviewNote.objects.create(
        article=article,
        author=editor,
        body="Old point.",
        resolved_at=timezone.now(),
        resolved_by=columnist,
    )
    client.force_login(columnist)

    page = client.get(url("change", article))

    assert page.context["open_notes"] == [open_note]
    content = page.content.decode()
    panel = content[content.index('class="workflow-panel"') : content.index("</section>")]
    assert "1 open note" in panel and "Cut the intro." in panel
    assert "Old point." not in panel
    assert "Old point." in content  # still in the full thread below


def test_other_columnists_never_see_notes_text(client):
    author, article = bylined("changes_requested", title="Their piece")
    workflow.request_changes(
        make_article_in("submitted", authors=[author.author_profile]),
        by=make_editor(),
        note="Secret editorial remark.",
    )
    ReviewNote.objects.create(article=article, author=make_editor(), body="Another secret.")
    other, own = bylined("draft", title="Own piece")
    client.force_login(other)

    pages = [
        reverse("admin:index"),
        reverse(CHANGELIST),
        url("change", own),
        reverse("articles:preview", kwargs={"pk": own.pk}),
        url("change", article),
        url("history", article),
        reverse("admin:articles_articleevent_changelist"),
    ]
    for page in pages:
        content = client.get(page, follow=True).content.decode()
        assert "secret" not in content.lower(), page
        assert "Their piece" not in content, page
    search = client.get(reverse(CHANGELIST), {"q": "Their piece"})
    assert not search.context["cl"].result_list


def test_replies_in_a_resolved_thread_are_no_longer_waiting(client):
    columnist, article = bylined("changes_requested")
    editor = make_editor()
    client.force_login(editor)
    post_note(client, article, body="Cut the intro.")
    thread = ReviewNote.objects.get()
    client.force_login(columnist)
    post_note(client, article, body="Which part?", parent=thread.pk)
    client.force_login(editor)
    post_note(client, article, body="The first two paragraphs.", parent=thread.pk)
    client.force_login(columnist)
    post_note(client, article, resolve=thread.pk)

    assert client.get(url("change", article)).context["open_notes"] == []
    assert client.get(reverse("admin:index")).context["open_threads"] == []


# The dashboard.


def test_the_editors_dashboard_shows_the_desk(client, frozen):
    author = make_author("Rosa Ruiz")
    waiting = make_article_in(
        "submitted", title="Bus lanes now", authors=[author], submitted_at=NOW - timedelta(hours=5)
    )
    make_article_in("scheduled", title="Out tomorrow", authors=[author])
    make_article_in("draft", title="Early draft")
    editor = make_editor()
    workflow.request_changes(waiting, by=editor, note="Shorter, please.")
    workflow.submit(waiting, by=editor)
    frozen.shift(timedelta(hours=1))
    client.force_login(editor)

    response = client.get(reverse("admin:index"))

    counts = dict(response.context["state_counts"])
    assert (counts["draft"], counts["submitted"], counts["scheduled"]) == (1, 1, 1)
    content = response.content.decode()
    assert "Bus lanes now</a>" in content and "Rosa Ruiz, waiting 1\xa0hour" in content
    assert "Out tomorrow</a>" in content
    assert "changes requested <a" in content and "submitted for review <a" in content


def test_a_columnists_dashboard_shows_their_own_work_and_notes_only(client):
    columnist = make_columnist()
    own = columnist.author_profile
    make_article_in("draft", title="My draft", authors=[own])
    make_article_in("submitted", title="My submission", authors=[own])
    revise = make_article_in("changes_requested", title="My revision", authors=[own])
    ReviewNote.objects.create(article=revise, author=make_editor(), body="Add a source.")
    ReviewNote.objects.create(article=revise, author=columnist, body="My own remark.")
    other = make_columnist().author_profile
    for state in ("draft", "submitted", "changes_requested", "scheduled"):
        theirs = make_article_in(state, title=f"Their {state}", authors=[other])
    ReviewNote.objects.create(article=theirs, author=make_editor(), body="Their note.")
    client.force_login(columnist)

    response = client.get(reverse("admin:index"))

    assert [a.title for a in response.context["drafts"]] == ["My draft"]
    assert [a.title for a in response.context["in_review"]] == ["My submission"]
    assert [a.title for a in response.context["changes_requested"]] == ["My revision"]
    assert [(n.body, n.your_turn) for n in response.context["open_threads"]] == [
        ("Add a source.", True),
        ("My own remark.", False),
    ]
    assert "state_counts" not in response.context
    content = response.content.decode()
    assert "Their " not in content and "Their note." not in content


# The audit log.


def test_editors_read_and_filter_the_audit_log(client):
    editor = make_editor()
    first, second = bylined("submitted")[1], bylined("submitted")[1]
    workflow.publish(first, by=editor)
    workflow.request_changes(second, by=editor, note="More data.")
    client.force_login(editor)
    log = reverse("admin:articles_articleevent_changelist")

    assert client.get(log).status_code == 200
    by_action = client.get(log, {"action": "publish"}).context["cl"].result_list
    by_article = client.get(log, {"article": second.pk}).context["cl"].result_list

    assert [e.article for e in by_action] == [first]
    assert [e.action for e in by_article] == ["request_changes"]


def test_columnists_cannot_open_the_audit_log(client):
    client.force_login(make_columnist())

    assert client.get(reverse("admin:articles_articleevent_changelist")).status_code == 403


@pytest.mark.parametrize("maker", [make_editor, make_admin], ids=["editor", "admin"])
def test_no_one_adds_changes_or_deletes_audit_log_entries(client, maker):
    author, article = bylined("submitted")
    workflow.withdraw(article, by=author)
    event = ArticleEvent.objects.get()
    client.force_login(maker())
    change = reverse("admin:articles_articleevent_change", args=[event.pk])

    assert client.get(reverse("admin:articles_articleevent_add")).status_code == 403
    assert client.get(change).context["has_change_permission"] is False
    assert client.post(change, {"note": "Rewritten"}).status_code == 403
    delete = reverse("admin:articles_articleevent_delete", args=[event.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.note == ""
