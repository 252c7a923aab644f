"""While the database is unreachable readers get a styled 503 to retry, and the site recovers."""

import logging
import socket
import threading
import time
from unittest import mock

import psycopg
import pytest
from django.db import OperationalError, connection
from django.test import Client

from opinion_blog import outage
from tests.factories import make_editor, make_published

ARTICLE = "/trust-is-local/"


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def database_down():
    """Every new query fails the way a refused connection does."""
    return mock.patch.object(
        connection,
        "ensure_connection",
        side_effect=OperationalError("connection refused: is the server running?"),
    )


def assert_styled_503(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Back in a moment" in html
    assert "site.css" in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", ARTICLE, "/authors/ada/", "/topics/science/"])
def test_public_pages_are_a_styled_503_while_the_database_is_down(client, url, caplog):
    make_published("Trust is local", slug="trust-is-local")

    with database_down(), caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get(url)

    assert_styled_503(response)
    (record,) = caplog.records
    assert isinstance(record.exc_info[1], OperationalError)


@pytest.mark.django_db
def test_the_admin_is_a_503_too_for_a_signed_in_editor(client):
    client.force_login(make_editor())

    with database_down():
        response = client.get("/admin/")

    assert_styled_503(response)


@pytest.mark.django_db
def test_the_next_request_after_the_database_returns_succeeds(client):
    make_published("Trust is local", slug="trust-is-local")
    with database_down():
        assert client.get(ARTICLE).status_code == 503

    with later(seconds=6):
        response = client.get(ARTICLE)

    assert response.status_code == 200
    assert "Trust is local" in response.content.decode()


def later(seconds):
    """This process's clock, moved past the memory of the outage."""
    now = time.monotonic()
    return mock.patch("opinion_blog.outage.time.monotonic", return_value=now + seconds)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_a_real_lost_connection_is_a_503_and_the_site_reconnects_by_itself(client):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database server to lose")
    make_published("Trust is local", slug="trust-is-local")
    real = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=closed_port())
    try:
        assert_styled_503(client.get(ARTICLE))
    finally:
        connection.close()
        connection.settings_dict.update(HOST=real["HOST"], PORT=real["PORT"])

    # Remembered for a few seconds, then the database is tried again.
    assert_styled_503(client.get(ARTICLE))
    with later(seconds=6):
        assert client.get(ARTICLE).status_code == 200


# Failing fast (issue 14 §3): the memory of an outage, cached pages, health checks, editors.


@pytest.mark.django_db
def test_while_the_database_is_known_down_requests_are_a_503_at_once_without_trying_it(client):
    make_published("Trust is local", slug="trust-is-local")
    with database_down():
        client.get(ARTICLE)

    with database_down() as connect:
        started = time.monotonic()
        responses = [client.get(url) for url in ("/", ARTICLE, "/authors/ada/")]
        elapsed = time.monotonic() - started

    for response in responses:
        assert_styled_503(response)
    assert connect.call_count == 0
    assert elapsed < 1


@pytest.mark.django_db
def test_a_refused_statement_is_not_mistaken_for_an_outage(client):
    from psycopg import errors

    error = OperationalError("could not serialize access")
    error.__cause__ = errors.SerializationFailure("could not serialize access")
    assert not outage.is_connection_failure(error)
    refused = OperationalError("connection refused")
    refused.__cause__ = psycopg.OperationalError("connection refused")
    assert outage.is_connection_failure(refused)
    shutting_down = OperationalError("terminating connection")
    shutting_down.__cause__ = errors.AdminShutdown("terminating connection")
    assert outage.is_connection_failure(shutting_down)


@pytest.mark.django_db
def test_cached_pages_are_still_served_while_the_database_is_down(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    make_published("Trust is local", slug="trust-is-local")
    assert client.get(ARTICLE)["X-Page-Cache"] == "miss"
    with database_down():
        assert client.get("/authors/ada/").status_code == 503

        response = client.get(ARTICLE)

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert "Trust is local" in response.content.decode()


@pytest.mark.django_db
def test_healthz_says_when_to_retry_and_asks_the_database_even_while_it_is_known_down(client):
    with database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response.json()["checks"]["database"].startswith("failed")
    assert outage.database_down()

    assert client.get("/healthz").status_code == 200
    assert not outage.database_down()


def article_form_post(article):
    return {
        "title": "Bridges, again",
        "standfirst": "Who built the second bridge, and why it matters now.",
        "body": "<p>The second bridge was built by the town, not the county.</p>",
        "version": "3",
        "_save": "Save",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("known_down", [False, True])
def test_an_editors_save_during_an_outage_gets_the_form_back_with_their_text(client, known_down):
    editor = make_editor()
    article = make_published("Bridges", slug="bridges")
    client.force_login(editor)
    url = f"/admin/articles/article/{article.pk}/change/"
    if known_down:
        outage.record_failure()

    with database_down():
        response = client.post(url, article_form_post(article))

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert f'action="{url}"' in html
    assert ">Who built the second bridge, and why it matters now.</textarea>" in html
    assert "&lt;p&gt;The second bridge was built by the town" in html
    assert 'type="hidden" name="_save" value="Save"' in html
    assert 'type="hidden" name="version" value="3"' in html
    assert 'name="csrfmiddlewaretoken"' in html


@pytest.mark.django_db
def test_a_forged_post_during_an_outage_is_refused_before_anything_is_echoed():
    outage.record_failure()
    forged = Client(enforce_csrf_checks=True, raise_request_exception=False)

    response = forged.post("/admin/articles/article/1/change/", {"title": "<b>forged</b>"})

    assert response.status_code == 403
    assert "forged" not in response.content.decode()


@pytest.mark.django_db
def test_a_background_save_during_an_outage_gets_a_json_503(client):
    outage.record_failure()

    response = client.post(
        "/admin/articles/article/1/autosave/", {"title": "x"}, headers={"X-Requested-With": "fetch"}
    )

    assert response.status_code == 503
    assert "nothing was saved" in response.json()["error"]


class SilentServer:
    """Accepts connections and never says a word: a database host that hangs."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.held = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                self.held.append(self.socket.accept()[0])
            except OSError:
                return

    def close(self):
        self.socket.shutdown(socket.SHUT_RDWR)
        self.socket.close()
        for conn in self.held:
            conn.close()


@pytest.mark.django_db(transaction=True)
def test_a_hanging_database_server_is_given_up_on_within_the_connect_timeout(client):
    if connection.vendor != "postgresql":
        pytest.skip("needs a database server")
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 2
    silent = SilentServer()
    real = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=silent.port)
    try:
        started = time.monotonic()
        assert_styled_503(client.get(ARTICLE))
        assert time.monotonic() - started < 4
    finally:
        connection.close()
        connection.settings_dict.update(HOST=real["HOST"], PORT=real["PORT"])
        silent.close()


@pytest.mark.django_db
def test_a_review_note_written_during_an_outage_is_handed_back_but_signing_in_is_not(client):
    outage.record_failure()

    note = client.post(
        "/admin/articles/article/1/notes/", {"body": "Please check the second bridge's date."}
    )
    login = client.post("/admin/login/", {"username": "ada", "password": "secret words here"})

    assert "Nothing was saved" in note.content.decode()
    assert "Please check the second bridge&#x27;s date." in note.content.decode()
    assert login.status_code == 503
    assert "Back in a moment" in login.content.decode()
    assert "secret words" not in login.content.decode()
