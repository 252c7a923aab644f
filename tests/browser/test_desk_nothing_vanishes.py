"""Issue 15 §1: words and pictures never vanish at the writing desk.

A picture inserted in the body leaves the caret after it, so typing goes on below it;
removing a picture says so and can be undone; notes are added, answered and resolved
without leaving the form, so unsaved words in the body stay.
"""

import pytest
from playwright.sync_api import expect

from articles.models import Article, ReviewNote
from tests.browser.conftest import sign_in
from tests.browser.desk_checks import WIDTHS, assert_accessible, open_context
from tests.factories import make_article, make_columnist, make_editor, make_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_typing_after_an_inserted_picture_keeps_it_and_a_removal_can_be_undone(
    browser, live_server, width
):
    amara = make_columnist("amara")
    picture = make_image(alt_text="Cranes over the harbour", uploaded_by=make_editor())
    article = make_article("Harbour", authors=[amara.author_profile], body="<p>Start.</p>")
    context, page = open_context(browser, width)
    sign_in(page, live_server, "amara")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")

    body = page.locator(".ProseMirror[contenteditable=true]")
    body.get_by_text("Start.").click()
    page.keyboard.press("End")
    page.click("button[title='insert or edit a picture']")
    dialog = page.locator("dialog.body-image-dialog")
    dialog.get_by_label("Search the library").fill("cranes")
    dialog.get_by_role("button", name="Search").click()
    dialog.locator(f"[data-image-id='{picture.pk}']").click()
    expect(body.locator("figure.body-image img")).to_have_count(1)

    # The next keystrokes go after the picture; they never replace it.
    page.keyboard.type("After the picture.")
    expect(body.locator("figure.body-image + p")).to_have_text("After the picture.")
    expect(body.locator("figure.body-image")).to_have_count(1)
    assert_accessible(page, "picture inserted")

    # Deleting it is a visible step, and one click brings it back.
    body.locator("figure.body-image").click()
    page.keyboard.press("Backspace")
    expect(body.locator("figure.body-image")).to_have_count(0)
    notice = page.get_by_role("status").filter(has_text="A picture was removed from the body.")
    expect(notice).to_be_visible()
    assert_accessible(page, "picture removed")
    notice.get_by_role("button", name="Undo").click()
    expect(body.locator("figure.body-image")).to_have_count(1)
    expect(notice).to_be_hidden()

    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    saved = Article.objects.get(pk=article.pk).body
    assert f'data-image-id="{picture.pk}"' in saved
    assert saved.index("data-image-id") < saved.index("After the picture.")
    assert not page.console_errors
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_notes_are_added_answered_and_resolved_without_losing_unsaved_words(
    browser, live_server, width
):
    amara = make_columnist("amara")
    editor = make_editor("editor")
    article = make_article("Rents", authors=[amara.author_profile], body="<p>Saved words.</p>")
    question = ReviewNote.objects.create(article=article, author=editor, body="Source for 2019?")
    context, page = open_context(browser, width)
    leave_prompts = []
    page.on("dialog", lambda dialog: (leave_prompts.append(dialog.type), dialog.dismiss()))
    sign_in(page, live_server, "amara")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.evaluate("window.sameDocument = true")

    body = page.locator(".ProseMirror[contenteditable=true]")
    body.get_by_text("Saved words.").click()
    page.keyboard.press("End")
    page.keyboard.type(" Unsaved words.")
    banner = page.locator("[data-open-notes-banner]")
    expect(banner).to_contain_text("1 open note")

    page.get_by_label("New note").fill("I added a paragraph on rents.")
    page.get_by_role("button", name="Add note").click()
    status = page.locator("[data-notes-status]")
    expect(status).to_have_text("Your note was added.")
    expect(page.locator(".review-note")).to_have_count(2)
    expect(banner).to_contain_text("2 open notes")
    expect(page.get_by_label("New note")).to_have_value("")
    assert_accessible(page, "note added")

    reply = page.locator(f"#reply-{question.pk}")
    reply.fill("The census, table 4.")
    reply.locator("xpath=..").get_by_role("button", name="Reply", exact=True).click()
    expect(page.get_by_text("The census, table 4.")).to_be_visible()

    page.locator(f"button[name=resolve][value='{question.pk}']").click()
    expect(status).to_have_text("The note was resolved.")
    expect(banner).to_contain_text("1 open note")
    assert_accessible(page, "note resolved")

    # A refused note keeps its text and says why.
    page.get_by_label("New note").fill("x" * 10)
    page.evaluate("document.getElementById('new-note').value = ' '.repeat(3)")
    page.evaluate("document.getElementById('new-note').removeAttribute('required')")
    page.get_by_role("button", name="Add note").click()
    expect(status).to_contain_text("Write")

    # Still the same page, never asked to leave, and every unsaved word is in the body.
    assert page.evaluate("window.sameDocument") is True
    assert leave_prompts == []
    expect(body).to_contain_text("Saved words. Unsaved words.")
    assert Article.objects.get(pk=article.pk).body == "<p>Saved words.</p>"
    assert ReviewNote.objects.filter(article=article).count() == 3
    assert ReviewNote.objects.get(pk=question.pk).is_resolved

    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert "Unsaved words." in Article.objects.get(pk=article.pk).body
    # The refused note's 400 is the only error the console saw.
    assert [e for e in page.console_errors if "400 (Bad Request)" not in e] == []
    context.close()
