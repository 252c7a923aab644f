"""What the newsroom tells people: one row per person per event, in the inbox and by email."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Value, When
from django.urls import reverse

from opinion_blog.validators import one_line


class Kind(models.TextChoices):
    SUBMITTED = "submitted", "An article is submitted for review"
    CHANGE_PENDING = "change_pending", "A change to a live article waits for approval"
    CHANGES_REQUESTED = "changes_requested", "Changes are requested on your article"
    SCHEDULED = "scheduled", "Your article is scheduled"
    PUBLISHED = "published", "Your article is published"
    UNPUBLISHED = "unpublished", "Your article is unpublished"
    CHANGE_APPROVED = "change_approved", "Your change to a live article is approved"
    CHANGE_SENT_BACK = "change_sent_back", "Your change to a live article is sent back"
    REVIEW_NOTE = "review_note", "A new review note on an article you work on"
    GUEST_SIGNED_OFF = "guest_signed_off", "A guest writer approves the edited version"
    GUEST_COMMENTED = "guest_commented", "A guest writer comments on the edited version"
    PROFILE_APPROVED = "profile_approved", "Your profile change is approved"
    PROFILE_DECLINED = "profile_declined", "Your profile change is declined"


HEADLINES = {
    Kind.SUBMITTED: "{who} submitted “{title}” for review",
    Kind.CHANGE_PENDING: "{who} proposed a change to the live article “{title}”",
    Kind.CHANGES_REQUESTED: "{who} requested changes to “{title}”",
    Kind.SCHEDULED: "{who} scheduled “{title}”",
    Kind.PUBLISHED: "{who} published “{title}”",
    Kind.UNPUBLISHED: "{who} unpublished “{title}”",
    Kind.CHANGE_APPROVED: "{who} approved your change to “{title}”",
    Kind.CHANGE_SENT_BACK: "{who} sent back your change to “{title}”",
    Kind.REVIEW_NOTE: "{who} wrote a review note on “{title}”",
    # The guest is no user of ours: the note names them.
    Kind.GUEST_SIGNED_OFF: "The guest writer approved the edited “{title}”",
    Kind.GUEST_COMMENTED: "The guest writer commented on the edited “{title}”",
    Kind.PROFILE_APPROVED: "{who} approved your profile change",
    Kind.PROFILE_DECLINED: "{who} declined your profile change",
}


class Email(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENDING = "sending", "Being sent"
    RETRYING = "retrying", "Waiting to retry"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    OFF = "off", "Not sent: turned off"
    NO_ADDRESS = "no_address", "Not sent: no address"
    NO_ACCESS = "no_access", "Not sent: no longer has access"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at=None)

    def inbox(self, user):
        """``user``'s notifications, unread first, newest first within each."""
        return (
            self.filter(recipient=user)
            .select_related("article", "profile_change", "actor")
            .alias(read=Case(When(read_at=None, then=Value(0)), default=Value(1)))
            .order_by("read", "-created_at", "-pk")
        )


class Notification(models.Model):
    """One event told to one person, about an article or a change to their profile; the
    email's delivery is tracked on the same row."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    profile_change = models.ForeignKey(
        "authors.ProfileChange",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    email = models.CharField(max_length=20, choices=Email.choices, default=Email.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Idempotency: the key is the email's Message-ID, the same on every try; while
    # ``sending``, the lease says until when the worker that claimed it may still finish.
    send_key = models.UUIDField(null=True, blank=True, editable=False)
    sending_until = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox"),
            models.Index(fields=["email"], name="notification_email"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(article__isnull=False, profile_change__isnull=True)
                | models.Q(article__isnull=True, profile_change__isnull=False),
                name="notification_about_one_thing",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.article or 'profile'}"

    @property
    def headline(self):
        """One sentence for the inbox and the email's subject, always a single line."""
        who = (self.actor.get_full_name() or self.actor.get_username()) if self.actor else "Someone"
        title = (one_line(self.article.title) or "Untitled") if self.article else ""
        return one_line(HEADLINES[self.kind].format(who=one_line(who), title=title))

    def newsroom_path(self):
        """Where the notification leads in the admin: its article, or the profile."""
        if self.article_id:
            return reverse("admin:articles_article_change", args=[self.article_id])
        return reverse("admin:authors_author_change", args=[self.profile_change.author_id])

    def recipient_may_open(self):
        """Whether the recipient may still open what it is about (access can change)."""
        from articles.permissions import can_view

        person = self.recipient
        if self.article_id:
            return can_view(person, self.article)
        return (
            person.is_active and person.is_staff and self.profile_change.author.user_id == person.pk
        )

    @property
    def is_unread(self):
        return self.read_at is None


class EmailOptOut(models.Model):
    """A kind of notification a person does not want by email (the inbox still records it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_opt_outs"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_opt_out_per_kind"),
        ]

    def __str__(self):
        return f"{self.user}: no email for {self.kind}"
