from collections.abc import Sequence

from django.utils.html import escape
from django.views.generic import ListView

from articles import search
from articles.models import Article
from articles.models.article import card_bylines
from articles.views import PublishedArticleListView
from opinion_blog.version_cache import cached, digest


class KeptResults(Sequence):
    """A query's results, counted and read a page at a time under the content version.

    Ranking a common word's newest matches and cutting their snippets is the page's cost;
    a query many readers ask is ranked once per version (what is published changes
    the version, so results are never stale).
    """

    def __init__(self, query, queryset):
        self.name, self.queryset = f"search:{digest(query)}", queryset

    def __len__(self):
        return cached(f"{self.name}:count", self.queryset.count)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        window = f"{self.name}:{index.start}:{index.stop}"
        return cached(window, lambda: list(self.queryset[index]))


class SearchView(PublishedArticleListView):
    """Readers' search over published articles; any query gives a page, never an error."""

    template_name = "search/results.html"
    # Results are ranked, not dated, and capped at ``search.max_results()``: counting
    # them is cheap, so readers get numbered pages rather than the lists' date cursor.
    paginate_queryset = ListView.paginate_queryset

    def get(self, request, *args, **kwargs):
        self.query, self.shortened = search.clean_query(request.GET.get("q", ""))
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not search.has_words(self.query):
            return Article.objects.none()
        # Results are not cards: their bylines are loaded with the page.
        results = search.search(super().get_queryset(), self.query)
        return KeptResults(self.query, results.prefetch_related(card_bylines()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for article in context["articles"]:
            if hasattr(article, "title_headline"):
                article.title_html = search.highlight(article.title_headline)
                article.snippet_html = search.highlight(article.snippet, from_html=True)
            else:
                article.title_html = escape(article.title)
                article.snippet_html = escape(article.summary)
        return context | {
            "query": self.query,
            "query_shortened": self.shortened,
            "max_query_length": search.MAX_QUERY_LENGTH,
            "searchable": search.has_words(self.query),
            "results_capped": search.full_text_available()
            and context["paginator"] is not None
            and context["paginator"].count >= search.max_results(),
        }
