"""Two app servers, one PostgreSQL, one Redis: a publish through one is served at once by both.

The servers are real gunicorn processes on free loopback ports, sharing the
test database and a Redis key prefix unique to this run.
"""

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener, urlopen

import pytest
from django.contrib.auth.models import User
from django.db import connection

from articles.models import Status
from signin import second_factor
from tests.factories import (
    give_authenticator,
    make_article,
    make_author,
    make_editor,
    make_published,
    totp_code,
)
from tests.serving.live_servers import (
    clear_prefix,
    free_port,
    redis_reachable,
    server_env,
    wait_until_up,
)

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PASSWORD = "two-servers-pw-1"
# Behind a load balancer every server sees the site's one public host name.
SITE_HOST = "opinion.localhost"


pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
    pytest.mark.skipif(not redis_reachable(), reason=f"needs Redis at {REDIS_URL}"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


@contextmanager
def app_servers(count, tmp_path):
    prefix = f"test-two-servers-{uuid.uuid4().hex}"
    env = server_env(
        tmp_path, prefix, SECRET_KEY="two-servers-test-key-0123456789-abcdefghijklmnopqrstuvwxyz"
    )
    servers = []
    try:
        for _ in range(count):
            port = free_port()
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "opinion_blog.wsgi:application",
                    f"--bind=127.0.0.1:{port}",
                    "--workers=1",
                    "--no-control-socket",
                    "--log-level=warning",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            servers.append((process, f"http://127.0.0.1:{port}"))
        for process, base in servers:
            wait_until_up(process, base, "/healthz", timeout=20)
        yield [base for _, base in servers]
    finally:
        for process, _ in servers:
            process.terminate()
        for process, _ in servers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stderr.close()
        clear_prefix(prefix)


def read(base, path):
    """An anonymous reader: no cookies, plain GET, the public host name."""
    try:
        with urlopen(Request(f"{base}{path}", headers={"Host": SITE_HOST}), timeout=10) as response:
            return response.status, response.headers.get("X-Page-Cache"), response.read().decode()
    except HTTPError as error:
        return error.code, error.headers.get("X-Page-Cache"), ""


class SignedIn:
    """A browser session signed in to the admin of one server."""

    def __init__(self, base, username):
        self.base, self.cookies = base, CookieJar()
        self.browser = build_opener(HTTPCookieProcessor(self.cookies))
        self.browser.open(f"{base}/admin/login/", timeout=10).read()
        user = User.objects.get(username=username)
        device = give_authenticator(user) if second_factor.is_required(user) else None
        self.post("/admin/login/?next=/admin/", {"username": username, "password": PASSWORD})
        if device is not None:  # editors confirm with their authenticator's code
            self.post("/admin/second-step/?next=/admin/", {"code": totp_code(device)})
        assert any(cookie.name == "sessionid" for cookie in self.cookies), "the sign-in failed"

    def post(self, path, fields):
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        data = urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        return self.browser.open(Request(f"{self.base}{path}", data=data), timeout=10).read()


def test_a_publish_through_one_server_is_served_at_once_by_the_other(tmp_path):
    author = make_author("Ada Columnist", slug="ada")
    make_published("Old news", authors=[author])
    pending = make_article(
        "Breaking column", authors=[author], status=Status.SUBMITTED, slug="breaking-column"
    )
    editor = make_editor("desk-editor")
    editor.set_password(PASSWORD)
    editor.save()

    with app_servers(2, tmp_path) as (first, second):
        # Each server fills and then reads the one shared cache.
        assert read(second, "/")[1] == "miss"
        assert read(first, "/")[1] == "hit"
        assert read(second, "/authors/ada/")[1] == "miss"
        assert "Breaking column" not in read(second, "/")[2]
        assert read(second, "/breaking-column/")[0] == 404

        SignedIn(first, "desk-editor").post(
            f"/admin/articles/article/{pending.pk}/workflow/",
            {"_transition": "publish", "_transition_version": str(pending.version)},
        )

        status, cache, html = read(second, "/")
        assert (status, cache) == (200, "miss")
        assert "Breaking column" in html
        assert "Breaking column" in read(second, "/authors/ada/")[2]
        assert read(second, "/breaking-column/")[0] == 200
        status, cache, html = read(first, "/")
        assert (cache, "Breaking column" in html) == ("hit", True)
