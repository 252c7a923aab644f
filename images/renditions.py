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

# 720 is what a phone's full-width picture needs (about 380 CSS pixels at 1.75-2 device
# pixels each); without it phones were sent 960 and paid twice the bytes. 240 is a list
# card's thumbnail on a phone (7rem at 1.75 device pixels).
WIDTHS = (240, 480, 720, 960, 1600)
# The picture a list card names in ``src`` for browsers that ignore ``srcset``.
CARD_WIDTH = 480
AVATAR_SIZE = 400
# Avatars in lists and bylines are 44-80 CSS pixels wide: 160 covers two device pixels each.
AVATAR_WIDTHS = (160,)


def rendition_name(original_name, width):
    """Where the ``width`` rendition of the stored original ``original_name`` lives."""
    path = PurePosixPath(original_name)
    return str(path.parent / "renditions" / f"{path.stem}-{width}w.webp")


def widths_for(original_width):
    """The rendition widths that exist for an image of this width."""
    return [width for width in WIDTHS if width < (original_width or 0)]


def full_widths_for(original_width):
    """The renditions that may stand for the picture itself (in link previews, feeds, the
    editor, a body's ``src``): all but the phone thumbnail, so a small picture is its own."""
    return [width for width in widths_for(original_width) if width >= CARD_WIDTH]


def _encode_webp(picture, icc_profile=None):
    """WebP with no metadata: Pillow writes EXIF and XMP to WebP only when asked."""
    buffer = BytesIO()
    if picture.mode not in ("RGB", "RGBA"):
        has_alpha = "A" in picture.getbands() or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha else "RGB")
    # Quality 75 with the slowest, best method: a quarter fewer bytes than 82, the same to the eye.
    picture.save(buffer, format="WEBP", quality=75, method=6, icc_profile=icc_profile or b"")
    return ContentFile(buffer.getvalue())


def write_renditions(original_name, picture, *, widths=None, storage=default_storage):
    """Store a downscaled WebP copy of ``picture`` at each width; return the names.

    ``widths`` defaults to every rendition width narrower than the picture. A name that
    is already taken means two originals share a name, which ``upload_path`` prevents;
    refuse rather than show one image's pixels for another.
    """
    written = []
    for width in widths_for(picture.width) if widths is None else widths:
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


def missing_renditions(original_name, original_width, *, widths=WIDTHS, storage=default_storage):
    """The rendition widths of a stored original that are not in storage (new widths, say)."""
    return [
        width
        for width in widths
        if width < (original_width or 0)
        and not storage.exists(rendition_name(original_name, width))
    ]


def write_missing(original_name, widths, *, storage=default_storage):
    """Make the given renditions of a stored original; return the names written."""
    with storage.open(original_name) as stored, PillowImage.open(stored) as picture:
        picture.load()
        return write_renditions(original_name, picture, widths=widths, storage=storage)


def avatar_srcset(name, *, storage=default_storage):
    """``srcset`` for a stored square avatar: its small renditions and the avatar itself."""
    candidates = [f"{storage.url(rendition_name(name, width))} {width}w" for width in AVATAR_WIDTHS]
    return ", ".join([*candidates, f"{storage.url(name)} {AVATAR_SIZE}w"])


def square_avatar(uploaded_file):
    """Crop an uploaded portrait to a centred square of a sensible size."""
    uploaded_file.seek(0)
    with PillowImage.open(uploaded_file) as original:
        original = ImageOps.exif_transpose(original)
        square = ImageOps.fit(original, (AVATAR_SIZE, AVATAR_SIZE), PillowImage.Resampling.LANCZOS)
        return _encode_webp(square)
