"""Count every topic's and author's live articles again, from the whole archive."""

from django.core.management.base import BaseCommand

from articles import counts
from opinion_blog.content_version import public_content_changed


class Command(BaseCommand):
    help = (
        "Recount the live articles of every topic and author (the counts /topics/ and "
        "/authors/ rank by). The writers keep them; this repairs them after rows were "
        "changed by hand in the database."
    )

    def handle(self, *args, **options):
        counts.recount_all()
        public_content_changed()
        self.stdout.write("Counted again.")
