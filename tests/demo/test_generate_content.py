"""`generate_content` fills a database with a realistic archive and can be rerun."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Byline, Status, TaggedArticle, Topic
from authors.models import Author
from tests.factories import make_published

pytestmark = pytest.mark.django_db


def generate(**sizes):
    sizes = {"articles": 200, "authors": 12, "topics": 30, "images": 2} | sizes
    out = StringIO()
    call_command("generate_content", *[f"--{k}={v}" for k, v in sizes.items()], stdout=out)
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
