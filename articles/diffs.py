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
