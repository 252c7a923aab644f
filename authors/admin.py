from django.contrib import admin
from django.utils.html import format_html

from articles import search
from opinion_blog.admin_mixins import (
    ChangesPublicContent,
    EditableWithParentInline,
    HiddenObjectsAreNotFound,
    StorageErrorsAsFormErrors,
)

from .forms import AuthorCreationForm
from .models import Author, AuthorLink


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
    """Administrators manage every profile; everyone else sees and edits only their own."""

    list_display = ["name", "avatar_thumbnail", "user", "slug"]
    search_fields = ["name", "slug", "user__username"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AuthorLinkInline]
    readonly_fields = ["avatar_thumbnail"]
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

    def save_model(self, request, obj, form, change):
        if not change and isinstance(form, AuthorCreationForm):
            form.create_login(obj)
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            search.refresh_for_author(obj)

    @admin.display(description="avatar")
    def avatar_thumbnail(self, obj):
        if not obj.avatar:
            return "—"
        return format_html('<img src="{}" alt="" class="avatar-preview">', obj.avatar.url)
