from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q


class RevisionKind(models.TextChoices):
    SAVE = "save", "Saved"
    AUTOSAVE = "autosave", "Autosaved"
    PENDING = "pending", "Change to a live article"
    RESTORE = "restore", "Restored an earlier revision"
    APPROVAL = "approval", "Approved change went live"
    CORRECTION = "correction", "Correction added"


class Approval(models.TextChoices):
    """Where a change to a live article stands; empty for every other revision."""

    NONE = "", "—"
    PENDING = "pending", "Waiting for approval"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Sent back"
    SUPERSEDED = "superseded", "Replaced by a later change"


class RevisionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(approval=Approval.PENDING)

    def history_for(self, user):
        """Every revision except other people's autosaves, which are private drafts."""
        return self.exclude(Q(kind=RevisionKind.AUTOSAVE) & ~Q(created_by_id=user.pk))


class Revision(models.Model):
    """One saved state of an article: a JSON snapshot of what readers see, never edited.

    An autosave is the one exception: each person has one autosave row per article,
    rewritten as they type, so background saves do not flood the history.
    """

    # Empty only for the autosave of an article not yet saved for the first time.
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, null=True, related_name="revisions"
    )
    kind = models.CharField(max_length=20, choices=RevisionKind.choices)
    content = models.JSONField(encoder=DjangoJSONEncoder)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField()
    # The version of the article the writer was editing (autosaves and pending changes).
    base_version = models.CharField(max_length=64, blank=True)
    approval = models.CharField(
        max_length=20, choices=Approval.choices, blank=True, default=Approval.NONE
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["article", "-created_at"], name="revision_article_idx")]
        constraints = [
            # At most one change per live article waits for an editor.
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(approval="pending"),
                name="one_pending_revision_per_article",
            ),
            # One autosave per person per article, rewritten in place.
            models.UniqueConstraint(
                fields=["article", "created_by"],
                condition=Q(kind="autosave"),
                name="one_autosave_per_person",
            ),
            models.UniqueConstraint(
                fields=["created_by"],
                condition=Q(kind="autosave", article__isnull=True),
                name="one_new_article_autosave_per_person",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.content.get('title', '')}"

    @property
    def title(self):
        return self.content.get("title", "")
