"""Revisions: every save keeps a snapshot, changes to live articles wait for an editor.

The article row always holds what readers see. A revision is a JSON snapshot of the
reader-visible fields and the state at the time. A columnist's edit of a live article
becomes a *pending* revision instead of a write to the row, so readers (and every
public query, which starts from ``Article.objects.published()``) keep the live text
until an editor approves it.
"""

import copy
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format

from notifications import events as notification_events

from . import counts, diffs, editing, html, search, topic_choice
from .content import validated as validated_content
from .models import (
    Action,
    Approval,
    Article,
    ArticleEvent,
    Byline,
    ReviewNote,
    Revision,
    RevisionKind,
)
from .models.article import LIVE_STATUSES
from .permissions import can_edit, is_editor
from .workflow import TransitionError, require_checklist

# The text fields a snapshot keeps as they are.
TEXT_FIELDS = ("title", "slug", "standfirst", "body", "featured_image_caption", "disclosure")


def snapshot(article, *, topics=None):
    """What readers would see of ``article`` (in memory, maybe unsaved), as JSON."""
    data = {field: getattr(article, field) or "" for field in TEXT_FIELDS}
    data["body"] = html.sanitize(data["body"])
    data["no_disclosure"] = bool(article.no_disclosure)
    image = article.featured_image if article.featured_image_id else None
    data["featured_image"] = image.pk if image else None
    data["featured_image_label"] = str(image) if image else ""
    if article.pk:
        bylines = Byline.objects.filter(article=article).select_related("author")
        data["bylines"] = [{"author": b.author_id, "name": b.author.name} for b in bylines]
        if topics is None:
            topics = article.topics.names()
        data["corrections"] = [
            {"date": c.created_at.isoformat(), "text": c.text} for c in article.corrections.all()
        ]
    else:
        data["bylines"], data["corrections"] = [], []
    data["topics"] = sorted(str(topic) for topic in (topics or []))
    data["state"] = str(article.state)
    return data


def is_live(article):
    """Published or scheduled: an edit here changes what readers see (or will see)."""
    return article.status in LIVE_STATUSES


def holds_for_approval(user, article, *, requested=False):
    """Whether ``user``'s edit of ``article`` must wait for an editor instead of going live."""
    return is_live(article) and (requested or not is_editor(user))


def _event(article, by, action, note=""):
    ArticleEvent.objects.create(
        article=article,
        actor=by,
        action=action,
        from_status=article.status,
        to_status=article.status,
        note=note,
    )


def _discard_autosave(article, user):
    """A real save supersedes the person's background copy."""
    Revision.objects.filter(article=article, created_by=user, kind=RevisionKind.AUTOSAVE).delete()


def record(article, *, by, kind=RevisionKind.SAVE, topics=None, note="", changed=True):
    """Keep a revision of ``article`` as just saved. An editor's direct edit of a live
    article (``changed``: the save changed something) is also an audit entry."""
    revision = Revision.objects.create(
        article=article,
        kind=kind,
        content=snapshot(article, topics=topics),
        created_by=by,
        created_at=timezone.now(),
        note=note,
    )
    if kind == RevisionKind.SAVE:
        if changed and is_live(article):
            _event(article, by, Action.EDIT_LIVE)
        _discard_autosave(article, by)
    return revision


def save_pending(article, *, by, topics=None, content=None, base_version=""):
    """Store an edit of a live ``article`` as the one revision waiting for approval.

    The article row is not written: readers keep the live version. A newer pending
    change replaces an older one, which stays in the history.
    """
    content = content or snapshot(article, topics=topics)
    with transaction.atomic():
        Article.objects.select_for_update().filter(pk=article.pk).first()
        replaced = Revision.objects.filter(article=article, approval=Approval.PENDING).update(
            approval=Approval.SUPERSEDED
        )
        revision = Revision.objects.create(
            article=article,
            kind=RevisionKind.PENDING,
            content=content,
            created_by=by,
            created_at=timezone.now(),
            base_version=base_version,
            approval=Approval.PENDING,
        )
        _event(article, by, Action.CHANGE_PENDING)
        _discard_autosave(article, by)
        if not replaced:
            # The desk hears of a change once, not of every later save of it.
            notification_events.change_pending(article, by)
    return revision


def pending_for(article):
    return Revision.objects.pending().filter(article=article).select_related("created_by").first()


def working_copy(user, article):
    """The pending or sent-back change a columnist goes on editing, if the latest is one."""
    if is_editor(user):
        return None
    latest = (
        article.revisions.exclude(kind__in=[RevisionKind.AUTOSAVE, RevisionKind.CORRECTION])
        .only("kind", "approval", "content", "created_at")
        .first()
    )
    if latest and latest.approval in (Approval.PENDING, Approval.RETURNED):
        return latest
    return None


def overlay(article, content):
    """Put a snapshot's text onto ``article`` in memory (for a form or a preview)."""
    from images.models import Image

    for field in TEXT_FIELDS:
        if field in content:
            setattr(article, field, content[field])
    if "no_disclosure" in content:
        article.no_disclosure = bool(content["no_disclosure"])
    image_id = content.get("featured_image")
    if image_id and not Image.objects.filter(pk=image_id).exists():
        image_id = None
    article.featured_image_id = image_id
    if image_id is None:
        article.featured_image = None
    else:
        article.featured_image = Image.objects.get(pk=image_id)
    if Article.objects.filter(slug=article.slug).exclude(pk=article.pk).exists():
        article.slug = Article.objects.filter(pk=article.pk).values_list("slug", flat=True).get()
    return article


def _apply_and_save(article, snapshot_content, *, by, with_bylines, lead, may_create_topics=None):
    """Write a snapshot onto the stored article, as an edit would: through the writing
    form's validation (``articles.content``), then the one write path for edits."""
    form = validated_content(
        article, snapshot_content, by=by, lead=lead, may_create_topics=may_create_topics
    )
    # The form copied the snapshot's values onto ``article``.
    changed = [name for name in form.changed_data if name in editing.EDITABLE_FIELDS]
    kept_counts = counts.before_change(article)
    # The caller holds the row lock, so the stored version is the one being replaced.
    editing.save_edit(article, by=by, base_version=article.version, changed_fields=changed)
    topic_choice.set_in_order(article, form.cleaned_data["topics"])
    if with_bylines and snapshot_content.get("bylines"):
        from authors.models import Author

        author_ids = [b["author"] for b in snapshot_content["bylines"]]
        existing = set(Author.objects.filter(pk__in=author_ids).values_list("pk", flat=True))
        kept = [pk for pk in author_ids if pk in existing]
        if kept:
            Byline.objects.filter(article=article).delete()
            Byline.objects.bulk_create(
                Byline(article=article, author_id=pk, position=i) for i, pk in enumerate(kept)
            )
    counts.after_change(kept_counts)
    # Topics and bylines are part of what search finds.
    search.refresh_search_vectors([article.pk])


def fingerprint(revision, article=None, *, lock=False):
    """What an editor is shown of a pending change, as one value: its text, the live
    version it would replace, and each picture it shows (stored file, alt text, credit).

    The compare page carries it to the approval, which is refused when it no longer
    matches: an editor approves exactly what they saw. Stored files are never
    overwritten (a new upload gets a new random name), so the name stands for the bytes.
    ``lock`` holds the pictures' rows to the end of the transaction (after the article's,
    the order ``images.changes.save_image`` takes them in).
    """
    from images.models import Image

    if article is None:
        article = Article.objects.only("version").get(pk=revision.article_id)
    featured, body = diffs.picture_ids(revision.content)
    images = Image.objects.filter(pk__in=[*featured, *body]).order_by("pk")
    if lock:
        images = images.select_for_update()
    pictures = list(images.values_list("pk", "file", "alt_text", "credit", "width", "height"))
    seen = {
        "revision": revision.pk,
        "content": revision.content,
        "version": article.version,
        "pictures": pictures,
    }
    encoded = json.dumps(seen, sort_keys=True, cls=DjangoJSONEncoder).encode()
    return hashlib.sha256(encoded).hexdigest()


def approve(revision, *, by, seen):
    """Make a pending change live in one step, with the "Updated" date and an audit entry.

    ``seen`` is the ``fingerprint`` of the change as the editor compared it; the
    approval is refused when the change, its pictures or the live version moved since.
    """
    if not (by.is_active and by.has_perm("articles.publish_article")):
        raise TransitionError("You don’t have permission to approve changes to live articles.")
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=revision.article_id)
        revision = Revision.objects.select_for_update().get(pk=revision.pk)
        if revision.approval != Approval.PENDING:
            raise TransitionError("This change is no longer waiting for approval.")
        if not is_live(article):
            raise TransitionError(
                "This article is no longer live: send the change back, or edit the article."
            )
        if not seen or seen != fingerprint(revision, article, lock=True):
            raise TransitionError(
                "Nothing was approved: the change, its pictures or the live article changed "
                "after you compared them (or the request didn’t say what you saw). "
                "Compare again, then approve."
            )
        author = revision.created_by
        _apply_and_save(
            article,
            revision.content,
            by=by,
            with_bylines=False,
            lead="This change can’t be approved as it is: send it back with a note.",
            # Approving does not coin topics its author could not have chosen.
            may_create_topics=author is not None and topic_choice.may_create_topics(author),
        )
        require_checklist(article)  # judged on what would go live; refusal rolls back
        revision.approval = Approval.APPROVED
        revision.decided_by, revision.decided_at = by, timezone.now()
        revision.save(update_fields=["approval", "decided_by", "decided_at"])
        Revision.objects.create(
            article=article,
            kind=RevisionKind.APPROVAL,
            content=snapshot(article),
            created_by=by,
            created_at=timezone.now(),
        )
        _event(article, by, Action.CHANGE_APPROVED)
        notification_events.change_approved(article, by)
    return article


def send_back(revision, *, by, note):
    """Refuse a pending change with a note to its author; the live text stays."""
    if not (by.is_active and by.has_perm("articles.review_article")):
        raise TransitionError("You don’t have permission to review changes to live articles.")
    note = (note or "").strip()
    if not note:
        raise TransitionError("Write a note that tells the author why the change went back.")
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=revision.article_id)
        updated = Revision.objects.filter(pk=revision.pk, approval=Approval.PENDING).update(
            approval=Approval.RETURNED, decided_by=by, decided_at=timezone.now(), note=note
        )
        if not updated:
            raise TransitionError("This change is no longer waiting for approval.")
        ReviewNote.objects.create(article=article, author=by, body=note)
        _event(article, by, Action.CHANGE_RETURNED, note)
        notification_events.change_sent_back(article, by, note)
    return article


def restore(revision, *, by):
    """Bring back an earlier revision's text; the restore is itself a new revision.

    On a live article a columnist's restore waits for approval like any edit.
    Returns the new revision.
    """
    article = Article.objects.get(pk=revision.article_id)
    if not can_edit(by, article):
        raise TransitionError("You can’t change this article now, so you can’t restore it.")
    when = date_format(timezone.localtime(revision.created_at), "DATETIME_FORMAT")
    lead = "This revision can’t be restored as it is:"
    if holds_for_approval(by, article):
        form = validated_content(article, revision.content, by=by, lead=lead)
        pending = snapshot(form.instance, topics=form.cleaned_data["topics"])
        return save_pending(article, by=by, content=pending)
    with transaction.atomic():
        article = Article.objects.select_for_update().get(pk=article.pk)
        _apply_and_save(article, revision.content, by=by, with_bylines=is_editor(by), lead=lead)
        new = Revision.objects.create(
            article=article,
            kind=RevisionKind.RESTORE,
            content=snapshot(article),
            created_by=by,
            created_at=timezone.now(),
            note=f"Restored the revision of {when}",
        )
        _event(article, by, Action.REVISION_RESTORED, f"Restored the revision of {when}")
        _discard_autosave(article, by)
    return new


# Autosave: a private background copy per person, never touching the article row.

AUTOSAVE_TEXT_FIELDS = ("title", "standfirst", "body", "featured_image_caption", "disclosure")


def autosave(article, *, by, data, base_version=""):
    """Keep ``by``'s unsaved text of ``article`` (from the posted form ``data``).

    ``article`` is None for a new article that has never been saved. The text goes
    through the writing form's limits (nothing is required of work in progress);
    ``InvalidContent`` says what the form would refuse.
    """
    kept = snapshot(article or Article())
    for field in AUTOSAVE_TEXT_FIELDS:
        if field in data:
            kept[field] = str(data[field])
    if "topics" in data:
        kept["topics"] = [str(data["topics"])]  # the field splits the names as typed
    if "title" in data:
        # The whole form was posted: an unticked box is simply absent from it.
        kept["no_disclosure"] = bool(data.get("no_disclosure"))
    form = validated_content(
        copy.copy(article) if article else Article(),
        kept,
        by=by,
        lead="Not saved in the background:",
        partial=True,
    )
    kept["body"] = html.sanitize(kept["body"])
    kept["topics"] = sorted(str(topic) for topic in form.cleaned_data.get("topics") or [])
    revision, _ = Revision.objects.update_or_create(
        article=article,
        created_by=by,
        kind=RevisionKind.AUTOSAVE,
        defaults={
            "content": kept,
            "created_at": timezone.now(),
            "base_version": base_version,
        },
    )
    return revision


def recoverable_autosave(article, user, *, against=None):
    """``user``'s background copy, when it holds text that differs from what the form shows
    (``against``: a snapshot; the article's own by default)."""
    revision = Revision.objects.filter(
        article=article, created_by=user, kind=RevisionKind.AUTOSAVE
    ).first()
    if revision is None:
        return None
    current = against or snapshot(article)
    if all(revision.content.get(f) == current.get(f) for f in AUTOSAVE_TEXT_FIELDS):
        return None
    return revision


def new_article_autosave(user):
    """``user``'s background copy of a new article they never saved."""
    return Revision.objects.filter(
        article__isnull=True, created_by=user, kind=RevisionKind.AUTOSAVE
    ).first()


def discard_new_article_autosave(user):
    Revision.objects.filter(
        article__isnull=True, created_by=user, kind=RevisionKind.AUTOSAVE
    ).delete()
