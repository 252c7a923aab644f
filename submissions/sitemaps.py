from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from .models import Submission


class LetterDaySitemap(Sitemap):
    """One URL per day with published letters."""

    limit = 1000

    def items(self):
        days = {}
        for published_at in (
            Submission.objects.published_letters()
            .order_by("-published_at")
            .values_list("published_at", flat=True)[:50000]
        ):
            day = timezone.localtime(published_at).date()
            days.setdefault(day, published_at)
        return list(days.items())

    def location(self, item):
        return reverse("submissions:letters_day", kwargs={"day": item[0].isoformat()})

    def lastmod(self, item):
        return item[1]

    def get_latest_lastmod(self):
        return None
