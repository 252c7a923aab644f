"""The strict public policy and the admin's own policy both hold in a real browser.

Chromium fires a ``securitypolicyviolation`` event for every inline style or
script the policy blocks; each page here must fire none.
"""

import pytest

from tests.browser.conftest import sign_in
from tests.factories import make_article, make_columnist, make_image, make_published

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COLLECT_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def violations(page):
    return page.evaluate("window.cspViolations")


@pytest.fixture
def watched_page(page):
    page.add_init_script(COLLECT_VIOLATIONS)
    return page


def test_public_pages_run_under_the_strict_policy_without_violations(watched_page, live_server):
    author = make_columnist("amara").author_profile
    make_published(
        "Trust is local",
        slug="trust-is-local",
        authors=[author],
        topics=["Science"],
        featured_image=make_image(),
        body="<p>Words with a <a href='https://example.com'>link</a>.</p><blockquote><p>Quoted.</p></blockquote>",
    )
    make_published("Another view", authors=[author], topics=["Science"])

    for path in ["/", "/trust-is-local/", f"/authors/{author.slug}/", "/topics/science/", "/nope/"]:
        response = watched_page.goto(f"{live_server.url}{path}")
        policy = response.header_value("content-security-policy")
        assert "'unsafe-inline'" not in policy, path
        watched_page.wait_for_load_state("load")
        assert violations(watched_page) == [], path


def test_the_article_form_and_its_editor_work_under_the_admin_policy(watched_page, live_server):
    author = make_columnist("tomas").author_profile
    article = make_article("My draft", authors=[author], topics=["Science"])
    sign_in(watched_page, live_server, "tomas")

    for path in [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{article.pk}/change/",
    ]:
        watched_page.goto(f"{live_server.url}{path}")
        watched_page.wait_for_load_state("load")
        if "article/" in path and path != "/admin/articles/article/":
            editor = watched_page.locator(".ProseMirror[contenteditable=true]")
            editor.click()
            watched_page.keyboard.type("More words.")
        assert violations(watched_page) == [], path
    assert not [e for e in watched_page.console_errors if "Content Security Policy" in e]
