"""The demo fills the newsroom's inboxes from its real history, and emails nobody."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from demo import pictures
from notifications.models import Email, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pictures(monkeypatch):
    featured = pictures.featured
    monkeypatch.setattr(pictures, "featured", lambda *args: featured(*args, size=(160, 90)))


def test_the_demo_seeds_inboxes_without_queueing_email(settings, small_pictures):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())

    seeded = Notification.objects.count()
    assert Notification.objects.filter(recipient__username="editor").exists()
    assert Notification.objects.filter(recipient__groups__name="Columnists").exists()
    assert set(Notification.objects.values_list("email", flat=True)) == {Email.OFF}
    assert not DBTaskResult.objects.exists()
    # Dated like the history they report: old news is read, the latest is not.
    assert Notification.objects.filter(read_at=None).exists()
    assert Notification.objects.exclude(read_at=None).exists()
    assert not Notification.objects.filter(created_at__gte=timezone.now() - timedelta(minutes=5))

    call_command("load_demo", stdout=StringIO())
    assert Notification.objects.count() == seeded
