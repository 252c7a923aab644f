"""RSS and Atom feeds of the latest published articles: the site's, an author's, a topic's.

Each item names every author, lists its topics as categories, carries the summary as its
description and the full sanitized body as its content, and the featured image as an
enclosure: a rendition, never the original upload.
"""

import copy
import hashlib

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape

from authors.models import Author
from images.renditions import full_widths_for, rendition_name

from .models import Article, Topic

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
CONTENT_MODULE = "http://purl.org/rss/1.0/modules/content/"

# The enclosure is the largest rendition up to this width: big enough for any reader app.
ENCLOSURE_MAX_WIDTH = 960
# Renditions never change under a name, so their sizes can be remembered for long.
SIZE_CACHE_SECONDS = 60 * 60 * 24 * 30


class ArticlesRss(Rss201rev2Feed):
    """RSS 2.0 with one ``dc:creator`` per author and the body as ``content:encoded``."""

    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:dc": DUBLIN_CORE, "xmlns:content": CONTENT_MODULE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("content:encoded", item["content"])


class ArticlesAtom(Atom1Feed):
    """Atom with an ``author`` per byline and the body as HTML ``content``."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


def enclosure_name(image):
    """The storage name of the rendition a feed offers for ``image``, or None."""
    widths = [width for width in full_widths_for(image.width) if width <= ENCLOSURE_MAX_WIDTH]
    return rendition_name(image.file.name, max(widths)) if widths else None


def file_sizes(names):
    """Byte sizes of stored files, from the cache when known; missing files are left out."""
    keys = {name: "file-size:" + hashlib.sha256(name.encode()).hexdigest() for name in names}
    cached = cache.get_many(keys.values())
    sizes, found = {}, {}
    for name, key in keys.items():
        if key in cached:
            sizes[name] = cached[key]
            continue
        try:
            sizes[name] = found[key] = default_storage.size(name)
        except OSError:
            continue
    if found:
        cache.set_many(found, SIZE_CACHE_SECONDS)
    return sizes


class ArticleFeed(Feed):
    """The latest published articles, newest first; subclasses choose which."""

    feed_type = ArticlesRss

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request: work on a copy that may remember this one.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj):
        articles = list(
            self.articles(obj)
            .select_related("featured_image")
            .with_bylines()
            .prefetch_related("topics")
            .order_by("-published_at", "-pk")[: settings.FEED_SIZE]
        )
        names = {
            article.pk: enclosure_name(article.featured_image)
            for article in articles
            if article.featured_image
        }
        sizes = file_sizes({name for name in names.values() if name})
        self.enclosures = {
            pk: Enclosure(
                self.request.build_absolute_uri(default_storage.url(name)),
                str(sizes[name]),
                "image/webp",
            )
            for pk, name in names.items()
            if name in sizes
        }
        return articles

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Feed readers treat the description as HTML; the summary is plain text.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.published_at, item.revised_at or item.published_at)

    def item_categories(self, item):
        # Sorted here: the prefetch through taggit's manager has no order, and a feed that
        # reorders its categories by itself (after a restore, say) looks changed to readers.
        return sorted(topic.name for topic in item.topics.all())

    def item_enclosures(self, item):
        enclosure = self.enclosures.get(item.pk)
        return [enclosure] if enclosure else []

    def item_extra_kwargs(self, item):
        return {
            "authors": [
                (author.name, self.request.build_absolute_uri(author.get_absolute_url()))
                for author in item.byline_authors
            ],
            "content": item.body,
        }


class SiteFeed(ArticleFeed):
    def title(self):
        return settings.SITE_NAME

    def link(self):
        return "/"

    def description(self):
        return f"The latest opinion and argument from {settings.SITE_NAME}."


class SiteAtomFeed(SiteFeed):
    feed_type = ArticlesAtom
    subtitle = SiteFeed.description


class SubjectFeed(ArticleFeed):
    """One author's or one topic's articles, named and linked after them."""

    def title(self, obj):
        return f"{obj.name} — {settings.SITE_NAME}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.summary


class AuthorFeed(SubjectFeed):
    def get_object(self, request, slug):
        return Author.objects.with_published_articles().get(slug=slug)

    def articles(self, obj):
        return Article.objects.published().by_author(obj)


class AuthorAtomFeed(AuthorFeed):
    feed_type = ArticlesAtom
    subtitle = AuthorFeed.description


class TopicFeed(SubjectFeed):
    def get_object(self, request, slug):
        return Topic.objects.with_published_articles().get(slug=slug)

    def articles(self, obj):
        return Article.objects.published().filter(topic_links__tag=obj)


class TopicAtomFeed(TopicFeed):
    feed_type = ArticlesAtom
    subtitle = TopicFeed.description
