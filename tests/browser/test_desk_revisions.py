"""Issue 15 §3: revisions people can read, and Restore on the list, at both widths."""

import pytest
from playwright.sync_api import expect

from articles import revisions, workflow
from articles.models import Article, Status
from tests.browser.conftest import sign_in
from tests.browser.desk_checks import WIDTHS, assert_accessible, open_context
from tests.factories import make_article, make_columnist, make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_revision_list_reads_as_who_when_what_and_restores(browser, live_server, width):
    amara = make_columnist("amara", name="Amara Okafor")
    article = make_article(
        "Night buses", authors=[amara.author_profile], body="<p>The first words.</p>"
    )
    revisions.record(article, by=make_editor("editor"))  # the first version, by someone else
    context, page = open_context(browser, width)
    sign_in(page, live_server, "amara")
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    page.goto(change)
    body = page.locator(".ProseMirror[contenteditable=true]")
    body.get_by_text("The first words.").click()
    page.keyboard.press("End")
    page.keyboard.type(" And three more.")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    page.fill("#id_title", "Night buses at two")
    page.click("button[name=_transition][value=submit]")
    page.wait_for_selector(".messagelist .success")
    context.close()
    workflow.request_changes(
        Article.objects.get(pk=article.pk), by=make_editor("editor2"), note="Shorter."
    )

    context, page = open_context(browser, width)
    sign_in(page, live_server, "amara")
    page.goto(change)
    rows = page.locator("#revisions tbody tr")
    expect(rows.first).to_contain_text("Save and submit")
    expect(rows.first).to_contain_text("Headline")
    expect(rows.first).to_contain_text("Amara Okafor")
    expect(rows.nth(1)).to_contain_text("Body: +3 −0 words")
    assert_accessible(page, "revisions on the form")

    page.get_by_role("link", name="Revisions", exact=True).click()
    table = page.locator(".revision-list tbody")
    expect(table).to_contain_text("Save and submit")
    assert_accessible(page, "revision list")
    # Restore straight from the list: the saved text before the headline change.
    table.locator("tr").nth(2).get_by_role("button", name="Restore").click()
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=article.pk).title == "Night buses"
    expect(page.locator("#revisions tbody tr").first).to_contain_text("Restore")
    context.close()
    assert Article.objects.get(pk=article.pk).status == Status.CHANGES_REQUESTED
