"""The newsroom's events, each told to the people it concerns.

Every function here is called explicitly, once, by the code that makes the event
happen (``articles.workflow``, ``articles.notes``, the pending-change code and the
guest writer's sign-off in ``submissions.workflow``, decisions on profile changes in
``authors.profile_changes``), inside its transaction. The
inbox rows are written in that transaction, so they share its fate; each email is
queued only when it commits, as a background task, so a mail server can neither
block nor undo an editorial action.
"""

import contextvars
import logging
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q

from articles.models import Action, Article, ReviewNote
from articles.permissions import can_view, has_byline, is_editor

from .models import Email, EmailOptOut, Kind, Notification

logger = logging.getLogger(__name__)

# Which transitions are news, and to whom: "desk" (the assignee, or every editor) or "authors".
MOVES = {
    Action.SUBMIT: Kind.SUBMITTED,
    Action.REQUEST_CHANGES: Kind.CHANGES_REQUESTED,
    Action.SCHEDULE: Kind.SCHEDULED,
    Action.PUBLISH: Kind.PUBLISHED,
    Action.UNPUBLISH: Kind.UNPUBLISHED,
}

_email_enabled = contextvars.ContextVar("notification_email_enabled", default=True)


@contextmanager
def without_email():
    """Record inbox entries but queue no email, e.g. while the demo replays its history."""
    token = _email_enabled.set(False)
    try:
        yield
    finally:
        _email_enabled.reset(token)


def article_moved(article, action, by, note=""):
    """A workflow transition happened; called by ``articles.workflow._move``."""
    kind = MOVES.get(action)
    if kind is None:
        return []
    article = _loaded(article)
    if kind == Kind.SUBMITTED:
        return _notify(kind, article, by, _desk(article), note)
    return _notify(kind, article, by, _authors(article), note)


def change_pending(article, by, note=""):
    """A change to a live article waits for approval: the desk hears of it."""
    article = _loaded(article)
    return _notify(Kind.CHANGE_PENDING, article, by, _desk(article), note)


def change_approved(article, by, note=""):
    """A pending change went live: its authors hear of it."""
    article = _loaded(article)
    return _notify(Kind.CHANGE_APPROVED, article, by, _authors(article), note)


def change_sent_back(article, by, note=""):
    """A pending change was refused with a note: its authors hear why."""
    article = _loaded(article)
    return _notify(Kind.CHANGE_SENT_BACK, article, by, _authors(article), note)


def review_note_added(note):
    """A review note was written: the other side of its thread hears of it."""
    article = _loaded(note.article)
    by = note.author
    if has_byline(by, article):
        recipients = _editors_in_thread(note, article) or _desk(article)
    else:
        recipients = _authors(article)
    return _notify(Kind.REVIEW_NOTE, article, by, recipients, note.body)


def guest_answered(sign_off, *, approved, note):
    """A guest writer answered on their sign-off link: the editor who asked for it and
    the article's assignee hear of it (every editor, if neither is on the desk now)."""
    article = _loaded(sign_off.submission.draft_article)
    kind = Kind.GUEST_SIGNED_OFF if approved else Kind.GUEST_COMMENTED
    asked = [sign_off.requested_by, article.assignee]
    people = [person for person in asked if person is not None and is_editor(person)]
    return _notify(kind, article, None, people or _desk(article), note)


def profile_decided(change, by, *, approved, note=""):
    """An editor approved or declined a columnist's profile change: the columnist hears."""
    kind = Kind.PROFILE_APPROVED if approved else Kind.PROFILE_DECLINED
    person = change.author.user
    if person is None or person.pk == by.pk or not person.is_active:
        return []
    return _record(kind, by, [person], note, profile_change=change)


# Who ----------------------------------------------------------------------------------------


def _loaded(article):
    """The article with its bylines' people, so ``can_view`` asks no query per recipient."""
    return (
        Article.objects.select_related("assignee")
        .prefetch_related("bylines__author__user")
        .get(pk=article.pk)
    )


def _authors(article):
    return [byline.author.user for byline in article.bylines.all() if byline.author.user]


def _desk(article):
    """The assignee, or every editor while nobody is assigned."""
    from articles.workflow import editors

    if article.assignee is not None and is_editor(article.assignee):
        return [article.assignee]
    return list(editors())


def _editors_in_thread(note, article):
    root = note.parent or note
    thread = ReviewNote.objects.filter(Q(pk=root.pk) | Q(parent=root)).select_related("author")
    people = [n.author for n in thread if n.author]
    if article.assignee is not None:
        people.append(article.assignee)
    return [person for person in people if not has_byline(person, article) and is_editor(person)]


# Recording and queueing ---------------------------------------------------------------------


def _notify(kind, article, by, people, note):
    recipients, seen = [], set()
    for person in people:
        if person.pk in seen or person.pk == getattr(by, "pk", None):
            continue
        seen.add(person.pk)
        # Only people who may open the article ever hear of it.
        if can_view(person, article):
            recipients.append(person)
    return _record(kind, by, recipients, note, article=article)


def _record(kind, by, recipients, note, **about):
    """One inbox entry per recipient about ``about`` (an article or a profile change), and
    its email queued for when the transaction commits."""
    if not recipients:
        return []
    opted_out = set(
        EmailOptOut.objects.filter(user__in=recipients, kind=kind).values_list("user", flat=True)
    )
    emailing = _email_enabled.get()
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=person,
            kind=kind,
            actor=by,
            note=note or "",
            email=_email_status(person, opted_out, emailing),
            **about,
        )
        for person in recipients
    )
    queued = [n.pk for n in notifications if n.email == Email.QUEUED]
    if queued:
        transaction.on_commit(lambda: _enqueue(queued), robust=True)
    return notifications


def _email_status(person, opted_out, emailing):
    if person.pk in opted_out or not emailing:
        return Email.OFF
    if not person.email:
        return Email.NO_ADDRESS
    return Email.QUEUED


def _enqueue(pks):
    from .tasks import send_notification_email

    for pk in pks:
        send_notification_email.enqueue(pk)
