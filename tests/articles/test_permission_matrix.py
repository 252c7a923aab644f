"""Who may do what to an article, in which state: the whole policy as tables.

Roles: the columnist with a byline on the article ("author"), another columnist
("other"), an editor and an administrator. States are those of
``tests.factories.ARTICLE_STATES``; "due" is a schedule whose time has come, which
reads as published. Each table row is checked through ``workflow.perform`` and
through the admin, so the functions and the pages cannot drift apart.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles import revisions, workflow
from articles.models import Action, Approval, Article, ArticleEvent, ReviewNote, Revision
from tests.admin_forms import change_form_data
from tests.factories import (
    ARTICLE_STATES,
    make_admin,
    make_article_in,
    make_columnist,
    make_editor,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root():
    """The matrix uploads nothing, so it skips the per-test media folder (about 3 s)."""


STATES = list(ARTICLE_STATES)
ROLES = ["author", "other", "editor", "admin"]

# Y: allowed, .: refused. Columns: draft, submitted, changes_requested, scheduled,
# published, due (a schedule whose time has come), unpublished, trashed.
#                                    dft sub chg sch pub due unp trs
TRANSITION_POLICY = [
    ("submit",          "author",   "Y   .   Y   .   .   .   .   ."),
    ("submit",          "other",    ".   .   .   .   .   .   .   ."),
    ("submit",          "editor",   "Y   .   Y   .   .   .   .   ."),
    ("submit",          "admin",    "Y   .   Y   .   .   .   .   ."),
    ("withdraw",        "author",   ".   Y   .   .   .   .   .   ."),
    ("withdraw",        "other",    ".   .   .   .   .   .   .   ."),
    ("withdraw",        "editor",   ".   .   .   .   .   .   .   ."),
    ("withdraw",        "admin",    ".   .   .   .   .   .   .   ."),
    ("request_changes", "author",   ".   .   .   .   .   .   .   ."),
    ("request_changes", "other",    ".   .   .   .   .   .   .   ."),
    ("request_changes", "editor",   ".   Y   .   .   .   .   Y   ."),
    ("request_changes", "admin",    ".   Y   .   .   .   .   Y   ."),
    ("publish",         "author",   ".   .   .   .   .   .   .   ."),
    ("publish",         "other",    ".   .   .   .   .   .   .   ."),
    ("publish",         "editor",   "Y   Y   Y   Y   .   .   Y   ."),
    ("publish",         "admin",    "Y   Y   Y   Y   .   .   Y   ."),
    ("schedule",        "author",   ".   .   .   .   .   .   .   ."),
    ("schedule",        "other",    ".   .   .   .   .   .   .   ."),
    ("schedule",        "editor",   "Y   Y   Y   Y   .   .   Y   ."),
    ("schedule",        "admin",    "Y   Y   Y   Y   .   .   Y   ."),
    ("unpublish",       "author",   ".   .   .   .   .   .   .   ."),
    ("unpublish",       "other",    ".   .   .   .   .   .   .   ."),
    ("unpublish",       "editor",   ".   .   .   Y   Y   Y   .   ."),
    ("unpublish",       "admin",    ".   .   .   Y   Y   Y   .   ."),
    ("trash",           "author",   "Y   .   Y   .   .   .   .   ."),
    ("trash",           "other",    ".   .   .   .   .   .   .   ."),
    ("trash",           "editor",   "Y   Y   Y   .   .   .   Y   ."),
    ("trash",           "admin",    "Y   Y   Y   .   .   .   Y   ."),
    ("restore",         "author",   ".   .   .   .   .   .   .   ."),
    ("restore",         "other",    ".   .   .   .   .   .   .   ."),
    ("restore",         "editor",   ".   .   .   .   .   .   .   Y"),
    ("restore",         "admin",    ".   .   .   .   .   .   .   Y"),
]  # fmt: skip

# The article's admin change page. E: the editing form, P: the editing form, but a save
# waits for an editor's approval as a pending revision, R: read-only, -: not shown.
#                       dft sub chg sch pub due unp trs
CHANGE_PAGE_POLICY = {
    "author":          "E   R   E   P   P   P   R   R",
    "other":           "-   -   -   -   -   -   -   -",
    "editor":          "E   E   E   E   E   E   E   R",
    "admin":           "E   E   E   E   E   E   E   R",
}  # fmt: skip

# Every other admin page, view, action and endpoint for one article. Y: allowed, .: refused.
#                                        dft sub chg sch pub due unp trs
VIEW_POLICY = [
    ("history page",       "author",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("history page",       "other",     ".   .   .   .   .   .   .   ."),
    ("history page",       "editor",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("history page",       "admin",     "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("preview",            "author",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("preview",            "other",     ".   .   .   .   .   .   .   ."),
    ("preview",            "editor",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("preview",            "admin",     "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("preview",            "anonymous", ".   .   .   .   .   .   .   ."),
    ("notes",              "author",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("notes",              "other",     ".   .   .   .   .   .   .   ."),
    ("notes",              "editor",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("notes",              "admin",     "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("assign",             "author",    ".   .   .   .   .   .   .   ."),
    ("assign",             "other",     ".   .   .   .   .   .   .   ."),
    ("assign",             "editor",    ".   Y   .   .   .   .   .   ."),
    ("assign",             "admin",     ".   Y   .   .   .   .   .   ."),
    ("listed",             "author",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("listed",             "other",     ".   .   .   .   .   .   .   ."),
    ("listed",             "editor",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("listed",             "admin",     "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("autocomplete",       "author",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("autocomplete",       "other",     ".   .   .   .   .   .   .   ."),
    ("autocomplete",       "editor",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("autocomplete",       "admin",     "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("trash_selected",     "author",    "Y   .   Y   .   .   .   .   ."),
    ("trash_selected",     "other",     ".   .   .   .   .   .   .   ."),
    ("trash_selected",     "editor",    "Y   Y   Y   .   .   .   Y   ."),
    ("trash_selected",     "admin",     "Y   Y   Y   .   .   .   Y   ."),
    ("restore_selected",   "author",    ".   .   .   .   .   .   .   ."),
    ("restore_selected",   "other",     ".   .   .   .   .   .   .   ."),
    ("restore_selected",   "editor",    ".   .   .   .   .   .   .   Y"),
    ("restore_selected",   "admin",     ".   .   .   .   .   .   .   Y"),
    ("delete_permanently", "author",    ".   .   .   .   .   .   .   ."),
    ("delete_permanently", "other",     ".   .   .   .   .   .   .   ."),
    ("delete_permanently", "editor",    ".   .   .   .   .   .   .   ."),
    ("delete_permanently", "admin",     ".   .   .   .   .   .   .   Y"),
    ("delete page",        "author",    ".   .   .   .   .   .   .   ."),
    ("delete page",        "other",     ".   .   .   .   .   .   .   ."),
    ("delete page",        "editor",    ".   .   .   .   .   .   .   ."),
    ("delete page",        "admin",     ".   .   .   .   .   .   .   ."),
    ("revisions page",     "author",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("revisions page",     "other",     ".   .   .   .   .   .   .   ."),
    ("revisions page",     "editor",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("revisions page",     "admin",     "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("compare",            "author",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("compare",            "other",     ".   .   .   .   .   .   .   ."),
    ("compare",            "editor",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("compare",            "admin",     "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("restore revision",   "author",    "Y   .   Y   Y   Y   Y   .   ."),
    ("restore revision",   "other",     ".   .   .   .   .   .   .   ."),
    ("restore revision",   "editor",    "Y   Y   Y   Y   Y   Y   Y   ."),
    ("restore revision",   "admin",     "Y   Y   Y   Y   Y   Y   Y   ."),
    ("autosave",           "author",    "Y   .   Y   Y   Y   Y   .   ."),
    ("autosave",           "other",     ".   .   .   .   .   .   .   ."),
    ("autosave",           "editor",    "Y   Y   Y   Y   Y   Y   Y   ."),
    ("autosave",           "admin",     "Y   Y   Y   Y   Y   Y   Y   ."),
    ("correction",         "author",    ".   .   .   .   .   .   .   ."),
    ("correction",         "other",     ".   .   .   .   .   .   .   ."),
    ("correction",         "editor",    ".   .   .   .   Y   Y   Y   ."),
    ("correction",         "admin",     ".   .   .   .   Y   Y   Y   ."),
    ("approve change",     "author",    ".   .   .   .   .   .   .   ."),
    ("approve change",     "other",     ".   .   .   .   .   .   .   ."),
    ("approve change",     "editor",    ".   .   .   Y   Y   Y   .   ."),
    ("approve change",     "admin",     ".   .   .   Y   Y   Y   .   ."),
    ("send back change",   "author",    ".   .   .   .   .   .   .   ."),
    ("send back change",   "other",     ".   .   .   .   .   .   .   ."),
    ("send back change",   "editor",    "Y   Y   Y   Y   Y   Y   Y   Y"),
    ("send back change",   "admin",     "Y   Y   Y   Y   Y   Y   Y   Y"),
]  # fmt: skip
# Corrections go on articles readers have seen (an unpublished one keeps its corrections
# for when it returns). A pending change goes live only while its article is live; an
# editor may send one back whatever became of the article.
# The admin delete page is refused even to administrators for a trashed article: it
# would delete the article's audit log, which no one may. Deleting for good is the
# delete_permanently action's job.


def cells(table):
    """``(name, role, state, mark)`` for every cell of a policy table."""
    return [
        (name, role, state, mark)
        for name, role, row in table
        for state, mark in zip(STATES, row.split(), strict=True)
    ]


def allowed_transitions_for(role, state):
    return {
        name
        for name, r, s, mark in cells(TRANSITION_POLICY)
        if (r, s) == (role, state) and mark == "Y"
    }


TRANSITION_CASES = [
    pytest.param(name, role, state, mark == "Y", id=f"{role}-{name}-{state}")
    for name, role, state, mark in cells(TRANSITION_POLICY)
]
VIEW_CASES = [
    pytest.param(view, role, state, mark == "Y", id=f"{role}-{view}-{state}")
    for view, role, state, mark in cells(VIEW_POLICY)
]
CHANGE_PAGE_CASES = [
    pytest.param(role, state, mark, id=f"{role}-{state}")
    for role, row in CHANGE_PAGE_POLICY.items()
    for state, mark in zip(STATES, row.split(), strict=True)
]

TARGET = {
    "submit": "submitted",
    "withdraw": "draft",
    "request_changes": "changes_requested",
    "publish": "published",
    "schedule": "scheduled",
    "unpublish": "unpublished",
    "trash": "trashed",
    "restore": "draft",
}
NOTE = "The second paragraph needs a source."


def value_for(name):
    """What the transition asks for: a note, a reason or a time."""
    if name == "schedule":
        return timezone.now() + timedelta(days=2)
    return NOTE if workflow.RULES[name].needs else None


def transition_post(name, article):
    """The workflow panel's inputs, as the browser sends them."""
    publish_at = timezone.localtime(timezone.now() + timedelta(days=2))
    return {
        "_transition": name,
        "_transition_version": str(article.version),
        "_transition_note": NOTE,
        "_transition_publish_at": publish_at.strftime("%Y-%m-%dT%H:%M"),
    }


def cast(role, state):
    """The user playing ``role`` and a publishable article in ``state`` with one byline."""
    author = make_columnist()
    article = make_article_in(state, authors=[author.author_profile])
    users = {
        "author": lambda: author,
        "other": make_columnist,
        "editor": make_editor,
        "admin": make_admin,
        "anonymous": AnonymousUser,
    }
    return users[role](), article


def stored(article):
    return Article.objects.filter(pk=article.pk).values().first()


def messages_in(response):
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def admin_url(name, article):
    pk = getattr(article, "pk", article)
    return reverse(f"admin:articles_article_{name}", args=[pk])


def assert_hidden(response, article):
    """The page gives nothing away: refused, missing, or the admin's "doesn't exist" redirect."""
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:
        assert response["Location"] == reverse("admin:index")
    assert article.title not in response.content.decode()


def assert_moved(article, user, name, before):
    article.refresh_from_db()
    assert article.status == TARGET[name]
    event = ArticleEvent.objects.get(article=article)
    assert (event.actor, event.action, event.from_status, event.to_status) == (
        user,
        name,
        before["status"],
        TARGET[name],
    )


def assert_untouched(article, before):
    assert stored(article) == before
    assert not ArticleEvent.objects.exists()
    assert not ReviewNote.objects.exists()


# Transitions, through the workflow functions.


@pytest.mark.parametrize(("name", "role", "state", "allowed"), TRANSITION_CASES)
def test_perform_follows_the_policy(name, role, state, allowed):
    user, article = cast(role, state)
    before = stored(article)

    if allowed:
        workflow.perform(name, article, by=user, value=value_for(name), seen=article.version)
        assert_moved(article, user, name, before)
    else:
        with pytest.raises(workflow.TransitionError):
            workflow.perform(name, article, by=user, value=value_for(name), seen=article.version)
        assert_untouched(article, before)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", list(workflow.RULES))
def test_anonymous_can_make_no_transition(name, state):
    user, article = cast("anonymous", state)
    before = stored(article)

    with pytest.raises(workflow.TransitionError):
        workflow.perform(name, article, by=user, value=value_for(name), seen=article.version)

    assert_untouched(article, before)


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_available_transitions_are_the_allowed_ones(role, state):
    user, article = cast(role, state)

    assert set(workflow.available_transitions(user, article)) == allowed_transitions_for(
        role, state
    )


# Transitions, through the admin.


@pytest.mark.parametrize(("name", "role", "state", "allowed"), TRANSITION_CASES)
def test_workflow_post_follows_the_policy(client, name, role, state, allowed):
    """The workflow URL takes the panel's buttons; a crafted POST gets no further."""
    user, article = cast(role, state)
    client.force_login(user)
    before = stored(article)

    response = client.post(admin_url("workflow", article), transition_post(name, article))

    if allowed:
        assert response.status_code == 302
        assert_moved(article, user, name, before)
        assert [level for level, _ in messages_in(response)] == ["success"]
    elif role == "other":
        assert response.status_code == 404
        assert_untouched(article, before)
    else:
        assert response.status_code == 302
        assert_untouched(article, before)
        assert [level for level, _ in messages_in(response)] == ["error"]


def change_form_route_cases():
    """For each role and transition, one state whose page is the editing form."""
    cases = []
    for role, row in CHANGE_PAGE_POLICY.items():
        editable = [s for s, mark in zip(STATES, row.split(), strict=True) if mark == "E"]
        for name in workflow.RULES:
            allowed = [s for s in editable if name in allowed_transitions_for(role, s)]
            if editable:
                state = (allowed or editable)[0]
                cases.append(
                    pytest.param(name, role, state, bool(allowed), id=f"{role}-{name}-{state}")
                )
    return cases


@pytest.mark.parametrize(("name", "role", "state", "allowed"), change_form_route_cases())
def test_change_form_transition_follows_the_policy(client, name, role, state, allowed):
    """ "Save and …" buttons post the whole form; a button the user lacks is refused."""
    user, article = cast(role, state)
    client.force_login(user)
    url = admin_url("change", article)
    before = stored(article)

    page = client.get(url)
    response = client.post(url, change_form_data(page, **transition_post(name, article)))

    assert response.status_code == 302
    if allowed:
        assert_moved(article, user, name, before)
        assert [level for level, _ in messages_in(response)] == ["success"]
    else:
        article.refresh_from_db()
        for field in ("status", "published_at", "submitted_at", "assignee_id", "revised_at"):
            assert getattr(article, field) == before[field]
        assert not ArticleEvent.objects.exists()
        assert [level for level, _ in messages_in(response)] == ["error"]


# Pages, views, actions and endpoints.


@pytest.mark.parametrize(("role", "state", "access"), CHANGE_PAGE_CASES)
def test_change_page_follows_the_policy(client, role, state, access):
    user, article = cast(role, state)
    client.force_login(user)
    url = admin_url("change", article)
    before = stored(article)

    response = client.get(url)

    if access == "-":
        assert_hidden(response, article)
        crafted = {"title": "Overwritten", "slug": article.slug, "body": "<p>Mine now.</p>"}
        assert_hidden(client.post(url, crafted), article)
        assert stored(article) == before
        return
    assert response.status_code == 200
    assert response.context["has_change_permission"] is (access in "EP")
    offered = {name for name, _ in response.context["transitions"]}
    assert offered == allowed_transitions_for(role, state)

    response = client.post(url, change_form_data(response, title="Edited title"))

    article.refresh_from_db()
    if access == "E":
        assert response.status_code == 302
        assert article.title == "Edited title"
    elif access == "P":
        assert response.status_code == 302
        assert stored(article) == before
        assert Revision.objects.pending().get(article=article).content["title"] == "Edited title"
    else:
        assert response.status_code == 403
        assert stored(article) == before


def check_history_page(client, article):
    response = client.get(admin_url("history", article))
    if response.status_code == 200:
        return True
    assert_hidden(response, article)
    return False


def check_preview(client, article):
    response = client.get(reverse("articles:preview", kwargs={"pk": article.pk}))
    if response.status_code != 200:
        assert response.status_code == 404
        return False
    assert article.title in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"no-cache", "no-store", "private"} <= cache_control
    return True


def check_notes(client, article):
    response = client.post(admin_url("notes", article), {"body": "A note from the matrix."})
    added = ReviewNote.objects.filter(article=article, body="A note from the matrix.").exists()
    if not added:
        assert response.status_code == 404
    return added


def check_assign(client, article):
    reviewer = make_editor()
    due = timezone.localdate() + timedelta(days=2)
    response = client.post(
        admin_url("assign", article), {"assignee": reviewer.pk, "due": due.isoformat()}
    )
    article.refresh_from_db()
    assigned = article.assignee == reviewer
    assert assigned == ArticleEvent.objects.filter(article=article, action=Action.ASSIGN).exists()
    if not assigned:
        refused_with_message = [level for level, _ in messages_in(response)] == ["error"]
        assert response.status_code == 404 or refused_with_message
        assert article.review_due is None
    return assigned


def check_listed(client, article):
    response = client.get(
        reverse("admin:articles_article_changelist"), {"state": article.state.value}
    )
    assert response.status_code == 200
    listed = article in response.context["cl"].result_list
    assert listed == (article.title in response.content.decode())
    return listed


# Every relation to an article that the autocomplete endpoint could be asked about.
ARTICLE_FIELDS = [
    ("articles", "articleevent", "article"),
    ("articles", "reviewnote", "article"),
    ("articles", "byline", "article"),
    ("articles", "slugredirect", "article"),
    ("articles", "taggedarticle", "content_object"),
]


def check_autocomplete(client, article):
    found = set()
    for app_label, model_name, field_name in ARTICLE_FIELDS:
        response = client.get(
            reverse("admin:autocomplete"),
            {
                "app_label": app_label,
                "model_name": model_name,
                "field_name": field_name,
                "term": article.title,
            },
        )
        if response.status_code == 200:
            ids = {result["id"] for result in response.json()["results"]}
            found.add(str(article.pk) in ids)
        else:
            assert response.status_code in (403, 404)
            found.add(False)
    assert len(found) == 1, "every field must answer the same"
    return found.pop()


def run_action(client, article, action):
    return client.post(
        reverse("admin:articles_article_changelist") + f"?state={article.state.value}",
        {"action": action, "_selected_action": [article.pk], "index": 0},
    )


def check_trash_selected(client, article):
    run_action(client, article, "trash_selected")
    return Article.objects.get(pk=article.pk).status == "trashed" and article.status != "trashed"


def check_restore_selected(client, article):
    run_action(client, article, "restore_selected")
    return Article.objects.get(pk=article.pk).status == "draft" and article.status != "draft"


def check_delete_permanently(client, article):
    run_action(client, article, "delete_permanently")
    return not Article.objects.filter(pk=article.pk).exists()


def check_delete_page(client, article):
    ArticleEvent.objects.create(article=article, action=Action.CREATE, to_status="draft")
    url = admin_url("delete", article)
    page = client.get(url)
    client.post(url, {"post": "yes"})
    deleted = not Article.objects.filter(pk=article.pk).exists()
    assert deleted == (page.status_code == 200 and not page.context["perms_lacking"])
    return deleted


def _old_revision(article):
    editor = make_editor()
    return revisions.record(article, by=editor)


def check_revisions_page(client, article):
    revision = _old_revision(article)
    response = client.get(admin_url("revisions", article))
    if response.status_code != 200:
        assert_hidden(response, article)
        return False
    assert revision in list(response.context["revision_history"])
    return True


def check_compare(client, article):
    revision = _old_revision(article)
    response = client.get(admin_url("revision_compare", article), {"from": revision.pk})
    if response.status_code != 200:
        assert_hidden(response, article)
        return False
    return True


def check_restore_revision(client, article):
    revision = _old_revision(article)
    Article.objects.filter(pk=article.pk).update(title="A later headline")
    count = Revision.objects.count()
    response = client.post(
        reverse("admin:articles_article_revision_restore", args=[article.pk, revision.pk])
    )
    restored = Revision.objects.count() > count
    if not restored:
        assert response.status_code == 404 or [lvl for lvl, _ in messages_in(response)] == ["error"]
    Article.objects.filter(pk=article.pk).update(title=article.title)
    return restored


def check_autosave(client, article):
    page_version = str(article.version)
    response = client.post(
        admin_url("autosave", article),
        {
            "title": "Typed, not saved",
            "body": "<p>Half a thought</p>",
            "loaded_version": page_version,
        },
    )
    saved = Revision.objects.filter(kind="autosave", article=article).exists()
    assert saved == (response.status_code == 200)
    if not saved:
        assert response.status_code in (403, 404)
    return saved


def check_correction(client, article):
    response = client.post(admin_url("corrections", article), {"text": "We misspelt a name."})
    added = article.corrections.exists()
    if not added:
        assert response.status_code == 404 or [lvl for lvl, _ in messages_in(response)] == ["error"]
    return added


def _pending(article):
    author = article.bylines.get().author.user
    article.title = "A pending headline"
    revision = Revision.objects.create(
        article=article,
        kind="pending",
        approval=Approval.PENDING,
        content=revisions.snapshot(article),
        created_by=author,
        created_at=timezone.now(),
    )
    article.refresh_from_db()
    return revision


def check_approve_change(client, article):
    revision = _pending(article)
    response = client.post(
        reverse("admin:articles_article_revision_approve", args=[article.pk, revision.pk]),
        {"seen": revisions.fingerprint(revision)},
    )
    revision.refresh_from_db()
    approved = revision.approval == Approval.APPROVED
    assert approved == (Article.objects.get(pk=article.pk).title == "A pending headline")
    if not approved:
        assert response.status_code == 404 or [lvl for lvl, _ in messages_in(response)] == ["error"]
    else:
        Article.objects.filter(pk=article.pk).update(
            title=article.title, revised_at=article.revised_at, updated_at=article.updated_at
        )
    return approved


def check_send_back_change(client, article):
    revision = _pending(article)
    response = client.post(
        reverse("admin:articles_article_revision_send_back", args=[article.pk, revision.pk]),
        {"note": "Not this week."},
    )
    revision.refresh_from_db()
    returned = revision.approval == Approval.RETURNED
    if not returned:
        assert response.status_code == 404 or [lvl for lvl, _ in messages_in(response)] == ["error"]
    return returned


VIEW_CHECKS = {
    "revisions page": check_revisions_page,
    "compare": check_compare,
    "restore revision": check_restore_revision,
    "autosave": check_autosave,
    "correction": check_correction,
    "approve change": check_approve_change,
    "send back change": check_send_back_change,
    "history page": check_history_page,
    "preview": check_preview,
    "notes": check_notes,
    "assign": check_assign,
    "listed": check_listed,
    "autocomplete": check_autocomplete,
    "trash_selected": check_trash_selected,
    "restore_selected": check_restore_selected,
    "delete_permanently": check_delete_permanently,
    "delete page": check_delete_page,
}


@pytest.mark.parametrize(("view", "role", "state", "allowed"), VIEW_CASES)
def test_admin_view_follows_the_policy(client, view, role, state, allowed):
    user, article = cast(role, state)
    if user.is_authenticated:
        client.force_login(user)
    before = stored(article)

    assert VIEW_CHECKS[view](client, article) is allowed

    if not allowed:
        assert stored(article) == before


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize(
    "name", ["workflow", "notes", "assign", "revisions", "autosave", "corrections"]
)
def test_the_custom_urls_are_404_to_other_columnists(client, name, state):
    user, article = cast("other", state)
    client.force_login(user)
    data = {**transition_post("publish", article), "body": "Hello", "assignee": user.pk}

    assert client.post(admin_url(name, article), data).status_code == 404
    assert client.post(admin_url(name, 10**6), data).status_code == 404


ADMIN_URLS = [
    "change",
    "history",
    "workflow",
    "notes",
    "assign",
    "delete",
    "revisions",
    "revision_compare",
    "autosave",
    "corrections",
]


@pytest.mark.parametrize("name", ADMIN_URLS)
def test_anonymous_is_sent_to_the_login_page(client, name):
    article = make_article_in("draft")

    for response in (client.get(admin_url(name, article)), client.post(admin_url(name, article))):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    assert stored(article)["status"] == "draft"


def test_columnists_get_only_their_own_author_profile_from_the_authors_autocomplete(client):
    columnist, other = make_columnist(), make_columnist()
    client.force_login(columnist)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "byline", "field_name": "author", "term": ""},
    )

    ids = set()
    if response.status_code == 200:
        ids = {result["id"] for result in response.json()["results"]}
    assert str(other.author_profile.pk) not in ids


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_find_every_author_for_bylines(client, role):
    user, _ = cast(role, "draft")
    columnists = [make_columnist(), make_columnist()]
    client.force_login(user)

    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "byline", "field_name": "author", "term": ""},
    )

    ids = {result["id"] for result in response.json()["results"]}
    assert {str(c.author_profile.pk) for c in columnists} <= ids
