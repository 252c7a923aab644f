"""A NUL byte in an address is a 404, never a 500 (PostgreSQL refuses them in queries)."""

import pytest

from tests.factories import make_admin, make_article, make_author, make_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    article = make_published("Trust is local", slug="trust-is-local")
    make_author("Ada Writer", slug="ada-writer")
    article.topics.add("Science")
    return article


PUBLIC = [
    "/%00/",
    "/a%00b/",
    "/trust-is-local%00/",
    "/%00trust-is-local/",
    "/authors/%00/",
    "/authors/ada-writer%00/",
    "/topics/%00/",
    "/topics/science%00/",
    "/preview/%00/",
    "/preview/1%00/",
    "/?page=%00",
    "/?q=%00",
    "/?%00=1",
    "/trust-is-local/?ref=%00",
    "/authors/ada-writer/?page=%00",
    "/topics/science/?page=1%00",
]


@pytest.mark.parametrize("url", PUBLIC)
def test_anonymous_requests_with_a_nul_byte_get_the_styled_404(client, content, url):
    response = client.get(url)

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


CHANGELISTS = [
    "/admin/articles/article/",
    "/admin/articles/article/review-desk/",
    "/admin/articles/articleevent/",
    "/admin/articles/topic/",
    "/admin/images/image/",
    "/admin/authors/author/",
    "/admin/auth/user/",
    "/admin/axes/accessattempt/",
]


@pytest.mark.parametrize("changelist", CHANGELISTS)
@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "o=%00", "status__exact=%00", "p=%00"])
def test_admin_lists_with_a_nul_byte_in_the_query_are_404(client, content, changelist, query):
    client.force_login(make_admin())

    assert client.get(f"{changelist}?{query}").status_code == 404


OBJECT_ROUTES = [
    "/admin/articles/article/{id}%00/change/",
    "/admin/articles/article/%00/change/",
    "/admin/articles/article/{id}%00/history/",
    "/admin/articles/article/{id}%00/delete/",
    "/admin/articles/article/{id}%00/workflow/",
    "/admin/articles/article/{id}%00/notes/",
    "/admin/articles/article/{id}%00/assign/",
    "/admin/articles/topic/%00/change/",
    "/admin/images/image/%00/change/",
    "/admin/authors/author/%00/change/",
    "/admin/auth/user/%00/change/",
    "/admin/axes/accessattempt/%00/change/",
    "/admin/r/%00/{id}/",
    "/admin/r/1/%00/",
    "/admin/%00/",
    "/admin/articles%00/",
    "/admin/autocomplete/?term=%00&app_label=articles&model_name=article&field_name=topics",
]


@pytest.mark.parametrize("route", OBJECT_ROUTES)
def test_admin_routes_with_a_nul_byte_in_the_object_id_are_404(client, content, route):
    article = make_article("Draft")
    client.force_login(make_admin())

    assert client.get(route.format(id=article.pk)).status_code == 404


def test_a_nul_byte_in_a_posted_admin_search_is_404_too(client, content):
    client.force_login(make_admin())

    response = client.post("/admin/articles/article/?q=%00", {"action": "", "index": "0"})

    assert response.status_code == 404
