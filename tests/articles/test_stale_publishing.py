"""Publishing from a stale view: a transition that makes text live carries the version the
editor read and is refused once the article moved (issue 13 §3)."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from articles.models import Article, Status
from tests.admin_forms import change_form_data
from tests.factories import make_article_in, make_columnist, make_editor

pytestmark = pytest.mark.django_db


def url(name, article):
    return reverse(f"admin:articles_article_{name}", args=[article.pk])


def errors(response):
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def stored(article):
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def desk(client):
    """An article with changes requested, its columnist, and an editor who has its page open."""
    columnist = make_columnist()
    article = make_article_in(
        "changes_requested", title="Reviewed title", authors=[columnist.author_profile]
    )
    editor = make_editor()
    client.force_login(editor)
    assert client.get(url("change", article)).status_code == 200
    return {"article": article, "columnist": columnist, "editor": editor, "seen": article.version}


def columnist_saves(article, columnist, title):
    from django.test import Client

    other = Client()
    other.force_login(columnist)
    page = other.get(url("change", article))
    response = other.post(url("change", article), change_form_data(page, title=title))
    assert response.status_code == 302
    assert stored(article).title == title


def post_transition(client, article, name, version):
    data = {"_transition": name}
    if name == "schedule":
        when = timezone.localtime() + timedelta(days=1)
        data["_transition_publish_at"] = when.strftime("%Y-%m-%dT%H:%M")
    if version is not None:
        data["_transition_version"] = str(version)
    return client.post(url("workflow", article), data)


def test_the_workflow_panel_carries_the_version_it_shows(client, desk):
    page = client.get(url("change", desk["article"]))

    assert f'name="_transition_version" value="{desk["seen"]}"' in page.content.decode()


@pytest.mark.parametrize("name", ["publish", "schedule"])
def test_a_direct_post_from_a_stale_page_does_not_publish_what_the_editor_never_read(
    client, desk, name
):
    article = desk["article"]
    columnist_saves(article, desk["columnist"], "UNREVIEWED TITLE")

    response = post_transition(client, article, name, desk["seen"])

    assert response.status_code == 302
    assert "changed after you opened it" in " ".join(errors(response))
    assert stored(article).status == Status.CHANGES_REQUESTED


@pytest.mark.parametrize("version", [None, "", "abc", "-1", "0", "1.5", "3 OR 1=1"])
@pytest.mark.parametrize("name", ["publish", "schedule"])
def test_a_direct_post_without_a_usable_version_is_refused(client, desk, name, version):
    response = post_transition(client, desk["article"], name, version)

    assert response.status_code == 302
    assert "didn’t say which version" in " ".join(errors(response))
    assert stored(desk["article"]).status == Status.CHANGES_REQUESTED


@pytest.mark.parametrize(("name", "to"), [("publish", "published"), ("schedule", "scheduled")])
def test_a_post_with_the_version_the_editor_read_goes_through(client, desk, name, to):
    response = post_transition(client, desk["article"], name, desk["seen"])

    assert response.status_code == 302 and not errors(response)
    assert stored(desk["article"]).state == to


def test_the_change_forms_publish_button_checks_the_forms_own_version(client, desk):
    """The "Save and publish" path: the form's version check refuses a stale page."""
    article = desk["article"]
    page = client.get(url("change", article))
    columnist_saves(article, desk["columnist"], "UNREVIEWED TITLE")

    response = client.post(url("change", article), change_form_data(page, _transition="publish"))

    assert response.status_code == 200
    assert "Someone else saved this article" in response.content.decode()
    assert stored(article).status == Status.CHANGES_REQUESTED


@pytest.mark.parametrize("name", ["publish", "schedule"])
def test_bulk_and_other_callers_without_a_version_cannot_publish(name):
    """Bulk actions go through ``perform`` with no version, so they can never publish:
    an editor publishes each article from its own page."""
    article = make_article_in("submitted", authors=[make_columnist().author_profile])
    value = timezone.now() + timedelta(days=1) if name == "schedule" else None

    with pytest.raises(workflow.TransitionError, match="didn’t say which version"):
        workflow.perform(name, article, by=make_editor(), value=value)

    assert stored(article).status == Status.SUBMITTED


def test_publish_refuses_a_version_that_moved():
    article = make_article_in("submitted", authors=[make_columnist().author_profile])
    seen = article.version
    Article.objects.filter(pk=article.pk).update(version=seen + 1, title="Moved")

    with pytest.raises(workflow.TransitionError, match="changed after you opened it"):
        workflow.publish(article, by=make_editor(), seen=seen)

    assert stored(article).status == Status.SUBMITTED


@pytest.mark.parametrize("name", ["publish", "schedule"])
def test_the_admins_bulk_path_refuses_to_publish_each_row(rf, name):
    """Decided: bulk actions never publish (a list shows no text to have read); each row
    is refused with the message, and the rows a bulk action may move still move."""
    from django.contrib import admin
    from django.contrib.messages.storage.fallback import FallbackStorage

    articles = [
        make_article_in("submitted", authors=[make_columnist().author_profile]) for _ in range(2)
    ]
    request = rf.post("/admin/articles/article/")
    request.user, request.session = make_editor(), {}
    request._messages = FallbackStorage(request)

    admin.site._registry[Article]._bulk(
        request, Article.objects.filter(pk__in=[a.pk for a in articles]), name, "published"
    )

    shown = [str(message) for message in request._messages]
    assert len(shown) == 2 and all("didn’t say which version" in text for text in shown)
    assert {stored(a).status for a in articles} == {Status.SUBMITTED}
