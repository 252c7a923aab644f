"""While the database is unreachable readers get a styled 503 to retry, and the site recovers."""

import logging
import socket
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client

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

    response = client.get(ARTICLE)

    assert response.status_code == 200
    assert "Trust is local" in response.content.decode()


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

    assert client.get(ARTICLE).status_code == 200
