"""Every way into an article is validated like the writing form (issue 13 §2).

Autosave, restore and approval of a pending change put their content through the
form (``articles.content``) and refuse with its message: no new topics for a
columnist, no more than ten, no over-long field, no 500 and no ``DataError``.
"""

import time

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles import revisions, workflow
from articles.content import AUTOSAVE_MAX_BYTES
from articles.models import Approval, Article, Revision, RevisionKind, Topic
from tests.factories import make_article_in, make_columnist, make_editor

pytestmark = pytest.mark.django_db

FLOOD = ",".join(f"flood-{n:05d}" for n in range(3000))
SIXTEEN = [f"Existing {n}" for n in range(16)]


def url(name, article, *args):
    return reverse(f"admin:articles_article_{name}", args=[article.pk, *args])


def errors(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


@pytest.fixture
def draft(client):
    columnist = make_columnist()
    article = make_article_in("draft", title="Kept title", authors=[columnist.author_profile])
    client.force_login(columnist)
    return {"article": article, "columnist": columnist}


def typed(article, **fields):
    return {
        "title": "Typed",
        "body": "<p>Words.</p>",
        "loaded_version": str(article.version),
        **fields,
    }


def stored_autosave(article, user, **content):
    """An autosave row as an older build could have stored it, unchecked."""
    snapshot = {**revisions.snapshot(article), **content}
    return Revision.objects.create(
        article=article,
        kind=RevisionKind.AUTOSAVE,
        content=snapshot,
        created_by=user,
        created_at=timezone.now(),
    )


BAD_INPUTS = {
    "3,000 new topics": ({"topics": FLOOD}, "at most 10 topics"),
    "16 topics": ({"topics": ", ".join(SIXTEEN)}, "at most 10 topics"),
    "an svg topic": ({"topics": "<svg onload=alert(1)>"}, "There is no topic called"),
    "a 5,000-character title": ({"title": "T" * 5000}, "at most 200 characters"),
    "a 400-character caption": (
        {"featured_image_caption": "C" * 400},
        "at most 300 characters",
    ),
}


@pytest.fixture(autouse=True)
def _sixteen_topics(db):
    Topic.objects.bulk_create(
        Topic(name=name, slug=f"existing-{n}") for n, name in enumerate(SIXTEEN)
    )


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_autosave_refuses_what_the_form_refuses_with_its_message(client, draft, case):
    fields, message = BAD_INPUTS[case]
    article = draft["article"]

    response = client.post(url("autosave", article), typed(article, **fields))

    assert response.status_code == 400
    assert message in response.json()["error"]
    assert not Revision.objects.filter(kind=RevisionKind.AUTOSAVE).exists()
    assert not Topic.objects.filter(name__startswith="flood-").exists()


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_restoring_an_unchecked_autosave_is_refused_with_the_forms_message(client, draft, case):
    fields, message = BAD_INPUTS[case]
    if "topics" in fields:
        fields = {"topics": [name.strip() for name in fields["topics"].split(",")]}
    article = draft["article"]
    before = Article.objects.get(pk=article.pk)
    revision = stored_autosave(article, draft["columnist"], **fields)

    started = time.monotonic()
    response = client.post(url("revision_restore", article, revision.pk))

    assert time.monotonic() - started < 5
    assert response.status_code == 302
    assert message in " ".join(errors(response))
    after = Article.objects.get(pk=article.pk)
    assert (after.title, after.version, after.featured_image_caption) == (
        before.title,
        before.version,
        before.featured_image_caption,
    )
    assert list(after.topics.all()) == []
    assert not Topic.objects.exclude(name__in=SIXTEEN).exists()


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_a_columnists_restore_on_a_live_article_is_checked_before_it_waits(client, case):
    fields, message = BAD_INPUTS[case]
    if "topics" in fields:
        fields = {"topics": [name.strip() for name in fields["topics"].split(",")]}
    columnist = make_columnist()
    article = make_article_in("published", authors=[columnist.author_profile])
    client.force_login(columnist)
    revision = stored_autosave(article, columnist, **fields)

    response = client.post(url("revision_restore", article, revision.pk))

    assert message in " ".join(errors(response))
    assert not Revision.objects.filter(approval=Approval.PENDING).exists()


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_approving_an_unchecked_pending_change_is_refused(case):
    fields, message = BAD_INPUTS[case]
    if "topics" in fields:
        fields = {"topics": [name.strip() for name in fields["topics"].split(",")]}
    columnist = make_columnist()
    article = make_article_in("published", title="Live", authors=[columnist.author_profile])
    content = {**revisions.snapshot(article), **fields}
    pending = revisions.save_pending(article, by=columnist, content=content)

    with pytest.raises(workflow.TransitionError, match=message):
        revisions.approve(pending, by=make_editor(), seen=revisions.fingerprint(pending))

    article.refresh_from_db()
    assert article.title == "Live"
    assert Revision.objects.get(pk=pending.pk).approval == Approval.PENDING
    assert not Topic.objects.exclude(name__in=SIXTEEN).exists()


def test_approving_does_not_coin_a_topic_its_columnist_could_not_choose():
    columnist = make_columnist()
    article = make_article_in("published", authors=[columnist.author_profile])
    content = {**revisions.snapshot(article), "topics": ["Brand new"]}
    pending = revisions.save_pending(article, by=columnist, content=content)

    with pytest.raises(workflow.TransitionError, match="There is no topic called"):
        revisions.approve(pending, by=make_editor(), seen=revisions.fingerprint(pending))


def test_an_editor_restores_a_revision_with_a_topic_they_may_coin():
    editor = make_editor()
    article = make_article_in("draft", title="Old title")
    old = revisions.record(article, by=editor)
    old.content = {**old.content, "topics": ["Harbours"]}
    old.save()

    revisions.restore(old, by=editor)

    assert [t.name for t in Article.objects.get(pk=article.pk).topics.all()] == ["Harbours"]


def test_a_valid_restore_still_works_for_a_columnist(client, draft):
    article = draft["article"]
    revision = stored_autosave(
        article, draft["columnist"], title="Better title", topics=SIXTEEN[:3]
    )

    response = client.post(url("revision_restore", article, revision.pk))

    assert not errors(response)
    after = Article.objects.get(pk=article.pk)
    assert after.title == "Better title"
    assert sorted(t.name for t in after.topics.all()) == sorted(SIXTEEN[:3])


def test_an_autosave_larger_than_a_megabyte_is_refused_before_it_is_read(client, draft):
    article = draft["article"]

    response = client.post(
        url("autosave", article), typed(article, body="<p>" + "x" * AUTOSAVE_MAX_BYTES + "</p>")
    )

    assert response.status_code == 413
    assert "larger than 1 MB" in response.json()["error"]
    assert not Revision.objects.filter(kind=RevisionKind.AUTOSAVE).exists()


def test_a_new_articles_autosave_is_checked_too(client, draft):
    response = client.post(
        reverse("admin:articles_article_autosave_new"), {"title": "T" * 5000, "body": "<p>x</p>"}
    )

    assert response.status_code == 400
    assert "at most 200 characters" in response.json()["error"]


def test_work_in_progress_autosaves_without_a_title(client, draft):
    article = draft["article"]

    response = client.post(url("autosave", article), typed(article, title=""))

    assert response.status_code == 200
