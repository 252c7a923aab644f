"""Article cards, rendered once per content version and then read back whole.

A list page shows a dozen cards, and rendering their template is most of the page's
cost. A card shows only what readers may see of one article (title, standfirst,
authors, date, picture), so any change to it moves the content version: a card stored
under the current version is always right. The cards of a page come from the cache in
one round trip; only the missing ones load their bylines and are rendered.
"""

from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.template.loader import get_template

from opinion_blog.version_cache import cached_many

from .models.article import card_bylines

TEMPLATE = "includes/article_card.html"


@dataclass(frozen=True)
class CardStyle:
    """How a card is drawn: its heading level, and the lead card's size or the eager picture."""

    heading_level: int = 2
    lead: bool = False
    first: bool = False

    @property
    def name(self):
        return (
            f"h{self.heading_level}{'-lead' if self.lead else ''}{'-first' if self.first else ''}"
        )


def render_cards(articles, *, heading_level=2, lead_first=False, eager_first=False):
    """The HTML of each card of ``articles``, in order.

    ``lead_first`` draws the first card as the large lead card; ``eager_first`` loads the
    first card's picture at once (the page's largest paint). Both load it with priority.
    """
    drawn = {}
    for position, article in enumerate(articles):
        first = position == 0
        style = CardStyle(heading_level, lead=lead_first and first, first=eager_first and first)
        drawn[f"card:{article.pk}:{style.name}"] = (article, style)
    cards = cached_many(drawn, lambda missing: _render({name: drawn[name] for name in missing}))
    return [cards[name] for name in drawn]


def _render(cards):
    """``{name: html}`` for the cards not stored, their bylines loaded in one query."""
    prefetch_related_objects([article for article, _ in cards.values()], card_bylines())
    template = get_template(TEMPLATE)
    return {
        name: template.render(
            {
                "article": article,
                "heading_level": style.heading_level,
                "lead": style.lead,
                "first": style.first,
            }
        )
        for name, (article, style) in cards.items()
    }
