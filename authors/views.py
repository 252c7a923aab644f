from django.shortcuts import get_object_or_404

from articles.models import Article
from articles.views import PublishedArticleListView

from .models import Author


class AuthorDetailView(PublishedArticleListView):
    """An author's page; authors with nothing published have none (404)."""

    template_name = "authors/author_detail.html"

    def get(self, request, *args, **kwargs):
        self.author = get_object_or_404(
            Author.objects.with_published_articles().prefetch_related("links"),
            slug=kwargs["slug"],
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.published().by_author(self.author).for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)
