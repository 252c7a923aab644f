"""The Submissions desk in the admin: for editors only; columnists never see it.

Every button posts to a small view that calls ``submissions.workflow``; the admin never
writes a state itself. Everything a sender typed is shown escaped (Django's default),
and the private details appear only here.
"""

import json
from datetime import timedelta

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from articles import share_links
from opinion_blog.admin_mixins import HiddenObjectsAreNotFound

from . import privacy, workflow
from .models import ReplyKind, ReplyTemplate, State, Submission


class AgeFilter(admin.SimpleListFilter):
    title = "age"
    parameter_name = "age"
    CHOICES = {"day": ("Today", 1), "week": ("This week", 7), "month": ("This month", 30)}

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in self.CHOICES.items()] + [
            ("older", "Older than a month")
        ]

    def queryset(self, request, queryset):
        value = self.value()
        now = timezone.now()
        if value in self.CHOICES:
            return queryset.filter(created_at__gte=now - timedelta(days=self.CHOICES[value][1]))
        if value == "older":
            return queryset.filter(created_at__lt=now - timedelta(days=30))
        return queryset


class DeskOnly:
    """Only people who work the submissions desk see or change anything here."""

    def has_module_permission(self, request):
        return workflow.can_handle(request.user)

    def has_view_permission(self, request, obj=None):
        return workflow.can_handle(request.user)

    def has_change_permission(self, request, obj=None):
        return workflow.can_handle(request.user)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class NoteForm(forms.Form):
    body = forms.CharField(max_length=5000, label="Internal note", widget=forms.Textarea)


class SignOffForm(forms.Form):
    days = forms.IntegerField(
        min_value=share_links.MIN_DAYS, max_value=share_links.MAX_DAYS, initial=7
    )


class PrivacyForm(forms.Form):
    email = forms.EmailField(label="Email address")


@admin.register(Submission)
class SubmissionAdmin(DeskOnly, HiddenObjectsAreNotFound, admin.ModelAdmin):
    change_form_template = "admin/submissions/submission/change_form.html"
    change_list_template = "admin/submissions/submission/change_list.html"
    list_display = ["reference", "kind", "title", "name", "state", "received", "assignee"]
    list_filter = ["kind", "state", AgeFilter, ("assignee", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["reference", "headline", "name"]
    search_help_text = "Search references, headlines and senders’ names."
    list_per_page = 50
    list_select_related = ["assignee"]
    fieldsets = [
        ("The piece", {"fields": ["kind", "state", "reference", "headline", "is_pitch", "text",
                                  "word_count", "article", "conflict_of_interest",
                                  "not_offered_elsewhere"]}),
        ("The sender (private: editors only)", {"fields": ["name", "email", "phone",
                                                            "affiliation", "bio", "town"]}),
        ("The desk", {"fields": ["created_at", "verified_at", "decided_at", "assignee",
                                 "draft_article", "guest_author", "published_at",
                                 "personal_data_erased_at"]}),
        ("As printed (letters)", {"fields": ["published_text"]}),
    ]  # fmt: skip

    def get_queryset(self, request):
        return super().get_queryset(request).on_desk().select_related("assignee", "article")

    def get_readonly_fields(self, request, obj=None):
        editable = {"published_text"}
        return [f.name for f in Submission._meta.concrete_fields if f.name not in editable]

    @admin.display(description="received", ordering="created_at")
    def received(self, obj):
        return format_html(
            '<time datetime="{}">{} ago</time>',
            obj.created_at.isoformat(),
            _timesince(obj.created_at),
        )

    def save_model(self, request, obj, form, change):
        # The printed letter is the only field edited here, through the workflow's one door.
        try:
            workflow.edit_printed_text(obj, by=request.user, text=obj.published_text)
        except workflow.SubmissionError as error:
            messages.error(request, str(error))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        submission = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if submission is not None:
            extra_context.update(self._desk_context(request, submission))
        return super().change_view(request, object_id, form_url, extra_context)

    def _desk_context(self, request, submission):
        return {
            "actions": [
                (name, workflow.RULES[name].label)
                for name in workflow.available_actions(request.user, submission)
            ],
            "editors": get_user_model()
            .objects.with_perm(workflow.PERMISSION)
            .filter(is_staff=True, is_active=True)
            .order_by("first_name", "username"),
            "replies": [(kind.value, kind.label) for kind in workflow.REPLIES],
            "desk_notes": submission.notes.select_related("author"),
            "note_form": NoteForm(),
            "events": submission.events.select_related("actor")[:50],
            "emails": submission.emails.all()[:20],
            "sign_offs": submission.sign_offs.select_related("share_link", "requested_by"),
            "sign_off_form": SignOffForm(),
            "can_request_sign_off": submission.state == State.ACCEPTED
            and submission.draft_article_id is not None,
        }

    def get_urls(self):
        def post_only(view):
            return self.admin_site.admin_view(require_POST(view))

        return [
            path(
                "privacy/",
                self.admin_site.admin_view(self.privacy_view),
                name="submissions_submission_privacy",
            ),
            path("<int:pk>/act/", post_only(self.act_view), name="submissions_submission_act"),
            path(
                "<int:pk>/assign/",
                post_only(self.assign_view),
                name="submissions_submission_assign",
            ),
            path("<int:pk>/note/", post_only(self.note_view), name="submissions_submission_note"),
            path(
                "<int:pk>/reply/", post_only(self.reply_view), name="submissions_submission_reply"
            ),
            path(
                "<int:pk>/sign-off/",
                post_only(self.sign_off_view),
                name="submissions_submission_sign_off",
            ),
            *super().get_urls(),
        ]

    def _get(self, request, pk):
        if not workflow.can_handle(request.user):
            raise PermissionDenied
        submission = self.get_queryset(request).filter(pk=pk).first()
        if submission is None:
            raise Http404("No such submission.")
        return submission

    def _back(self, submission):
        return HttpResponseRedirect(
            reverse("admin:submissions_submission_change", args=[submission.pk])
        )

    def _run(self, request, submission, action, done):
        try:
            action()
        except workflow.SubmissionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done)
        return self._back(submission)

    def act_view(self, request, pk):
        submission = self._get(request, pk)
        name = request.POST.get("action", "")
        notify = request.POST.get("notify") == "on"
        functions = {
            "consider": lambda: workflow.consider(submission, by=request.user),
            "accept": lambda: workflow.accept(submission, by=request.user, notify=notify),
            "decline": lambda: workflow.decline(submission, by=request.user, notify=notify),
        }
        if name not in functions:
            messages.error(request, "That action does not exist.")
            return self._back(submission)
        response = self._run(request, submission, functions[name], f"{submission.reference}: done.")
        if name == "accept" and submission.draft_article_id:
            messages.info(request, "The op-ed is now a draft article with a guest byline.")
            return HttpResponseRedirect(
                reverse("admin:articles_article_change", args=[submission.draft_article_id])
            )
        return response

    def assign_view(self, request, pk):
        submission = self._get(request, pk)
        raw = request.POST.get("assignee", "")
        assignee = None
        if raw:
            if not raw.isdigit() or len(raw) > 18:
                messages.error(request, "Choose an editor from the list.")
                return self._back(submission)
            assignee = get_user_model().objects.filter(pk=int(raw)).first()
            if assignee is None:
                messages.error(request, "Choose an editor from the list.")
                return self._back(submission)
        return self._run(
            request,
            submission,
            lambda: workflow.assign(submission, by=request.user, assignee=assignee),
            "Assignment saved.",
        )

    def note_view(self, request, pk):
        submission = self._get(request, pk)
        form = NoteForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Write a note of at most 5,000 characters.")
            return self._back(submission)
        body = form.cleaned_data["body"]
        return self._run(
            request,
            submission,
            lambda: workflow.add_note(submission, by=request.user, body=body),
            "Note added.",
        )

    def reply_view(self, request, pk):
        submission = self._get(request, pk)
        kind = request.POST.get("kind", "")
        kinds = {value for value, _ in ReplyKind.choices}
        return self._run(
            request,
            submission,
            lambda: workflow.send_reply(
                submission, by=request.user, kind=ReplyKind(kind) if kind in kinds else None
            ),
            "The reply is on its way.",
        )

    def sign_off_view(self, request, pk):
        submission = self._get(request, pk)
        form = SignOffForm(request.POST)
        if not form.is_valid():
            messages.error(request, "A sign-off link lasts between 1 and 30 days.")
            return self._back(submission)
        days = form.cleaned_data["days"]
        return self._run(
            request,
            submission,
            lambda: workflow.request_sign_off(submission, by=request.user, days=days),
            f"The edited version was sent to {submission.name} for sign-off.",
        )

    def privacy_view(self, request):
        """Export or erase everything held about one email address: administrators only."""
        if not request.user.is_superuser:
            raise PermissionDenied
        form = PrivacyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            if "export" in request.POST:
                data = privacy.export_for(email)
                response = HttpResponse(
                    json.dumps(data, cls=privacy.EXPORT_ENCODER, indent=2),
                    content_type="application/json",
                )
                response["Content-Disposition"] = 'attachment; filename="submissions-export.json"'
                return response
            if "erase" in request.POST:
                count = privacy.erase_for(email, by=request.user)
                messages.success(
                    request, f"Erased or deleted {count} submission(s) from that address."
                )
                return HttpResponseRedirect(reverse("admin:submissions_submission_privacy"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Senders’ data: export or erase",
            "opts": self.opts,
            "form": form,
        }
        return TemplateResponse(request, "admin/submissions/submission/privacy.html", context)


def _timesince(value):
    from django.utils.timesince import timesince

    return timesince(value, depth=1)


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(DeskOnly, admin.ModelAdmin):
    list_display = ["kind", "subject"]
    readonly_fields = ["kind"]
    fields = ["kind", "subject", "body"]
