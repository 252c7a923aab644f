from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView

from opinion_blog.version_cache import cached, cached_by_slug

from . import keyset, revisions
from .models import Article, FrontPageSlot, SlugRedirect
from .permissions import can_view
from .share_links import pending_change, resolve
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
        params, name = self.request.GET, self.first_page_name()
        if name is None or not self.is_first_page():
            page = keyset.paginate(queryset, params, page_size)
        else:
            page = cached(name, lambda: keyset.paginate(queryset, params, page_size))
        return None, page, page.object_list, page.has_other_pages()

    def is_first_page(self):
        """No cursor in the address: the newest articles."""
        return not ({keyset.OLDER, keyset.NEWER} & set(self.request.GET))

    def first_page_name(self):
        """The name the list's first page, its busiest, is kept under per content version;
        None to read it every time. Older pages are always read (by cursor, cheaply)."""
        return None


class HomeView(PublishedArticleListView):
    template_name = "articles/home.html"

    def first_page_name(self):
        # Placing an article on the front page moves the version too.
        return "home:first-page"

    def get_queryset(self):
        queryset = super().get_queryset()
        self.placed = placed_article_ids() if self.is_first_page() else []
        # "Latest" under the picks leaves them out: each headline appears once.
        return queryset.exclude(pk__in=self.placed) if self.placed else queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["page_obj"].has_previous():
            placed = self.placed if self.is_first_page() else None
            context["featured"] = front_page_articles(placed)
        return context


def placed_article_ids():
    return list(FrontPageSlot.objects.order_by("position").values_list("article_id", flat=True))


def front_page_articles(placed=None):
    """The editors' lead and picks in their order, as readers may see them.

    The few placed ids are read first, so the articles are fetched by primary key
    and the archive is never joined against the slot table.
    """
    if placed is None:
        placed = placed_article_ids()
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

    def get_object(self, queryset=None):
        """The published article with its bylines, topics and corrections.

        Kept under the content version, which every change readers could see moves
        (a scheduled article's time coming included), like the cards and Related Posts.
        """
        article = cached_by_slug("article", self.kwargs[self.slug_url_kwarg], self.get_queryset())
        if article is None:
            raise Http404("No published article here.")
        return article

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
        context["related_articles"] = self.related_articles()
        url = self.request.build_absolute_uri(self.object.get_absolute_url())
        context["share_links"] = share_links(url, self.object.title)
        context["structured_data"] = article_json_ld(self.object, self.request)
        return context

    def related_articles(self):
        """Kept under the content version, which any change the cards show moves."""
        return cached(f"related:{self.object.pk}", lambda: Article.objects.related_to(self.object))


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

    def related_articles(self):
        # An unpublished article or change moves no version: always fresh.
        return Article.objects.related_to(self.object)


@method_decorator(never_cache, name="dispatch")
class SharedArticleView(ArticleDetailView):
    """The preview of one unpublished article behind a share link, for anyone holding it.

    It shows that article and nothing else: no related posts, no admin links, no
    share buttons, never indexed or cached. A link that expired or was withdrawn
    gets a page saying so (410); an address we did not sign gets the same page
    as a 404, revealing nothing. A published article's link leads to its public page.
    """

    def get(self, request, *args, **kwargs):
        outcome = resolve(kwargs["token"])
        if outcome.link is None:
            return self._unavailable(status=410 if outcome.gone else 404)
        article = outcome.link.article
        change = pending_change(article) if article.is_published else None
        if article.is_published and change is None:
            return HttpResponseRedirect(article.get_absolute_url())
        self.object = self.base_queryset().get(pk=article.pk)
        if change is not None:
            revisions.overlay(self.object, change.content)
        response = self.render_to_response(self.get_context_data(object=self.object))
        return self._private(response)

    def get_context_data(self, **kwargs):
        # Not the reader's page's context: related posts and share buttons lead elsewhere.
        return DetailView.get_context_data(self, preview=True, shared=True, **kwargs)

    def _unavailable(self, status):
        response = TemplateResponse(
            self.request, "articles/share_link_unavailable.html", status=status
        )
        return self._private(response)

    @staticmethod
    def _private(response):
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response
