"""Issue 15 §4: who is editing: a soft lock with a heartbeat, and take-over for editors."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import edit_locks
from articles.models import EditLock
from tests.factories import make_article, make_columnist, make_editor

pytestmark = pytest.mark.django_db


def url(name, article):
    return reverse(f"admin:articles_article_{name}", args=[article.pk])


@pytest.fixture
def desk():
    amara = make_columnist("amara", name="Amara Okafor")
    return amara, make_editor("harriet"), make_article(authors=[amara.author_profile])


def test_opening_the_form_claims_the_lock_and_others_are_told(client, desk):
    amara, editor, article = desk
    client.force_login(amara)
    client.get(url("change", article))
    assert EditLock.objects.get().user == amara

    client.force_login(editor)
    page = client.get(url("change", article))

    assert EditLock.objects.get().user == amara  # not taken by opening
    content = page.content.decode()
    assert "Amara Okafor is editing this article (since" in content
    assert "Take over" in content
    changelist = client.get(reverse("admin:articles_article_changelist"))
    assert "Amara Okafor since" in changelist.content.decode()


def test_a_lock_whose_heartbeat_stopped_lapses_within_a_minute(client, desk, settings):
    amara, editor, article = desk
    edit_locks.claim(article, by=amara)
    with time_machine.travel(
        timezone.now() + timedelta(seconds=settings.EDIT_LOCK_EXPIRES_SECONDS + 1)
    ):
        assert edit_locks.holder(article, editor) is None
        assert edit_locks.claim(article, by=editor).mine


def test_the_heartbeat_keeps_the_lock_and_reports_the_holder(client, desk):
    amara, editor, article = desk
    client.force_login(amara)
    mine = client.post(url("lock_heartbeat", article)).json()
    client.force_login(editor)
    theirs = client.post(url("lock_heartbeat", article)).json()

    assert mine["mine"] is True
    assert theirs == {
        "held": True,
        "mine": False,
        "name": "Amara Okafor",
        "since": mine["since"],
        "can_take_over": True,
    }


def test_closing_the_tab_releases_only_ones_own_lock(client, desk):
    amara, editor, article = desk
    edit_locks.claim(article, by=amara, page="first-page")
    client.force_login(editor)
    client.post(url("lock_release", article), {"page": "first-page"})
    assert EditLock.objects.filter(user=amara).exists()
    client.force_login(amara)
    client.post(url("lock_release", article), {"page": "first-page"})
    assert not EditLock.objects.exists()


def test_a_closing_pages_beacon_never_releases_the_next_pages_claim(client, desk):
    """After a save the new page claims the lock before the old page's beacon arrives."""
    amara, _, article = desk
    client.force_login(amara)
    client.get(url("change", article))  # the page after the save's redirect
    client.post(url("lock_release", article), {"page": "the-page-that-closed"})
    assert EditLock.objects.get().user == amara


def test_editors_take_over_and_columnists_cannot(client, desk):
    amara, editor, article = desk
    edit_locks.claim(article, by=editor)
    client.force_login(amara)
    refused = client.post(url("lock_take_over", article), HTTP_ACCEPT="application/json")
    assert refused.status_code == 403
    assert EditLock.objects.get().user == editor

    client.force_login(editor)
    taken = client.post(url("lock_take_over", article), HTTP_ACCEPT="application/json")
    assert taken.json()["mine"] is True and EditLock.objects.get().user == editor


def test_another_columnist_cannot_see_or_claim_the_lock(client, desk):
    _, _, article = desk
    client.force_login(make_columnist())
    assert client.post(url("lock_heartbeat", article)).status_code == 404
    assert not EditLock.objects.exists()
