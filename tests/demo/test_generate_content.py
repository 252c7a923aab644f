"""`generate_content` fills a database with a realistic archive and can be rerun."""

import random
from collections import Counter
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection

from articles.models import Article, Byline, Status, TaggedArticle, Topic
from authors.models import Author
from demo import synthetic
from images.models import Image
from tests.factories import make_published

pytestmark = pytest.mark.django_db


def generate(resume=False, **sizes):
    sizes = {"articles": 200, "authors": 12, "topics": 30, "images": 2} | sizes
    out = StringIO()
    flags = ["--resume"] if resume else []
    call_command("generate_content", *[f"--{k}={v}" for k, v in sizes.items()], *flags, stdout=out)
    return out.getvalue()


def test_makes_published_articles_with_bodies_topics_and_bylines():
    output = generate()

    published = Article.objects.published().filter(slug__startswith="gen-")
    assert published.count() == 200
    assert (
        Article.objects.filter(status=Status.DRAFT).count()
        + Article.objects.filter(status=Status.SUBMITTED).count()
        == 2
    )
    assert Author.objects.count() == 12 and Topic.objects.count() == 30
    article = published.first()
    assert 600 <= len(article.body.split()) <= 1400
    per_article = Counter(TaggedArticle.objects.values_list("content_object", flat=True))
    assert set(per_article.values()) <= {2, 3, 4, 5, 6}
    assert Byline.objects.filter(position=0).count() == 202
    assert "200/202" not in output and "202/202" in output


def test_topic_popularity_is_skewed_with_one_topic_on_about_a_third():
    generate(articles=600)

    usage = Counter(TaggedArticle.objects.values_list("tag__slug", flat=True)).most_common()
    share = dict(usage)["gen-subject-0"] / 606
    assert 0.2 < share < 0.4
    assert usage[-1][1] < usage[0][1] / 10


def test_rerun_replaces_what_it_made_and_keeps_other_content():
    kept = make_published("A real piece")
    generate()
    generate()

    assert Article.objects.filter(slug__startswith="gen-").count() == 202
    assert Author.objects.filter(slug__startswith="gen-").count() == 12
    assert Article.objects.filter(pk=kept.pk).exists()


def test_rejects_sizes_it_cannot_fill():
    with pytest.raises(CommandError, match="one topic"):
        generate(topics=0)


def test_leaves_the_archive_searchable_and_the_header_filled():
    from articles.search import full_text_available

    output = generate(articles=50)

    generated = Article.objects.filter(slug__startswith="gen-")
    if full_text_available():
        assert not generated.filter(search_vector=None).exists()
        assert "search index" in output
    assert Topic.objects.in_navigation().count() == 6


def _archive():
    return {
        article.slug: (
            article.title,
            article.published_at,
            tuple(article.bylines.values_list("author__slug", flat=True)),
            frozenset(article.topics.values_list("slug", flat=True)),
        )
        for article in Article.objects.filter(slug__startswith="gen-")
    }


class Interrupted(Exception):
    pass


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(synthetic, "BATCH", 40)
    return synthetic


def test_a_resumed_run_makes_exactly_what_an_uninterrupted_run_makes(small_batches):
    sizes = {"articles": 200, "authors": 12, "topics": 30, "images": 1}
    with time_machine.travel("2026-11-02 09:00Z", tick=False):
        generate(**sizes)
        uninterrupted = _archive()

        def stop_after_two_batches(done, total, what):
            if what == "articles" and done == 80:
                raise Interrupted

        small_batches.clear()
        with pytest.raises(Interrupted):
            small_batches.generate(**sizes, progress=stop_after_two_batches)
        assert Article.objects.filter(slug__startswith="gen-").count() == 80

        output = generate(**sizes, resume=True)

    assert _archive() == uninterrupted
    assert "202/202" in output


def test_resume_refuses_a_run_of_other_sizes():
    generate(articles=20, authors=3)

    with pytest.raises(CommandError, match="same sizes"):
        generate(articles=20, authors=4, resume=True)


def test_rerun_deletes_the_pictures_it_made():
    generate(articles=10, images=2)
    generate(articles=10, images=2)

    assert Image.objects.count() == 2


def test_leaves_the_planner_statistics_up_to_date():
    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    generate(articles=300)

    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'articles_article'")
        (estimated,) = cursor.fetchone()
    assert estimated >= 300


def test_search_vectors_built_from_paragraphs_match_parsing_each_body():
    """The generator joins its paragraphs' vectors instead of parsing whole bodies (six
    times cheaper); searches must find what parsing each body would find."""
    from articles.search import full_text_available, refresh_search_vectors

    if not full_text_available():
        pytest.skip("search vectors are PostgreSQL's")
    generate(articles=60)
    generated = Article.objects.filter(slug__startswith="gen-")
    odd = generated.order_by("pk").first()
    Article.objects.filter(pk=odd.pk).update(body="Not <b>paragraphs</b> at all")
    generated.update(search_vector=None)
    synthetic.fill_search_vectors(paragraphs=synthetic.paragraph_pool(random.Random(1)))

    def vectors():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, strip(search_vector)::text, length(search_vector) "
                "FROM articles_article WHERE slug LIKE 'gen-%%' ORDER BY id"
            )
            return cursor.fetchall()

    joined = vectors()
    refresh_search_vectors(generated.values("pk"))
    assert joined == vectors()
    assert "'paragraph'" in joined[0][1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('pg_temp.generated_paragraphs')")
        assert cursor.fetchone() == (None,)


def _search_index_options():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = %s", [synthetic.SEARCH_INDEX]
        )
        row = cursor.fetchone()
    return row and row[0]


def test_a_big_pass_builds_the_search_index_again_with_its_pending_list_off(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's")
    monkeypatch.setattr(synthetic, "REBUILD_SEARCH_INDEX_ABOVE", 10)
    generate(articles=50)

    assert _search_index_options() == ["fastupdate=off"]
    found = Article.objects.published().filter(search_vector="housing").count()
    assert found > 0


def test_a_search_index_an_interrupted_run_dropped_is_built_by_the_resumed_run():
    if connection.vendor != "postgresql":
        pytest.skip("the GIN index is PostgreSQL's")
    generate(articles=20)
    Article.objects.filter(slug__startswith="gen-").update(search_vector=None)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {synthetic.SEARCH_INDEX}")

    generate(articles=20, resume=True)

    assert _search_index_options() == ["fastupdate=off"]
    assert not Article.objects.filter(slug__startswith="gen-", search_vector=None).exists()
