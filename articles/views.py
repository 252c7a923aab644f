from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from . import keyset, revisions
from .models import Article, FrontPageSlot, SlugRedirect
from .permissions import can_view
from .sharing import share_links
from .structured_data import article_json_ld


class PublishedArticleListView(ListView):
    """Base for every public list of articles: published only, cards preloaded.

    Pages go by cursor ("Older articles" / "Newer articles"), never by counting: see keyset.
    """

    context_object_name = "articles"

    def get_paginate_by(self, queryset):
        return settings.ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_listing()

    def paginate_queryset(self, queryset, page_size):
        page = keyset.paginate(queryset, self.request.GET, page_size)
        return None, page, page.object_list, page.has_other_pages()


class HomeView(PublishedArticleListView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["page_obj"].has_previous():
            context["featured"] = front_page_articles()
        return context


def front_page_articles():
    """The editors' lead and picks in their order, as readers may see them.

    The few placed ids are read first, so the articles are fetched by primary key
    and the archive is never joined against the slot table.
    """
    placed = list(FrontPageSlot.objects.order_by("position").values_list("article_id", flat=True))
    if not placed:
        return []
    articles = Article.objects.published().filter(pk__in=placed).for_listing().in_bulk()
    return [articles[pk] for pk in placed if pk in articles]


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"
    slug_url_kwarg = "slug"

    def base_queryset(self):
        return (
            Article.objects.select_related("featured_image")
            .with_bylines()
            .prefetch_related("topics", "corrections")
        )

    def get_queryset(self):
        return self.base_queryset().published()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            redirect = (
                SlugRedirect.objects.filter(
                    old_slug=kwargs["slug"], article__in=Article.objects.published()
                )
                .select_related("article")
                .first()
            )
            if redirect is None:
                raise
            return HttpResponsePermanentRedirect(redirect.article.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Evaluated here, not lazily in the template, so its cost shows in the view.
        context["related_articles"] = Article.objects.related_to(self.object)
        url = self.request.build_absolute_uri(self.object.get_absolute_url())
        context["share_links"] = share_links(url, self.object.title)
        context["structured_data"] = article_json_ld(self.object, self.request)
        return context


@method_decorator(never_cache, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """The reader's page for an unpublished article, for its authors and editors only.

    Anyone else, signed in or not, gets the same 404 as for a missing page.
    """

    def get_object(self, queryset=None):
        article = get_object_or_404(self.base_queryset(), pk=self.kwargs["pk"])
        if not can_view(self.request.user, article):
            raise Http404
        # A change to a live article shows here, and only here, before approval.
        self.change = revisions.working_copy(self.request.user, article) or revisions.pending_for(
            article
        )
        if self.change is not None:
            revisions.overlay(article, self.change.content)
        return article

    def get(self, request, *args, **kwargs):
        response = DetailView.get(self, request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            preview=True, preview_change=self.change is not None, **kwargs
        )
