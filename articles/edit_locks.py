"""Who is editing an article: a soft lock kept alive by the open form's heartbeat.

Opening the form and every heartbeat claim the lock unless someone else holds a fresh
one; closing the tab releases it (a beacon), and a lock whose heartbeat stopped counts
for ``EDIT_LOCK_EXPIRES_SECONDS`` at most. Editors may take over. Saving never looks
at the lock: the article's version check is what refuses a stale save.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Article, EditLock
from .permissions import can_edit, is_editor


class LockError(Exception):
    """A refused lock action; ``str(error)`` explains why."""


@dataclass(frozen=True)
class Holder:
    user: object
    since: object
    mine: bool

    @property
    def name(self):
        return person_name(self.user)


def person_name(user):
    profile = getattr(user, "author_profile", None)
    return user.get_full_name() or (profile.name if profile else "") or user.get_username()


def _fresh_after():
    return timezone.now() - timedelta(seconds=settings.EDIT_LOCK_EXPIRES_SECONDS)


def is_fresh(lock):
    return lock is not None and lock.heartbeat_at >= _fresh_after()


def holder(article, user):
    """Who holds ``article`` now (a ``Holder``), or None."""
    lock = EditLock.objects.select_related("user__author_profile").filter(article=article).first()
    if not is_fresh(lock):
        return None
    return Holder(lock.user, lock.since, lock.user_id == user.pk)


def claim(article, *, by, page=""):
    """Hold the lock unless someone else holds a fresh one; returns the holder either way."""
    if not can_edit(by, article):
        raise LockError("You can’t edit this article.")
    now = timezone.now()
    with transaction.atomic():
        # The article row orders claims: two people opening at once cannot both hold it.
        Article.objects.select_for_update().filter(pk=article.pk).values("pk").first()
        lock = EditLock.objects.filter(article=article).first()
        if lock is not None and lock.user_id != by.pk and is_fresh(lock):
            return Holder(lock.user, lock.since, False)
        since = lock.since if lock is not None and lock.user_id == by.pk and is_fresh(lock) else now
        EditLock.objects.update_or_create(
            article=article,
            defaults={"user": by, "since": since, "heartbeat_at": now, "page": page[:32]},
        )
    return Holder(by, since, True)


def take_over(article, *, by, page=""):
    """An editor takes the lock from whoever holds it."""
    if not (is_editor(by) and can_edit(by, article)):
        raise LockError("Only editors can take over an article someone else is editing.")
    now = timezone.now()
    with transaction.atomic():
        Article.objects.select_for_update().filter(pk=article.pk).values("pk").first()
        EditLock.objects.update_or_create(
            article=article,
            defaults={"user": by, "since": now, "heartbeat_at": now, "page": page[:32]},
        )
    return Holder(by, now, True)


def release(article, *, by, page=""):
    """Closing the form: the lock goes at once, if it is still this page's own."""
    EditLock.objects.filter(article=article, user=by, page=page[:32]).delete()


def holders(articles):
    """{article pk: Holder} of fresh locks on ``articles``, in one query (for lists)."""
    locks = EditLock.objects.filter(
        article__in=[a.pk for a in articles], heartbeat_at__gte=_fresh_after()
    ).select_related("user__author_profile")
    return {lock.article_id: Holder(lock.user, lock.since, False) for lock in locks}
