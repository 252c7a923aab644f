"""Issue 15 §5: the pre-publish checklist, and the server refusing what it blocks."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import checklist, revisions, workflow
from articles.models import Article, PublishingChecklist, ReviewNote, Status
from tests.factories import (
    make_article,
    make_columnist,
    make_editor,
    make_image,
    make_published,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def rules(**blocks):
    current = PublishingChecklist.load()
    for name, value in blocks.items():
        setattr(current, name, value)
    current.save()
    return current


def items(article):
    return {item.key: (item.met, item.blocks) for item in checklist.check(article)}


def ready_article(**fields):
    fields.setdefault("standfirst", "Why it matters.")
    fields.setdefault("disclosure", "")
    fields.setdefault("no_disclosure", True)
    fields.setdefault("featured_image", make_image(alt_text="A bus", credit="Photo: Desk"))
    fields.setdefault("body", "<p>" + "word " * 400 + "</p>")
    fields.setdefault("title", "Night buses")
    fields.setdefault("authors", [make_columnist().author_profile])
    return make_article(status=Status.SUBMITTED, topics=["Transport"], **fields)


def test_a_ready_article_meets_every_item():
    assert all(met for met, _ in items(ready_article()).values())


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"title": "x" * 101}, "headline"),
        ({"standfirst": ""}, "standfirst"),
        ({"featured_image": None}, "picture"),
        ({"body": "<p>Too short.</p>"}, "length"),
        ({"no_disclosure": False}, "disclosure"),
    ],
)
def test_each_item_notices_what_is_missing(change, key):
    article = ready_article(**change)
    assert items(article)[key][0] is False


def test_a_picture_without_credit_and_an_open_note_are_unmet():
    article = ready_article(featured_image=make_image(credit=""))
    ReviewNote.objects.create(article=article, author=make_editor(), body="Source?")
    found = {item.key: item for item in checklist.check(article)}
    assert not found["picture"].met and found["picture"].detail == "needs a credit"
    assert not found["notes"].met and found["notes"].detail == "1 open note"
    article.topics.clear()
    assert not {item.key: item for item in checklist.check(article)}["topic"].met


def test_a_disclosure_written_counts_as_answered():
    assert items(ready_article(no_disclosure=False, disclosure="I ride it."))["disclosure"][0]


def test_only_blocking_items_stop_publishing():
    editor = make_editor()
    article = ready_article(standfirst="")
    workflow.publish(article, by=editor)  # a missing standfirst is advice by default
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED


@pytest.mark.parametrize("transition", ["publish", "schedule"])
def test_a_blocking_item_refuses_publish_and_schedule(transition):
    rules(blocks_topic=True)
    editor = make_editor()
    article = ready_article()
    article.topics.clear()
    value = timezone.now() + timedelta(days=1) if transition == "schedule" else None

    with pytest.raises(workflow.TransitionError, match="at least one topic"):
        workflow.perform(transition, article, by=editor, value=value, seen=article.version)
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED


def test_approving_a_change_judges_what_would_go_live():
    rules(blocks_standfirst=True)
    amara = make_columnist().author_profile
    live = make_published("Live", authors=[amara], standfirst="Stands first.")
    live.standfirst = ""
    pending = revisions.save_pending(live, by=amara.user)

    with pytest.raises(workflow.TransitionError, match="standfirst written"):
        revisions.approve(pending, by=make_editor(), seen=revisions.fingerprint(pending))

    live.refresh_from_db()
    assert live.standfirst == "Stands first."
    pending.refresh_from_db()
    assert pending.approval == "pending"


def test_the_publish_confirmation_lists_the_checklist_and_holds_back_when_blocked(client):
    rules(blocks_standfirst=True)
    article = ready_article(standfirst="")
    client.force_login(make_editor())
    url = reverse("admin:articles_article_change", args=[article.pk])

    content = client.get(url).content.decode()
    confirm = content[content.index('class="workflow-action publish-confirm') :]
    confirm = confirm[: confirm.index("</details>")]

    assert "Pre-publish checklist" in confirm and "blocks publishing" in confirm
    assert "Publishing is blocked" in confirm
    assert 'value="publish"' not in confirm


def test_editors_choose_what_blocks_and_columnists_cannot(client):
    current = PublishingChecklist.load()
    url = reverse("admin:articles_publishingchecklist_change", args=[current.pk])
    client.force_login(make_columnist())
    assert client.get(url).status_code in (302, 403)

    client.force_login(make_editor())
    assert client.get(reverse("admin:articles_publishingchecklist_changelist")).url == url
    data = {
        "headline_max_length": 80,
        "min_words": 500,
        "max_words": 400,
        "blocks_notes": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # the fewest words must not exceed the most
    response = client.post(url, {**data, "max_words": 1200})
    assert response.status_code == 302
    current.refresh_from_db()
    assert (current.headline_max_length, current.blocks_notes, current.blocks_headline) == (
        80,
        True,
        False,
    )
