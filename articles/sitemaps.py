"""Sitemap sections for published articles and topics with published articles."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.functional import cached_property

from . import counts
from .models import Article


class ArticleSitemap(Sitemap):
    """Every published article, newest first, in pages the index lists one by one."""

    limit = 1000

    def items(self):
        # The order the (status, published_at) index already keeps; only what a URL needs.
        return (
            Article.objects.published()
            .order_by("-published_at", "-pk")
            .only("slug", "published_at", "revised_at")
        )

    @cached_property
    def _address(self):
        """The article address around its slug, reversed once per page instead of per URL."""
        marker = "slug-marker"
        before, after = reverse("articles:detail", kwargs={"slug": marker}).split(marker)
        return before, after

    def location(self, item):
        before, after = self._address
        return f"{before}{iri_to_uri(item.slug)}{after}"

    def lastmod(self, item):
        return max(item.published_at, item.revised_at or item.published_at)

    def get_latest_lastmod(self):
        # Django's default reads every item to find it; the index does without.
        return None


class TopicSitemap(Sitemap):
    limit = 1000

    def items(self):
        # From the counts the writers keep: an Exists over every topic link took minutes
        # at a million articles.
        return counts.topics_with_published_articles().order_by("pk").only("slug")
