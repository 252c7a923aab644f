from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from articles import search
from images import stored_files
from opinion_blog.admin_mixins import (
    ChangesPublicContent,
    EditableWithParentInline,
    HiddenObjectsAreNotFound,
    StorageErrorsAsFormErrors,
)

from . import profile_changes
from .forms import AuthorCreationForm
from .models import Author, AuthorLink, ProfileChange, delete_avatar_when_unused


class AuthorLinkInline(EditableWithParentInline, admin.TabularInline):
    model = AuthorLink
    extra = 1
    fields = ["label", "url", "position"]

    def may_edit_rows(self, request, obj):
        return obj is None or AuthorAdmin.may_edit(request.user, obj)

    def has_view_permission(self, request, obj=None):
        return True


@admin.register(Author)
class AuthorAdmin(
    StorageErrorsAsFormErrors, ChangesPublicContent, HiddenObjectsAreNotFound, admin.ModelAdmin
):
    """Administrators manage every profile; everyone else sees and edits only their own.

    A columnist's save becomes a change waiting for an editor
    (``authors.profile_changes``); editors decide on the review desk.
    """

    list_display = ["name", "avatar_thumbnail", "user", "slug"]
    search_fields = ["name", "slug", "user__username"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AuthorLinkInline]
    readonly_fields = ["avatar_thumbnail"]
    change_form_template = "admin/authors/author/change_form.html"
    storage_error_field = "avatar"

    add_fieldsets = [
        ("Profile", {"fields": ["name", "slug", "bio", "avatar"]}),
        (
            "Login",
            {
                "fields": ["username", "email", "role", "password1", "password2"],
                "description": "Creates the user, puts it in the chosen group and links it to this profile.",
            },
        ),
    ]

    @staticmethod
    def may_edit(user, obj):
        return user.is_superuser or (
            user.has_perm("authors.change_author") and obj.user_id == user.pk
        )

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        if request.user.is_superuser or request.user.has_perm("articles.edit_any_article"):
            return queryset
        return queryset.filter(user=request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return super().has_change_permission(request)
        return self.may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = AuthorCreationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        fields = ["name", "slug", "user", "bio", "avatar", "avatar_thumbnail"]
        if not request.user.is_superuser:
            fields = ["name", "bio", "avatar", "avatar_thumbnail"]
        return [(None, {"fields": fields})]

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if obj is None else {}

    def changeform_view(self, request, *args, **kwargs):
        # The admin saves in a transaction; if anything in it fails, the avatar file goes too.
        with stored_files.removed_if_failed():
            return super().changeform_view(request, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        author = self.get_object(request, unquote(object_id))
        extra_context = extra_context or {}
        if author is not None and self.has_view_permission(request, author):
            change = profile_changes.pending_for(author)
            extra_context.update(
                held_for_review=profile_changes.holds_for_review(request.user),
                pending_profile_change=change,
                pending_profile_rows=profile_changes.comparison(change) if change else [],
            )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change and profile_changes.holds_for_review(request.user):
            obj._held_for_review = True  # kept as a profile change in save_related
            return
        if not change and isinstance(form, AuthorCreationForm):
            form.create_login(obj)
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            search.refresh_for_author(obj)

    def save_related(self, request, form, formsets, change):
        author = form.instance
        if getattr(author, "_held_for_review", False):
            author._profile_change = profile_changes.propose(
                Author.objects.get(pk=author.pk),
                by=request.user,
                name=form.cleaned_data.get("name", author.name),
                bio=form.cleaned_data.get("bio", author.bio),
                avatar=author.avatar,
                links=_proposed_links(formsets),
            )
            return
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(form.instance, "_held_for_review", False):
            return [{"changed": {"fields": ["profile change waiting for review"]}}]
        return super().construct_change_message(request, form, formsets, add)

    def response_change(self, request, obj):
        if getattr(obj, "_held_for_review", False):
            if obj._profile_change is None:
                messages.info(request, "Your profile is as readers see it; nothing waits.")
            else:
                messages.success(
                    request,
                    "Your profile change is waiting for an editor’s approval. "
                    "Readers still see your current profile.",
                )
            return HttpResponseRedirect(
                reverse("admin:authors_author_change", args=[quote(obj.pk)])
            )
        return super().response_change(request, obj)

    # A deleted profile's avatar file goes once the deletion commits.

    def delete_model(self, request, obj):
        names = [obj.avatar.name, *obj.profile_changes.values_list("avatar", flat=True)]
        super().delete_model(request, obj)
        delete_avatar_when_unused(names)

    def delete_queryset(self, request, queryset):
        names = list(queryset.values_list("avatar", flat=True))
        names += ProfileChange.objects.filter(author__in=queryset).values_list("avatar", flat=True)
        super().delete_queryset(request, queryset)
        delete_avatar_when_unused(names)

    # Editors decide on profile changes (from the review desk).

    def get_urls(self):
        def post_only(view):
            return self.admin_site.admin_view(require_POST(view))

        return [
            path(
                "<path:object_id>/profile-changes/<int:change_id>/approve/",
                post_only(self.approve_change_view),
                name="authors_author_profile_change_approve",
            ),
            path(
                "<path:object_id>/profile-changes/<int:change_id>/decline/",
                post_only(self.decline_change_view),
                name="authors_author_profile_change_decline",
            ),
            *super().get_urls(),
        ]

    def _profile_change(self, request, object_id, change_id):
        if not request.user.has_perm("articles.review_article"):
            raise PermissionDenied
        author = self.get_object(request, unquote(object_id))
        change = ProfileChange.objects.filter(author=author, pk=change_id).first()
        if author is None or change is None:
            raise Http404("No such profile change.")
        return change

    def _back(self, request):
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = reverse("admin:articles_article_review_desk")
        return HttpResponseRedirect(next_url)

    def approve_change_view(self, request, object_id, change_id):
        change = self._profile_change(request, object_id, change_id)
        try:
            profile_changes.approve(change, by=request.user)
        except profile_changes.ProfileReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"The profile change of “{change.name}” is live.")
        return self._back(request)

    def decline_change_view(self, request, object_id, change_id):
        change = self._profile_change(request, object_id, change_id)
        try:
            profile_changes.decline(change, by=request.user, note=request.POST.get("note", ""))
        except profile_changes.ProfileReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"The profile change of “{change.author}” was declined.")
        return self._back(request)

    @admin.display(description="avatar")
    def avatar_thumbnail(self, obj):
        if not obj.avatar:
            return "—"
        return format_html('<img src="{}" alt="" class="avatar-preview">', obj.avatar.url)


def _proposed_links(formsets):
    """The links a profile form's inline would save, in the order readers would see them."""
    links = []
    for formset in formsets:
        if formset.model is not AuthorLink:
            continue
        for index, form in enumerate(formset.forms):
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not (data.get("label") or data.get("url")):
                continue
            links.append((data.get("position") or 0, index, data["label"], data["url"]))
    return [{"label": label, "url": url} for _, _, label, url in sorted(links)]
