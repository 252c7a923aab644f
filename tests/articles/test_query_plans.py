"""The public pages' queries use indexes, never a sequential scan of the big tables.

PostgreSQL only: a few thousand articles are made in one SQL statement per table, the
tables analyzed, and every query a page runs is EXPLAINed. A plan that reads the whole
articles, topic-link or byline table would make the page slower as the archive grows.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import counts
from articles.keyset import encode
from articles.models import Article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL query plans"),
]

ARTICLES, AUTHORS, TOPICS = 6000, 60, 200
BASE = 1_000_000  # ids well clear of anything the factories make
BIG_TABLES = ("articles_article", "articles_taggedarticle", "articles_byline")


@pytest.fixture
def archive():
    """6,000 articles (2% drafts), one topic on 30% of them, 2–3 topics and a byline each."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO authors_author (id, name, slug, bio, avatar, created_at)
            SELECT %(base)s + g, 'Plan writer ' || g, 'plan-writer-' || g, '', '', now()
            FROM generate_series(1, %(authors)s) g;
            INSERT INTO articles_topic (id, name, slug, description,
                featured_in_navigation, navigation_order, live_count)
            SELECT %(base)s + g, 'Plan topic ' || g, 'plan-topic-' || g, '', false, 0, 0
            FROM generate_series(1, %(topics)s) g;
            INSERT INTO articles_article (id, title, slug, standfirst, body,
                featured_image_caption, status, published_at, created_at, updated_at,
                version, disclosure)
            SELECT %(base)s + g, 'Plan piece ' || g, 'plan-piece-' || g, '',
                repeat('<p>A paragraph of argument.</p>', 40), '',
                CASE WHEN g %% 50 = 0 THEN 'draft' ELSE 'published' END,
                now() - g * interval '1 hour', now(), now(), 1, ''
            FROM generate_series(1, %(articles)s) g;
            INSERT INTO articles_byline (article_id, author_id, position)
            SELECT %(base)s + g, %(base)s + 1 + g %% %(authors)s, 0
            FROM generate_series(1, %(articles)s) g;
            INSERT INTO articles_taggedarticle (content_object_id, tag_id)
            SELECT DISTINCT %(base)s + g, %(base)s + topic
            FROM generate_series(1, %(articles)s) g,
                LATERAL (VALUES (CASE WHEN g %% 10 < 3 THEN 1 END),
                                (3 + g %% 97), (3 + (g * 7) %% 197)) AS t(topic)
            WHERE topic IS NOT NULL;
            ANALYZE authors_author, articles_topic, articles_article, articles_byline,
                articles_taggedarticle;
            """,
            {"base": BASE, "authors": AUTHORS, "topics": TOPICS, "articles": ARTICLES},
        )
    counts.recount_all()  # as every bulk writer does


def urls():
    def article(number):
        return f"/plan-piece-{number}/"

    def before(number):
        return encode(Article.objects.get(pk=BASE + number))

    return {
        "home": "/",
        "home, deep page": f"/?before={before(4000)}",
        "article": article(15),  # topics 18 and 108: no broad topic
        "article on the topic on 30%": article(11),  # topics 1, 14, 80
        "author": f"/authors/plan-writer-{AUTHORS // 2}/",
        "topic on 30%": "/topics/plan-topic-1/",
        "topic, small": "/topics/plan-topic-40/",
        "topic, deep page": f"/topics/plan-topic-1/?before={before(5001)}",
        "columnists index": "/authors/",
        "topics index": "/topics/",
        "sitemap index": "/sitemap.xml",
        "sitemap, articles": "/sitemap-articles.xml?p=3",
    }


@pytest.mark.parametrize(
    "page",
    [
        "home",
        "home, deep page",
        "article",
        "article on the topic on 30%",
        "author",
        "columnists index",
        "topics index",
        "topic on 30%",
        "topic, small",
        "topic, deep page",
        "sitemap index",
        "sitemap, articles",
    ],
)
def test_page_queries_never_scan_a_whole_big_table(client, archive, page):
    url = urls()[page]
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200

    for query in captured.captured_queries:
        sql = query["sql"]
        if not sql.lstrip("( ").upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN {sql}")
            text = "\n".join(row[0] for row in cursor.fetchall())
        scanned = [table for table in BIG_TABLES if f"Seq Scan on {table}" in text]
        assert not scanned, f"{page}: sequential scan of {scanned}\n{sql}\n{text}"


def test_related_posts_read_a_bounded_number_of_rows_for_a_topic_on_30_percent(archive):
    from articles.related import PER_TOPIC

    article = Article.objects.prefetch_related("topics").with_bylines().get(pk=BASE + 11)
    with CaptureQueriesContext(connection) as captured:
        Article.objects.related_to(article)
    union = captured.captured_queries[0]["sql"]

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {union}")
        (document,) = cursor.fetchone()[0]

    def rows_read(node):
        own = node.get("Actual Rows", 0) * node.get("Actual Loops", 1)
        if node.get("Node Type") not in ("Index Scan", "Index Only Scan"):
            own = 0
        return own + sum(rows_read(child) for child in node.get("Plans", []))

    # Three topics and an author, each capped, plus the latest five: far below the
    # 1,800 articles on the broad topic or the 6,000 in all.
    assert rows_read(document["Plan"]) < 8 * PER_TOPIC


def test_search_for_a_rare_word_reads_the_gin_index(client, archive):
    from articles.search import refresh_search_vectors

    Article.objects.filter(pk=BASE + 42).update(title="The zeppelin question")
    refresh_search_vectors(Article.objects.filter(pk__gt=BASE).values("pk"))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/?q=zeppelin")
    assert response.status_code == 200
    assert "zeppelin" in response.content.decode().lower()

    plans = []
    for query in captured.captured_queries:
        if "search_vector" in query["sql"] and query["sql"].lstrip("( ").startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN {query['sql']}")
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert plans and all("article_search_idx" in plan for plan in plans), plans
    assert not any("Seq Scan on articles_article" in plan for plan in plans), plans
