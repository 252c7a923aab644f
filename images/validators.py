"""Upload checks that run before an image is stored.

Django's ImageField already rejects files Pillow cannot identify; these add the
limits a newsroom needs: a size cap, a short list of web formats, a cap on the
decoded size (checked from the header, before any pixel is decoded), and a full
decode so that a truncated or corrupt file is refused at upload time rather
than failing later when a rendition is made.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PillowImage

ALLOWED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
# Decoded size, all frames counted: 40 MP is a 7,300 × 5,500 photo, far more than a web page
# needs, and its decode stays around 160 MB. Pillow itself refuses twice this (see apps.py).
MAX_PIXELS = 40_000_000
MAX_FRAMES = 1000
HELP_TEXT = (
    "JPEG, PNG, WebP or GIF, up to 10 MB and 40 megapixels (an animation’s frames added up). "
    "Location, camera details and other metadata are removed when it is stored."
)


def _check_decoded_size(picture):
    frames = getattr(picture, "n_frames", 1)
    if frames > MAX_FRAMES:
        raise ValidationError(
            "This animation has %(frames)s frames; images may have at most %(limit)s.",
            code="too_many_frames",
            params={"frames": frames, "limit": MAX_FRAMES},
        )
    width, height = picture.size
    if width * height * frames > MAX_PIXELS:
        raise ValidationError(
            "This image is %(width)s × %(height)s pixels%(frames)s, too large to process. "
            "Please upload one under 40 megapixels.",
            code="too_many_pixels",
            params={
                "width": width,
                "height": height,
                "frames": f" in {frames} frames" if frames > 1 else "",
            },
        )


def validate_image_file(file):
    limit = settings.MAX_IMAGE_UPLOAD_BYTES
    if file.size and file.size > limit:
        raise ValidationError(
            "This file is %(size)s; images may be at most %(limit)s.",
            code="file_too_large",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with PillowImage.open(file) as picture:
            image_format = picture.format
            if image_format in ALLOWED_FORMATS:
                _check_decoded_size(picture)
                picture.seek(0)
                picture.load()
    except ValidationError:
        raise
    except PillowImage.DecompressionBombError as error:
        raise ValidationError(
            "This image is too large to process. Please upload one under 40 megapixels.",
            code="too_many_pixels",
        ) from error
    except Exception as error:
        raise ValidationError(
            "This file is not a readable image, or it is corrupt. "
            "Upload a JPEG, PNG, WebP or GIF file.",
            code="invalid_image",
        ) from error
    finally:
        file.seek(position)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            "%(format)s images are not supported. Upload a JPEG, PNG, WebP or GIF file.",
            code="unsupported_format",
            params={"format": image_format or "This kind of"},
        )
