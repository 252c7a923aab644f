from django import template
from django.utils.safestring import mark_safe

from articles.cards import render_cards

register = template.Library()


@register.simple_tag
def article_cards(articles, heading_level=2, lead_first=False, eager_first=False):
    """Every card of ``articles``, drawn once per content version (see ``articles.cards``)."""
    cards = render_cards(
        articles, heading_level=heading_level, lead_first=lead_first, eager_first=eager_first
    )
    # Each card is a rendered, autoescaped template.
    return mark_safe("".join(cards))
