"""The only way an article's state changes.

Each transition checks that the move is allowed from the article's current
state and for this user, changes the state, and writes the audit log, all in
one transaction. The admin's buttons and actions call these functions; so do
the tests. A refused move raises ``TransitionError`` with a message meant for
the person who asked.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format

from notifications import events as notification_events
from opinion_blog.content_version import public_content_changed

from . import checklist, counts, html, search
from .models import Action, Article, ArticleEvent, Byline, ReviewNote, Status
from .models.article import LIVE_STATUSES
from .permissions import has_byline, is_editor

S = Status


class TransitionError(Exception):
    """A move that is not allowed; ``str(error)`` explains why to the user."""


def _author_or_editor(user, article):
    return is_editor(user) or (
        user.has_perm("articles.change_article") and has_byline(user, article)
    )


def _perm(codename):
    return lambda user, article: user.is_active and user.has_perm(f"articles.{codename}")


@dataclass(frozen=True)
class Rule:
    label: str
    sources: tuple
    permitted: object
    needs: str = ""  # the input the transition asks for: "note", "reason" or "publish_at"


NOT_LIVE = (S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED, S.UNPUBLISHED, S.SCHEDULED)

RULES = {
    "submit": Rule("Submit for review", (S.DRAFT, S.CHANGES_REQUESTED), _author_or_editor),
    # Withdrawing is the writer's own "not yet"; editors answer a submission with a note instead.
    "withdraw": Rule(
        "Withdraw from review",
        (S.SUBMITTED,),
        lambda user, article: user.is_active and has_byline(user, article),
    ),
    "request_changes": Rule(
        "Request changes", (S.SUBMITTED, S.UNPUBLISHED), _perm("review_article"), "note"
    ),
    "publish": Rule("Approve and publish now", NOT_LIVE, _perm("publish_article")),
    "schedule": Rule("Schedule", NOT_LIVE, _perm("publish_article"), "publish_at"),
    "unpublish": Rule("Unpublish", (S.PUBLISHED, S.SCHEDULED), _perm("publish_article"), "reason"),
    "trash": Rule(
        "Move to trash",
        (S.DRAFT, S.CHANGES_REQUESTED, S.SUBMITTED, S.UNPUBLISHED),
        lambda user, article: (
            is_editor(user)
            or (
                article.status in (S.DRAFT, S.CHANGES_REQUESTED)
                and _author_or_editor(user, article)
            )
        ),
    ),
    "restore": Rule("Restore from trash", (S.TRASHED,), _perm("restore_article")),
}


def is_allowed(name, user, article):
    rule = RULES[name]
    return article.state in rule.sources and rule.permitted(user, article)


def available_transitions(user, article):
    """The transitions ``user`` may make on ``article`` now, in display order."""
    return [name for name in RULES if is_allowed(name, user, article)]


def _check(name, user, article):
    rule = RULES[name]
    if not rule.permitted(user, article):
        raise TransitionError(f"You don’t have permission to “{rule.label.lower()}” this article.")
    if article.state not in rule.sources:
        raise TransitionError(
            f"“{rule.label}” isn’t possible while the article is "
            f"{article.get_state_display().lower()}."
        )


def publishing_problems(article):
    """What readers would miss if ``article`` went out now, in plain words."""
    problems = []
    if not article.title.strip():
        problems.append("a title")
    if not html.has_text(article.body):
        problems.append("a body")
    if not article.bylines.exists():
        problems.append("at least one author")
    image = article.featured_image
    if image is not None and not image.alt_text.strip():
        problems.append("alt text on the featured image")
    return problems


def _require_publishable(article):
    problems = publishing_problems(article)
    if problems:
        missing = (
            problems[0] if len(problems) == 1 else ", ".join(problems[:-1]) + " and " + problems[-1]
        )
        raise TransitionError(f"This article can’t be published yet: it needs {missing}.")


def require_checklist(article):
    """Refuse while an item the desk marked as blocking is unmet (articles/checklist.py).

    Called on the locked row by publish, schedule and the approval of a pending change
    (after the change is applied, so it judges what would go live).
    """
    unmet = checklist.blocking(article)
    if unmet:
        items = "; ".join(
            f"{item.label.lower()}{f' ({item.detail})' if item.detail else ''}" for item in unmet
        )
        raise TransitionError(f"The pre-publish checklist is not complete: {items}.")


def _move(name, article, user, to, action, note="", *, prepare=None, seen=None, **fields):
    """Check, change and record one transition atomically, against the row as stored.

    The row is locked first, so the permission, the state and anything ``prepare``
    checks are decided on what is stored, and no edit or other transition can slip
    in between. ``prepare(current)`` may refuse with ``TransitionError`` or return
    more fields to set; ``note`` may be a function of the fields. ``seen``: the
    version the person was shown, refused when the stored one moved since.
    """
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        # Whatever happens next, the caller's copy stops telling an old story.
        article.status, article.published_at = current.status, current.published_at
        article.version = current.version
        _check(name, user, current)
        _require_seen(current, seen)
        if prepare is not None:
            fields = {**fields, **prepare(current)}
        if callable(note):
            note = note(fields)
        now = timezone.now()
        Article.objects.filter(pk=current.pk).update(
            status=to, updated_at=now, version=F("version") + 1, **fields
        )
        # The caller's copy now tells the truth about the row.
        article.status, article.version, article.updated_at = to, current.version + 1, now
        for field, value in fields.items():
            setattr(article, field, value)
        ArticleEvent.objects.create(
            article=article,
            actor=user,
            action=action,
            from_status=current.status,
            to_status=to,
            note=note,
        )
        if to in LIVE_STATUSES:
            # Going live: make sure search finds it as it now reads.
            search.refresh_search_vectors([article.pk])
        if current.status in LIVE_STATUSES or to in LIVE_STATUSES:
            counts.after_change(counts.Before((article.pk,), live=True))
            public_content_changed()
        notification_events.article_moved(article, action, user, note)
    return article


def create(article, *, by):
    """Save a new article as a draft; a columnist becomes its first byline."""
    with transaction.atomic():
        article.status = S.DRAFT
        article.created_by = by
        article.save()
        profile = getattr(by, "author_profile", None)
        if profile is not None and not is_editor(by):
            Byline.objects.create(article=article, author=profile, position=0)
        ArticleEvent.objects.create(
            article=article, actor=by, action=Action.CREATE, to_status=S.DRAFT
        )
    return article


def _require_text(current):
    if not current.title.strip() or not html.has_text(current.body):
        raise TransitionError("Write a title and a body before you submit the article.")
    return {}


def submit(article, *, by):
    return _move(
        "submit",
        article,
        by,
        S.SUBMITTED,
        Action.SUBMIT,
        prepare=_require_text,
        submitted_at=timezone.now(),
    )


def withdraw(article, *, by):
    return _move("withdraw", article, by, S.DRAFT, Action.WITHDRAW, submitted_at=None)


def request_changes(article, *, by, note):
    note = (note or "").strip()
    if not note:
        raise TransitionError("Write a note that tells the author what to change.")
    with transaction.atomic():
        _move("request_changes", article, by, S.CHANGES_REQUESTED, Action.REQUEST_CHANGES, note)
        ReviewNote.objects.create(article=article, author=by, body=note)
    return article


def publish(article, *, by, seen=None):
    def publishable_now(current):
        _require_publishable(current)
        require_checklist(current)
        now = timezone.now().replace(microsecond=0)
        published_at = current.published_at
        if published_at is None or published_at > now:
            published_at = now
        return {"published_at": published_at}

    return _move(
        "publish", article, by, S.PUBLISHED, Action.PUBLISH, prepare=publishable_now, seen=seen
    )


def _future_time(publish_at):
    if not isinstance(publish_at, datetime):
        raise TransitionError("Choose a date and time to publish at.")
    if timezone.is_naive(publish_at):
        publish_at = timezone.make_aware(publish_at)
    if publish_at <= timezone.now():
        raise TransitionError(
            "That time has already passed. Choose a time in the future, or publish now."
        )
    return publish_at


def schedule(article, *, by, publish_at, seen=None):
    def publishable_then(current):
        when = _future_time(publish_at)
        _require_publishable(current)
        require_checklist(current)
        return {"published_at": when}

    def note(fields):
        when = timezone.localtime(fields["published_at"])
        return f"To be published {date_format(when, 'DATETIME_FORMAT')}"

    return _move(
        "schedule",
        article,
        by,
        S.SCHEDULED,
        Action.SCHEDULE,
        note,
        prepare=publishable_then,
        seen=seen,
    )


def unpublish(article, *, by, reason):
    reason = (reason or "").strip()
    if not reason:
        raise TransitionError("Give a reason for unpublishing; it goes in the audit log.")
    return _move("unpublish", article, by, S.UNPUBLISHED, Action.UNPUBLISH, reason)


def trash(article, *, by):
    return _move("trash", article, by, S.TRASHED, Action.TRASH, assignee=None, review_due=None)


def restore(article, *, by):
    return _move("restore", article, by, S.DRAFT, Action.RESTORE)


def assign(article, *, by, assignee, due=None):
    """Put a submission on an editor's desk, optionally with a due date.

    The desk is not the article's content, so assigning does not bump its version:
    an edit in progress is not a conflict, and edits never write these columns.
    """
    if not (by.is_active and by.has_perm("articles.review_article")):
        raise TransitionError("You don’t have permission to assign reviews.")
    if assignee is not None and not (
        assignee.is_active and assignee.has_perm("articles.review_article")
    ):
        raise TransitionError(
            f"{display_name(assignee)} is not an editor and cannot review articles."
        )
    if due is not None and due < timezone.localdate():
        raise TransitionError("The due date has already passed. Choose today or a later date.")
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status != S.SUBMITTED:
            raise TransitionError("Only articles in review can be assigned.")
        Article.objects.filter(pk=article.pk).update(assignee=assignee, review_due=due)
        article.assignee, article.review_due = assignee, due
        ArticleEvent.objects.create(
            article=article,
            actor=by,
            action=Action.ASSIGN,
            from_status=current.status,
            to_status=current.status,
            note=assignment_note(assignee, due),
        )
    return article


def assignment_note(assignee, due):
    """The audit-log line for an assignment, e.g. "Assigned to Harriet Lowe, due 3 December"."""
    text = f"Assigned to {display_name(assignee)}" if assignee else "Unassigned"
    return f"{text}, due {date_format(due)}" if due else text


def display_name(user):
    return user.get_full_name() or user.get_username()


def empty_trash(*, by, articles=None):
    """Delete trashed articles for good. Only administrators may."""
    if not by.is_superuser:
        raise TransitionError("Only an administrator can empty the trash.")
    queryset = Article.objects.filter(status=S.TRASHED)
    if articles is not None:
        queryset = queryset.filter(pk__in=[a.pk for a in articles])
    with transaction.atomic():
        count = queryset.count()
        queryset.delete()
    return count


def editors():
    """Users who may review: the choices for an assignee."""
    User = get_user_model()
    return (
        User.objects.with_perm("articles.review_article")
        .filter(is_staff=True)
        .order_by("first_name", "username")
    )


TRANSITIONS = {
    "submit": submit,
    "withdraw": withdraw,
    "request_changes": request_changes,
    "publish": publish,
    "schedule": schedule,
    "unpublish": unpublish,
    "trash": trash,
    "restore": restore,
}


def perform(name, article, *, by, value=None, seen=None):
    """Run the transition called ``name``, passing ``value`` as the input it needs.

    A transition that makes text live needs ``seen``, the version the person was
    shown; without one (a crafted POST, a bulk action) it is refused.
    """
    if name not in TRANSITIONS:
        raise TransitionError("That action does not exist.")
    needs = RULES[name].needs
    kwargs = {needs: value} if needs else {}
    if name in GOES_LIVE:
        if seen is None:
            raise TransitionError(UNSEEN)
        kwargs["seen"] = seen
    return TRANSITIONS[name](article, by=by, **kwargs)


# Publishing from a stale view. A transition that makes text live carries the version
# of the article the editor was shown, and is refused when the stored one has moved.

GOES_LIVE = ("publish", "schedule")
UNSEEN = (
    "Nothing was published or scheduled: this request didn’t say which version of the "
    "article you read. Open the article, read it, and publish from its page."
)


def _require_seen(current, seen):
    if seen is not None and seen != current.version:
        raise TransitionError(
            "Nothing was published or scheduled: the article changed after you opened it. "
            "Reload it and read the new version first."
        )
