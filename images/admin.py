from django.contrib import admin
from django.utils.html import format_html

from opinion_blog.admin_mixins import ChangesPublicContent

from .models import Image


@admin.register(Image)
class ImageAdmin(ChangesPublicContent, admin.ModelAdmin):
    """The shared picture library. Anyone who writes may upload; uploaders edit their own."""

    list_display = ["thumbnail", "alt_text", "credit", "dimensions", "uploaded_by", "created_at"]
    list_display_links = ["thumbnail", "alt_text"]
    search_fields = ["alt_text", "credit"]
    list_filter = [("uploaded_by", admin.RelatedOnlyFieldListFilter)]
    fields = ["file", "preview", "alt_text", "credit", "dimensions", "uploaded_by", "created_at"]
    readonly_fields = ["preview", "dimensions", "uploaded_by", "created_at"]
    list_select_related = ["uploaded_by"]

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        return (
            request.user.has_perm("articles.edit_any_article")
            or obj.uploaded_by_id == request.user.pk
        )

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

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

    @admin.display(description="size")
    def dimensions(self, obj):
        return f"{obj.width} × {obj.height} px" if obj.width else "—"
