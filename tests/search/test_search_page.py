"""Readers' search: ranked, highlighted, safe with any query, published articles only."""

import re
from datetime import timedelta

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.urls import reverse

from articles import search, workflow
from articles.models import Article, Topic
from tests.factories import (
    ARTICLE_STATES,
    make_article_in,
    make_author,
    make_editor,
    make_published,
)

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search needs PostgreSQL"
)
URL = reverse("search:results")


def titles(response):
    return [article.title for article in response.context["articles"]]


def get(client, q, **params):
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return response


def test_the_search_form_is_labelled_and_a_search_landmark(client):
    html = get(client, "").content.decode()
    assert 'role="search"' in html
    assert re.search(r'<label for="search-q">', html)
    assert 'id="search-q"' in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 10_000,
        "word " * 2_000,
        '"unclosed quote',
        '""',
        "!!! ??? ... ---",
        "&<>|:*()!",
        "Москва 東京 القاهرة",
        "-",
        "or or or",
    ],
)
def test_any_query_gives_a_page_never_an_error(client, query):
    make_published("Something to find", authors=[make_author()])
    response = get(client, query)
    assert b"Search" in response.content


@pytest.mark.parametrize("query", ["before\x00after", "\x00"])
def test_a_nul_byte_in_the_query_is_a_styled_not_found_page(client, query):
    """The request guard answers before the search runs; the search drops them too."""
    response = client.get(URL, {"q": query})
    assert response.status_code == 404
    assert b"Search" in response.content
    assert "\x00" not in search.clean_query(query)[0]


def test_a_long_query_is_cut_and_the_reader_is_told(client):
    response = get(client, "word " * 2_000)
    assert len(response.context["query"]) <= search.MAX_QUERY_LENGTH
    assert "only its first 200 characters were used" in response.content.decode()


def test_punctuation_alone_asks_for_words(client):
    response = get(client, "!!! ???")
    assert "There are no words to search for" in response.content.decode()


def test_no_results_page_suggests_what_to_try(client):
    html = get(client, "zzyzx").content.decode()
    assert "Nothing matched" in html
    assert "Check the spelling" in html


@postgres_only
def test_a_title_match_ranks_above_a_body_match(client):
    make_published(
        "Notes from a quiet week",
        body="<p>The allotment is where the argument about food really starts.</p>",
        ago=timedelta(hours=1),
    )
    make_published(
        "Why the allotment matters", body="<p>Soil and patience.</p>", ago=timedelta(days=3)
    )
    make_published("Standing still", standfirst="The allotment as a school.", ago=timedelta(days=2))
    assert titles(get(client, "allotment")) == [
        "Why the allotment matters",
        "Standing still",
        "Notes from a quiet week",
    ]


@postgres_only
def test_words_are_stemmed_and_quoted_phrases_are_exact(client):
    make_published("Cyclists and buses", body="<p>A city that cycles.</p>")
    make_published("Buses and cyclists", body="<p>Another view of cycling.</p>")
    assert len(titles(get(client, "cycle"))) == 2
    assert titles(get(client, '"cyclists and buses"')) == ["Cyclists and buses"]
    assert titles(get(client, "cyclists -another")) == ["Cyclists and buses"]


@postgres_only
def test_matches_are_highlighted_and_article_text_is_escaped(client):
    make_published(
        "Trains <b>now</b> & then",
        body="<p>The &lt;script&gt;alert(1)&lt;/script&gt; trains run &amp; run late.</p>",
    )
    html = get(client, "trains").content.decode()
    assert (
        "Trains</mark>" in html and "<mark>Trains</mark> &lt;b&gt;now&lt;/b&gt; &amp; then" in html
    )
    assert "alert(1)&lt;/script&gt; <mark>trains</mark> run &amp; run late" in html
    assert "<script>alert" not in html
    assert "<b>now" not in html


@postgres_only
def test_author_names_and_topics_are_searched(client):
    author = make_author("Wilhelmina Okonkwo")
    topic = Topic.objects.create(name="Beekeeping", slug="beekeeping")
    make_published("On honey", authors=[author])
    make_published("Hives in the city", topics=[topic])
    assert titles(get(client, "Okonkwo")) == ["On honey"]
    assert titles(get(client, "beekeeping")) == ["Hives in the city"]


@postgres_only
def test_results_are_paginated_and_keep_the_query(client, settings):
    settings.ARTICLES_PER_PAGE = 2
    for n in range(5):
        make_published(f"Lighthouse {n}", ago=timedelta(hours=n + 1))
    first = get(client, "lighthouse")
    assert first.context["paginator"].count == 5
    assert len(titles(first)) == 2
    assert 'href="?q=lighthouse&amp;page=2"' in first.content.decode()
    third = get(client, "lighthouse", page=3)
    assert titles(third) == ["Lighthouse 4"]
    assert client.get(URL, {"q": "lighthouse", "page": 9}).status_code == 404


@pytest.mark.parametrize("state", sorted(set(ARTICLE_STATES) - {"published", "due"}))
def test_nothing_unpublished_is_ever_found(client, state):
    make_article_in(state, title=f"Secret zeppelin {state}", authors=[make_author()])
    make_published("Public zeppelin", authors=[make_author()])
    assert titles(get(client, "zeppelin")) == ["Public zeppelin"]


def test_a_schedule_whose_time_has_come_is_found(client):
    make_article_in("due", title="Zeppelin at dawn", authors=[make_author()])
    assert titles(get(client, "zeppelin")) == ["Zeppelin at dawn"]


@postgres_only
def test_the_vector_follows_an_edit(client):
    article = make_published("Old headline", authors=[make_author()])
    article.title = "Fresh headline about marmalade"
    article.save()
    assert titles(get(client, "marmalade")) == ["Fresh headline about marmalade"]


@postgres_only
def test_the_vector_follows_an_author_rename_in_the_admin(admin_client):
    author = make_author("Plain Name")
    make_published("A piece", authors=[author])
    page = admin_client.get(reverse("admin:authors_author_change", args=[author.pk]))
    from tests.admin_forms import change_form_data

    response = admin_client.post(
        page.request["PATH_INFO"], change_form_data(page, name="Zanzibar Quill")
    )
    assert response.status_code == 302
    assert titles(get(admin_client, "Quill")) == ["A piece"]


@postgres_only
def test_the_vector_follows_a_topic_rename_in_the_admin(admin_client):
    topic = Topic.objects.create(name="Misc", slug="misc")
    make_published("Filed away", topics=[topic])
    url = reverse("admin:articles_topic_change", args=[topic.pk])
    response = admin_client.post(
        url,
        {
            "name": "Ornithology",
            "slug": "misc",
            "description": "",
            "featured_in_navigation": "",
            "navigation_order": "0",
        },
    )
    assert response.status_code == 302
    assert titles(get(admin_client, "ornithology")) == ["Filed away"]


@postgres_only
def test_the_vector_is_current_when_an_article_goes_live(client):
    article = make_article_in("submitted", title="Quokka diplomacy", authors=[make_author()])
    Article.objects.filter(pk=article.pk).update(search_vector=None)
    workflow.publish(article, by=make_editor())
    assert titles(get(client, "quokka")) == ["Quokka diplomacy"]


@postgres_only
def test_search_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for n in range(6):
        make_published(f"Orchard {n}", authors=[make_author(), make_author()])
    # The header's featured topics, the count, the page of results, their bylines.
    with django_assert_num_queries(4):
        get(client, "orchard")


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite fallback")
def test_without_postgresql_a_substring_search_serves(client):
    make_published("Gardening for beginners", ago=timedelta(days=2))
    make_published("Notes", standfirst="On gardens and gardening.", ago=timedelta(days=1))
    make_article_in("draft", title="Gardening secrets")
    assert titles(get(client, "gardening")) == ["Notes", "Gardening for beginners"]
    assert titles(get(client, "gardening beginners")) == ["Gardening for beginners"]


@postgres_only
def test_only_the_newest_matches_are_ranked_and_the_reader_is_told(client, settings):
    settings.SEARCH_MAX_RESULTS = 2
    make_published("Kelp forests", ago=timedelta(days=1))
    make_published("Kelp", body="<p>Kelp, kelp and more kelp.</p>", ago=timedelta(days=2))
    make_published("Kelp kelp kelp", ago=timedelta(days=3))
    response = get(client, "kelp")
    assert sorted(titles(response)) == ["Kelp", "Kelp forests"]
    assert "Only the 2 newest matching articles are ranked" in response.content.decode()


@postgres_only
def test_the_search_filter_can_use_the_gin_index():
    make_published("Indexed words")
    # The match condition search() uses, alone: only the GIN index can serve it.
    words = SearchQuery("indexed", search_type="websearch", config=search.search_config())
    matches = Article.objects.filter(search_vector=words)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = matches.explain()
    assert "article_search_idx" in plan


@postgres_only
def test_the_gin_index_has_no_pending_list():
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'article_search_idx'")
        assert cursor.fetchone()[0] == ["fastupdate=off"]


@postgres_only
def test_the_vector_follows_topics_and_bylines_saved_in_the_admin(admin_client):
    from tests.admin_forms import change_form_data

    article = make_published("Harbour notes", authors=[make_author("First Writer")])
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = admin_client.get(url)
    data = change_form_data(page, topics="Lighthouses")
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    data[f"{prefix}-0-author"] = make_author("Second Writer").pk
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert titles(get(admin_client, "lighthouses")) == ["Harbour notes"]
    assert titles(get(admin_client, '"second writer"')) == ["Harbour notes"]
