"""Titles, descriptions, canonical addresses, link previews, JSON-LD and share links."""

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.utils import timezone

from articles import corrections
from articles.models import Topic
from tests.factories import links_in, make_author, make_editor, make_image, make_published
from tests.pages import Page

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


@pytest.fixture
def article():
    first = make_author("Ines Ward", slug="ines-ward")
    second = make_author("Tomás Reyes", slug="tomas-reyes")
    article = make_published(
        "Water is a public good",
        slug="water-is-a-public-good",
        standfirst="Rivers should not be a line in a ledger.",
        authors=[first, second],
        topics=[Topic.objects.create(name="Water", slug="water")],
        featured_image=make_image(alt_text="A reservoir at dusk", width=2000, height=1000),
    )
    article.revised_at = article.published_at + timedelta(hours=5)
    article.save()
    return article


PAGES = {
    "home": ("/", "The Opinion Blog"),
    "columnists": ("/authors/", "Columnists — The Opinion Blog"),
    "topics": ("/topics/", "Topics — The Opinion Blog"),
    "topic": ("/topics/water/", "Water — The Opinion Blog"),
    "author": ("/authors/ines-ward/", "Ines Ward — The Opinion Blog"),
    "article": ("/water-is-a-public-good/", "Water is a public good — The Opinion Blog"),
}


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_its_title_description_canonical_and_card(client, article, name):
    path, title = PAGES[name]

    page = Page(client.get(path))

    assert page.title == title
    assert page.meta("description")
    assert page.link("canonical") == ORIGIN + path
    assert page.meta("og:url") == ORIGIN + path
    assert page.meta("og:title") and page.meta("og:description")
    assert page.meta("twitter:card") in {"summary", "summary_large_image"}
    assert page.meta("twitter:title") and page.meta("twitter:description")


def test_a_later_page_of_a_list_is_its_own_canonical_page(client):
    for n in range(14):
        make_published(authors=[make_author()], ago=timedelta(hours=n + 1))

    older = "/?" + client.get("/").context["page_obj"].next_query
    page = Page(client.get(older))

    assert page.link("canonical") == ORIGIN + older
    assert page.meta("og:url") == ORIGIN + older
    assert page.title.startswith("Articles from ")
    assert page.title.endswith("and before — The Opinion Blog")


def test_link_previews_use_a_rendition_of_the_featured_image_not_the_upload(client, article):
    image = article.featured_image

    page = Page(client.get(article.get_absolute_url()))

    assert page.meta("og:image") == ORIGIN + image.share_url
    assert page.meta("twitter:image") == ORIGIN + image.share_url
    assert image.share_url != image.file.url
    assert image.share_url.endswith("-1600w.webp")
    assert (page.meta("og:image:width"), page.meta("og:image:height")) == ("1600", "800")
    assert page.meta("og:image:alt") == "A reservoir at dusk"
    assert page.meta("twitter:card") == "summary_large_image"


def test_the_share_rendition_exists_on_disk(article, settings):
    name = article.featured_image.share_url.removeprefix(settings.MEDIA_URL)

    assert default_storage.exists(name)


def test_a_small_image_is_shared_as_it_is():
    image = make_image(width=300, height=200)

    assert image.share_url == image.file.url
    assert (image.share_width, image.share_height) == (300, 200)


def test_json_ld_describes_the_article_as_the_page_shows_it(client, article):
    response = client.get(article.get_absolute_url())
    page = Page(response)

    (data,) = page.json_ld
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "OpinionNewsArticle"
    assert data["headline"] == article.title == page.meta("og:title")
    assert data["description"] == page.meta("description")
    assert data["mainEntityOfPage"]["@id"] == page.link("canonical") == data["url"]
    assert data["author"] == [
        {"@type": "Person", "name": "Ines Ward", "url": ORIGIN + "/authors/ines-ward/"},
        {"@type": "Person", "name": "Tomás Reyes", "url": ORIGIN + "/authors/tomas-reyes/"},
    ]
    assert data["datePublished"] == page.meta("article:published_time")
    assert data["dateModified"] == page.meta("article:modified_time")
    assert data["dateModified"] > data["datePublished"]
    assert data["image"]["url"] == page.meta("og:image")
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "The Opinion Blog",
        "url": ORIGIN + "/",
    }


def test_json_ld_without_a_revision_gives_the_publication_date_as_modified(client):
    article = make_published(authors=[make_author()])

    (data,) = Page(client.get(article.get_absolute_url())).json_ld

    assert data["dateModified"] == data["datePublished"] == article.published_at.isoformat()
    assert "image" not in data


def test_json_ld_carries_the_disclosure_and_every_correction(client):
    article = make_published(authors=[make_author()], disclosure="The author sits on the board.")
    corrections.add_correction(article, by=make_editor(), text="The bridge opened in 1894.")

    (data,) = Page(client.get(article.get_absolute_url())).json_ld

    assert data["backstory"] == "The author sits on the board."
    assert [(c["@type"], c["text"]) for c in data["correction"]] == [
        ("CorrectionComment", "The bridge opened in 1894.")
    ]


def test_json_ld_cannot_be_broken_out_of(client):
    article = make_published("</script><script>alert(1)</script> & more", authors=[make_author()])

    html = client.get(article.get_absolute_url()).content.decode()
    (data,) = Page(client.get(article.get_absolute_url())).json_ld

    assert data["headline"] == "</script><script>alert(1)</script> & more"
    assert "<script>alert(1)" not in html


def test_previews_carry_no_json_ld(client, article):
    article.status = "draft"
    article.save()
    client.force_login(make_editor())

    response = client.get(f"/preview/{article.pk}/")

    assert Page(response).json_ld == []


def test_share_links_need_no_script_and_carry_the_address_and_title(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    share = html[
        html.index('<nav class="share"') : html.index("</nav>", html.index('class="share"'))
    ]
    links = {text: href for href, text in links_in(SimpleNamespace(content=share.encode()))}
    url = ORIGIN + article.get_absolute_url()

    assert set(links) == {"Bluesky", "X", "LinkedIn", "Facebook", "Email"}
    assert "<script" not in share
    assert url in parse_qs(urlsplit(links["LinkedIn"]).query)["url"]
    assert url in parse_qs(urlsplit(links["Facebook"]).query)["u"]
    assert parse_qs(urlsplit(links["X"]).query) == {"text": [article.title], "url": [url]}
    assert parse_qs(urlsplit(links["Bluesky"]).query)["text"] == [f"{article.title} {url}"]
    email = parse_qs(urlsplit(links["Email"].replace("mailto:", "mailto://x")).query)
    assert email["subject"] == [article.title] and url in email["body"][0]


def test_the_print_style_sheet_keeps_the_article_and_drops_the_rest():
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    print_rules = css[css.index("@media print") :]

    for hidden in (".site-nav", ".topic-nav", ".share", ".related-posts", ".site-footer"):
        assert hidden in print_rules.split("display: none")[0]
    assert 'content: " (" attr(href) ")"' in print_rules


def test_nothing_on_the_public_pages_comes_from_another_site(client, article):
    for path, _ in PAGES.values():
        html = client.get(path).content.decode()
        head = html[: html.index("</head>")]
        assert "<script src" not in html
        assert 'rel="stylesheet" href="/' in head
        assert "fonts.googleapis" not in html and "cdn" not in head.lower()


def test_dates_are_timezone_aware_iso_8601(client, article):
    (data,) = Page(client.get(article.get_absolute_url())).json_ld

    published = timezone.datetime.fromisoformat(data["datePublished"])
    assert published.tzinfo is not None
