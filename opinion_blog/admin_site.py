from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from .admin_mixins import ChecksSelectedIds


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

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin here, ours and third-party ones, refuses malformed selected ids."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, ChecksSelectedIds):
            admin_class = type(admin_class.__name__, (ChecksSelectedIds, admin_class), {})
        return super().register(model_or_iterable, admin_class, **options)

    def autocomplete_view(self, request):
        return AutocompleteView.as_view(admin_site=self)(request)

    def has_permission(self, request):
        """Staff, and past the second sign-in step if they owe it (editors, administrators)."""
        from signin import second_factor

        return super().has_permission(request) and not second_factor.is_pending(request.user)

    def login(self, request, extra_context=None):
        """After a right password, whoever owes the second step goes there, then on to ?next=."""
        from signin import second_factor

        response = super().login(request, extra_context)
        if response.status_code == 302 and second_factor.is_pending(request.user):
            return redirect_to_login(response.url, reverse("admin:second_step"))
        return response

    def get_urls(self):
        from notifications import views
        from signin import views as signin

        return [
            # Open to a session that gave only its password: not wrapped in admin_view.
            path(
                "second-step/",
                signin.SecondStepView.as_view(admin_site=self),
                name="second_step",
            ),
            path(
                "second-step/set-up/",
                signin.EnrolView.as_view(admin_site=self),
                name="second_step_enrol",
            ),
            path("second-step/sign-out/", signin.CancelView.as_view(), name="second_step_cancel"),
            path(
                "two-step-sign-in/",
                self.admin_view(signin.SettingsView.as_view(admin_site=self)),
                name="second_step_settings",
            ),
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
        from submissions import workflow as submissions_workflow

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
        if submissions_workflow.can_handle(user):
            context["submissions_desk"] = submissions_workflow.desk_summary()
        elif user.has_perm("articles.add_article"):
            context.update(desk.columnist_desk(user))
        return super().index(request, {**context, **(extra_context or {})})
