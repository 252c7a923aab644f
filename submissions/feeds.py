"""RSS and Atom feeds of published letters: the name and town, the letter, the article it answers."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks

from .views import letters_queryset


class LettersFeed(Feed):
    def title(self):
        return f"Letters — {settings.SITE_NAME}"

    def link(self):
        return reverse("submissions:letters")

    def description(self):
        return f"Letters to the editor of {settings.SITE_NAME}."

    def items(self):
        return letters_queryset()[: settings.FEED_SIZE]

    def item_title(self, item):
        if item.article_id and item.article.is_published:
            return f"{item.name}, {item.town}, on “{item.article.title}”"
        return f"{item.name}, {item.town}"

    def item_description(self, item):
        # Plain text made into paragraphs, escaped: nothing a sender typed is markup.
        return linebreaks(escape(item.published_text))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.name


class LettersAtomFeed(LettersFeed):
    feed_type = Atom1Feed
    subtitle = LettersFeed.description
