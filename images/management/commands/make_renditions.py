"""Make the renditions that stored pictures and avatars lack, after a new width is added."""

from django.core.management.base import BaseCommand

from authors.models import Author
from images import renditions
from images.models import Image


class Command(BaseCommand):
    help = (
        "Write any missing rendition of every picture and avatar (a width added since they "
        "were uploaded). Safe to rerun: what exists is left alone."
    )

    def handle(self, *args, **options):
        written = 0
        for image in Image.objects.exclude(file="").only("file", "width").iterator():
            written += self._fill(image.file, image.width, renditions.WIDTHS)
        for author in Author.objects.exclude(avatar="").only("avatar").iterator():
            written += self._fill(author.avatar, renditions.AVATAR_SIZE, renditions.AVATAR_WIDTHS)
        self.stdout.write(f"Renditions written: {written}.")

    def _fill(self, field_file, width, widths):
        storage = field_file.storage
        missing = renditions.missing_renditions(
            field_file.name, width, widths=widths, storage=storage
        )
        if not missing or not storage.exists(field_file.name):
            return 0
        return len(renditions.write_missing(field_file.name, missing, storage=storage))
