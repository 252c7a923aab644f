"""Upload checks that run before an image is stored.

Django's ImageField already rejects files Pillow cannot identify; these add the
limits a newsroom needs: a size cap, a short list of web formats, and a full
decode so that a truncated or corrupt file is refused at upload time rather
than failing later when a rendition is made.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PillowImage

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}
MAX_PIXELS = 50_000_000


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
            width, height = picture.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    "This image is %(width)s × %(height)s pixels, too large to process. "
                    "Please upload one under 50 megapixels.",
                    code="too_many_pixels",
                    params={"width": width, "height": height},
                )
            picture.load()
    except ValidationError:
        raise
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
