from django.contrib import admin
from django.utils import timezone

from articles.models import Status


class StateFilter(admin.SimpleListFilter):
    """States as people see them; the trash is kept out of every view but its own."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Status.choices

    def queryset(self, request, queryset):
        if self.value() in Status.values:
            return queryset.in_state(self.value())
        return queryset.exclude(status=Status.TRASHED)


class ReviewFilter(admin.SimpleListFilter):
    title = "review desk"
    parameter_name = "desk"

    def lookups(self, request, model_admin):
        return [
            ("mine", "Assigned to me"),
            ("unassigned", "Unassigned"),
            ("overdue", "Overdue"),
        ]

    def queryset(self, request, queryset):
        in_review = queryset.filter(status=Status.SUBMITTED)
        match self.value():
            case "mine":
                return in_review.filter(assignee=request.user)
            case "unassigned":
                return in_review.filter(assignee=None)
            case "overdue":
                return in_review.filter(review_due__lt=timezone.localdate())
        return queryset
