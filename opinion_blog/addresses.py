"""Addresses of public pages by slug, without reversing a URL pattern per link.

A list page links to dozens of articles, authors and topics, and a sitemap section to
a thousand: one ``reverse()`` each was a tenth of a page's render and most of a
section's. The pattern is reversed once per URLconf and script prefix; the slug goes
into it quoted as ``reverse()`` would quote it.
"""

from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS

MARKER = "slug-marker"
# What reverse() leaves unquoted in an address.
SAFE = RFC3986_SUBDELIMS + "/~:@"


def slug_address(url_name, slug):
    """``reverse(url_name, kwargs={"slug": slug})``, for a pattern around one slug."""
    before, after = _around(url_name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())
    return f"{before}{quote(slug, safe=SAFE)}{after}"


@lru_cache(maxsize=64)
def _around(url_name, urlconf, prefix):
    # reverse() adds the current script prefix, which is ``prefix`` here.
    before, after = reverse(url_name, urlconf=urlconf, kwargs={"slug": MARKER}).split(MARKER)
    return before, after


def fixed_address(url_name):
    """``reverse(url_name)`` for a pattern with no arguments, or "" if there is none.

    For the links every public page repeats (masthead, footer, feeds): about twenty
    reversals a page, a fifth of a kept page's time, done once per process instead.
    """
    return _fixed(url_name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=64)
def _fixed(url_name, urlconf, prefix):
    try:
        return reverse(url_name, urlconf=urlconf)
    except NoReverseMatch:
        return ""
