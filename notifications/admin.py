"""Administrators see every notification and how its email fared, and can send failed ones again."""

from django.contrib import admin, messages
from django.db import transaction

from .models import Email, Notification
from .tasks import send_notification_email


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
    list_filter = ("email", "kind")
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

    @admin.action(description="Send the email again")
    def send_again(self, request, queryset):
        pks = list(
            queryset.filter(email__in=[Email.FAILED, Email.RETRYING]).values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=pks).update(
            email=Email.QUEUED, attempts=0, next_attempt_at=None
        )
        transaction.on_commit(lambda: [send_notification_email.enqueue(pk) for pk in pks])
        messages.success(request, f"Queued {len(pks)} email(s) to be sent again.")
