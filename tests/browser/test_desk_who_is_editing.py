"""Issue 15 §4: who is editing, shown on the form and the article list, gone soon after
the tab closes, and taken over by an editor; at both widths."""

import pytest
from playwright.sync_api import expect

from articles.models import EditLock
from tests.browser.conftest import sign_in
from tests.browser.desk_checks import WIDTHS, assert_accessible, open_context
from tests.factories import make_article, make_columnist, make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_two_people_on_one_article_see_each_other(browser, live_server, settings, width):
    settings.EDIT_LOCK_HEARTBEAT_SECONDS = 1  # the form beats every second in this test
    amara = make_columnist("amara", name="Amara Okafor")
    make_editor("harriet")
    article = make_article("Night buses", authors=[amara.author_profile])
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"

    writer_context, writer = open_context(browser, width)
    sign_in(writer, live_server, "amara")
    writer.goto(change)
    expect(writer.locator(".edit-lock-notice")).to_have_count(0)

    editor_context, editor = open_context(browser, width)
    sign_in(editor, live_server, "harriet")
    editor.goto(change)
    notice = editor.locator(".edit-lock-notice")
    expect(notice).to_contain_text("Amara Okafor is editing this article (since")
    assert_accessible(editor, "someone else is editing")
    editor.goto(f"{live_server.url}/admin/articles/article/")
    expect(editor.locator(".edit-lock-badge")).to_contain_text("Amara Okafor since")
    assert_accessible(editor, "article list with who is editing")

    # The writer closes the tab: the notice goes with the next heartbeat.
    editor.goto(change)
    expect(notice).to_be_visible()
    writer_context.close()
    expect(editor.get_by_text("You are now editing this article.")).to_be_visible(timeout=15000)
    expect(notice.filter(has_text="is editing")).to_have_count(0)

    # The writer comes back and finds the editor there; the editor takes over again.
    writer_context, writer = open_context(browser, width)
    sign_in(writer, live_server, "amara")
    writer.goto(change)
    expect(writer.locator(".edit-lock-notice")).to_contain_text("is editing this article")
    expect(writer.get_by_role("button", name="Take over")).to_have_count(0)
    writer.locator(".ProseMirror[contenteditable=true]").click()
    writer.keyboard.type("Words typed meanwhile.")
    assert EditLock.objects.get(article=article).user.username == "harriet"
    writer_context.close()
    editor_context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_editor_takes_over_and_the_writer_is_told(browser, live_server, settings, width):
    settings.EDIT_LOCK_HEARTBEAT_SECONDS = 1
    amara = make_columnist("amara", name="Amara Okafor")
    make_editor("harriet")
    article = make_article("Night buses", authors=[amara.author_profile])
    change = f"{live_server.url}/admin/articles/article/{article.pk}/change/"
    writer_context, writer = open_context(browser, width)
    sign_in(writer, live_server, "amara")
    writer.goto(change)
    editor_context, editor = open_context(browser, width)
    sign_in(editor, live_server, "harriet")
    editor.goto(change)

    editor.get_by_role("button", name="Take over").click()
    expect(editor.get_by_text("You are now editing this article.")).to_be_visible()
    assert EditLock.objects.get(article=article).user.username == "harriet"
    told = writer.locator(".edit-lock-notice")
    expect(told).to_contain_text("took over editing at", timeout=15000)
    assert_accessible(writer, "the writer is told of the take-over")
    writer_context.close()
    editor_context.close()
