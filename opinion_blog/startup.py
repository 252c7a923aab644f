"""An operator's mistake at start-up ends in one line saying what is wrong, and a non-zero exit.

``manage.py`` runs every command inside ``one_line_errors``; gunicorn's master calls
``refuse_to_serve`` before it starts any worker (``deploy/gunicorn.conf.py``), and
the WSGI and ASGI entry points call ``check_secret_key``. Nothing here runs in tests
of the site itself: it only wraps the processes an operator starts.
"""

import logging
import os
import sys
from contextlib import contextmanager

# Commands that serve the site: with DEBUG off they need a key that protects sessions.
SERVING_COMMANDS = {"runserver"}
# Commands that keep running, whose logs should show each failed attempt to reconnect.
LONG_RUNNING_COMMANDS = {"runserver", "db_worker"}
PREFIX = "opinion_blog will not start"


def secret_key_problem(key):
    """Django's deploy-check rule for a key that signs sessions, as a sentence; None if fine."""
    if key.startswith("django-insecure-") or len(key) < 50 or len(set(key)) < 5:
        return (
            "SECRET_KEY is too weak for DEBUG off: it needs at least 50 characters and at "
            "least 5 different ones (make one with: python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))')"
        )
    return None


def check_secret_key():
    """Raise ImproperlyConfigured when the site would serve with DEBUG off and a weak key."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    if not settings.DEBUG and (problem := secret_key_problem(settings.SECRET_KEY)):
        raise ImproperlyConfigured(problem)


def describe_database(settings_dict):
    """Where a database is, without its password: 'postgres://app@db.internal:5432/blog'."""
    engine = settings_dict["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3":
        return f"the SQLite file {settings_dict['NAME']}"
    user = f"{settings_dict.get('USER')}@" if settings_dict.get("USER") else ""
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    host = settings_dict.get("HOST") or "localhost"
    return f"{engine}://{user}{host}{port}/{settings_dict.get('NAME', '')}"


def first_line(error):
    """The part of a driver's message that says why, on one line."""
    text = " ".join(str(error).split())
    return text or error.__class__.__name__


def database_problem(alias="default", timeout=3):
    """Try one direct connection (no pool, a short timeout); why it failed, or None."""
    from django.db import connections

    connection = connections[alias]
    params = connection.get_connection_params()
    if connection.vendor == "postgresql":
        params["connect_timeout"] = timeout
    try:
        raw = connection.Database.connect(**params)
    except connection.Database.Error as error:
        where = describe_database(connection.settings_dict)
        return f"cannot connect to the database ({where}, from DATABASE_URL): {first_line(error)}"
    raw.close()
    return None


def explain(error):
    """One line for an error an operator causes, or None to let it through as a traceback."""
    from django.core.exceptions import ImproperlyConfigured
    from django.db import InterfaceError, OperationalError

    if isinstance(error, ImproperlyConfigured):
        return first_line(error)
    if isinstance(error, OperationalError | InterfaceError):
        # Often a pool timeout that hides the reason: ask the server directly. If it
        # answers, the error was something else (a deadlock, a failed migration) and
        # keeps its traceback.
        try:
            return database_problem()
        except Exception:  # the diagnosis must never hide the original error
            return None
    return None


@contextmanager
def one_line_errors(argv):
    """Run a manage.py command; a configuration or connection error ends in one line, exit 1.

    ``--traceback`` shows the full traceback instead, as Django's own commands do.
    """
    command = argv[1] if len(argv) > 1 else ""
    if command not in LONG_RUNNING_COMMANDS:
        # The pool logs every failed attempt (two lines each) before it gives up; a
        # one-off command reports the outcome once, below.
        logging.getLogger("psycopg.pool").addFilter(_not_connection_attempts)
    try:
        if command in SERVING_COMMANDS:
            import django

            django.setup()
            check_secret_key()
        yield
    except Exception as error:
        line = None if "--traceback" in argv else explain(error)
        if line is None:
            raise
        print(f"{PREFIX}: {line}" if _starting(argv) else f"Error: {line}", file=sys.stderr)
        sys.exit(1)


def _not_connection_attempts(record):
    return not record.getMessage().startswith("error connecting")


def _starting(argv):
    return len(argv) > 1 and argv[1] in SERVING_COMMANDS


def refuse_to_serve():
    """For gunicorn's master before it forks: settings, key and database, or one line and exit 1."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opinion_blog.settings")
    try:
        import django

        django.setup()
        check_secret_key()
        problem = database_problem()
    except Exception as error:
        problem = explain(error)
        if problem is None:
            raise
    if problem:
        print(f"{PREFIX}: {problem}", file=sys.stderr)
        sys.exit(1)
