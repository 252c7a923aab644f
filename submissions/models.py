"""Op-eds and letters to the editor sent in by the public, and what the desk does with them.

The sender's private details (email, phone) live only on ``Submission`` and the emails
sent to them; they are shown to editors in the admin and never on a public page, feed
or JSON-LD. A published letter shows its sender's name and town only.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class Kind(models.TextChoices):
    OP_ED = "op_ed", "Op-ed"
    LETTER = "letter", "Letter to the editor"


class State(models.TextChoices):
    UNVERIFIED = "unverified", "Unverified"
    NEW = "new", "New"
    CONSIDERING = "considering", "Under consideration"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Readable, unambiguous characters for references quoted on the phone or in an email.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference():
    return "OB-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(7))


class SubmissionQuerySet(models.QuerySet):
    def on_desk(self):
        """What the desk works on: verified submissions (unverified ones are not yet real)."""
        return self.exclude(state=State.UNVERIFIED)

    def waiting(self):
        """What the desk has yet to decide: new and under consideration, oldest first."""
        return self.filter(state__in=[State.NEW, State.CONSIDERING]).order_by("created_at", "pk")

    def published_letters(self):
        """Letters readers may see: accepted, with a publication time that has come."""
        return self.filter(
            kind=Kind.LETTER,
            state=State.ACCEPTED,
            published_at__isnull=False,
            published_at__lte=timezone.now(),
        )

    def for_address(self, email):
        return self.filter(email__iexact=(email or "").strip())


class Submission(models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    state = models.CharField(max_length=12, choices=State.choices, default=State.UNVERIFIED)
    reference = models.CharField(max_length=12, unique=True, default=new_reference)

    # The sender. Email and phone are private: editors only.
    name = models.CharField(max_length=120)
    email = models.EmailField(max_length=254)
    phone = models.CharField(max_length=40, blank=True)
    affiliation = models.CharField(max_length=200, blank=True)
    bio = models.CharField("one-line bio", max_length=300, blank=True)
    town = models.CharField(max_length=100, blank=True)

    # The piece.
    headline = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    is_pitch = models.BooleanField(
        "a pitch", default=False, help_text="The sender sent a pitch rather than the full text."
    )
    conflict_of_interest = models.TextField(blank=True)
    not_offered_elsewhere = models.BooleanField(default=False)
    consented_at = models.DateTimeField(null=True, blank=True)
    article = models.ForeignKey(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="letters",
        help_text="The article a letter answers.",
    )
    word_count = models.PositiveIntegerField(default=0)

    # The desk.
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    draft_article = models.OneToOneField(
        "articles.Article",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submission",
        help_text="The article an accepted op-ed became.",
    )
    guest_author = models.ForeignKey(
        "authors.Author", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_text = models.TextField(
        blank=True, help_text="A letter as it is printed (the desk may trim it)."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(null=True, blank=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("handle_submission", "Can work on the submissions desk")]
        indexes = [
            models.Index(fields=["state", "-created_at"], name="submission_desk_idx"),
            models.Index(
                fields=["-published_at"],
                name="published_letter_idx",
                condition=models.Q(kind="letter", state="accepted", published_at__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self):
        """Only published letters have a public address: their day's page."""
        day = timezone.localtime(self.published_at).date()
        return reverse("submissions:letters_day", kwargs={"day": day.isoformat()}) + (
            f"#letter-{self.pk}"
        )

    @property
    def title(self):
        if self.headline:
            return self.headline
        return f"Letter from {self.name}" if self.kind == Kind.LETTER else "Untitled op-ed"

    @property
    def is_letter(self):
        return self.kind == Kind.LETTER


class Action(models.TextChoices):
    RECEIVED = "received", "Received (waiting for email verification)"
    VERIFIED = "verified", "Email verified"
    CONSIDER = "consider", "Put under consideration"
    ACCEPT = "accept", "Accepted"
    DECLINE = "decline", "Declined"
    WITHDRAW = "withdraw", "Withdrawn by the sender"
    ASSIGN = "assign", "Assigned"
    NOTE = "note", "Internal note"
    REPLY = "reply", "Reply emailed"
    SIGN_OFF_REQUESTED = "sign_off_requested", "Sent to the writer for sign-off"
    SIGNED_OFF = "signed_off", "Writer approved the edited version"
    WRITER_COMMENT = "writer_comment", "Writer sent a comment"
    ERASED = "erased", "Personal data erased"


class SubmissionEvent(models.Model):
    """One line of a submission's history, never edited."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    from_state = models.CharField(max_length=12, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=12, choices=State.choices, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.get_action_display()


class SubmissionNote(models.Model):
    """An internal note on the desk; the sender never sees it."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class ReplyKind(models.TextChoices):
    VERIFY = "verify", "Please confirm your email address"
    RECEIVED = "received", "Received"
    DECLINED = "declined", "Declined"
    ACCEPTED = "accepted", "Accepted"
    SIGN_OFF = "sign_off", "Edits for your approval"


class ReplyTemplate(models.Model):
    """An email the desk sends to senders, editable in the admin.

    Placeholders in braces are filled in: {name}, {reference}, {title}, {link},
    {withdraw_link}, {site_name}. Anything else in braces is left as it is.
    """

    kind = models.CharField(max_length=20, choices=ReplyKind.choices, unique=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(max_length=10000)

    class Meta:
        ordering = ["kind"]
        verbose_name = "reply template"

    def __str__(self):
        return self.get_kind_display()


class Delivery(models.TextChoices):
    QUEUED = "queued", "Queued"
    RETRYING = "retrying", "Waiting to retry"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class OutgoingEmail(models.Model):
    """One email to a sender, sent by the task worker with the notifications' retries."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, null=True, related_name="emails"
    )
    kind = models.CharField(max_length=20, choices=ReplyKind.choices)
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=250)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject


class SignOff(models.Model):
    """The writer's sign-off on the edited version of their accepted op-ed.

    The address is a share link (``articles.ShareLink``): it expires and may be
    withdrawn like any other; the sign-off page adds the approve/comment form.
    """

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="sign_offs")
    share_link = models.OneToOneField(
        "articles.ShareLink", on_delete=models.CASCADE, related_name="sign_off"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    approved_at = models.DateTimeField(null=True, blank=True)
    commented_at = models.DateTimeField(null=True, blank=True)
    article_version = models.PositiveIntegerField(
        default=0, help_text="The article's version the writer was shown."
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]

    def __str__(self):
        return f"Sign-off on {self.submission.reference}"

    @property
    def is_answered(self):
        return self.approved_at is not None or self.commented_at is not None
