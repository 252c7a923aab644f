"""Saving an edit of an article's text: the one write path for edits.

An edit is made from a version of the article (``Article.version``) and may be
saved only over that version: the row is locked, the version compared and the
edited fields written in one transaction, so of two writers who started from
the same version exactly one wins and the other is told. An edit writes only the
fields a writer edits; the state, dates and review desk belong to
``articles.workflow`` and are never written back from a stale copy.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from opinion_blog.content_version import public_content_changed

from . import html
from .models import Article, SlugRedirect
from .models.article import LIVE_STATUSES
from .permissions import can_edit

# The article's own columns an edit may write. Topics and bylines are saved by
# the caller after ``save_edit`` returns, inside the same transaction and lock.
EDITABLE_FIELDS = (
    "title",
    "slug",
    "standfirst",
    "body",
    "featured_image",
    "featured_image_caption",
    "disclosure",
    "no_disclosure",
)

# Edits to these change what a reader sees, so a published article shows "Updated".
READER_VISIBLE_FIELDS = {
    "title",
    "standfirst",
    "body",
    "featured_image",
    "featured_image_caption",
    "disclosure",
}

# Columns an edit never writes from the caller's copy (transitions and assignment own
# them); the copy is refreshed from the locked row instead.
KEPT_FIELDS = ("status", "published_at", "submitted_at", "assignee_id", "review_due", "revised_at")


class EditConflict(Exception):
    """The article is no longer at the version the writer started from.

    ``current`` is the stored article (locked), so the writer can be shown
    which version they would replace.
    """

    def __init__(self, current, base_version):
        self.current = current
        self.base_version = base_version
        super().__init__(
            f"Article {current.pk} is at version {current.version}, not {base_version!r}."
        )


def parse_version(value):
    """The version a form says it started from, or None when missing or malformed."""
    try:
        version = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return version if version > 0 else None


def lock_for_edit(article, *, base_version):
    """Lock ``article``'s row until the transaction ends and check it is still at ``base_version``.

    Must run inside ``transaction.atomic()``. Returns the stored article; raises
    ``EditConflict`` when another write came first, or when ``base_version`` is
    None (a form that does not say what it started from is refused like a stale one).
    """
    current = Article.objects.select_for_update().get(pk=article.pk)
    if base_version is None or base_version != current.version:
        raise EditConflict(current, base_version)
    return current


def save_edit(article, *, by, base_version, changed_fields):
    """Save ``by``'s edit of ``article``, made from ``base_version``; return the article.

    ``article`` carries the new values; only the ``EDITABLE_FIELDS`` named in
    ``changed_fields`` are written, plus the bumped version and ``updated_at``.
    The row lock is taken here (``lock_for_edit``) unless the caller already
    holds it in this transaction, and the permission is decided on the locked
    row. A published article's old slug keeps working as a redirect, and an
    edit a reader can see stamps the "Updated" date.

    Raises ``EditConflict`` or ``PermissionDenied``; nothing is written then.
    """
    with transaction.atomic():
        current = lock_for_edit(article, base_version=base_version)
        if not can_edit(by, current):
            raise PermissionDenied("You can’t edit this article in its current state.")
        for name in KEPT_FIELDS:
            setattr(article, name, getattr(current, name))
        # What the form says changed, and whatever differs from the stored row: a form
        # whose initial values were a recovered autosave reports those as unchanged.
        fields = [
            name
            for name in EDITABLE_FIELDS
            if name in changed_fields
            or _stored_value(article, name) != _stored_value(current, name)
        ]
        was_public = current.published_at is not None
        if was_public and current.is_published and _reader_sees_a_change(article, current, fields):
            article.revised_at = timezone.now()
            fields.append("revised_at")
        article.version = current.version + 1
        article.save(update_fields=[*fields, "version", "updated_at"])
        if was_public and current.slug != article.slug:
            SlugRedirect.objects.update_or_create(
                old_slug=current.slug, defaults={"article": article}
            )
        SlugRedirect.objects.filter(old_slug=article.slug).delete()
        if current.status in LIVE_STATUSES:
            # Also covers the bylines, topics and image saved with it in the same transaction.
            public_content_changed()
    return article


def _reader_sees_a_change(article, current, fields):
    """Whether readers would see other words or pictures, compared as they would be stored.

    The editor re-serializes the body, so a form can report it changed when the
    sanitized HTML is the same; that is not an update worth a date.
    """
    for name in READER_VISIBLE_FIELDS.intersection(fields):
        value = _stored_value(article, name)
        if name == "body":
            value = html.sanitize(value or "")
        if value != _stored_value(current, name):
            return True
    return False


def _stored_value(article, name):
    return getattr(article, Article._meta.get_field(name).attname)
