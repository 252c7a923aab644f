"""An operator's mistake ends in one line saying what is wrong and a non-zero exit, not a traceback.

Each case starts the real process (``manage.py``, gunicorn) in a subprocess with the
environment an operator would get wrong.
"""

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from opinion_blog.startup import secret_key_problem

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
GOOD_KEY = "opinion-blog-tests-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF"  # fixed: xdist workers must collect the same ids


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(args, timeout=60, **environ):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY"}
    }
    env |= {"DATABASE_POOL_TIMEOUT": "2", "PORT": str(free_port()), "WEB_CONCURRENCY": "1"}
    env |= environ
    return subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def manage(*args, **environ):
    return run([sys.executable, "manage.py", *args], **environ)


def said(result):
    """What the process said about the problem: its output without start-up log lines."""
    lines = (result.stdout + result.stderr).splitlines()
    return [
        line
        for line in lines
        if line.strip() and not line.startswith(("AXES: BEGIN", "[")) and "[INFO]" not in line
    ]


def unreachable_database_url():
    return f"postgres://postgres:hunter2@127.0.0.1:{free_port()}/opinion_blog"


@pytest.mark.parametrize(
    ("key", "weak"),
    [
        ("x", True),
        ("abcd" * 13, True),  # long enough, four different characters
        ("django-insecure-" + GOOD_KEY, True),
        ("a1b2c3d4e5" * 4 + "f", True),  # 41 characters
        (GOOD_KEY, False),
    ],
)
def test_the_secret_key_rule_is_djangos_deploy_check(key, weak):
    assert bool(secret_key_problem(key)) is weak


@pytest.mark.parametrize("key", ["x", "abcd" * 13])
def test_runserver_with_debug_off_refuses_a_weak_key_in_one_line(key):
    result = manage("runserver", f"127.0.0.1:{free_port()}", "--noreload", SECRET_KEY=key)

    assert result.returncode == 1
    assert said(result) == [
        "opinion_blog will not start: SECRET_KEY is too weak for DEBUG off: it needs at least 50 "
        "characters and at least 5 different ones (make one with: python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))')"
    ]


def test_a_weak_key_is_still_fine_for_commands_that_do_not_serve():
    """CI's ``make check`` runs ``manage.py check`` with a placeholder key."""
    result = manage("check", SECRET_KEY="check-only")

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_a_weak_key_is_still_fine_with_debug_on():
    assert secret_key_problem("x")  # the rule, which DEBUG on skips:
    result = run([sys.executable, "-c", "import opinion_blog.wsgi"], DEBUG="1", SECRET_KEY="x")
    assert result.returncode == 0, result.stderr


def test_the_wsgi_entry_point_refuses_a_weak_key():
    result = run([sys.executable, "-c", "import opinion_blog.wsgi"], SECRET_KEY="x")

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is too weak" in result.stderr


@pytest.mark.parametrize(
    ("url", "line"),
    [
        (
            "postgress://postgres@127.0.0.1:5432/opinion_blog",
            "Error: DATABASE_URL has an unknown scheme 'postgress://': use "
            "postgres://user:password@host:5432/name or sqlite:///path/to/file",
        ),
        (
            "mysql://root@127.0.0.1:3306/opinion_blog",
            "Error: DATABASE_URL names a mysql:// database: opinion_blog runs on PostgreSQL "
            "(postgres://…) or SQLite (sqlite:///…)",
        ),
    ],
)
def test_a_database_url_of_an_unknown_kind_is_one_line(url, line):
    result = manage("migrate", "--check", SECRET_KEY="check-only", DATABASE_URL=url)

    assert result.returncode == 1
    assert said(result) == [line]


def test_an_unreachable_database_is_one_line_naming_it_without_the_password():
    url = unreachable_database_url()
    port = url.rsplit(":", 1)[1].split("/")[0]

    result = manage("migrate", SECRET_KEY="check-only", DATABASE_URL=url)

    assert result.returncode == 1
    [line] = said(result)
    assert line.startswith(
        f"Error: cannot connect to the database (postgresql://postgres@127.0.0.1:{port}/"
        "opinion_blog, from DATABASE_URL): "
    )
    assert "Connection refused" in line
    assert "hunter2" not in result.stdout + result.stderr


def test_traceback_flag_still_shows_the_traceback():
    result = manage(
        "migrate",
        "--traceback",
        SECRET_KEY="check-only",
        DATABASE_URL="postgress://postgres@127.0.0.1/opinion_blog",
    )

    assert result.returncode != 0
    assert "Traceback" in result.stderr


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"SECRET_KEY": "x"}, "SECRET_KEY is too weak for DEBUG off"),
        ({"DATABASE_URL": "postgress://postgres@127.0.0.1/x"}, "DATABASE_URL has an unknown"),
        ({"DATABASE_URL": "UNREACHABLE"}, "cannot connect to the database"),
    ],
    ids=["weak key", "unknown scheme", "unreachable database"],
)
def test_gunicorn_refuses_to_start_in_one_line(environ, expected):
    if environ.get("DATABASE_URL") == "UNREACHABLE":
        environ = {"DATABASE_URL": unreachable_database_url()}

    result = run(
        [str(GUNICORN), "--config", "deploy/gunicorn.conf.py"],
        **({"SECRET_KEY": GOOD_KEY} | environ),
    )

    assert result.returncode != 0
    [line] = said(result)
    assert line.startswith(f"opinion_blog will not start: {expected}")
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="a statement timeout is PostgreSQL's",
)
def test_a_database_error_on_a_reachable_database_keeps_its_traceback():
    """Only failing to connect is an operator's mistake; anything else is for a developer."""
    result = manage(
        "shell",
        "-c",
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('SET statement_timeout = 1')\n"
        "    cursor.execute('SELECT pg_sleep(1)')",
        SECRET_KEY="check-only",
    )

    assert result.returncode != 0
    assert "Traceback" in result.stderr
    assert "canceling statement due to statement timeout" in result.stderr
