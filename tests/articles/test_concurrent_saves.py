"""Saves and transitions that race, with real concurrency on PostgreSQL.

Each test forces one interleaving instead of hoping for it: the first writer is
held at a point inside its transaction (``Gate``) until the second one is seen
waiting for the row lock (or, where nothing locks, until it has finished), then
let go. SQLite has no row locks, so these run on PostgreSQL only.
"""

import threading
import time
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from articles import editing, workflow
from articles.models import Action, Article, ArticleEvent, Status, Topic
from tests.admin_forms import change_form_data
from tests.factories import make_article_in, make_columnist, make_editor

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks: PostgreSQL only, not SQLite"
    ),
]

WAIT = 10  # seconds; only ever reached when a test is about to fail


@pytest.fixture(autouse=True)
def _newsroom_groups(newsroom_groups):
    """Transactional tests flush the database: make the groups again (tests/conftest.py)."""


class Gate:
    """Holds the first caller of a function inside its transaction until ``release()``."""

    def __init__(self):
        self.arrived, self.go, self.others = threading.Event(), threading.Event(), threading.Event()
        self.pid = None
        self._lock = threading.Lock()

    def wrap(self, function):
        def held(*args, **kwargs):
            with self._lock:
                first, self.pid = self.pid is None, self.pid or _backend_pid()
            if first:
                self.arrived.set()
                assert self.go.wait(WAIT), "the test never released the gate"
            else:
                self.others.set()
            return function(*args, **kwargs)

        return held


def _backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def waits_for(pid):
    """Whether some database session is waiting for a lock that ``pid`` holds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE %s = ANY(pg_blocking_pids(pid))", [pid]
        )
        return cursor.fetchone()[0] > 0


class Worker(threading.Thread):
    """Runs ``call`` on its own database connection and keeps its result or error."""

    def __init__(self, call):
        super().__init__(daemon=True)
        self.call, self.result, self.error = call, None, None

    def run(self):
        try:
            self.result = self.call()
        except Exception as error:
            self.error = error
        finally:
            connection.close()


@contextmanager
def first_writer_held(monkeypatch, module, name):
    """Patch ``module.name`` so its first caller waits; yield the gate."""
    gate = Gate()
    monkeypatch.setattr(module, name, gate.wrap(getattr(module, name)))
    yield gate


def race(gate, first, second):
    """Run ``first`` until it reaches the gate, then ``second`` until it waits for the
    first's lock (or finishes, or passes the gate too), then let ``first`` go on."""
    one = Worker(first)
    one.start()
    assert gate.arrived.wait(WAIT), f"the first writer never reached the gate: {one.error!r}"
    two = Worker(second)
    two.start()
    deadline = time.monotonic() + WAIT
    while not (waits_for(gate.pid) or gate.others.is_set() or not two.is_alive()):
        assert time.monotonic() < deadline, "the second writer neither waited nor finished"
        time.sleep(0.005)
    gate.go.set()
    one.join(WAIT)
    two.join(WAIT)
    assert not (one.is_alive() or two.is_alive()), "a writer is stuck"
    return one, two


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def opened_by(user, article):
    """A browser of ``user``'s with the change page open; returns the client and the page."""
    client = Client()
    client.force_login(user)
    page = client.get(change_url(article))
    assert page.status_code == 200
    return client, page


def poster(client, article, data):
    return lambda: client.post(change_url(article), data)


def stored(article):
    return Article.objects.get(pk=article.pk)


def test_two_editors_saving_the_same_version_at_once_give_one_winner(monkeypatch):
    article = make_article_in("submitted", title="Original", authors=[])
    housing, transport = (
        Topic.objects.create(name="Housing"),
        Topic.objects.create(name="Transport"),
    )
    first, first_page = opened_by(make_editor(), article)
    second, second_page = opened_by(make_editor(), article)

    with first_writer_held(monkeypatch, editing, "save_edit") as gate:
        winner, loser = race(
            gate,
            poster(first, article, change_form_data(first_page, title="Title A", topics="Housing")),
            poster(
                second,
                article,
                change_form_data(second_page, title="Title B", topics="Transport"),
            ),
        )

    assert (winner.error, loser.error) == (None, None)
    assert winner.result.status_code == 302
    assert loser.result.status_code == 200
    content = loser.result.content.decode()
    assert "Someone else saved this article" in content
    assert 'value="Title B"' in content  # the loser's text is still in the form
    article = stored(article)
    assert article.title == "Title A"
    assert list(article.topics.all()) == [housing]
    assert transport.article_links.count() == 0
    assert article.version == 2


def test_a_publish_during_an_edit_waits_and_the_edit_cannot_undo_it(monkeypatch):
    article = make_article_in("submitted", authors=[make_columnist().author_profile])
    editor, publisher = make_editor(), make_editor()
    client, page = opened_by(editor, article)

    with first_writer_held(monkeypatch, editing, "save_edit") as gate:
        edit, publish = race(
            gate,
            poster(client, article, change_form_data(page, title="Edited while publishing")),
            lambda: workflow.publish(stored(article), by=publisher),
        )

    assert (edit.error, publish.error) == (None, None)
    assert edit.result.status_code == 302
    article = stored(article)
    assert (article.title, article.status) == ("Edited while publishing", Status.PUBLISHED)
    assert article.published_at is not None
    assert list(ArticleEvent.objects.values_list("action", flat=True)) == [Action.PUBLISH]
    assert article.version == 3  # the edit, then the publish


def test_an_edit_during_a_publish_is_a_conflict_that_keeps_the_writers_text(monkeypatch):
    article = make_article_in(
        "submitted", title="As submitted", authors=[make_columnist().author_profile]
    )
    client, page = opened_by(make_editor(), article)

    with first_writer_held(monkeypatch, workflow, "_require_publishable") as gate:
        publish, edit = race(
            gate,
            lambda: workflow.publish(stored(article), by=make_editor()),
            poster(client, article, change_form_data(page, title="Too late")),
        )

    assert (publish.error, edit.error) == (None, None)
    assert edit.result.status_code == 200
    content = edit.result.content.decode()
    assert "Someone else saved this article" in content and 'value="Too late"' in content
    article = stored(article)
    assert (article.title, article.status) == ("As submitted", Status.PUBLISHED)


def test_publishing_judges_the_bylines_an_edit_in_flight_saves(monkeypatch):
    article = make_article_in("submitted", authors=[make_columnist().author_profile])
    client, page = opened_by(make_editor(), article)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix
    without_byline = change_form_data(page, **{f"{prefix}-0-DELETE": "on"})

    with first_writer_held(monkeypatch, editing, "save_edit") as gate:
        edit, publish = race(
            gate,
            poster(client, article, without_byline),
            lambda: workflow.publish(stored(article), by=make_editor()),
        )

    assert edit.error is None and edit.result.status_code == 302
    assert isinstance(publish.error, workflow.TransitionError)
    assert "at least one author" in str(publish.error)
    article = stored(article)
    assert article.status == Status.SUBMITTED and not article.bylines.exists()
    assert not ArticleEvent.objects.exists()
