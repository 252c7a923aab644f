from django.contrib import admin

from articles.models import FrontPageSlot
from opinion_blog.admin_mixins import ChangesPublicContent


@admin.register(FrontPageSlot)
class FrontPageSlotAdmin(ChangesPublicContent, admin.ModelAdmin):
    """Editors place a lead and up to four picks above the latest articles.

    Only editors hold this model's permissions (migration 0003), so columnists
    neither see nor change the front page. Readers see a change at once: it moves
    the content version the cached home page is kept under.
    """

    list_display = ["position", "article", "article_published_at"]
    list_display_links = ["position", "article"]
    autocomplete_fields = ["article"]
    fields = ["position", "article"]
    ordering = ["position"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description="published", ordering="article__published_at")
    def article_published_at(self, slot):
        return slot.article.published_at
