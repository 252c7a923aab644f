"""Saving a picture on someone's behalf: the rules checked under lock, the change on record."""

from django.db import transaction
from django.db.models import F

from articles.models import Action, Article, ArticleEvent
from articles.models.article import LIVE_STATUSES
from opinion_blog.content_version import public_content_changed

from . import rules
from .models import Image

LABELS = {"alt_text": "alt text", "credit": "credit", "file": "file"}


def save_image(image, *, by):
    """Save an upload or an edit by ``by``; refuse what the rules forbid with ``ImageLocked``.

    The image row and the articles that use it are locked first, so a publish
    that lands meanwhile is seen before deciding. Changes are written to the audit
    log of every article that uses the picture, and move each to a new version.
    """
    with transaction.atomic():
        if image.pk is None:
            image.save()
            return image
        # Articles before the image, the order a publish takes them in (it locks the
        # article, and its deferred foreign-key checks the image at commit).
        uses = _lock_articles_using(image)
        before = Image.objects.select_for_update().get(pk=image.pk)
        # An approval holds the pictures it checked until it commits: once we have the
        # picture, an article it has just made use the picture counts too.
        uses = _lock_articles_using(image)
        live = any(article.status in LIVE_STATUSES for article in uses)
        frozen = any(
            article.status not in rules.UNFROZEN_STATUSES for article in uses
        ) or rules.in_pending_change(before)
        changed = [
            field
            for field in rules.DESCRIPTION_FIELDS
            if getattr(before, field) != getattr(image, field)
        ]
        if image.file and not image.file._committed:
            changed.append("file")
        refused = set(changed) & set(rules.locked_fields(by, before, frozen=frozen))
        if refused:
            if "file" in refused and frozen:
                raise rules.ImageLocked(rules.LOCKED_WHEN_LIVE)
            raise rules.ImageLocked(
                "You may not change this picture’s "
                + " or ".join(LABELS[field] for field in sorted(refused))
                + "."
            )
        image.save()
        if changed and uses:
            # What an editor read of these articles is out of date: publishing or approving
            # from that view is refused (``articles.workflow``'s version check).
            Article.objects.filter(pk__in=[article.pk for article in uses]).update(
                version=F("version") + 1
            )
            note = change_note(before, image, changed)
            ArticleEvent.objects.bulk_create(
                ArticleEvent(
                    article=article,
                    actor=by,
                    action=Action.IMAGE_CHANGE,
                    from_status=article.status,
                    to_status=article.status,
                    note=note,
                )
                for article in uses
            )
        if changed and live:
            # Readers see the alt text and credit on every page that shows the picture.
            public_content_changed()
    return image


def _lock_articles_using(image):
    return list(
        Article.objects.select_for_update()
        .filter(pk__in=rules.articles_using(image).values("pk"))
        .order_by("pk")
    )


def change_note(before, after, changed):
    """The audit line, e.g. 'Picture: alt text “Dawn” → “Harbour at dawn”'."""
    parts = [
        f"{LABELS[field]} “{getattr(before, field)}” → “{getattr(after, field)}”"
        for field in rules.DESCRIPTION_FIELDS
        if field in changed
    ]
    if "file" in changed:
        parts.append("file replaced")
    return "Picture: " + "; ".join(parts)
