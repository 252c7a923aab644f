from django.contrib import admin

from articles.models import ArticleEvent


@admin.register(ArticleEvent)
class ArticleEventAdmin(admin.ModelAdmin):
    """The audit log: read by editors, written only by the workflow."""

    list_display = ["created_at", "article", "action", "from_status", "to_status", "actor", "note"]
    list_filter = ["action", "to_status", ("actor", admin.RelatedOnlyFieldListFilter), "created_at"]
    search_fields = ["article__title", "note", "actor__username"]
    list_select_related = ["article", "actor"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
