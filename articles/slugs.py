"""Article slugs live at the root of the site, so they must not shadow other pages."""

from functools import cache

from django.core.exceptions import ValidationError
from django.urls import URLResolver, get_resolver
from django.utils.text import slugify

# Words kept free for pages that do not exist yet or are served outside Django.
FUTURE_WORDS = frozenset(
    {
        "api", "archive", "about", "contact", "feed", "feeds", "login", "logout",
        "media", "page", "preview", "rss", "search", "shared", "sitemap", "sitemap.xml",
        "static", "robots.txt", "favicon.ico", "topics", "authors", "admin",
    }
)  # fmt: skip


def _heads(patterns):
    for entry in patterns:
        route = str(entry.pattern).lstrip("^")
        head = route.split("/", 1)[0]
        if not route and isinstance(entry, URLResolver):
            yield from _heads(entry.url_patterns)
        elif head and "<" not in head and "(" not in head:
            yield head.lower()


@cache
def reserved_words():
    """The first path segment of every root URL, plus ``FUTURE_WORDS``."""
    return FUTURE_WORDS | frozenset(_heads(get_resolver().url_patterns))


def validate_not_reserved(value):
    if value.lower() in reserved_words():
        raise ValidationError(
            "“%(slug)s” is reserved for another part of the site. Choose another slug.",
            code="reserved_slug",
            params={"slug": value},
        )


def unique_slug(title, queryset, max_length=200):
    """A slug made from ``title`` that no row in ``queryset`` uses and no URL reserves."""
    base = slugify(title, allow_unicode=True)[: max_length - 4].strip("-") or "article"
    candidate, suffix = base, 2
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    while candidate in taken or candidate.lower() in reserved_words():
        candidate = f"{base}-{suffix}"
        suffix += 1
    return candidate
