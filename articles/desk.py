"""Read-side queries for the newsroom: the review queue and the dashboard."""

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone

from . import notes
from .models import Article, ArticleEvent, Status


def review_queue():
    """Submissions waiting for an editor: overdue first, then the longest-waiting."""
    today = timezone.localdate()
    return (
        Article.objects.filter(status=Status.SUBMITTED)
        .select_related("assignee")
        .with_bylines()
        .annotate(
            overdue=Case(
                When(review_due__lt=today, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            open_notes=Count(
                "review_notes",
                filter=Q(review_notes__parent=None, review_notes__resolved_at__isnull=True),
            ),
        )
        .order_by("overdue", "submitted_at", "pk")
    )


def state_counts():
    """How many articles are in each state, as people see states."""
    return [(status, Article.objects.in_state(status).count()) for status in Status]


def upcoming_schedule(limit=10):
    return Article.objects.scheduled().with_bylines().order_by("published_at")[:limit]


def recent_activity(limit=12):
    return ArticleEvent.objects.select_related("article", "actor")[:limit]


def columnist_desk(user):
    """A columnist's own work, by what they can do with it next."""
    own = Article.objects.visible_to(user).with_bylines().order_by("-updated_at")
    return {
        "drafts": own.filter(status=Status.DRAFT)[:10],
        "changes_requested": own.filter(status=Status.CHANGES_REQUESTED)[:10],
        "in_review": own.filter(status=Status.SUBMITTED)[:10],
        "scheduled": own.scheduled().order_by("published_at")[:10],
        "open_threads": notes.open_threads(user, own.exclude(status=Status.TRASHED).values("pk")),
    }
