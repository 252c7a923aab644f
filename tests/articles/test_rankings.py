"""/topics/ and /authors/ read their rankings a page at a time: every page is exactly the
slice of the whole ranking, articles scheduled for later taken off."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import counts
from articles.models import Topic
from authors.models import Author
from tests.factories import make_author, make_published, make_scheduled

pytestmark = pytest.mark.django_db


def exact_topics():
    return list(Topic.objects.by_use().values_list("pk", "article_count"))


def exact_columnists():
    return list(Author.objects.by_latest_publication().values_list("pk", "latest_published_at"))


def paged(ranking, size, attribute):
    pages = [ranking[start : start + size] for start in range(0, len(ranking), size)]
    return [(entry.pk, getattr(entry, attribute)) for page in pages for entry in page]


@pytest.fixture
def topics_with_pieces_due_later():
    """Counts 5, 4, 3, 3, 2, 1 as kept; the top topic's three due later, a topic only later."""
    for name, published in [("Alpha", 2), ("Bravo", 4), ("Charlie", 3), ("Delta", 3)]:
        for _ in range(published):
            make_published(topics=[name])
    for name in ("Echo", "Echo", "Foxtrot"):
        make_published(topics=[name])
    for _ in range(3):
        make_scheduled(topics=["Alpha"])
    make_scheduled(topics=["Golf"])
    assert Topic.objects.get(name="Alpha").live_count == 5


@pytest.mark.parametrize("size", [1, 2, 3, 4, 60])
def test_every_page_of_topics_is_the_slice_of_the_true_ranking(topics_with_pieces_due_later, size):
    ranking = counts.topics_by_use()

    assert paged(ranking, size, "article_count") == exact_topics()
    assert len(ranking) == len(exact_topics()) == 6


def test_a_topic_whose_pieces_are_all_due_later_is_not_ranked(topics_with_pieces_due_later):
    golf = Topic.objects.get(name="Golf")
    assert golf.live_count == 1
    assert golf.pk not in dict(counts.topics_by_use())


@pytest.mark.parametrize("size", [1, 2, 3, 24])
def test_every_page_of_columnists_is_the_slice_of_the_true_ranking(size):
    writers = [make_author(f"Writer {letter}") for letter in "ABCDE"]
    for days, writer in enumerate(writers, start=1):
        make_published(authors=[writer], ago=timedelta(days=days))
    # B's newest live piece is due tomorrow: ranked by what readers can see now.
    make_scheduled(authors=[writers[1]], ahead=timedelta(days=1))
    # A newcomer with only a piece due later is not ranked yet.
    newcomer = make_author("Newcomer")
    make_scheduled(authors=[newcomer])
    ranking = counts.authors_by_latest_publication()

    assert paged(ranking, size, "latest_published_at") == exact_columnists()
    assert len(ranking) == 5
    assert newcomer.pk not in dict(ranking)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL query plans")
@pytest.mark.parametrize(
    ("ranking", "due_later", "index"),
    [
        (counts.topics_by_use, False, "topic_ranking_idx"),
        (counts.topics_by_use, True, "topic_ranking_idx"),
        (counts.authors_by_latest_publication, True, "author_ranking_idx"),
    ],
)
def test_a_page_is_read_from_the_ranking_index_not_sorted_whole(ranking, due_later, index):
    writer = make_author()
    for number in range(5):
        make_published(authors=[writer], topics=[f"Topic {number}"])
    if due_later:
        make_scheduled(authors=[make_author()], topics=["Topic 1"])
    with CaptureQueriesContext(connection) as captured:
        list(ranking()[0:3])
    # The query that walks the kept values to the page (the rest read a handful of rows).
    queries = [query["sql"] for query in captured.captured_queries]
    (walk,) = [sql for sql in queries if " LIMIT " in sql and "CASE" not in sql]

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {walk}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert index in plan, plan
    assert "Sort" not in plan, plan
