"""The administrator's reset of someone's two-step sign-in, as an action on the users list."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from . import second_factor

User = get_user_model()


class NewsroomUserAdmin(UserAdmin):
    actions = [*UserAdmin.actions, "reset_second_factor"]

    @admin.action(
        description="Reset two-step sign-in (they set it up again at their next sign-in)",
        permissions=["reset_second_factor"],
    )
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor.reset(user)
            self.log_change(request, user, "Reset two-step sign-in.")
        self.message_user(
            request,
            f"Two-step sign-in reset for {len(queryset)} account(s); each sets it up again "
            "at their next sign-in.",
            messages.SUCCESS,
        )

    def has_reset_second_factor_permission(self, request):
        """Administrators only: a reset hands the account to whoever knows its password."""
        return request.user.is_superuser


admin.site.unregister(User)
admin.site.register(User, NewsroomUserAdmin)
