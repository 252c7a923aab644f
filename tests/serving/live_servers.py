"""Real servers for the serving tests: gunicorn app servers and nginx, on free loopback ports.

Each server reads the test database (``database_url()``); nginx runs from
deploy/nginx.conf rendered by deploy/render_nginx.py, as ``make stack`` runs it.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, Request, build_opener, urlopen

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.urls import reverse

from signin import second_factor
from tests.factories import give_authenticator, totp_code

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PASSWORD = "live-servers-pw-1"
SITE_HOST = "opinion.localhost"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def redis_reachable():
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except Exception:
        return False


def database_url(settings_dict=None):
    db = settings_dict or connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def nginx_binary():
    """Debian's nginx; missing, the test is skipped, except under CI where .ci/run installs it."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else "")
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail("nginx is not installed (.ci/run installs Debian's nginx)")
        pytest.skip("nginx is not installed: apt-get install nginx (make stack does)")
    return found


def server_env(tmp_path, prefix, **overrides):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.serving.server_settings",
        "DEBUG": "0",
        # The test's own key, so what the test signs (share links) the servers accept.
        "SECRET_KEY": settings.SECRET_KEY,
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "ALLOWED_HOSTS": f"{SITE_HOST},127.0.0.1",
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DATABASE_POOL_MIN_SIZE": "1",
        "DATABASE_POOL_MAX_SIZE": "2",
        **overrides,
    }


@contextmanager
def gunicorn_servers(envs):
    """One single-worker gunicorn per environment; yields their base URLs."""
    servers = []
    try:
        for env in envs:
            port = free_port()
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "opinion_blog.wsgi:application",
                 f"--bind=127.0.0.1:{port}", "--workers=1", "--no-control-socket",
                 "--log-level=warning"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )  # fmt: skip
            servers.append((process, f"http://127.0.0.1:{port}"))
        for process, base in servers:
            wait_until_up(process, base, "/healthz")
        yield [base for _, base in servers]
    finally:
        stop(process for process, _ in servers)


@contextmanager
def nginx(run_dir, app_servers, static_root, media_root):
    """nginx on a free port in front of ``app_servers`` (base URLs); yields its base URL."""
    binary = nginx_binary()
    port = free_port()
    env = {
        **os.environ,
        "NGINX_APP_SERVERS": " ".join(base.removeprefix("http://") for base in app_servers),
        "NGINX_LISTEN": f"127.0.0.1:{port}",
        "NGINX_STATIC_ROOT": str(static_root),
        "NGINX_MEDIA_ROOT": str(media_root),
        "NGINX_CACHE_DIR": str(Path(run_dir) / "cache"),
    }
    rendered = subprocess.run(
        [sys.executable, "deploy/render_nginx.py", "--standalone", str(run_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    conf = rendered.stdout.strip()
    process = subprocess.Popen(
        [binary, "-p", str(run_dir), "-c", conf, "-e", f"{run_dir}/logs/error.log",
         "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_until_up(process, f"http://127.0.0.1:{port}", "/healthz")
        yield f"http://127.0.0.1:{port}"
    finally:
        stop([process])


def stop(processes):
    processes = list(processes)
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def wait_until_up(process, base, path, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{base} exited: {process.stderr.read().decode()}")
        try:
            with urlopen(f"{base}{path}", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet, or still importing Django
            time.sleep(0.2)
    raise AssertionError(f"{base} did not start within {timeout} s")


def clear_prefix(prefix):
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body

    @property
    def micro_cache(self):
        """nginx's cache status: HIT, MISS, BYPASS, EXPIRED... or None where it is off."""
        return self.headers.get("X-Micro-Cache") or None


def get(base, path, headers=None, opener=None):
    """A plain GET with the public host name; errors are answers too."""
    request = Request(f"{base}{path}", headers={"Host": SITE_HOST, **(headers or {})})
    try:
        with (opener or build_opener()).open(request, timeout=10) as response:
            return Response(response.status, response.headers, response.read().decode())
    except HTTPError as error:
        return Response(error.code, error.headers, error.read().decode(errors="replace"))


class Browser:
    """A cookie-keeping client; ``sign_in`` signs in to the admin."""

    def __init__(self, base):
        self.base, self.cookies = base, CookieJar()
        self.opener = build_opener(HTTPCookieProcessor(self.cookies))

    def get(self, path):
        return get(self.base, path, opener=self.opener)

    def cookie(self, name):
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def sign_in(self, username, password=PASSWORD, *, code=None):
        """The password, then, for editors and administrators, the second step.

        ``code`` is the second step's code (a recovery code, say, for a user in another
        database); without it, the user is looked up in the test database and signs in
        with a code from their authenticator.
        """
        if code is None:
            user = get_user_model().objects.get(username=username)
            if second_factor.is_required(user):
                code = totp_code(give_authenticator(user))
        self.get("/admin/login/")
        self.post("/admin/login/?next=/admin/", {"username": username, "password": password})
        if code is not None:
            self.post(f"{reverse('admin:second_step')}?next=/admin/", {"code": code})
        assert self.cookie("sessionid"), "the sign-in failed"
        return self

    def post(self, path, fields):
        data = urlencode({"csrfmiddlewaretoken": self.cookie("csrftoken"), **fields}).encode()
        request = Request(f"{self.base}{path}", data=data, headers={"Host": SITE_HOST})
        with self.opener.open(request, timeout=10) as response:
            return response.read()
