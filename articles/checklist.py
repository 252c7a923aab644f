"""The pre-publish checklist: what a piece needs every time, and which needs block.

``check(article)`` says, item by item, whether the article meets it and whether the
desk lets it block publication (``PublishingChecklist``, edited in the admin).
``workflow.require_checklist`` refuses to publish, schedule or approve while a blocking
item is unmet; the form and the publish confirmation show every item.
"""

from dataclasses import dataclass

from .models import PublishingChecklist, ReviewNote


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    met: bool
    blocks: bool
    detail: str = ""

    @property
    def blocking(self):
        return self.blocks and not self.met


def _plural(count, word):
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def check(article, *, rules=None):
    """Every checklist item for ``article`` (saved, so its topics and notes can be read)."""
    rules = rules or PublishingChecklist.load()
    title = (article.title or "").strip()
    image = article.featured_image if article.featured_image_id else None
    words = article.word_count
    topics = article.topics.count() if article.pk else 0
    open_notes = (
        ReviewNote.objects.open().filter(article_id=article.pk, parent=None).count()
        if article.pk
        else 0
    )
    missing_from_picture = []
    if image is not None:
        if not image.alt_text.strip():
            missing_from_picture.append("alt text")
        if not image.credit.strip():
            missing_from_picture.append("a credit")
    return [
        Item(
            "headline",
            f"Headline of at most {rules.headline_max_length} characters",
            0 < len(title) <= rules.headline_max_length,
            rules.blocks_headline,
            f"{_plural(len(title), 'character')}",
        ),
        Item(
            "standfirst",
            "Standfirst written",
            bool((article.standfirst or "").strip()),
            rules.blocks_standfirst,
        ),
        Item(
            "picture",
            "Featured picture with alt text and credit",
            image is not None and not missing_from_picture,
            rules.blocks_picture,
            "no picture chosen"
            if image is None
            else ("needs " + " and ".join(missing_from_picture) if missing_from_picture else ""),
        ),
        Item("topic", "At least one topic", topics > 0, rules.blocks_topic),
        Item(
            "length",
            f"Between {rules.min_words:,} and {rules.max_words:,} words",
            rules.min_words <= words <= rules.max_words,
            rules.blocks_length,
            _plural(words, "word"),
        ),
        Item(
            "disclosure",
            "Disclosure written, or “none to declare” ticked",
            bool((article.disclosure or "").strip()) or article.no_disclosure,
            rules.blocks_disclosure,
        ),
        Item(
            "notes",
            "Review notes resolved",
            open_notes == 0,
            rules.blocks_notes,
            f"{_plural(open_notes, 'open note')}" if open_notes else "",
        ),
    ]


def blocking(article, *, rules=None):
    """The unmet items that stop ``article`` going out."""
    return [item for item in check(article, rules=rules) if item.blocking]
