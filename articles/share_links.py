"""Share links: a preview of one unpublished article for someone outside the newsroom.

Who may make and withdraw them is decided here (``can_share``), and so is what
an address opens (``resolve``). The public view only renders the outcome.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.utils import timezone

from . import revisions
from .models import ShareLink, Status
from .models.share_links import TOKEN_SALT
from .permissions import can_view

DEFAULT_DAYS = 7
MIN_DAYS = 1
MAX_DAYS = 30
# A signed id is about 30 characters; anything much longer is not one of ours.
MAX_TOKEN_LENGTH = 200


class ShareError(Exception):
    """A refused share-link action; ``str(error)`` explains why to the user."""


def can_share(user, article):
    """Editors and the article's own authors, while the article is not in the trash."""
    return can_view(user, article) and article.status != Status.TRASHED


def create(article, *, by, days=DEFAULT_DAYS):
    if not can_share(by, article):
        raise ShareError("You don’t have permission to share this article.")
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ShareError(f"A share link lasts between {MIN_DAYS} and {MAX_DAYS} days.")
    now = timezone.now()
    return ShareLink.objects.create(
        article=article, created_by=by, created_at=now, expires_at=now + timedelta(days=days)
    )


def revoke(link, *, by):
    """Withdraw ``link`` at once; withdrawing it twice changes nothing."""
    if not can_share(by, link.article):
        raise ShareError("You don’t have permission to withdraw this link.")
    ShareLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    link.refresh_from_db(fields=["revoked_at", "revoked_by"])


@dataclass(frozen=True)
class Outcome:
    """What a share address leads to: ``link`` when it works, else why not (``gone``)."""

    link: ShareLink | None = None
    gone: bool = False  # True: a real link that expired or was withdrawn (410); else unknown (404)


def resolve(token):
    """The share link behind ``token``, if the signature is ours and the link still works."""
    if not token or len(token) > MAX_TOKEN_LENGTH or "\x00" in token:
        return Outcome()
    try:
        pk = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
    except signing.BadSignature:
        return Outcome()
    if not isinstance(pk, int):
        return Outcome()
    link = ShareLink.objects.select_related("article").filter(pk=pk).first()
    if link is None:
        return Outcome()
    if not link.is_active or link.article.status == Status.TRASHED:
        return Outcome(gone=True)
    return Outcome(link=link)


def pending_change(article):
    """The pending change to a live article that a share link shows instead of the live text.

    Without one, a live article's share link leads to its public page.
    """
    return revisions.pending_for(article)
