"""django-axes's access-attempt admin, with its clean-up action working outside a login.

Its "Clean up expired attempts" action reads ``request.axes_attempt_time``, which
axes sets only while handling a login, so from the admin it was always a 500.
"""

from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.utils import timezone


class AccessAttemptCleanupAdmin(AccessAttemptAdmin):
    @admin.action(description="Clean up expired attempts")
    def cleanup_expired_attempts(self, request, queryset):
        request.axes_attempt_time = timezone.now()
        return super().cleanup_expired_attempts(request, queryset)


if admin.site.is_registered(AccessAttempt):
    admin.site.unregister(AccessAttempt)
admin.site.register(AccessAttempt, AccessAttemptCleanupAdmin)
