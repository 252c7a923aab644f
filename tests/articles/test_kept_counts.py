"""The counts /topics/ and /authors/ rank by are kept by every writer, exactly, even in a race."""

import threading
from datetime import timedelta

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from articles import counts, revisions, workflow
from articles.models import Article, Status, Topic
from authors.models import Author
from tests.factories import make_article, make_author, make_editor, make_published

pytestmark = pytest.mark.django_db


def exact_topics():
    return dict(Topic.objects.by_use().values_list("pk", "article_count"))


def exact_authors():
    return dict(Author.objects.by_latest_publication().values_list("pk", "latest_published_at"))


def assert_kept():
    assert dict(counts.topics_by_use()) == exact_topics()
    assert dict(counts.authors_by_latest_publication()) == exact_authors()


def test_publishing_and_unpublishing_move_the_counts():
    editor = make_editor()
    author = make_author()
    article = make_article(status=Status.SUBMITTED, authors=[author], topics=["Water", "Ports"])
    make_published(authors=[author], topics=["Water"], ago=timedelta(days=3))

    workflow.publish(article, by=editor)
    assert dict(counts.topics_by_use())[Topic.objects.get(name="Water").pk] == 2
    assert_kept()

    workflow.unpublish(article, by=editor, reason="Withdrawn by the author.")
    assert Topic.objects.get(name="Ports").live_count == 0
    assert_kept()


def test_a_piece_scheduled_for_later_counts_only_once_its_time_comes():
    editor = make_editor()
    author = make_author()
    make_published(authors=[author], topics=["Water"], ago=timedelta(days=3))
    later = make_article(status=Status.SUBMITTED, authors=[author], topics=["Water", "Ports"])
    workflow.schedule(later, by=editor, publish_at=timezone.now() + timedelta(hours=2))

    ranking = dict(counts.topics_by_use())
    assert ranking[Topic.objects.get(name="Water").pk] == 1
    assert Topic.objects.get(name="Ports").pk not in ranking
    assert_kept()

    Article.objects.filter(pk=later.pk).update(published_at=timezone.now() - timedelta(minutes=1))
    assert dict(counts.topics_by_use())[Topic.objects.get(name="Ports").pk] == 1
    assert dict(counts.authors_by_latest_publication())[author.pk] > timezone.now() - timedelta(
        minutes=2
    )
    assert_kept()


def test_restoring_a_revision_of_a_live_article_moves_its_topics_counts():
    editor = make_editor()
    article = make_published(authors=[make_author()], topics=["Water"])
    first = revisions.record(article, by=editor)
    with counts.kept_for(article):
        article.topics.set(["Ports"])
    assert_kept()

    revisions.restore(first, by=editor)

    assert_kept()
    assert Topic.objects.get(name="Water").live_count == 1


def test_recount_all_repairs_counts_changed_behind_the_writers_back(db):
    article = make_published(authors=[make_author()], topics=["Water"])
    Article.objects.filter(pk=article.pk).update(status=Status.UNPUBLISHED)

    counts.recount_all()

    assert_kept()
    assert Topic.objects.get(name="Water").live_count == 0


@pytest.mark.django_db(transaction=True)
def test_two_editors_publishing_on_one_topic_at_once_both_count(newsroom_groups):
    if connection.vendor != "postgresql":
        pytest.skip("a race needs PostgreSQL's row locks")
    editors = [make_editor(), make_editor()]
    pieces = [
        make_article(status=Status.SUBMITTED, authors=[make_author()], topics=["Water"])
        for _ in range(2)
    ]
    start = threading.Barrier(2)

    def publish(article, editor):
        try:
            start.wait()
            workflow.publish(article, by=editor)
        finally:
            close_old_connections()

    threads = [
        threading.Thread(target=publish, args=pair) for pair in zip(pieces, editors, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Topic.objects.get(name="Water").live_count == 2
    assert_kept()
