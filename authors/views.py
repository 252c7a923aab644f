from django.http import Http404
from django.views.generic import ListView

from articles import counts
from articles.models import Article
from articles.views import PublishedArticleListView
from opinion_blog.version_cache import cached_by_slug

from .models import Author, latest_articles


class AuthorDetailView(PublishedArticleListView):
    """An author's page; authors with nothing published have none (404)."""

    template_name = "authors/author_detail.html"

    def get(self, request, *args, **kwargs):
        readable = Author.objects.with_published_articles().prefetch_related("links")
        self.author = cached_by_slug("author", kwargs["slug"], readable)
        if self.author is None:
            raise Http404("No author with published work here.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return Article.objects.published().by_author(self.author).for_listing()

    def first_page_name(self):
        return f"author:{self.author.pk}:first-page"

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class AuthorListView(ListView):
    """The columnists: everyone with published work, most recently published first."""

    template_name = "authors/author_list.html"
    context_object_name = "authors"
    paginate_by = 24

    def get_queryset(self):
        # Ranked by the dates the writers keep (articles.counts), a page at a time.
        return counts.authors_by_latest_publication(prepare=with_latest_articles)


def with_latest_articles(authors):
    latest = latest_articles(authors)
    for author in authors:
        author.latest_article = latest.get(author.pk)
