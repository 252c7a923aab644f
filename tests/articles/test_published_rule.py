from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article, make_published

pytestmark = pytest.mark.django_db


def test_published_includes_only_live_articles_whose_time_has_come():
    live = make_published()
    due_schedule = make_article(
        status=Status.SCHEDULED, published_at=timezone.now() - timedelta(minutes=1)
    )
    make_article(status=Status.DRAFT)
    make_article(status=Status.SCHEDULED, published_at=timezone.now() + timedelta(hours=1))
    make_article(status=Status.PUBLISHED, published_at=timezone.now() + timedelta(hours=1))
    for status in (Status.SUBMITTED, Status.CHANGES_REQUESTED, Status.UNPUBLISHED, Status.TRASHED):
        make_article(status=status, published_at=timezone.now() - timedelta(days=2))

    assert set(Article.objects.published()) == {live, due_schedule}
    assert [a.is_published for a in Article.objects.order_by("pk")] == [
        a in {live, due_schedule} for a in Article.objects.order_by("pk")
    ]
