"""The one allow-list for article HTML.

The editor offers exactly these elements, and anything else that reaches the
database (a pasted document, a tampered POST, an import) is cleaned down to
them with nh3 when the article is saved.
"""

import re
from html import unescape

import nh3
from django.utils.html import strip_tags

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
}

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "s", "sub", "sup",
    "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "hr", "a",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
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
    cleaned = _cleaner.clean(html or "").strip()
    return "" if cleaned in _EMPTY_DOCUMENTS else cleaned
