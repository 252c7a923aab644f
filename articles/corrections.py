"""Corrections: dated notes readers see at the end of a published article.

A correction is appended, never edited or removed: amending one appends a new
dated entry that points at it. Each goes into the revision history and audit log.
"""

from django.db import transaction
from django.utils import timezone

from opinion_blog.content_version import public_content_changed

from .models import Action, Article, ArticleEvent, Correction, RevisionKind
from .workflow import TransitionError

MAX_LENGTH = 2000


def add_correction(article, *, by, text, amends=None):
    if not (by.is_active and by.has_perm("articles.publish_article")):
        raise TransitionError("Only editors can add corrections.")
    text = (text or "").strip()
    if not text:
        raise TransitionError("Write the correction readers should see.")
    if len(text) > MAX_LENGTH:
        raise TransitionError(f"Keep a correction under {MAX_LENGTH:,} characters.")
    if amends is not None and amends.article_id != article.pk:
        raise TransitionError("That correction belongs to another article.")
    from . import revisions

    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        if article.published_at is None or article.published_at > timezone.now():
            raise TransitionError("Only a published article can carry a correction.")
        correction = Correction.objects.create(
            article=article, text=text, amends=amends, created_by=by, created_at=timezone.now()
        )
        ArticleEvent.objects.create(
            article=article,
            actor=by,
            action=Action.CORRECTION,
            from_status=article.status,
            to_status=article.status,
            note=text,
        )
        revisions.record(article, by=by, kind=RevisionKind.CORRECTION, note=text)
        # Readers see it at once, on every cached page.
        public_content_changed()
    return correction
