"""The dashboard's inbox: one's own notifications, unread first, read when opened,
and the notification settings page, each for the signed-in person only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import workflow
from notifications import inbox
from notifications.models import EmailOptOut, Kind, Notification
from tests.factories import make_columnist, make_editor

from .helpers import bylined

pytestmark = pytest.mark.django_db


def told(person, kind, article, **fields):
    return Notification.objects.create(
        recipient=person, kind=kind, article=article, actor=make_editor(), **fields
    )


def test_the_dashboard_lists_unread_notifications_first(client):
    columnist, article = bylined("submitted", title="Bridges")
    old_unread = told(columnist, Kind.CHANGES_REQUESTED, article, note="Shorter.")
    read = told(columnist, Kind.PUBLISHED, article, read_at=timezone.now())
    new_unread = told(columnist, Kind.REVIEW_NOTE, article, note="A question")
    client.force_login(columnist)

    response = client.get(reverse("admin:index"))

    assert [n.pk for n in response.context["inbox"]] == [new_unread.pk, old_unread.pk, read.pk]
    assert response.context["unread_count"] == 2
    assert "2 unread" in response.text
    assert "requested changes to “Bridges”" in response.text
    assert "A question" in response.text


def test_nobody_sees_another_persons_inbox(client):
    columnist, article = bylined("submitted")
    told(columnist, Kind.PUBLISHED, article, note="Secret note")
    client.force_login(make_columnist())
    response = client.get(reverse("admin:index"))
    assert response.context["inbox"] == []
    assert "Secret note" not in response.text


def test_opening_a_notification_marks_it_read_and_goes_to_the_article(client):
    columnist, article = bylined("submitted")
    notification = told(columnist, Kind.CHANGES_REQUESTED, article)
    client.force_login(columnist)

    response = client.get(inbox.open_url(notification))

    assert response.status_code == 302
    assert response.url == reverse("admin:articles_article_change", args=[article.pk])
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_link_to_someone_elses_notification_is_not_found(client):
    columnist, article = bylined("submitted")
    notification = told(columnist, Kind.CHANGES_REQUESTED, article)
    client.force_login(make_columnist())
    assert client.get(inbox.open_url(notification)).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_forged_link_is_not_found(client):
    columnist, article = bylined("submitted")
    notification = told(columnist, Kind.CHANGES_REQUESTED, article)
    client.force_login(columnist)
    forged = reverse("admin:notification_open", args=[f"{notification.pk}:forged"])
    assert client.get(forged).status_code == 404


def test_mark_all_read_reads_only_ones_own(client):
    columnist, article = bylined("submitted")
    mine = [told(columnist, Kind.PUBLISHED, article) for _ in range(2)]
    other_columnist, other_article = bylined("submitted")
    theirs = told(other_columnist, Kind.PUBLISHED, other_article)
    client.force_login(columnist)

    assert client.get(reverse("admin:notification_read_all")).status_code == 405
    response = client.post(reverse("admin:notification_read_all"))

    assert response.status_code == 302
    assert all(Notification.objects.get(pk=n.pk).read_at for n in mine)
    assert Notification.objects.get(pk=theirs.pk).read_at is None


def test_signed_out_people_are_sent_to_the_login(client):
    response = client.get(reverse("admin:notification_settings"))
    assert response.status_code == 302 and "login" in response.url


def test_the_dashboards_query_count_does_not_grow_with_the_inbox(
    client, django_assert_max_num_queries
):
    editor = make_editor()
    _, article = bylined("submitted")
    client.force_login(editor)
    told(editor, Kind.SUBMITTED, article)
    client.get(reverse("admin:index"))  # warm the permission and session caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("admin:index"))
    for _ in range(8):
        told(editor, Kind.SUBMITTED, bylined("submitted")[1])
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("admin:index"))


def test_the_inbox_itself_takes_two_queries(django_assert_num_queries):
    editor = make_editor()
    for _ in range(5):
        told(editor, Kind.SUBMITTED, bylined("submitted")[1])
    with django_assert_num_queries(2):
        entries = inbox.for_user(editor)
        assert [entry.headline for entry in entries["inbox"]]


# Settings.


def test_every_staff_member_sets_their_own_email_preferences(client):
    columnist = make_columnist()
    client.force_login(columnist)
    page = client.get(reverse("admin:notification_settings"))
    assert page.status_code == 200
    assert set(page.context["form"].initial["kinds"]) == set(Kind.values)

    wanted = [k for k in Kind.values if k != Kind.REVIEW_NOTE]
    response = client.post(reverse("admin:notification_settings"), {"kinds": wanted})

    assert response.status_code == 302
    assert list(columnist.email_opt_outs.values_list("kind", flat=True)) == [Kind.REVIEW_NOTE]
    client.post(reverse("admin:notification_settings"), {"kinds": Kind.values})
    assert not EmailOptOut.objects.exists()


def test_an_unknown_kind_is_a_clear_error(client):
    client.force_login(make_editor())
    response = client.post(reverse("admin:notification_settings"), {"kinds": ["gossip"]})
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not EmailOptOut.objects.exists()


def test_the_settings_are_linked_from_the_user_menu(client):
    client.force_login(make_editor())
    response = client.get(reverse("admin:index"))
    assert reverse("admin:notification_settings") in response.text


def test_a_real_event_reaches_the_inbox(client):
    editor = make_editor()
    columnist, article = bylined("draft", title="Tram fares")
    workflow.submit(article, by=columnist)
    client.force_login(editor)
    response = client.get(reverse("admin:index"))
    assert "submitted “Tram fares” for review" in response.text
