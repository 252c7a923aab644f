"""Changes to what readers see of a profile wait for an editor, as changes to live articles do.

A columnist's display name, bio, avatar and links appear on every byline, feed and
JSON-LD block, so a columnist's edit of them becomes a ``ProfileChange`` (the whole
proposed profile) instead of a write to the author row; readers keep the profile
they know until an editor approves it on the review desk. Editors' and
administrators' own edits go live at once.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from articles import search
from articles.permissions import is_editor
from notifications import events as notification_events
from opinion_blog.content_version import public_content_changed

from .models import Author, AuthorLink, ProfileChange, delete_avatar_when_unused

Status = ProfileChange.Status


class ProfileReviewError(Exception):
    """A decision on a profile change that is not allowed now; the message says why."""


def holds_for_review(user):
    """Whether ``user``'s edits of their profile wait for an editor."""
    return not (user.is_superuser or is_editor(user))


def live_profile(author):
    """What readers see of ``author`` now, in the shape of a change."""
    return {
        "name": author.name,
        "bio": author.bio,
        "avatar": author.avatar.name or "",
        "links": [{"label": link.label, "url": link.url} for link in author.links.all()],
    }


def proposed_profile(change):
    return {
        "name": change.name,
        "bio": change.bio,
        "avatar": change.avatar.name or "",
        "links": [{"label": link["label"], "url": link["url"]} for link in change.links],
    }


def pending_for(author):
    return ProfileChange.objects.filter(author=author, status=Status.PENDING).first()


def pending():
    """Changes waiting for an editor, oldest first, with what the desk shows beside them."""
    return (
        ProfileChange.objects.filter(status=Status.PENDING)
        .select_related("author", "created_by")
        .prefetch_related("author__links")
        .order_by("created_at", "pk")
    )


def propose(author, *, by, name, bio, avatar, links):
    """Keep ``by``'s edit of ``author``'s profile as the one change waiting for review.

    ``avatar`` is the form's value: a new upload (not yet stored), the stored file
    kept, or empty to remove it. ``links`` are ``{"label", "url"}`` in order. An edit
    that leaves the profile as readers see it withdraws the pending change instead.
    Returns the new change, or None when nothing differs from the live profile.
    """
    with transaction.atomic():
        author = Author.objects.select_for_update().get(pk=author.pk)
        replaced = list(
            ProfileChange.objects.select_for_update().filter(author=author, status=Status.PENDING)
        )
        ProfileChange.objects.filter(pk__in=[c.pk for c in replaced]).update(
            status=Status.SUPERSEDED, decided_at=timezone.now()
        )
        delete_avatar_when_unused([c.avatar.name for c in replaced])
        change = ProfileChange(
            author=author,
            name=name,
            bio=bio,
            links=[{"label": link["label"], "url": link["url"]} for link in links],
            created_by=by,
            created_at=timezone.now(),
        )
        if isinstance(avatar, FieldFile):  # the form's instance's file: take its name or upload
            avatar = avatar.name if avatar._committed else avatar.file
        change.avatar = avatar or ""
        if not getattr(change.avatar, "_committed", True):
            change.save()  # stores the new avatar; compared by its new name below
        elif proposed_profile(change) == live_profile(author):
            return None
        else:
            change.save()
    return change


def approve(change, *, by):
    """Copy a pending change onto the profile readers see, in one locked step."""
    if not (by.is_active and by.has_perm("articles.publish_article")):
        raise ProfileReviewError("You don’t have permission to approve profile changes.")
    with transaction.atomic():
        author = Author.objects.select_for_update().get(pk=change.author_id)
        change = ProfileChange.objects.select_for_update().get(pk=change.pk)
        if change.status != Status.PENDING:
            raise ProfileReviewError("This profile change is no longer waiting for approval.")
        renamed = author.name != change.name
        author.name, author.bio = change.name, change.bio
        author.avatar = change.avatar.name or ""
        try:
            author.full_clean(exclude=["user", "slug", "avatar"])
        except ValidationError as error:
            raise ProfileReviewError(
                "This change cannot be applied: " + " ".join(error.messages)
            ) from error
        change.status, change.decided_by, change.decided_at = Status.APPROVED, by, timezone.now()
        change.save(update_fields=["status", "decided_by", "decided_at"])
        author.save()  # deletes the replaced avatar's file once this commits
        author.links.all().delete()
        AuthorLink.objects.bulk_create(
            AuthorLink(author=author, label=link["label"], url=link["url"], position=position)
            for position, link in enumerate(change.links)
        )
        if renamed:
            search.refresh_for_author(author)
        public_content_changed()
        notification_events.profile_decided(change, by, approved=True)
    return author


def decline(change, *, by, note=""):
    """Refuse a pending change; readers keep the profile, its new avatar's file goes."""
    if not (by.is_active and by.has_perm("articles.review_article")):
        raise ProfileReviewError("You don’t have permission to review profile changes.")
    with transaction.atomic():
        updated = ProfileChange.objects.filter(pk=change.pk, status=Status.PENDING).update(
            status=Status.DECLINED,
            decided_by=by,
            decided_at=timezone.now(),
            note=(note or "").strip()[:2000],
        )
        if not updated:
            raise ProfileReviewError("This profile change is no longer waiting for approval.")
        delete_avatar_when_unused([change.avatar.name])
        notification_events.profile_decided(change, by, approved=False, note=note)
    return change


def comparison(change):
    """The rows an editor compares: each reader-visible part, live and proposed."""
    live, proposed = live_profile(change.author), proposed_profile(change)
    rows = []
    for key, label in [("name", "Display name"), ("bio", "Bio"), ("avatar", "Avatar")]:
        rows.append(
            {
                "key": key,
                "label": label,
                "live": live[key],
                "proposed": proposed[key],
                "changed": live[key] != proposed[key],
            }
        )
    rows[2]["live_url"] = change.author.avatar.url if change.author.avatar else ""
    rows[2]["proposed_url"] = change.avatar_url
    rows.append(
        {
            "key": "links",
            "label": "Links",
            "live": live["links"],
            "proposed": proposed["links"],
            "changed": live["links"] != proposed["links"],
        }
    )
    return rows


def for_desk():
    """Pending changes with their comparisons, for the review desk."""
    return [{"change": change, "rows": comparison(change)} for change in pending()]
