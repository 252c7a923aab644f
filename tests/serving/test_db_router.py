"""Read replicas: reads to a replica, writes, transactions and signed-in people to the primary."""

import pytest
from django.db import connection, connections, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from opinion_blog.db_router import PrimaryForPeopleMiddleware, ReplicaRouter, primary_reads
from tests.factories import make_author, make_published

router = ReplicaRouter()


@pytest.fixture
def one_replica(settings):
    settings.DATABASE_REPLICAS = ["replica"]
    settings.DATABASE_ROUTERS = ["opinion_blog.db_router.ReplicaRouter"]


@pytest.mark.usefixtures("one_replica")
def test_reads_go_to_a_replica_and_writes_to_the_primary():
    assert router.db_for_read(Article) == "replica"
    assert router.db_for_write(Article) == "default"
    assert router.allow_migrate("default", "articles")
    assert not router.allow_migrate("replica", "articles")


@pytest.mark.usefixtures("one_replica")
def test_reads_inside_primary_reads_go_to_the_primary():
    with primary_reads():
        assert router.db_for_read(Article) == "default"
    assert router.db_for_read(Article) == "replica"


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("one_replica")
def test_reads_inside_a_transaction_go_to_the_primary():
    with transaction.atomic():
        assert router.db_for_read(Article) == "default"


def test_without_replicas_everything_uses_the_primary(settings):
    settings.DATABASE_REPLICAS = []
    assert router.db_for_read(Article) == "default"


@pytest.mark.usefixtures("one_replica")
@pytest.mark.parametrize(
    ("method", "path", "cookies", "expected"),
    [
        ("get", "/", {}, "replica"),
        ("post", "/", {}, "default"),
        ("get", "/", {"sessionid": "abc"}, "default"),
        ("get", "/admin/articles/", {}, "default"),
    ],
)
def test_signed_in_people_writes_and_the_admin_read_from_the_primary(
    method, path, cookies, expected
):
    seen = []
    middleware = PrimaryForPeopleMiddleware(
        lambda request: seen.append(router.db_for_read(Article))
    )
    request = getattr(RequestFactory(), method)(path)
    request.COOKIES.update(cookies)

    middleware(request)

    assert seen == [expected]


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the replica alias exists on PostgreSQL only"
)


@needs_postgresql
@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
@pytest.mark.usefixtures("one_replica")
def test_a_query_through_the_router_reads_the_replica_alias_of_the_same_server():
    article = make_published("Bus lanes", authors=[make_author()])

    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        titles = list(Article.objects.published().values_list("title", flat=True))
        with transaction.atomic():
            Article.objects.get(pk=article.pk)

    assert titles == ["Bus lanes"]
    assert len(on_replica) == 1
    assert any("SELECT" in query["sql"] for query in on_primary)
