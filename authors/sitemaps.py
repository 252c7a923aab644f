from django.contrib.sitemaps import Sitemap

from .models import Author


class AuthorSitemap(Sitemap):
    """The page of every author with published work."""

    limit = 1000

    def items(self):
        return Author.objects.with_published_articles().order_by("pk").only("slug")
