"""Issue 15 §7: the smaller frictions of the writing desk, in a real browser at both widths."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles import revisions
from articles.models import Article, FrontPageSlot, ShareLink, Status
from tests.browser.conftest import sign_in
from tests.browser.desk_checks import WIDTHS, assert_accessible, open_context
from tests.factories import make_article, make_columnist, make_editor, make_published

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_home_page_shows_each_headline_once(browser, live_server, width):
    picks = [make_published(f"Pick {n}", ago=timedelta(hours=n + 1)) for n in range(5)]
    for n in range(12):
        make_published(f"Latest {n}", ago=timedelta(days=n + 1))
    for position, pick in enumerate(picks):
        FrontPageSlot.objects.create(position=position, article=pick)
    context, page = open_context(browser, width)
    page.goto(f"{live_server.url}/")

    hrefs = page.locator("main a[href$='/']").evaluate_all(
        "links => links.filter(a => a.closest('h2, h3')).map(a => a.getAttribute('href'))"
    )
    assert len(hrefs) == len(set(hrefs)) == 17
    assert_accessible(page, "home")
    context.close()


def workflow_buttons(page):
    return page.locator(".workflow-actions > .button, .workflow-actions summary").evaluate_all(
        "items => items.map(i => { const r = i.getBoundingClientRect();"
        " return [r.x + window.scrollX, r.y + window.scrollY] })"
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_publish_and_schedule_ask_first_without_moving_the_other_buttons(
    browser, live_server, width
):
    author = make_columnist("kwame").author_profile
    article = make_article("Ready", authors=[author], status=Status.SUBMITTED)
    make_editor("editor")
    context, page = open_context(browser, width)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    before = workflow_buttons(page)
    page.click("details.publish-confirm summary")
    expect(page.get_by_role("button", name="Yes, publish now")).to_be_visible()
    assert workflow_buttons(page) == before
    assert_accessible(page, "publish confirmation open")
    page.click("details.publish-confirm summary")

    when = timezone.localtime() + timedelta(days=2)
    page.fill("#id_transition_publish_at", when.strftime("%Y-%m-%dT%H:%M"))
    page.click("details.schedule-confirm summary")
    confirm = page.get_by_role("button", name="Yes, schedule")
    expect(confirm).to_be_visible()
    assert workflow_buttons(page) == before
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED
    assert_accessible(page, "schedule confirmation open")
    confirm.click()
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=article.pk).status == Status.SCHEDULED
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_approving_a_change_to_a_live_article_asks_first(browser, live_server, width):
    amara = make_columnist("amara").author_profile
    live = make_published("Bridges", authors=[amara])
    live.title = "Bridges, not walls"
    revisions.save_pending(live, by=amara.user)
    make_editor("editor")
    context, page = open_context(browser, width)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/review-desk/")
    # The desk sends the editor to compare first; the approval is made on that page.
    page.get_by_text("Compare and approve…").click()

    page.get_by_text("Approve and make live…").click()
    confirm = page.get_by_role("button", name="Yes, make it live")
    expect(confirm).to_be_visible()
    assert Article.objects.get(pk=live.pk).title == "Bridges"
    assert_accessible(page, "approval confirmation open")
    confirm.click()
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=live.pk).title == "Bridges, not walls"
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_new_share_link_appears_where_the_button_was_ready_to_copy(browser, live_server, width):
    amara = make_columnist("amara")
    article = make_article("To share", authors=[amara.author_profile], body="<p>Words.</p>")
    context, page = open_context(browser, width)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(page, live_server, "amara")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.evaluate("window.sameDocument = true")

    page.get_by_role("button", name="Make a share link").click()
    address = page.get_by_label("New share link", exact=False)
    expect(address).to_be_visible()
    expect(address).to_be_in_viewport()
    assert address.input_value().endswith(ShareLink.objects.get().get_absolute_url())
    assert page.evaluate("window.sameDocument") is True
    copy = page.locator(".share-link-made .share-link-copy")
    copy.click()
    expect(copy).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == address.input_value()
    assert_accessible(page, "share link made")
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_new_article_offers_its_actions_at_once_and_hides_empty_facts(
    browser, live_server, width
):
    make_columnist("lena")
    context, page = open_context(browser, width)
    sign_in(page, live_server, "lena")
    page.goto(f"{live_server.url}/admin/articles/article/add/")

    expect(page.get_by_role("button", name="Save and preview")).to_be_visible()
    expect(page.get_by_role("button", name="Save and make a share link")).to_be_visible()
    expect(page.get_by_role("button", name="Save and submit for review")).to_be_visible()
    assert page.locator(".field-byline_names, .field-published_at").count() == 0
    # The block-type menu's arrow is drawn, not a glyph that may be missing. The editor
    # draws its menu bar after the page loads: wait for it.
    page.locator(".prose-menubar__selected").first.wait_for(state="attached")
    arrow = page.evaluate(
        "getComputedStyle(document.querySelector('.prose-menubar__selected'), '::after').content"
    )
    assert "⏷" not in arrow
    assert_accessible(page, "new article")

    page.fill("#id_title", "Straight to review")
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type("Every word ready.")
    page.get_by_role("button", name="Save and submit for review").click()
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get()
    assert article.status == Status.SUBMITTED and "Every word ready." in article.body
    context.close()
