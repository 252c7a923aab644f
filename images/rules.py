"""Who may change what about a picture, and when a picture is frozen.

A picture featured by a published or scheduled article is what readers see (or
are about to), so its file never changes again: a new picture is a new image,
attached by editing the article, which follows the rules for editing a live
article. Its alt text and credit may still need fixing; editors do that, and
each article that uses the picture records the change in its audit log
(``images.changes.save_image``). Columnists change only pictures they uploaded.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from articles.models.article import LIVE_STATUSES
from articles.permissions import is_editor

DESCRIPTION_FIELDS = ("alt_text", "credit")
LOCKED_WHEN_LIVE = (
    "This picture is used by a published or scheduled article, so it can’t be replaced."
)


class ImageLocked(PermissionDenied):
    """A change the rules refuse; ``str(error)`` says why."""


def in_live_use(image):
    """Featured by, or shown in the body of, a published or scheduled article."""
    return image.pk is not None and articles_using(image).filter(status__in=LIVE_STATUSES).exists()


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


def locked_fields(user, image, *, live=None):
    """The fields of ``image`` that ``user`` may not change now; ``live`` saves a query."""
    if image is None or image.pk is None:
        return []
    if not can_change(user, image):
        return ["file", *DESCRIPTION_FIELDS]
    if not (in_live_use(image) if live is None else live):
        return []
    return ["file"] if is_editor(user) else ["file", *DESCRIPTION_FIELDS]
