"""Review notes: the thread between an article's editors and its authors."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from notifications import events as notification_events

from .models import ReviewNote
from .permissions import can_view
from .workflow import TransitionError


def add_note(article, *, by, body, parent=None):
    if not can_view(by, article):
        raise TransitionError("You can’t write notes on this article.")
    body = (body or "").strip()
    if not body:
        raise TransitionError("Write something before you send the note.")
    if len(body) > 5000:
        raise TransitionError("Notes are limited to 5,000 characters.")
    if parent is not None:
        if parent.article_id != article.pk:
            raise TransitionError("That note belongs to another article.")
        parent = parent.parent or parent  # replies stay one level deep
    with transaction.atomic():
        note = ReviewNote.objects.create(article=article, author=by, body=body, parent=parent)
        notification_events.review_note_added(note)
    return note


def set_resolved(note, *, by, resolved=True):
    if not can_view(by, note.article):
        raise TransitionError("You can’t change notes on this article.")
    thread = note.parent or note
    ReviewNote.objects.filter(Q(pk=thread.pk) | Q(parent=thread)).update(
        resolved_at=timezone.now() if resolved else None,
        resolved_by=by if resolved else None,
    )
    note.refresh_from_db()
    return note


def open_threads(user, articles, limit=10):
    """Open threads on ``articles``, newest first, each as its latest message.

    ``your_turn`` is set on a message someone else wrote: the thread waits for ``user``.
    """
    threads = (
        ReviewNote.objects.open()
        .filter(parent=None, article__in=articles)
        .select_related("article", "author")
        .prefetch_related("replies__author")
        .order_by("-created_at")[:limit]
    )
    latest = []
    for thread in threads:
        last = max([thread, *thread.replies.all()], key=lambda note: (note.created_at, note.pk))
        last.your_turn = last.author_id != user.pk
        latest.append(last)
    return sorted(latest, key=lambda note: not note.your_turn)


def thread(article):
    """Top-level notes with their replies, open ones first."""
    notes = (
        ReviewNote.objects.filter(article=article, parent=None)
        .select_related("author", "resolved_by")
        .prefetch_related("replies__author")
    )
    return sorted(notes, key=lambda note: (note.is_resolved, note.created_at))
