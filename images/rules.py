"""Who may change what about a picture, and when a picture is frozen.

A picture is frozen as soon as an editor may be looking at it: when any article
that uses it (featured or in the body) has left Draft (in review, changes
requested, scheduled, published, unpublished) or any change waiting for approval
refers to it. Its file never changes again, for anyone: a new picture is a new
image, attached by editing the article, which an editor then sees. Its alt text
and credit may still need fixing; editors do that (it is their review), and each
article that uses the picture records the change in its audit log and moves to a
new version (``images.changes.save_image``), so nobody publishes a view of it that
is out of date. Columnists change only pictures they uploaded, and only while
nothing freezes them.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from articles.models.article import LIVE_STATUSES, Status
from articles.permissions import is_editor

DESCRIPTION_FIELDS = ("alt_text", "credit")
# The states in which an article's pictures may still change: nobody reviews them yet.
UNFROZEN_STATUSES = (Status.DRAFT, Status.TRASHED)
LOCKED_WHEN_LIVE = (
    "This picture is used by an article in review or published, or by a change waiting "
    "for an editor, so it can’t be replaced. Upload a new picture and choose it in the "
    "article instead."
)


class ImageLocked(PermissionDenied):
    """A change the rules refuse; ``str(error)`` says why."""


def in_live_use(image):
    """Featured by, or shown in the body of, a published or scheduled article."""
    return image.pk is not None and articles_using(image).filter(status__in=LIVE_STATUSES).exists()


def is_frozen(image):
    """Used by an article that has left Draft, or by a change waiting for approval."""
    if image.pk is None:
        return False
    return articles_using(image).exclude(
        status__in=UNFROZEN_STATUSES
    ).exists() or in_pending_change(image)


def in_pending_change(image):
    """Featured by, or shown in the body of, a change to a live article waiting for approval."""
    from articles.models import Revision

    return (
        Revision.objects.pending()
        .filter(
            Q(content__featured_image=image.pk)
            | Q(content__body__icontains=f'data-image-id="{image.pk}"')
        )
        .exists()
    )


def articles_using(image):
    """Every article that features ``image`` or shows it in its body."""
    from articles.models import Article

    return Article.objects.filter(
        Q(featured_image=image) | Q(pk__in=image.body_uses.values("article_id"))
    )


def can_change(user, image):
    """Editors change any picture; others only the ones they uploaded."""
    return (
        user.is_active
        and user.has_perm("images.change_image")
        and (is_editor(user) or image.uploaded_by_id == user.pk)
    )


def locked_fields(user, image, *, frozen=None):
    """The fields of ``image`` that ``user`` may not change now; ``frozen`` saves a query."""
    if image is None or image.pk is None:
        return []
    if not can_change(user, image):
        return ["file", *DESCRIPTION_FIELDS]
    if not (is_frozen(image) if frozen is None else frozen):
        return []
    return ["file"] if is_editor(user) else ["file", *DESCRIPTION_FIELDS]
