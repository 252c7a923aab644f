from django.contrib import admin
from django.db.models import Count, Q
from taggit.models import Tag

from articles import search
from articles.models import Status, Topic

# Topics replace taggit's generic tags; hide the unused model.
if admin.site.is_registered(Tag):
    admin.site.unregister(Tag)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            search.refresh_for_topic(obj)

    @admin.display(description="articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
