"""The article page a reader sees: every part of it, in order, and nothing that is missing."""

from datetime import UTC, datetime, timedelta

import pytest

from articles.models import Status, Topic
from tests.factories import (
    links_in,
    make_article,
    make_author,
    make_image,
    make_published,
    uploaded_png,
)

pytestmark = pytest.mark.django_db

PUBLISHED_AT = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


def assert_in_order(html, *fragments):
    """Each fragment appears in ``html`` after the one before it."""
    position = 0
    for fragment in fragments:
        found = html.find(fragment, position)
        assert found != -1, (
            f"{fragment!r} is missing, or out of order, after {html[:position][-80:]!r}"
        )
        position = found + len(fragment)


def body_of(response):
    """The page from the headline on, leaving out the <head> and its meta tags."""
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<h1") :]


def publish(title, **kwargs):
    kwargs.setdefault("published_at", PUBLISHED_AT)
    return make_article(title, status=Status.PUBLISHED, **kwargs)


@pytest.fixture
def topic():
    return Topic.objects.create(name="Urban Planning", slug="urban-planning")


@pytest.fixture
def full_article(topic):
    """An article with every optional part: standfirst, image, caption, topics, related."""
    author = make_author(
        "Mara Quill",
        slug="mara-quill",
        bio="Mara writes about cities.\n\nShe lives by a river.",
        avatar=uploaded_png("mara.png", width=200, height=200),
    )
    article = publish(
        "Streets for people",
        standfirst="Cars have had the city for a century.",
        body="<p>Give the streets back.</p>",
        featured_image=make_image(alt_text="A car-free street at noon", credit="Photo: Ana Silva"),
        featured_image_caption="Pontevedra banned cars in 1999.",
        authors=[author],
        topics=[topic],
        revised_at=PUBLISHED_AT + timedelta(days=2),
    )
    publish("Another street piece", topics=[topic], published_at=PUBLISHED_AT - timedelta(days=1))
    return article


def test_every_part_of_the_page_is_present_and_in_order(client, full_article):
    author = full_article.byline_authors[0]

    html = body_of(client.get(full_article.get_absolute_url()))

    assert_in_order(
        html,
        "<h1>Streets for people</h1>",
        '<p class="standfirst">Cars have had the city for a century.</p>',
        "By ",
        "Mara Quill",
        '<time datetime="',
        "5 March 2024",
        "Updated",
        '<time datetime="',
        "7 March 2024",
        "<figure",
        'alt="A car-free street at noon"',
        "<figcaption>",
        "Pontevedra banned cars in 1999.",
        '<span class="credit">Photo: Ana Silva</span>',
        "</figcaption>",
        '<div class="article-body"><p>Give the streets back.</p></div>',
        "The views expressed in this article are the author’s own.",
        "About the Author",
        "<p>Mara writes about cities.</p>",
        "<p>She lives by a river.</p>",
        "All articles by Mara Quill",
        "Related Topics",
        "Urban Planning",
        "Related Posts",
        "Another street piece",
    )
    assert author.avatar.url in html[: html.index("<figure")]
    assert "About the Authors" not in html
    assert "The views expressed in this article are the authors’ own." not in html


def test_byline_about_topics_and_related_posts_are_links(client, full_article, topic):
    author = full_article.byline_authors[0]
    related = topic.article_links.exclude(content_object=full_article).get().content_object

    links = links_in(client.get(full_article.get_absolute_url()))

    assert (author.get_absolute_url(), "Mara Quill") in links
    assert (author.get_absolute_url(), "All articles by Mara Quill") in links
    assert (topic.get_absolute_url(), "Urban Planning") in links
    assert (related.get_absolute_url(), "Another street piece") in links


def test_every_author_topic_and_related_link_leads_to_a_live_page(client, full_article):
    links = links_in(client.get(full_article.get_absolute_url()))
    internal = {href for href, _ in links if href.startswith("/") and href != "/"}

    assert len(internal) >= 3
    for href in internal:
        assert client.get(href).status_code == 200, href


@pytest.fixture
def two_author_article():
    # Byline order is deliberately not alphabetical: the page must follow the byline.
    first = make_author("Zofia Nowak", slug="zofia-nowak", bio="Zofia covers Warsaw.")
    second = make_author("Aisha Bello", slug="aisha-bello", bio="Aisha covers Lagos.")
    return publish("Two cities, one argument", authors=[first, second])


def test_two_authors_are_both_linked_in_byline_order(client, two_author_article):
    first, second = two_author_article.byline_authors

    response = client.get(two_author_article.get_absolute_url())
    name_links = [link for link in links_in(response) if link[1] in {first.name, second.name}]

    assert name_links == [
        (first.get_absolute_url(), "Zofia Nowak"),
        (second.get_absolute_url(), "Aisha Bello"),
    ]
    assert_in_order(body_of(response), "By ", "Zofia Nowak", " and ", "Aisha Bello", "<time")


def test_two_authors_get_both_about_sections_and_the_plural_disclaimer(client, two_author_article):
    first, second = two_author_article.byline_authors

    response = client.get(two_author_article.get_absolute_url())
    html = body_of(response)

    assert_in_order(
        html,
        "The views expressed in this article are the authors’ own.",
        "About the Authors",
        "Zofia covers Warsaw.",
        "All articles by Zofia Nowak",
        "Aisha covers Lagos.",
        "All articles by Aisha Bello",
    )
    assert "The views expressed in this article are the author’s own." not in html
    links = links_in(response)
    assert (first.get_absolute_url(), "All articles by Zofia Nowak") in links
    assert (second.get_absolute_url(), "All articles by Aisha Bello") in links


def test_optional_parts_are_absent_cleanly_when_missing(client):
    article = publish("Plain piece", authors=[make_author()])

    html = body_of(client.get(article.get_absolute_url()))

    assert_in_order(html, "<h1>Plain piece</h1>", "By ", '<div class="article-body">')
    for absent in (
        'class="standfirst"',
        "<figure",
        "<figcaption",
        "Related Topics",
        "Related Posts",
        "Updated",
    ):
        assert absent not in html


def test_image_without_a_caption_still_shows_its_alt_text_and_credit(client):
    article = publish(
        "Pictured piece",
        authors=[make_author()],
        featured_image=make_image(alt_text="Rain on a window", credit="Photo: K. Obi"),
    )

    html = body_of(client.get(article.get_absolute_url()))

    assert_in_order(
        html,
        "<figure",
        'alt="Rain on a window"',
        '<figcaption><span class="credit">Photo: K. Obi</span></figcaption>',
    )


@pytest.mark.parametrize(
    ("revised", "shows_updated"),
    [
        (None, False),
        (-timedelta(hours=1), False),
        (timedelta(0), False),
        (timedelta(days=1), True),
    ],
    ids=["never revised", "revised before publication", "revised at publication", "revised after"],
)
def test_updated_appears_only_when_revised_after_publication(client, revised, shows_updated):
    article = publish(
        "Revised piece",
        authors=[make_author()],
        revised_at=None if revised is None else PUBLISHED_AT + revised,
    )

    html = body_of(client.get(article.get_absolute_url()))

    assert article.was_revised is shows_updated
    assert ("Updated" in html) is shows_updated


TYPOGRAPHY = {
    "title": "“Quotes” — dashes, O’Connor",
    "standfirst": "Ελληνικά: «Δημοκρατία» – σήμερα…",
    "body": "Zażółć gęślą jaźń — “it’s” ½",
    "caption": "Ελληνικά — a caption’s “quotes”",
    "credit": "Photo: Łukasz Żółć / „Agencja”",
    "alt text": "O’Connor’s harbour — Ελληνικά",
    "author name": "Siobhán O’Connor-Żółć",
    "bio": "Ζωή writes — “often” — about Kraków’s café life.",
}


@pytest.fixture
def typographic_page(client):
    author = make_author(TYPOGRAPHY["author name"], slug="siobhan", bio=TYPOGRAPHY["bio"])
    article = make_published(
        TYPOGRAPHY["title"],
        standfirst=TYPOGRAPHY["standfirst"],
        body=f"<p>{TYPOGRAPHY['body']}</p>",
        featured_image=make_image(alt_text=TYPOGRAPHY["alt text"], credit=TYPOGRAPHY["credit"]),
        featured_image_caption=TYPOGRAPHY["caption"],
        authors=[author],
    )
    return body_of(client.get(article.get_absolute_url()))


@pytest.mark.parametrize("field", TYPOGRAPHY)
def test_typographic_punctuation_and_non_latin_text_appear_unchanged(typographic_page, field):
    assert TYPOGRAPHY[field] in typographic_page


@pytest.mark.parametrize(
    "field", ["title", "standfirst", "caption", "credit", "alt_text", "author name", "bio"]
)
def test_markup_typed_into_plain_text_fields_is_shown_as_text(client, field):
    attack = '"><script>alert(1)</script>'
    values = {name: f"Safe {name}" for name in ("title", "standfirst", "caption", "credit")}
    values.update({"alt_text": "Safe alt", "author name": "Safe name", "bio": "Safe bio"})
    values[field] = attack
    author = make_author(values["author name"], bio=values["bio"])
    article = make_published(
        values["title"],
        standfirst=values["standfirst"],
        featured_image=make_image(alt_text=values["alt_text"], credit=values["credit"]),
        featured_image_caption=values["caption"],
        authors=[author],
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert "<script>" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_description_taken_from_the_body_is_escaped_only_once(client):
    article = make_published(
        body="<p>Q&amp;A: rock &amp; roll, 5 &lt; 6.</p>", authors=[make_author()]
    )

    html = client.get(article.get_absolute_url()).content.decode()

    assert '<meta name="description" content="Q&amp;A: rock &amp; roll, 5 &lt; 6.">' in html
    assert '<meta property="og:description" content="Q&amp;A: rock &amp; roll, 5 &lt; 6.">' in html
