from django.contrib import admin
from django.db.models import Count, Q
from taggit.models import Tag

from articles import search
from articles.models import Article, Status, Topic
from opinion_blog.admin_mixins import ChangesPublicContent

# Topics replace taggit's generic tags; hide the unused model.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


@admin.register(Topic)
class TopicAdmin(ChangesPublicContent, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count", "featured_in_navigation", "navigation_order"]
    list_filter = ["featured_in_navigation"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug", "description"]}),
        (
            "Site navigation",
            {
                "fields": ["featured_in_navigation", "navigation_order"],
                "description": "Featured topics appear in the header of every page, "
                "once they have a published article.",
            },
        ),
    ]

    def get_queryset(self, request):
        # Count only what this person may open: a columnist's own articles, never others' drafts.
        visible = Article.objects.visible_to(request.user).exclude(status=Status.TRASHED)
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_count=Count(
                    "article_links", filter=Q(article_links__content_object__in=visible)
                )
            )
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            search.refresh_for_topic(obj)

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
