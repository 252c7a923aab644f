from django.contrib import admin
from django.db.models import Count, Q
from taggit.models import Tag

from articles.models import Status, Topic
from opinion_blog.admin_mixins import ChangesPublicContent

# Topics replace taggit's generic tags; hide the unused model.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


@admin.register(Topic)
class TopicAdmin(ChangesPublicContent, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "description"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_count=Count(
                    "article_links", filter=~Q(article_links__content_object__status=Status.TRASHED)
                )
            )
        )

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
