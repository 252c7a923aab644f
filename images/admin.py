from django.contrib import admin
from django.urls import path
from django.utils.html import format_html, format_html_join

from opinion_blog.admin_mixins import ChangesPublicContent, StorageErrorsAsFormErrors

from . import inline_views, rules, stored_files
from .changes import save_image
from .models import Image, delete_when_unused


@admin.register(Image)
class ImageAdmin(StorageErrorsAsFormErrors, ChangesPublicContent, admin.ModelAdmin):
    """The shared picture library. Anyone who writes may upload; uploaders edit their own.

    What may change is decided in ``images.rules`` and enforced again when saving
    (``images.changes.save_image``); fields locked here are simply not in the form.
    """

    list_display = ["thumbnail", "alt_text", "credit", "dimensions", "uploaded_by", "created_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "credit"]
    list_filter = [("uploaded_by", admin.RelatedOnlyFieldListFilter)]
    fields = [
        "file",
        "preview",
        "alt_text",
        "credit",
        "used_by",
        "dimensions",
        "uploaded_by",
        "created_at",
    ]
    readonly_fields = ["preview", "used_by", "dimensions", "uploaded_by", "created_at"]
    list_select_related = ["uploaded_by"]
    storage_error_field = "file"

    def get_urls(self):
        # JSON for the article form and the body editor; the views check permissions themselves.
        return [
            path("inline-upload/", inline_views.upload, name="images_image_inline_upload"),
            path("library/", inline_views.library, name="images_image_library"),
            *super().get_urls(),
        ]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return rules.can_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, *rules.locked_fields(request.user, obj)]

    def changeform_view(self, request, *args, **kwargs):
        # The admin saves in a transaction; if anything in it fails, the files go too.
        with stored_files.removed_if_failed():
            return super().changeform_view(request, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        save_image(obj, by=request.user)

    # A deleted picture's files go once the deletion commits (only administrators delete,
    # and only pictures no article uses: the articles' foreign keys protect the rest).

    def delete_model(self, request, obj):
        name = obj.file.name
        super().delete_model(request, obj)
        delete_when_unused([name])

    def delete_queryset(self, request, queryset):
        names = list(queryset.values_list("file", flat=True))
        super().delete_queryset(request, queryset)
        delete_when_unused(names)

    @admin.display(description="")
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" class="image-thumbnail" width="80">', obj.thumbnail_url
        )

    @admin.display(description="preview")
    def preview(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" class="image-preview">', obj.thumbnail_url, obj.alt_text
        )

    @admin.display(description="used by")
    def used_by(self, obj):
        articles = list(rules.articles_using(obj).order_by("-pk")) if obj.pk else []
        if not articles:
            return "No article yet."
        listing = format_html_join(
            ", ", "{} ({})", ((article.title, article.get_state_display()) for article in articles)
        )
        if not rules.is_frozen(obj):
            return listing
        return format_html(
            "{}<br>{} Only editors change the alt text and credit; each change is recorded in "
            "the articles’ audit log.",
            listing,
            rules.LOCKED_WHEN_LIVE,
        )

    @admin.display(description="size")
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height} px" if obj.width else "—"
