"""Readers who hit a dead end get the site's own pages, not Django's."""

import pytest
from django.template.loader import render_to_string
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_a_styled_404_with_a_way_home(client):
    response = client.get("/no-such-article/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "site.css" in html
    assert 'href="/"' in html


def test_a_server_error_is_a_styled_500_that_needs_no_context(settings):
    settings.ROOT_URLCONF = "tests.urls_that_fail"
    client = Client(raise_request_exception=False)

    response = client.get("/boom/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "site.css" in html
    assert html == render_to_string("500.html")
