from django.http import Http404
from django.views.generic import ListView

from opinion_blog.version_cache import cached_by_slug

from . import counts
from .models import Topic
from .views import PublishedArticleListView


class TopicDetailView(PublishedArticleListView):
    """A topic's published articles; a topic nobody can read about yet is a 404."""

    template_name = "articles/topic_detail.html"

    def get(self, request, *args, **kwargs):
        self.topic = cached_by_slug(
            "topic", kwargs["slug"], Topic.objects.with_published_articles()
        )
        if self.topic is None:
            raise Http404("No topic with published articles here.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return super().get_queryset().filter(topic_links__tag=self.topic)

    def first_page_name(self):
        return f"topic:{self.topic.pk}:first-page"

    def get_context_data(self, **kwargs):
        return super().get_context_data(topic=self.topic, **kwargs)


class TopicListView(ListView):
    """Every topic with published work, most used first, with its count."""

    template_name = "articles/topic_list.html"
    context_object_name = "topics"
    paginate_by = 60

    def get_queryset(self):
        # Ranked by the counts the writers keep (articles.counts), a page at a time.
        return counts.topics_by_use()
