"""Library images inside an article's body: what is stored, which uses are tracked, what readers get.

The body stores one shape per picture, made by the editor's image button and
enforced by the sanitizer (``articles.html``)::

    <figure class="body-image"><img src="…" alt="…" data-image-id="42"><figcaption>…</figcaption></figure>

``src`` is a rendition of our own upload, there only so the editor can show
the picture; readers never get the stored tag. ``render`` swaps each figure for
a responsive one built from the image row (renditions, ``srcset``, size,
``loading="lazy"``, the library's current alt text and credit) with one query
for all of a body's pictures, and drops figures whose image is gone.
"""

import re
from html import unescape

from django.core.files.storage import default_storage
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from . import renditions

FIGURE_CLASS = "body-image"
# The sanitizer's output is normalised by nh3 (double quotes, escaped values),
# so these patterns read it reliably; they are never applied to raw input.
FIGURE = re.compile(r'<figure class="body-image">(?P<inner>.*?)</figure>', re.DOTALL)
IMAGE_ID = re.compile(r'<img\b[^>]*?\bdata-image-id="(\d{1,18})"')
CAPTION = re.compile(r"<figcaption>(?P<caption>.*?)</figcaption>", re.DOTALL)
SIZES = "(min-width: 48rem) 44rem, calc(100vw - 2rem)"
EDITOR_WIDTH = 960


def image_ids(html):
    """The ids of the library images a (sanitized) body shows, in order, without repeats."""
    return list(dict.fromkeys(int(found) for found in IMAGE_ID.findall(html or "")))


def own_media_prefix():
    """Where uploaded library images are served from; an ``img src`` must start with it."""
    return default_storage.url("images/")


def editor_src(image):
    """The copy the editor shows: a mid-sized rendition, or the (clean) original when small."""
    widths = [w for w in renditions.full_widths_for(image.width) if w <= EDITOR_WIDTH]
    if widths:
        return default_storage.url(renditions.rendition_name(image.file.name, widths[-1]))
    return image.file.url


def sync_uses(article):
    """Make the article's tracked body pictures match its body. Unknown ids are ignored."""
    from .models import BodyImage, Image

    wanted = set(Image.objects.filter(pk__in=image_ids(article.body)).values_list("pk", flat=True))
    uses = article.body_image_uses
    uses.exclude(image_id__in=wanted).delete()
    present = set(uses.values_list("image_id", flat=True))
    BodyImage.objects.bulk_create(
        [BodyImage(article=article, image_id=pk) for pk in sorted(wanted - present)],
        ignore_conflicts=True,
    )


def render(html):
    """The body as readers get it: each stored figure replaced by a responsive one.

    One query for all pictures, none when the body has no picture.
    """
    ids = image_ids(html)
    if not ids:
        return mark_safe(html)
    from .models import Image

    images = Image.objects.only("file", "alt_text", "credit", "width", "height").in_bulk(ids)

    def replace(match):
        found = IMAGE_ID.search(match["inner"])
        image = images.get(int(found.group(1))) if found else None
        if image is None:
            return ""
        caption = CAPTION.search(match["inner"])
        caption = " ".join(unescape(strip_tags(caption["caption"])).split()) if caption else ""
        return figure_html(image, caption)

    return mark_safe(FIGURE.sub(replace, html))


def figure_html(image, caption):
    widths = renditions.full_widths_for(image.width)
    src = (
        default_storage.url(renditions.rendition_name(image.file.name, widths[-1]))
        if widths
        else image.file.url
    )
    size = (
        format_html(' width="{}" height="{}"', image.width, image.height)
        if image.width and image.height
        else ""
    )
    credit = format_html('<span class="credit">{}</span>', image.credit) if image.credit else ""
    figcaption = (
        format_html(
            "<figcaption>{}{}{}</figcaption>", caption, " " if caption and credit else "", credit
        )
        if caption or credit
        else ""
    )
    return format_html(
        '<figure class="{}"><img src="{}" srcset="{}" sizes="{}" alt="{}"{} loading="lazy" '
        'decoding="async">{}</figure>',
        FIGURE_CLASS,
        src,
        image.srcset,
        SIZES,
        image.alt_text,
        size,
        figcaption,
    )
