from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.views.decorators.http import require_POST


class AutocompleteView(AutocompleteJsonView):
    """Django's autocomplete, refusing reverse relations instead of failing on them."""

    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(request)
        if not source_field.concrete:
            raise PermissionDenied
        return term, model_admin, source_field, to_field_name


class NewsroomAdminSite(admin.AdminSite):
    site_header = "Opinion Blog newsroom"
    site_title = "Opinion Blog newsroom"
    index_title = "Dashboard"
    enable_nav_sidebar = False  # the dashboard and breadcrumbs do this job; lists need the width

    def autocomplete_view(self, request):
        return AutocompleteView.as_view(admin_site=self)(request)

    def get_urls(self):
        from notifications import views

        return [
            path(
                "notifications/settings/",
                self.admin_view(views.NotificationSettingsView.as_view(admin_site=self)),
                name="notification_settings",
            ),
            path(
                "notifications/open/<str:token>/",
                self.admin_view(views.OpenNotificationView.as_view()),
                name="notification_open",
            ),
            path(
                "notifications/read-all/",
                self.admin_view(require_POST(views.MarkAllReadView.as_view())),
                name="notification_read_all",
            ),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        """The dashboard: the inbox, then the desk for editors, their own work for columnists."""
        from articles import calendar, desk
        from notifications import inbox

        user = request.user
        context = {"is_editor": user.has_perm("articles.review_article"), **inbox.for_user(user)}
        if context["is_editor"]:
            context.update(
                state_counts=desk.state_counts(),
                review_queue=desk.review_queue()[:10],
                upcoming_schedule=desk.upcoming_schedule(),
                recent_activity=desk.recent_activity(),
                desk_calendar=calendar.build("week"),
            )
        elif user.has_perm("articles.add_article"):
            context.update(desk.columnist_desk(user))
        return super().index(request, {**context, **(extra_context or {})})
