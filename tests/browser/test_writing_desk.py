"""The writing desk in a real browser: the topic picker by keyboard, the live word count,
the publish confirmation and share links."""

import pytest
from playwright.sync_api import expect

from articles import topic_choice
from articles.models import Article, ReviewNote, ShareLink, Status, Topic
from tests.browser.conftest import sign_in
from tests.factories import make_article, make_columnist, make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_columnist_picks_topics_with_the_keyboard_in_their_own_order(page, live_server):
    for name in ("South Asia", "South America", "Housing"):
        Topic.objects.create(name=name)
    columnist = make_columnist("amara")
    article = make_article("Monsoon cities", authors=[columnist.author_profile])
    sign_in(page, live_server, "amara")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    topics = page.locator("#id_topics")
    assert topics.get_attribute("role") == "combobox"
    topics.click()
    page.keyboard.type("hous")
    page.wait_for_selector("#id_topics_suggestions [role=option]")
    assert topics.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert topics.get_attribute("aria-activedescendant") == "id_topics_suggestions_0"
    page.keyboard.press("Enter")
    assert topics.input_value() == "Housing, "

    page.keyboard.type("south  a")
    page.wait_for_selector("#id_topics_suggestions [role=option] >> text=South Asia")
    options = page.locator("#id_topics_suggestions [role=option]").all_inner_texts()
    assert options == ["South America", "South Asia"]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert topics.input_value() == "Housing, South Asia, "
    assert topics.get_attribute("aria-expanded") == "false"

    # Escape closes the list without choosing.
    page.keyboard.type("South")
    page.wait_for_selector("#id_topics_suggestions [role=option]")
    page.keyboard.press("Escape")
    assert page.locator("#id_topics_suggestions").is_hidden()
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")

    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert [t.name for t in topic_choice.in_order(article)] == ["Housing", "South Asia"]
    assert page.locator("#id_topics").input_value() == "Housing, South Asia"
    assert not page.console_errors


def test_a_columnist_is_told_when_no_topic_matches(page, live_server):
    Topic.objects.create(name="Housing")
    make_columnist("tomas")
    sign_in(page, live_server, "tomas")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    page.click("#id_topics")
    page.keyboard.type("Moon base")

    status = page.locator("#id_topics_status")
    status.get_by_text("No topic starts with “Moon base”").wait_for()
    assert "an editor can add new ones" in status.inner_text()


def test_the_body_editor_counts_words_as_the_writer_types(page, live_server):
    make_columnist("lena")
    sign_in(page, live_server, "lena")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    editor = page.locator(".ProseMirror[contenteditable=true]")
    height = editor.bounding_box()["height"]
    assert height >= 900 * 0.45  # about half the 900-pixel-high window
    editor.click()
    page.keyboard.type("One two three four five.")
    page.keyboard.press("Enter")
    page.keyboard.type("Six seven.")

    count = page.locator("#id_body_word_count")
    count.filter(has_text="7 words").wait_for()
    assert count.inner_text() == "7 words · 1 min read"
    assert count.get_attribute("aria-live") == "polite"


def test_publish_now_asks_first_and_warns_about_open_notes(page, live_server):
    author = make_columnist("kwame").author_profile
    article = make_article("Ready now", authors=[author], status=Status.SUBMITTED)
    editor = make_editor("editor")
    ReviewNote.objects.create(article=article, author=editor, body="Is the figure sourced?")
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    confirm = page.locator("button[name=_transition][value=publish]")
    assert not confirm.is_visible()
    page.get_by_text("Save and publish now…").click()
    assert page.get_by_text("1 review note is still open.").is_visible()
    assert confirm.inner_text() == "Publish anyway"
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED

    confirm.click()
    page.wait_for_selector(".messagelist .success")
    assert page.locator(".messagelist .success").inner_text() == "“Ready now” is now published."
    assert page.evaluate("window.scrollY") == 0
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED


def test_the_publish_confirmation_works_from_the_keyboard(page, live_server):
    author = make_columnist("siobhan").author_profile
    article = make_article("Keyboard only", authors=[author], status=Status.SUBMITTED)
    make_editor("editor")
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    page.locator(".publish-confirm summary").focus()
    page.keyboard.press("Enter")
    confirm = page.locator("button[name=_transition][value=publish]")
    assert confirm.is_visible() and confirm.inner_text() == "Yes, publish now"
    confirm.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED


def test_an_author_shares_a_draft_and_a_stranger_reads_it(page, live_server, browser):
    columnist = make_columnist("amara")
    article = make_article(
        "A draft to share", authors=[columnist.author_profile], body="<p>Early words.</p>"
    )
    sign_in(page, live_server, "amara")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    page.fill("#id_share_days", "3")
    page.click("text=Make a share link")
    page.wait_for_selector("#new-share-link")  # made in place, where the button was
    address = page.locator("#new-share-link").input_value()
    assert address.endswith(ShareLink.objects.get().get_absolute_url())
    expect(page.locator(".share-link-copy").first).to_be_visible()  # added by its script

    stranger = browser.new_context()
    stranger_page = stranger.new_page()
    response = stranger_page.goto(address)
    assert response.status == 200
    assert stranger_page.get_by_text("Early words.").is_visible()

    page.click("text=Withdraw link")
    page.wait_for_selector(".messagelist .success")
    assert stranger_page.goto(address).status == 410
    assert stranger_page.get_by_role("heading", name="This link has expired or was withdrawn")
    stranger.close()


def test_shared_pages_have_no_axe_violations(browser, live_server):
    from tests.browser.test_accessibility import axe_violations

    columnist = make_columnist("amara")
    article = make_article(
        "A draft to share", authors=[columnist.author_profile], body="<p>Early words.</p>"
    )
    link = ShareLink.objects.create(
        article=article, created_by=columnist, expires_at=article.created_at.replace(year=2999)
    )
    for path, status in [(link.get_absolute_url(), 200), ("/shared/forged/", 404)]:
        for width, scheme in [(1280, "light"), (390, "dark")]:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, color_scheme=scheme
            )
            page = context.new_page()
            assert page.goto(f"{live_server.url}{path}").status == status
            assert axe_violations(page) == [], (path, width)
            assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
            context.close()
