"""Resized copies of uploaded images, so readers never download the original.

Renditions are made once, when an image is saved, at a few fixed widths and
stored beside the original under a predictable name. Templates build a
``srcset`` from the widths alone, without touching storage or the database.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from PIL import ImageOps

WIDTHS = (480, 960, 1600)
AVATAR_SIZE = 400


def rendition_name(original_name, width):
    path = PurePosixPath(original_name)
    return str(path.parent / "renditions" / f"{path.stem}-{width}w.webp")


def widths_for(original_width):
    """The rendition widths that exist for an image of this width."""
    return [width for width in WIDTHS if width < (original_width or 0)]


def _encode_webp(picture):
    buffer = BytesIO()
    if picture.mode not in ("RGB", "RGBA"):
        picture = picture.convert("RGBA" if "A" in picture.getbands() else "RGB")
    picture.save(buffer, format="WEBP", quality=82, method=4)
    return ContentFile(buffer.getvalue())


def make_renditions(file_field):
    """Write a downscaled WebP copy of the image for each rendition width."""
    file_field.open("rb")
    try:
        with PillowImage.open(file_field) as original:
            original = ImageOps.exif_transpose(original)
            for width in widths_for(original.width):
                height = round(original.height * width / original.width)
                resized = original.resize((width, height), PillowImage.Resampling.LANCZOS)
                name = rendition_name(file_field.name, width)
                if default_storage.exists(name):
                    default_storage.delete(name)
                default_storage.save(name, _encode_webp(resized))
    finally:
        file_field.close()


def square_avatar(uploaded_file):
    """Crop an uploaded portrait to a centred square of a sensible size."""
    uploaded_file.seek(0)
    with PillowImage.open(uploaded_file) as original:
        original = ImageOps.exif_transpose(original)
        square = ImageOps.fit(original, (AVATAR_SIZE, AVATAR_SIZE), PillowImage.Resampling.LANCZOS)
        return _encode_webp(square)
