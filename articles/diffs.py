"""Readable differences between two revisions: words, not HTML.

Each field becomes a list of ``(operation, text)`` chunks; templates render them with
autoescaping on, so nothing from an article's text reaches the page unescaped.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import unescape

from django.utils.html import strip_tags

_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figcaption|pre)>|<br\s*/?>", re.I)
_TOKENS = re.compile(r"\s+|[^\s]+")
# Below this share of words in common, a field counts as rewritten rather than edited.
REWRITTEN = 0.4

FIELDS = [
    ("title", "Headline"),
    ("slug", "Address"),
    ("standfirst", "Standfirst"),
    ("disclosure", "Disclosure"),
    ("no_disclosure", "None to declare"),
    ("body", "Body"),
    ("featured_image_label", "Featured image"),
    ("featured_image_caption", "Caption"),
    ("bylines", "Authors"),
    ("topics", "Topics"),
    ("corrections", "Corrections"),
    ("state", "State"),
]


def plain_text(value):
    """Body HTML as the words a reader sees, one paragraph per line."""
    text = strip_tags(_BLOCK_END.sub("\n\n", value or ""))
    lines = [" ".join(line.split()) for line in unescape(text).splitlines()]
    return "\n\n".join(line for line in lines if line)


def _as_text(field, value):
    if field == "body":
        return plain_text(value)
    if field == "bylines":
        return ", ".join(entry.get("name", "") for entry in value or [])
    if field == "topics":
        return ", ".join(value or [])
    if field == "no_disclosure":
        return "ticked" if value else ""
    if field == "corrections":
        return "\n\n".join(f"{c.get('date', '')[:10]}: {c.get('text', '')}" for c in value or [])
    return str(value or "")


def word_diff(old, new):
    """The chunks that turn ``old`` into ``new``: ``equal``, ``delete`` and ``insert``."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    shared = SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio()
    if a and b and shared < REWRITTEN:
        # A rewrite reads better as old then new than as a confetti of single words.
        return [("delete", old), ("insert", new)]
    chunks = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            chunks.append(("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            chunks.append(("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            chunks.append(("insert", "".join(b[j1:j2])))
    return chunks


@dataclass
class FieldDiff:
    label: str
    changed: bool
    chunks: list


def compare(old_content, new_content):
    """Every field of two snapshots, with word-level changes marked."""
    result = []
    for field, label in FIELDS:
        old = _as_text(field, old_content.get(field))
        new = _as_text(field, new_content.get(field))
        chunks = word_diff(old, new) if old != new else [("equal", new)]
        result.append(FieldDiff(label, old != new, chunks))
    return result


# Pictures are shown as pictures: what the editor approves is what they saw.


@dataclass
class Picture:
    pk: int
    thumbnail_url: str
    alt_text: str
    credit: str
    missing: bool = False


@dataclass
class PictureDiff:
    label: str
    changed: bool
    old: list
    new: list


def picture_ids(content):
    """The library pictures a snapshot shows: the featured one, then the body's in order."""
    from images.body import image_ids

    featured = content.get("featured_image")
    featured = [featured] if type(featured) is int else []
    return featured, image_ids(content.get("body") or "")


def compare_pictures(old_content, new_content):
    """The featured picture and the body's pictures of two snapshots, before and after,
    as the library holds them now (file, alt text, credit), with one query."""
    from images.models import Image

    old_featured, old_body = picture_ids(old_content)
    new_featured, new_body = picture_ids(new_content)
    wanted = {*old_featured, *old_body, *new_featured, *new_body}
    images = Image.objects.only("file", "alt_text", "credit", "width").in_bulk(wanted)

    def pictures(ids):
        shown = []
        for pk in ids:
            image = images.get(pk)
            if image is None:
                shown.append(Picture(pk, "", "", "", missing=True))
            else:
                shown.append(Picture(pk, image.thumbnail_url, image.alt_text, image.credit))
        return shown

    return [
        PictureDiff(
            "Featured picture",
            old_featured != new_featured,
            pictures(old_featured),
            pictures(new_featured),
        ),
        PictureDiff(
            "Pictures in the body", old_body != new_body, pictures(old_body), pictures(new_body)
        ),
    ]
