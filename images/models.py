from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.utils.text import Truncator

from . import renditions
from .validators import validate_image_file


def upload_path(instance, filename):
    return f"images/{PurePosixPath(filename).name}"


class Image(models.Model):
    """An uploaded picture in the shared library.

    The alt text and the credit describe the picture itself and travel with it
    to every article that uses it; the caption belongs to each use.
    """

    file = models.ImageField(
        upload_to=upload_path,
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
        help_text="JPEG, PNG, WebP or GIF, up to 10 MB.",
    )
    alt_text = models.CharField(
        max_length=250,
        help_text="Describe the picture for readers who cannot see it. Required.",
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Photographer or source, e.g. “Photo: Ana Silva / Reuters”.",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="uploaded_images",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return Truncator(self.alt_text or PurePosixPath(self.file.name).name).chars(60)

    def save(self, *args, **kwargs):
        file_changed = self._state.adding or not getattr(self.file, "_committed", True)
        super().save(*args, **kwargs)
        if file_changed and self.file:
            renditions.make_renditions(self.file)

    @property
    def srcset(self):
        """Rendition URLs for the ``srcset`` attribute, computed from the width alone."""
        candidates = [
            f"{default_storage.url(renditions.rendition_name(self.file.name, width))} {width}w"
            for width in renditions.widths_for(self.width)
        ]
        if self.width:
            candidates.append(f"{self.file.url} {self.width}w")
        return ", ".join(candidates)

    @property
    def thumbnail_url(self):
        widths = renditions.widths_for(self.width)
        if widths:
            return default_storage.url(renditions.rendition_name(self.file.name, widths[0]))
        return self.file.url

    @property
    def share_width(self):
        """The width of the copy link previews get: the largest rendition, else the original."""
        widths = renditions.widths_for(self.width)
        return widths[-1] if widths else self.width

    @property
    def share_height(self):
        if not (self.width and self.height):
            return None
        return round(self.height * self.share_width / self.width)

    @property
    def share_url(self):
        """The picture for OpenGraph, Twitter cards and JSON-LD: a rendition, never a large upload.

        Built from the width alone, like ``srcset``; an image too small for any
        rendition is shared as it is.
        """
        widths = renditions.widths_for(self.width)
        if widths:
            return default_storage.url(renditions.rendition_name(self.file.name, widths[-1]))
        return self.file.url
