"""Public pages forbid inline styles; only the admin, which needs them, allows them."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import make_columnist, make_published

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


@pytest.mark.parametrize(
    "url", ["/", "/trust-is-local/", "/authors/amara/", "/topics/science/", "/no-such-page/"]
)
def test_public_pages_allow_styles_only_from_the_stylesheet(client, url):
    author = make_columnist("amara").author_profile
    author.slug = "amara"
    author.save()
    make_published("Trust is local", slug="trust-is-local", authors=[author], topics=["Science"])

    response = client.get(url)

    assert directives(response)["style-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("url", "signed_in"),
    [("/admin/login/", False), ("/admin/", True), ("/admin/articles/article/add/", True)],
)
def test_the_admin_allows_inline_styles_but_not_inline_scripts(client, url, signed_in):
    if signed_in:
        client.force_login(make_columnist())

    response = client.get(url)

    assert response.status_code == 200
    policy = directives(response)
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-inline'" not in policy["script-src"]


@pytest.mark.parametrize(
    "template",
    sorted(
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if path.relative_to(TEMPLATES).parts[0] != "admin"
    ),
)
def test_public_templates_have_no_inline_styles(template):
    html = (TEMPLATES / template).read_text()

    assert "style=" not in html
    assert "<style" not in html
