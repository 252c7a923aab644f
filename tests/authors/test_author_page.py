"""An author's public page: who they are, where else to find them, and what they have published."""

import pytest

from authors.models import AuthorLink
from tests.factories import links_in, make_author, make_published, make_user, uploaded_png

pytestmark = pytest.mark.django_db


def page(client, author):
    response = client.get(author.get_absolute_url())
    assert response.status_code == 200
    return response


def test_shows_name_bio_paragraphs_and_avatar(client):
    author = make_author(
        "Dara Flynn",
        bio="Dara reports on farming.\n\nBefore that, a decade at sea.",
        avatar=uploaded_png("dara.png", width=300, height=200),
    )
    make_published(authors=[author])

    html = page(client, author).content.decode()

    assert "<h1>Dara Flynn</h1>" in html
    assert "<p>Dara reports on farming.</p>" in html
    assert "<p>Before that, a decade at sea.</p>" in html
    assert f'src="{author.avatar.url}"' in html


def test_author_without_bio_or_avatar_has_a_plain_page(client):
    author = make_author("Ola Berg", bio="")
    make_published(authors=[author])

    html = page(client, author).content.decode()

    assert "<h1>Ola Berg</h1>" in html
    assert "<p></p>" not in html
    assert "<img" not in html


def test_links_appear_in_their_set_order(client):
    author = make_author()
    make_published(authors=[author])
    AuthorLink.objects.create(
        author=author, label="Mastodon", url="https://m.example/@a", position=2
    )
    AuthorLink.objects.create(author=author, label="Website", url="https://a.example/", position=1)

    links = links_in(page(client, author))

    assert [link for link in links if link[1] in {"Website", "Mastodon"}] == [
        ("https://a.example/", "Website"),
        ("https://m.example/@a", "Mastodon"),
    ]


def test_lists_only_the_authors_own_articles_including_co_written_ones(client):
    author, partner, stranger = make_author(), make_author(), make_author()
    solo = make_published("Solo piece", authors=[author])
    joint = make_published("Joint piece", authors=[partner, author])
    make_published("Stranger piece", authors=[stranger])

    html = page(client, author).content.decode()

    assert "Solo piece" in html
    assert "Joint piece" in html
    assert "Stranger piece" not in html
    assert joint.get_absolute_url() in html and solo.get_absolute_url() in html


def test_guest_contributor_without_a_login_has_a_page(client):
    guest = make_author("Guest Writer", user=None)
    make_published("A guest column", authors=[guest])

    assert "A guest column" in page(client, guest).content.decode()


def test_author_with_a_login_has_a_page_like_anyone_else(client):
    author = make_author("Staff Columnist", user=make_user())
    make_published("A staff column", authors=[author])

    assert "A staff column" in page(client, author).content.decode()


def test_typographic_and_non_latin_name_and_bio_appear_unchanged(client):
    name, bio = "Siobhán O’Connor-Żółć", "Ζωή writes — “often” — about Kraków’s café life."
    author = make_author(name, bio=bio, slug="siobhan")
    make_published(authors=[author])

    html = page(client, author).content.decode()

    assert f"<h1>{name}</h1>" in html
    assert f"<p>{bio}</p>" in html
