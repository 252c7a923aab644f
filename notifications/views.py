"""The inbox's links and the notification settings page, served inside the admin.

Each acts on the signed-in person's own notifications only; the admin site wraps
them in ``admin_view``, so only active staff reach them.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.views import View
from django.views.generic import FormView

from . import inbox
from .forms import EmailPreferencesForm


class OpenNotificationView(View):
    """Mark one notification read and go on to what it is about."""

    def get(self, request, token):
        notification = inbox.notification_for(token, request.user)
        if notification is None:
            raise Http404("No such notification.")
        inbox.mark_read(notification)
        return redirect(notification.newsroom_path())


class MarkAllReadView(View):
    def post(self, request):
        count = inbox.mark_all_read(request.user)
        if count:
            messages.success(
                request, f"Marked {count} notification{'s' if count != 1 else ''} read."
            )
        return redirect("admin:index")


class NotificationSettingsView(FormView):
    form_class = EmailPreferencesForm
    template_name = "admin/notifications/settings.html"
    success_url = reverse_lazy("admin:notification_settings")
    admin_site = None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        form.save()
        messages.success(self.request, "Your notification settings are saved.")
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            **self.admin_site.each_context(self.request),
            "title": "Notification settings",
            "index_url": reverse("admin:index"),
        }
