"""What is kept about senders, for how long, and how an administrator exports or erases it.

The worker's sweep (``sweep_submissions``, a task that queues its own next run) deletes
unverified submissions after ``SUBMISSION_UNVERIFIED_DAYS`` and strips declined and
withdrawn ones of the sender's personal data after ``SUBMISSION_RETENTION_DAYS``. No
cron: the first submission received queues the sweep, and each run queues the next.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.tasks import task
from django.utils import timezone

from opinion_blog.content_version import public_content_changed

from .models import Action, OutgoingEmail, State, Submission, SubmissionEvent, SubmissionNote

logger = logging.getLogger(__name__)

PERSONAL_FIELDS = {
    "name": "",
    "email": "",
    "phone": "",
    "affiliation": "",
    "bio": "",
    "town": "",
    "headline": "",
    "text": "",
    "conflict_of_interest": "",
    "published_text": "",
}
SWEEP_TASK_PATH = "submissions.privacy.sweep_submissions"


def erase(queryset, *, by=None, note="Personal data erased"):
    """Strip the sender's details and words from ``queryset``; keep reference, kind and dates."""
    with transaction.atomic():
        ids = list(
            queryset.filter(personal_data_erased_at__isnull=True).values_list("pk", flat=True)
        )
        if not ids:
            return 0
        was_public = Submission.objects.filter(pk__in=ids, published_at__isnull=False).exists()
        Submission.objects.filter(pk__in=ids).update(
            personal_data_erased_at=timezone.now(), published_at=None, **PERSONAL_FIELDS
        )
        # Copies of the details: the emails sent and the notes written about them.
        OutgoingEmail.objects.filter(submission_id__in=ids).delete()
        SubmissionNote.objects.filter(submission_id__in=ids).delete()
        SubmissionEvent.objects.filter(submission_id__in=ids, action=Action.WRITER_COMMENT).update(
            note=""
        )
        SubmissionEvent.objects.bulk_create(
            SubmissionEvent(submission_id=pk, actor=by, action=Action.ERASED, note=note)
            for pk in ids
        )
        if was_public:
            public_content_changed()
    return len(ids)


def sweep(now=None):
    """Delete stale unverified submissions; erase old declined and withdrawn ones."""
    now = now or timezone.now()
    unverified = Submission.objects.filter(
        state=State.UNVERIFIED,
        created_at__lt=now - timedelta(days=settings.SUBMISSION_UNVERIFIED_DAYS),
    )
    deleted, _ = unverified.delete()
    expired = Submission.objects.filter(
        state__in=(State.DECLINED, State.WITHDRAWN),
        decided_at__lt=now - timedelta(days=settings.SUBMISSION_RETENTION_DAYS),
    )
    erased = erase(expired, note=f"Erased after {settings.SUBMISSION_RETENTION_DAYS} days")
    if (deleted or erased) and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE submissions_submission")
    return {"deleted_unverified": deleted, "erased": erased}


@task()
def sweep_submissions():
    """The worker's periodic job: sweep now, and queue the next run even if this one fails."""
    try:
        return sweep()
    finally:
        run_after = timezone.now() + timedelta(seconds=settings.SUBMISSION_SWEEP_SECONDS)
        sweep_submissions.using(run_after=run_after).enqueue()


def ensure_sweep_scheduled():
    """Queue the sweep unless a run is already waiting (each run queues the next)."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=SWEEP_TASK_PATH)
    if not waiting.exists():
        sweep_submissions.enqueue()
        return True
    return False


# An administrator's export and erasure by email address ------------------------------------------


def export_for(email):
    """Everything held about ``email``: the submissions, their history, notes and emails."""
    submissions = (
        Submission.objects.for_address(email)
        .select_related("article", "draft_article", "guest_author")
        .prefetch_related("events", "notes", "emails", "sign_offs")
    )
    data = []
    for item in submissions:
        data.append(
            {
                "reference": item.reference,
                "kind": item.get_kind_display(),
                "state": item.get_state_display(),
                **{field: getattr(item, field) for field in PERSONAL_FIELDS},
                "is_pitch": item.is_pitch,
                "not_offered_elsewhere": item.not_offered_elsewhere,
                "consented_at": item.consented_at,
                "created_at": item.created_at,
                "verified_at": item.verified_at,
                "decided_at": item.decided_at,
                "published_at": item.published_at,
                "answers_article": item.article.title if item.article else None,
                "became_article": item.draft_article.title if item.draft_article else None,
                "guest_profile": item.guest_author.name if item.guest_author else None,
                "history": [
                    {"when": e.created_at, "what": e.get_action_display(), "note": e.note}
                    for e in item.events.all()
                ],
                "internal_notes": [
                    {"when": n.created_at, "note": n.body} for n in item.notes.all()
                ],
                "emails_sent": [
                    {"when": m.created_at, "to": m.to, "subject": m.subject, "body": m.body}
                    for m in item.emails.all()
                ],
                "sign_offs": [
                    {"requested": s.requested_at, "approved": s.approved_at}
                    for s in item.sign_offs.all()
                ],
            }
        )
    return {"email": email, "exported_at": timezone.now(), "submissions": data}


EXPORT_ENCODER = DjangoJSONEncoder


def erase_for(email, *, by):
    """Erase every submission from ``email``; delete the unverified ones outright.

    A guest profile made for the sender stays while it carries a published byline (it
    is the public record of their article); its bio is the one they chose to publish.
    """
    if not (by.is_active and by.is_superuser):
        raise PermissionError("Only an administrator can erase a sender’s data.")
    email = (email or "").strip()
    if not email:
        return 0
    with transaction.atomic():
        submissions = Submission.objects.for_address(email)
        deleted, _ = submissions.filter(state=State.UNVERIFIED).delete()
        erased = erase(submissions, by=by, note="Erased at the sender’s request")
        OutgoingEmail.objects.filter(to__iexact=email).delete()
    return deleted + erased
