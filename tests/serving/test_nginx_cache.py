"""nginx's micro-cache in front of the app never serves anything private, and forgets fast.

Real nginx (deploy/nginx.conf, rendered as ``make stack`` renders it) in front of a
real gunicorn on free loopback ports, both on the test database and a Redis key
prefix unique to the test. Each check first proves the cache does store what it may
(a HIT), so a "not from the cache" answer means the rule held, not that nothing is cached.
"""

import re
import time
import uuid

import pytest
from django.db import connection

from articles import share_links
from articles.models import Article, Status
from tests.factories import make_article, make_author, make_editor, make_published
from tests.serving.live_servers import (
    PASSWORD,
    ROOT,
    Browser,
    clear_prefix,
    get,
    gunicorn_servers,
    nginx,
    nginx_binary,
    redis_reachable,
    server_env,
)

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.skipif(not redis_reachable(), reason="needs Redis (TEST_REDIS_URL)"),
    pytest.mark.django_db(transaction=True),
]
MICRO_CACHE_SECONDS = 1


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


@pytest.fixture
def site(tmp_path):
    """nginx's base URL, in front of one app server."""
    nginx_binary()
    prefix = f"test-nginx-{uuid.uuid4().hex}"
    env = server_env(
        tmp_path, prefix, DJANGO_SETTINGS_MODULE="tests.serving.nginx_settings", SERVE_MEDIA="0"
    )
    (tmp_path / "media").mkdir()
    try:
        with (
            gunicorn_servers([env]) as apps,
            nginx(tmp_path / "nginx", apps, ROOT / "static", tmp_path / "media") as base,
        ):
            yield base
    finally:
        clear_prefix(prefix)


@pytest.fixture
def editor():
    user = make_editor("desk-editor")
    user.set_password(PASSWORD)
    user.save()
    return user


def cached_twice(base, path):
    """Fetch twice; the second answer must come from the micro-cache."""
    first, second = get(base, path), get(base, path)
    assert (first.status, second.status, second.micro_cache) == (200, 200, "HIT")
    return second


def test_anonymous_pages_come_from_the_micro_cache_and_revalidate_by_etag(site):
    make_published("Bus lanes", authors=[make_author()])

    page = cached_twice(site, "/")

    assert page.headers["ETag"]
    again = get(site, "/", headers={"If-None-Match": page.headers["ETag"]})
    assert (again.status, again.text) == (304, "")
    assert get(site, "/", headers={"If-None-Match": '"other"'}).status == 200


def test_a_signed_in_reader_is_never_served_or_stored_by_the_micro_cache(site, editor):
    make_published("Bus lanes", authors=[make_author()])
    anonymous = cached_twice(site, "/")
    browser = Browser(site).sign_in("desk-editor")

    for _ in range(3):
        page = browser.get("/")
        assert (page.status, page.micro_cache) == (200, "BYPASS")
        assert "private" in page.headers["Cache-Control"]
        dashboard = browser.get("/admin/")
        assert "desk-editor" in dashboard.text and dashboard.micro_cache is None

    assert get(site, "/").text == anonymous.text
    for _ in range(2):
        stranger = get(site, "/admin/")
        assert "desk-editor" not in stranger.text
        assert stranger.micro_cache is None


def test_previews_and_share_links_are_never_stored(site, editor):
    author = make_author()
    draft = make_article("A draft nobody may see", authors=[author], status=Status.SUBMITTED)
    make_published("Bus lanes", authors=[author])
    cached_twice(site, "/")
    browser = Browser(site).sign_in("desk-editor")

    preview = browser.get(f"/preview/{draft.pk}/")
    assert preview.status == 200 and "A draft nobody may see" in preview.text
    for _ in range(2):
        stranger = get(site, f"/preview/{draft.pk}/")
        assert "A draft nobody may see" not in stranger.text
        assert stranger.micro_cache != "HIT"

    link = share_links.create(draft, by=editor)
    for _ in range(3):  # no session cookie: the app's "private" keeps it out
        shared = get(site, link.get_absolute_url())
        assert shared.status == 200 and "A draft nobody may see" in shared.text
        assert shared.micro_cache == "MISS"
    share_links.revoke(link, by=editor)
    revoked = get(site, link.get_absolute_url())
    assert revoked.status in (404, 410)
    assert "A draft nobody may see" not in revoked.text


def test_a_page_with_a_flash_message_is_neither_stored_nor_shown_to_others(site):
    cached_twice(site, "/test-only/messages/")
    reader = Browser(site)

    reader.get("/test-only/leave-message/")
    assert reader.cookie("messages")
    mine = reader.get("/test-only/messages/")

    assert "Only for you" in mine.text and mine.micro_cache == "BYPASS"
    for _ in range(3):
        other = get(site, "/test-only/messages/")
        assert "Only for you" not in other.text and "No news" in other.text
    assert "Only for you" not in reader.get("/test-only/messages/").text  # shown once


def test_every_reader_gets_their_own_csrf_token(site):
    tokens, login_tokens = set(), set()
    for _ in range(3):
        form = get(site, "/test-only/form/")
        assert "csrftoken=" in form.headers["Set-Cookie"]
        assert form.micro_cache == "MISS"
        tokens.add(re.search(r'value="([^"]+)"', form.text)[1])
        login = get(site, "/admin/login/")
        assert login.micro_cache is None
        login_tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)[1])
    assert len(tokens) == len(login_tokens) == 3


def test_an_unpublished_article_is_gone_within_the_micro_caches_lifetime(site, editor):
    article = make_published("Retracted column", authors=[make_author()], slug="retracted")
    cached_twice(site, "/retracted/")
    assert "Retracted column" in cached_twice(site, "/").text

    Browser(site).sign_in("desk-editor").post(
        f"/admin/articles/article/{article.pk}/workflow/",
        {"_transition": "unpublish", "_transition_note": "Retracted at the author's request"},
    )
    unpublished_at = time.monotonic()
    assert Article.objects.get(pk=article.pk).status == Status.UNPUBLISHED

    while (page := get(site, "/retracted/")).status == 200:
        # Slack for a busy machine; without the purge the micro-cache would serve it far longer.
        assert time.monotonic() - unpublished_at < MICRO_CACHE_SECONDS + 1.5, "still served"
        time.sleep(0.05)
    assert page.status == 404
    time.sleep(MICRO_CACHE_SECONDS + 0.1)
    assert get(site, "/retracted/").status == 404
    assert "Retracted column" not in get(site, "/").text
