"""No lost words in a real browser: text typed and never saved comes back after a crash."""

import pytest

from articles.models import Article, Revision
from tests.browser.conftest import sign_in
from tests.factories import make_article, make_columnist

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TYPED = "A paragraph typed just before the laptop died."


def autosaved_body():
    revision = Revision.objects.filter(kind="autosave").first()
    return revision.content["body"] if revision else ""


@pytest.fixture
def fast_autosave(settings):
    settings.AUTOSAVE_SECONDS = 1


def test_text_typed_before_a_crash_is_offered_back_on_reopening(
    browser, live_server, fast_autosave
):
    columnist = make_columnist("siobhan")
    article = make_article(
        "Night trains", authors=[columnist.author_profile], body="<p>First line.</p>"
    )
    change_url = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    sign_in(page, live_server, "siobhan")
    page.goto(change_url)
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(TYPED)
    page.wait_for_selector("#autosave-status:has-text('saved in the background')")
    for _ in range(50):  # the background save catches up within a few seconds
        if TYPED in autosaved_body():
            break
        page.wait_for_timeout(200)
    cookies = context.cookies()
    context.close()  # the tab dies without saving

    assert TYPED not in Article.objects.get(pk=article.pk).body
    assert TYPED in autosaved_body()
    assert not [e for e in errors if "Content Security Policy" in e]

    reopened = browser.new_context()
    reopened.add_cookies(cookies)
    page = reopened.new_page()
    page.goto(change_url)
    page.click("#recover-autosave")
    page.wait_for_selector(".revision-notice--recovered")
    assert TYPED in page.locator(".ProseMirror[contenteditable=true]").inner_text()
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    reopened.close()

    assert TYPED in Article.objects.get(pk=article.pk).body


def test_a_lost_connection_shows_not_saved_and_saving_resumes(page, live_server, fast_autosave):
    columnist = make_columnist("kwame")
    article = make_article("Ferries", authors=[columnist.author_profile])
    sign_in(page, live_server, "kwame")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    page.context.set_offline(True)
    page.click("#id_title")
    page.keyboard.type(" at dawn")
    status = page.locator("#autosave-status")
    page.wait_for_selector("#autosave-status.is-failing")
    assert "Not saved" in status.inner_text()

    page.context.set_offline(False)
    page.wait_for_selector("#autosave-status:has-text('saved in the background')")
    assert "is-failing" not in (status.get_attribute("class") or "")
    assert Revision.objects.get(kind="autosave").content["title"] == "Ferries at dawn"


def test_a_new_article_never_saved_comes_back_too(browser, live_server, fast_autosave):
    make_columnist("lena")
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, "lena")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Harbour cranes")
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type(TYPED)
    for _ in range(50):
        if TYPED in autosaved_body():
            break
        page.wait_for_timeout(200)
    cookies = context.cookies()
    context.close()

    assert not Article.objects.exists()
    reopened = browser.new_context()
    reopened.add_cookies(cookies)
    page = reopened.new_page()
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.click("#recover-autosave")
    page.wait_for_selector(".revision-notice--recovered")
    assert page.input_value("#id_title") == "Harbour cranes"
    assert TYPED in page.locator(".ProseMirror[contenteditable=true]").inner_text()
    reopened.close()
