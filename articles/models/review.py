from django.conf import settings
from django.db import models

from .article import Status


class Action(models.TextChoices):
    CREATE = "create", "Created"
    SUBMIT = "submit", "Submitted for review"
    WITHDRAW = "withdraw", "Withdrawn from review"
    REQUEST_CHANGES = "request_changes", "Changes requested"
    PUBLISH = "publish", "Published"
    SCHEDULE = "schedule", "Scheduled"
    UNPUBLISH = "unpublish", "Unpublished"
    TRASH = "trash", "Moved to the trash"
    RESTORE = "restore", "Restored from the trash"
    ASSIGN = "assign", "Assigned"
    IMAGE_CHANGE = "image_change", "Featured picture changed"
    EDIT_LIVE = "edit_live", "Edited while live"
    CHANGE_PENDING = "change_pending", "Change to the live article sent for approval"
    CHANGE_APPROVED = "change_approved", "Change to the live article approved"
    CHANGE_RETURNED = "change_returned", "Change to the live article sent back"
    REVISION_RESTORED = "revision_restored", "Earlier revision restored"
    CORRECTION = "correction", "Correction added"


class ArticleEvent(models.Model):
    """One line of an article's audit log: a transition or a desk change, never edited."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=40, choices=Action.choices)
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"
        indexes = [models.Index(fields=["article", "-created_at"], name="event_article_idx")]

    def __str__(self):
        return f"{self.get_action_display()} — {self.article}"


class ReviewNoteQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class ReviewNote(models.Model):
    """A note in the conversation between editors and an article's authors."""

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="review_notes"
    )
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ReviewNoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]

    @property
    def is_resolved(self):
        return self.resolved_at is not None
