import pytest
from django.core.management import call_command
from django.db import connection

from articles.models import Article
from tests.factories import make_author, make_published

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search needs PostgreSQL")
def test_the_command_rebuilds_every_vector(client):
    make_published("Walrus economics", authors=[make_author()])
    Article.objects.update(search_vector=None)
    call_command("refresh_search_vectors", "--batch", "1")
    response = client.get("/search/", {"q": "walrus"})
    assert [article.title for article in response.context["articles"]] == ["Walrus economics"]


def test_the_command_explains_itself_without_postgresql(capsys):
    call_command("refresh_search_vectors")
    out = capsys.readouterr().out
    assert "Refreshed" in out or "needs PostgreSQL" in out
