"""The in-admin inbox: the same events as the emails, so nobody depends on email."""

from django.core import signing
from django.urls import reverse
from django.utils import timezone

from .models import Notification

SALT = "notifications.open"


def for_user(user, limit=10):
    """The dashboard's inbox: ``limit`` notifications, unread first, and the unread count."""
    entries = list(Notification.objects.inbox(user)[:limit])
    for entry in entries:
        entry.open_url = open_url(entry)
    return {
        "inbox": entries,
        "unread_count": Notification.objects.unread().filter(recipient=user).count(),
    }


def open_url(notification):
    """A signed link that marks ``notification`` read and goes on to what it is about."""
    token = signing.dumps(notification.pk, salt=SALT)
    return reverse("admin:notification_open", args=[token])


def notification_for(token, user):
    """The notification a link stands for, if it is valid and ``user``'s own; else ``None``."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Notification.objects.filter(pk=pk, recipient=user).first()


def mark_read(notification):
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at=None).update(read_at=timezone.now())


def mark_all_read(user):
    return Notification.objects.unread().filter(recipient=user).update(read_at=timezone.now())
