"""Sitemap sections for published articles and topics with published articles."""

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models import Max, Min
from django.utils.functional import cached_property

from opinion_blog.addresses import slug_address

from . import counts
from .models import Article


class IdRangePaginator:
    """Pages of a sitemap by ranges of ids: page 1 from the lowest published id, ``limit`` ids each.

    Django's paginator counts every published article (a quarter of a second at a million)
    and reaches deep pages with OFFSET. Here the index needs only the lowest and highest
    id, and a page reads one range of the primary key. A page holds at most ``limit``
    articles (fewer where ids went to drafts), and an article stays on its page as the
    archive grows, so crawlers find old pages unchanged.
    """

    def __init__(self, queryset, limit):
        self.queryset, self.limit = queryset, limit

    @cached_property
    def bounds(self):
        found = self.queryset.aggregate(low=Min("pk"), high=Max("pk"))
        return found["low"], found["high"]

    @property
    def num_pages(self):
        low, high = self.bounds
        return 1 if low is None else (high - low) // self.limit + 1

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("That page number is not an integer") from None
        if not 1 <= number <= self.num_pages:
            raise EmptyPage("That page contains no results")
        low = self.bounds[0]
        if low is None:
            return Page([], number, self)
        start = low + (number - 1) * self.limit
        rows = self.queryset.filter(pk__gte=start, pk__lt=start + self.limit).order_by("pk")
        return Page(list(rows), number, self)


class SlugSitemap(Sitemap):
    """A section of pages whose address is one URL pattern around a slug: rows need no
    model instance or reversal (``opinion_blog.addresses``) to be listed."""

    limit = 1000
    url_name = None

    def location(self, item):
        return slug_address(self.url_name, item.slug)


class ArticleSitemap(SlugSitemap):
    """Every published article, in pages of id ranges the index lists one by one."""

    url_name = "articles:detail"

    def items(self):
        # Plain rows, not model instances: a thousand of those were a third of a page's time.
        return Article.objects.published().values_list(
            "slug", "published_at", "revised_at", named=True
        )

    @cached_property
    def paginator(self):
        return IdRangePaginator(self.items(), self.limit)

    def lastmod(self, item):
        return max(item.published_at, item.revised_at or item.published_at)

    def get_latest_lastmod(self):
        # Django's default reads every item to find it; the index does without.
        return None


class TopicSitemap(SlugSitemap):
    url_name = "topics:detail"

    def items(self):
        # From the counts the writers keep: an Exists over every topic link took minutes
        # at a million articles.
        return counts.topics_with_published_articles().order_by("pk").only("slug")
