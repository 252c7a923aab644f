"""Resized copies of uploaded images, so readers never download the original.

Renditions are made once, when an image's file is stored, at a few fixed
widths, and named from the stored original's name, which the upload cannot
choose (see ``images.models.upload_path``). Templates build a ``srcset`` from
the name and the widths alone, without touching storage or the database. A
rendition is never overwritten or deleted to make room for another.
"""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from PIL import ImageOps

WIDTHS = (480, 960, 1600)
AVATAR_SIZE = 400
# Avatars are shown at 44-80 CSS pixels in bylines, cards and the columnists index; this
# copy covers them up to a device pixel ratio of 2, the 400 px original the rest.
SMALL_AVATAR_SIZE = 160


def rendition_name(original_name, width):
    """Where the ``width`` rendition of the stored original ``original_name`` lives."""
    path = PurePosixPath(original_name)
    return str(path.parent / "renditions" / f"{path.stem}-{width}w.webp")


def widths_for(original_width):
    """The rendition widths that exist for an image of this width."""
    return [width for width in WIDTHS if width < (original_width or 0)]


def _encode_webp(picture, icc_profile=None):
    """WebP with no metadata: Pillow writes EXIF and XMP to WebP only when asked."""
    buffer = BytesIO()
    if picture.mode not in ("RGB", "RGBA"):
        has_alpha = "A" in picture.getbands() or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha else "RGB")
    picture.save(buffer, format="WEBP", quality=82, method=4, icc_profile=icc_profile or b"")
    return ContentFile(buffer.getvalue())


def write_renditions(original_name, picture, *, storage=default_storage):
    """Store a downscaled WebP copy of ``picture`` for each rendition width; return the names.

    A name that is already taken means two originals share a name, which
    ``upload_path`` prevents; refuse rather than show one image's pixels for another.
    """
    written = []
    for width in widths_for(picture.width):
        height = max(1, round(picture.height * width / picture.width))
        resized = picture.resize((width, height), PillowImage.Resampling.LANCZOS, reducing_gap=3)
        name = rendition_name(original_name, width)
        saved = storage.save(name, _encode_webp(resized, picture.info.get("icc_profile")))
        written.append(saved)
        if saved != name:
            for stored in written:
                storage.delete(stored)
            raise FileExistsError(f"A rendition named {name} already exists.")
    return written


def square_avatar(uploaded_file):
    """Crop an uploaded portrait to a centred square of a sensible size."""
    uploaded_file.seek(0)
    with PillowImage.open(uploaded_file) as original:
        original = ImageOps.exif_transpose(original)
        square = ImageOps.fit(original, (AVATAR_SIZE, AVATAR_SIZE), PillowImage.Resampling.LANCZOS)
        return _encode_webp(square)


def small_avatar_name(avatar_name):
    """Where the small copy of the stored avatar ``avatar_name`` lives."""
    return rendition_name(avatar_name, SMALL_AVATAR_SIZE)


def write_small_avatar(avatar_name, *, storage=default_storage):
    """Store the small copy of a stored avatar; return its name.

    Like a rendition, it is never written over another file.
    """
    name = small_avatar_name(avatar_name)
    with storage.open(avatar_name, "rb") as stored, PillowImage.open(stored) as avatar:
        small = avatar.resize(
            (SMALL_AVATAR_SIZE, SMALL_AVATAR_SIZE), PillowImage.Resampling.LANCZOS, reducing_gap=3
        )
        saved = storage.save(name, _encode_webp(small, avatar.info.get("icc_profile")))
    if saved != name:
        storage.delete(saved)
        raise FileExistsError(f"A small avatar named {name} already exists.")
    return saved
