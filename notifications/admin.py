"""Administrators see every notification and how its email fared, and can send any again."""

from django.contrib import admin, messages
from django.db import transaction

from .models import Email, Notification
from .sweep import stranded
from .tasks import send_notification_email


class StrandedFilter(admin.SimpleListFilter):
    """Emails still to send with no task waiting or running for them (the sweep's list)."""

    title = "stranded"
    parameter_name = "stranded"

    def lookups(self, request, model_admin):
        return [("yes", "Stranded: no task on its way")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=stranded().values("pk"))
        return queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "recipient",
        "kind",
        "article",
        "email",
        "attempts",
        "next_attempt_at",
        "last_error",
        "read_at",
    )
    list_filter = (StrandedFilter, "email", "kind")
    list_select_related = ("recipient", "article")
    search_fields = ("recipient__username", "recipient__email", "article__title")
    date_hierarchy = "created_at"
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def changelist_view(self, request, extra_context=None):
        count = stranded().count()
        if count and request.method == "GET":
            messages.warning(
                request,
                f"{count} email(s) are stranded: queued with no task on its way. The worker's "
                "sweep queues them again; “Send the email again” does it now.",
            )
        return super().changelist_view(request, extra_context)

    @admin.action(description="Send the email again")
    def send_again(self, request, queryset):
        """Any notification, whatever its state: a deliberate resend is a new message."""
        pks = list(queryset.values_list("pk", flat=True))
        Notification.objects.filter(pk__in=pks).update(
            email=Email.QUEUED, attempts=0, next_attempt_at=None, send_key=None, sending_until=None
        )
        transaction.on_commit(lambda: [send_notification_email.enqueue(pk) for pk in pks])
        messages.success(request, f"Queued {len(pks)} email(s) to be sent again.")
