"""The one allow-list for article HTML.

The editor offers exactly these elements, and anything else that reaches the
database (a pasted document, a tampered POST, an import) is cleaned down to
them with nh3 when the article is saved.
"""

import re
from html import unescape

import nh3
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import strip_tags

from images import body as body_images

EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "SpecialCharacters": True,
    # Writers want the browser's spell checker, which the editor turns off by default.
    "NoSpellCheck": False,
    # Library pictures, uploaded or chosen from the toolbar (static/js/admin-body-images.js).
    "BodyImage": {
        "uploadUrl": lazy(lambda: reverse("admin:images_image_inline_upload"), str)(),
        "libraryUrl": lazy(lambda: reverse("admin:images_image_library"), str)(),
    },
}

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "s", "sub", "sup",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a",
    "figure", "figcaption", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "img": {"src", "alt", "data-image-id"},
}
ALLOWED_CLASSES = {"figure": {body_images.FIGURE_CLASS}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# A stored upload's path below the media prefix: a random name, maybe a rendition.
_OWN_IMAGE_PATH = re.compile(r"(renditions/)?[0-9a-f]{32}(-\d{1,5}w)?\.(jpg|png|webp|gif)")
_ORPHAN_IMG = re.compile(r'<img(?![^>]*\bdata-image-id=")[^>]*>')


def _filter_attribute(tag, attribute, value):
    """Pictures come from our own library only: a stored upload's path and a numeric id."""
    if tag == "figure" and attribute == "class":
        # Only the pictures' class, and no empty ``class=""`` when it is not there.
        return body_images.FIGURE_CLASS if body_images.FIGURE_CLASS in value.split() else None
    if tag != "img":
        return value
    if attribute == "src":
        prefix = body_images.own_media_prefix()
        own = value.startswith(prefix) and _OWN_IMAGE_PATH.fullmatch(value[len(prefix) :])
        return value if own else None
    if attribute == "data-image-id":
        return value if value.isascii() and value.isdigit() and len(value) <= 18 else None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    allowed_classes=ALLOWED_CLASSES,
    attribute_filter=_filter_attribute,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer nofollow",
    strip_comments=True,
)

_EMPTY_DOCUMENTS = {"", "<p></p>", "<p><br></p>"}


def has_text(html):
    """Whether ``html`` holds words a reader can read, not just empty tags or spaces."""
    return bool(unescape(strip_tags(html or "")).replace("\xa0", " ").strip())


_TAG = re.compile(r"<[^>]*>")


def word_count(html):
    """Words a reader reads in ``html``; tags count as spaces, so paragraphs don't run together."""
    return len(unescape(_TAG.sub(" ", html or "")).split())


def sanitize(html):
    """Return ``html`` reduced to the allow-list; an empty editor becomes ``""``."""
    # An <img> that names no library image (pasted, or its id refused) is dropped.
    cleaned = _ORPHAN_IMG.sub("", _cleaner.clean(html or "")).strip()
    return "" if cleaned in _EMPTY_DOCUMENTS else cleaned
