"""The whole desk, end to end in a real browser, on a desktop and on a phone.

A columnist writes and submits; an editor requests changes with a note; the columnist
answers and resubmits; the editor publishes; a reader finds the piece. At either width
every admin page on the way fits the screen without sideways scrolling.
"""

import pytest
from playwright.sync_api import expect

from articles.models import Article, Status
from tests.browser.conftest import sign_in
from tests.factories import make_columnist, make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "The night bus is the city’s most honest public service"


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def open_as(browser, live_server, width, username=None):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    # Confirmations ("publish now?", "leave with unsaved words?") are answered yes.
    page.on("dialog", lambda dialog: dialog.accept())
    if username:
        sign_in(page, live_server, username)
    return page


def press(page, selector):
    """Click a button that leads to a new page and wait for its success message."""
    page.click(selector)
    page.wait_for_selector(".messagelist .success")


@pytest.mark.parametrize("width", [1280, 390])
def test_an_article_goes_from_draft_to_readers_through_review(browser, live_server, width):
    make_columnist("amara", name="Amara Okafor")
    make_editor("editor")
    columnist = open_as(browser, live_server, width, "amara")
    editor = open_as(browser, live_server, width, "editor")
    seen = {}

    def fits(page, step):
        seen[step] = overflow(page)

    # The columnist writes and submits.
    columnist.goto(f"{live_server.url}/admin/articles/article/add/")
    fits(columnist, "article form")
    columnist.fill("#id_title", TITLE)
    columnist.locator(".ProseMirror[contenteditable=true]").click()
    columnist.keyboard.type("At two in the morning the bus carries nurses and cleaners home.")
    press(columnist, "input[name=_continue]")
    press(columnist, "button[name=_transition][value=submit]")
    article = Article.objects.get()
    assert article.status == Status.SUBMITTED

    # The editor finds it on the review desk and asks for changes.
    editor.goto(f"{live_server.url}/admin/")
    fits(editor, "editor's dashboard")
    editor.goto(f"{live_server.url}/admin/articles/article/review-desk/")
    fits(editor, "review desk")
    editor.get_by_role("link", name=TITLE).first.click()
    editor.wait_for_selector(".workflow-panel")
    fits(editor, "article page, editor")
    editor.fill("#id_transition_note_request_changes", "Say who else rides it after midnight.")
    press(editor, "button[name=_transition][value=request_changes]")
    article.refresh_from_db()
    assert article.status == Status.CHANGES_REQUESTED

    # The columnist sees the request, answers the note, revises and resubmits.
    columnist.goto(f"{live_server.url}/admin/")
    fits(columnist, "columnist's dashboard")
    columnist.get_by_role("link", name=TITLE).first.click()
    columnist.wait_for_selector(".review-note")
    fits(columnist, "article page, columnist")
    assert "Say who else rides it after midnight." in columnist.inner_text(".review-notes")
    columnist.locator(".note-reply-form textarea").first.fill("Added the night-shift cooks.")
    # The reply posts in place: the page stays, with the answer in the thread.
    columnist.click(".note-reply-form button:has-text('Reply')")
    expect(columnist.locator("[data-notes-status]")).to_have_text("Your note was added.")
    columnist.locator(".ProseMirror[contenteditable=true]").click()
    columnist.keyboard.press("End")
    columnist.keyboard.type(" And the cooks from the late kitchens.")
    press(columnist, "button[name=_transition][value=submit]")
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED
    assert "cooks from the late kitchens" in article.body

    # The editor reads the answer and publishes.
    editor.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    assert "Added the night-shift cooks." in editor.inner_text(".review-notes")
    editor.click("details.publish-confirm summary")  # "Publish now" asks first
    press(editor, "button[name=_transition][value=publish]")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED

    # A reader finds it on the front page and reads the revised text.
    reader = open_as(browser, live_server, width)
    reader.goto(live_server.url)
    reader.get_by_role("link", name=TITLE).first.click()
    reader.wait_for_url(f"{live_server.url}{article.get_absolute_url()}")
    assert "And the cooks from the late kitchens." in reader.inner_text("main")

    for page in (columnist, editor, reader):
        page.context.close()
    assert {step: gap for step, gap in seen.items() if gap > 0} == {}
