"""/authors/: every columnist with published work, most recently published first."""

from datetime import timedelta

import pytest

from tests.factories import (
    links_in,
    make_article_in,
    make_author,
    make_published,
    make_scheduled,
    uploaded_png,
)

pytestmark = pytest.mark.django_db


def names(response):
    return [author.name for author in response.context["authors"]]


def test_columnists_are_ordered_by_their_latest_publication(client):
    old, recent, middle = make_author("Old"), make_author("Recent"), make_author("Middle")
    make_published(authors=[old], ago=timedelta(days=30))
    make_published(authors=[middle], ago=timedelta(days=40))
    make_published(authors=[middle], ago=timedelta(days=5))
    make_published(authors=[recent, old], ago=timedelta(days=2))
    make_published(authors=[recent], ago=timedelta(days=1))

    assert names(client.get("/authors/")) == ["Recent", "Old", "Middle"]


@pytest.mark.parametrize(
    "state", ["draft", "submitted", "changes_requested", "scheduled", "unpublished", "trashed"]
)
def test_an_author_with_nothing_published_is_absent(client, state):
    make_published(authors=[make_author("Published")])
    make_article_in(state, authors=[make_author("Hidden")])

    response = client.get("/authors/")

    assert names(response) == ["Published"]
    assert "Hidden" not in response.content.decode()


def test_the_latest_piece_is_the_newest_published_one(client):
    author = make_author("Ines Ward")
    make_published("Older piece", authors=[author], ago=timedelta(days=3))
    newest = make_published("Newest piece", authors=[author], ago=timedelta(days=1))
    make_scheduled("Not yet out", authors=[author])
    make_article_in("draft", title="Unfinished", authors=[author])

    response = client.get("/authors/")

    assert (newest.get_absolute_url(), "Newest piece") in links_in(response)
    html = response.content.decode()
    assert "Not yet out" not in html and "Unfinished" not in html


def test_each_columnist_shows_avatar_name_link_and_a_one_line_bio(client):
    author = make_author(
        "Ines Ward",
        bio="Ines writes about water and the people who manage it.\n\nShe lives in Porto.",
        avatar=uploaded_png("face.png", width=100, height=100),
    )
    make_published(authors=[author])

    response = client.get("/authors/")
    html = response.content.decode()

    assert (author.get_absolute_url(), "Ines Ward") in links_in(response)
    assert author.avatar.url in html
    assert "Ines writes about water and the people who manage it." in html
    assert "She lives in Porto." not in html


def test_a_long_list_of_columnists_is_paginated(client):
    for n in range(26):
        make_published(authors=[make_author(f"Writer {n:02}")], ago=timedelta(hours=n + 1))

    first = client.get("/authors/")
    second = client.get("/authors/?page=2")

    assert len(first.context["authors"]) == 24
    assert names(second) == ["Writer 24", "Writer 25"]
    assert 'rel="next" href="?page=2"' in first.content.decode()
