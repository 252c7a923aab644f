"""On a phone, as Lighthouse emulates one, the demo's pages stay light.

Lighthouse's mobile run is a 412 px wide screen at 1.75 device pixels per CSS pixel;
its full-page screenshot loads every lazy picture, so the weight here is everything
the page ever fetches, scrolled to the bottom.
"""

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 1.75,
    "is_mobile": True,
    "has_touch": True,
}
# Issue 17: the article with two pictures under 100 KB, the home page under 120 KB.
BUDGETS = {"home": 120_000, "article": 100_000, "author": 120_000}


def weigh(browser, url):
    """Bytes transferred for ``url`` and everything it loads, and the pictures' chosen files."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    transferred = []
    page.on(
        "requestfinished",
        lambda request: transferred.append(
            request.sizes()["responseBodySize"] + request.sizes()["responseHeadersSize"]
        ),
    )
    page.goto(url, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    chosen = page.evaluate(
        "[...document.querySelectorAll('main img')].map(img => ["
        "img.currentSrc.split('/').pop(), img.getAttribute('loading'),"
        " img.getAttribute('fetchpriority'), img.closest('.card') !== null,"
        " img.closest('.card--lead') !== null])"
    )
    context.close()
    return sum(transferred), chosen


def test_demo_pages_fit_their_budgets_and_fetch_pictures_sized_for_a_phone(browser, live_server):
    call_command("load_demo", force=True, stdout=StringIO())
    article = (
        Article.objects.published()
        .exclude(featured_image=None)
        .filter(bylines__author__avatar__gt="")
        .first()
    )
    author = article.bylines.first().author
    pages = {
        "home": live_server.url + "/",
        "article": live_server.url + article.get_absolute_url(),
        "author": live_server.url + author.get_absolute_url(),
    }

    for name, url in pages.items():
        weight, pictures = weigh(browser, url)
        print(f"{name}: {weight:,} bytes")
        assert weight < BUDGETS[name], f"{name}: {weight:,} bytes"
        # A lead card's picture is half the screen wide; the others are thumbnails.
        leads = [src for src, _, _, in_card, lead in pictures if in_card and lead]
        thumbnails = [src for src, _, _, in_card, lead in pictures if in_card and not lead]
        assert thumbnails and all(src.endswith("-240w.webp") for src in thumbnails), pictures
        assert all(src.endswith("-480w.webp") for src in leads), (name, pictures)
        if name == "author":
            # The first card is the largest paint: fetched at once, ahead of the rest.
            first_card = next(picture for picture in pictures if picture[3])
            assert first_card[1:3] == [None, "high"], pictures
        if name == "home":
            assert leads, "the home page leads with a large picture"
