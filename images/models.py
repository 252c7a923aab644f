import secrets
from functools import partial
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.utils.text import Truncator

from opinion_blog.validators import single_line

from . import originals, renditions, stored_files
from .validators import HELP_TEXT, validate_image_file


def upload_path(instance, filename):
    """A name no upload can choose or guess: a random token, the extension of the stored format.

    Renditions are named from it, so one upload can never overwrite another's files.
    """
    return f"images/{secrets.token_hex(16)}{PurePosixPath(filename).suffix.lower()}"


def delete_if_unused(name, storage=default_storage):
    """Delete a stored original and its renditions unless an image still points to it."""
    if not name or Image.objects.filter(file=name).exists():
        return
    for stored in (name, *(renditions.rendition_name(name, width) for width in renditions.WIDTHS)):
        storage.delete(stored)


def delete_when_unused(names):
    """After the current transaction commits, delete these stored files if no image uses them."""
    for name in names:
        transaction.on_commit(partial(delete_if_unused, name))


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
        help_text=HELP_TEXT,
    )
    alt_text = models.CharField(
        max_length=250,
        validators=[single_line],
        help_text="Describe the picture for readers who cannot see it. Required.",
    )
    credit = models.CharField(
        max_length=200,
        blank=True,
        validators=[single_line],
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
        """Store a new file cleaned of metadata, with its renditions, before the row.

        If the row's save fails, the files written for it are deleted again
        (``stored_files``); a replaced file is deleted once the change commits.
        """
        if not self.file or self.file._committed:
            return super().save(*args, **kwargs)
        from .rules import LOCKED_WHEN_LIVE, ImageLocked, is_frozen

        if not self._state.adding and is_frozen(self):
            raise ImageLocked(LOCKED_WHEN_LIVE)
        replaced = None
        if not self._state.adding:
            replaced = Image.objects.filter(pk=self.pk).values_list("file", flat=True).first()
        with stored_files.removed_if_failed():
            clean = originals.clean_original(self.file)
            self.file.save(clean.content.name, clean.content, save=False)
            stored_files.record(self.file.name, storage=self.file.storage)
            stored_files.record(*renditions.write_renditions(self.file.name, clean.picture))
            self.width, self.height = clean.picture.size
            super().save(*args, **kwargs)
        if replaced and replaced != self.file.name:
            transaction.on_commit(partial(delete_if_unused, replaced))

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
        """A card's fallback picture: the card-sized rendition, or the largest below it."""
        widths = [w for w in renditions.widths_for(self.width) if w <= renditions.CARD_WIDTH]
        if widths:
            return default_storage.url(renditions.rendition_name(self.file.name, widths[-1]))
        return self.file.url

    @property
    def share_width(self):
        """The width of the copy link previews get: the largest rendition, else the original."""
        widths = renditions.full_widths_for(self.width)
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
        rendition but the thumbnail is shared as it is.
        """
        widths = renditions.full_widths_for(self.width)
        if widths:
            return default_storage.url(renditions.rendition_name(self.file.name, widths[-1]))
        return self.file.url


class BodyImage(models.Model):
    """A library image shown inside an article's body.

    Derived from the body on every save (``images.body.sync_uses``), so the
    rules that protect featured pictures (frozen while live, never deleted
    while used) also protect pictures placed in the text.
    """

    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="body_image_uses"
    )
    image = models.ForeignKey(Image, on_delete=models.PROTECT, related_name="body_uses")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="body_image_once_per_article")
        ]

    def __str__(self):
        return f"{self.image} in {self.article}"
