from django.core.management.base import BaseCommand

from articles.models import Article
from articles.search import full_text_available, refresh_search_vectors


class Command(BaseCommand):
    help = (
        "Rebuild every article's stored search vector: after a bulk import, or after "
        "changing SEARCH_CONFIG. PostgreSQL only; elsewhere search reads the text directly."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=2000, help="Articles per UPDATE.")

    def handle(self, *args, batch, **options):
        if not full_text_available():
            self.stdout.write("Nothing to do: full-text search needs PostgreSQL.")
            return
        ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), batch):
            refresh_search_vectors(ids[start : start + batch])
        self.stdout.write(
            self.style.SUCCESS(f"Refreshed the search vectors of {len(ids)} articles.")
        )
