"""Issue 15 §5: the pre-publish checklist on the form and in the publish confirmation,
and the page where editors choose which items block, at both widths."""

import pytest
from playwright.sync_api import expect

from articles.models import Article, PublishingChecklist, Status
from tests.browser.conftest import sign_in
from tests.browser.desk_checks import WIDTHS, assert_accessible, open_context
from tests.factories import make_article, make_columnist, make_editor, make_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_blocking_item_holds_publication_until_it_is_met(browser, live_server, width):
    rules = PublishingChecklist.load()
    rules.blocks_disclosure = True
    rules.save()
    article = make_article(
        "Night buses",
        authors=[make_columnist("amara").author_profile],
        status=Status.SUBMITTED,
        standfirst="Who rides after midnight.",
        featured_image=make_image(alt_text="A bus at night", credit="Photo: Desk"),
        topics=["Transport"],
    )
    make_editor("editor")
    context, page = open_context(browser, width)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    panel = page.locator(".workflow-panel .checklist").first
    expect(panel).to_contain_text("Pre-publish checklist")
    disclosure = panel.locator("[data-checklist-item=disclosure]")
    expect(disclosure).to_contain_text("blocks publishing")
    expect(panel.locator("[data-checklist-item=topic]")).to_have_class("checklist-item is-met")
    expect(panel.locator("[data-checklist-item=length]")).to_contain_text("advice only")
    assert_accessible(page, "checklist on the form")

    page.click("details.publish-confirm summary")
    confirm = page.locator(".publish-confirm-panel")
    expect(confirm).to_contain_text("Publishing is blocked")
    expect(confirm.get_by_role("button", name="Yes, publish now")).to_have_count(0)
    assert_accessible(page, "publish confirmation, blocked")

    # Answering the disclosure (and saving) clears the way.
    page.click("details.publish-confirm summary")
    page.get_by_label("None to declare").check()
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    expect(page.locator(".workflow-panel [data-checklist-item=disclosure]").first).to_have_class(
        "checklist-item is-met"
    )
    page.click("details.publish-confirm summary")
    page.get_by_role("button", name="Yes, publish now").click()
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_editors_choose_which_items_block(browser, live_server, width):
    make_editor("editor")
    context, page = open_context(browser, width)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/publishingchecklist/")

    expect(page.get_by_label("Open review notes block publishing")).to_be_visible()
    assert_accessible(page, "checklist settings")
    page.get_by_label("Open review notes block publishing").check()
    page.get_by_label("Longest headline (characters)").fill("80")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    rules = PublishingChecklist.load()
    assert rules.blocks_notes and rules.headline_max_length == 80
    context.close()
