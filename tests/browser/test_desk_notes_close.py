"""Issue 15 §2: review notes get closed in the flow: "Answer and resolve", ticks when
resubmitting, resolve buttons in the publish confirmation, counts on the desk."""

import pytest
from playwright.sync_api import expect

from articles import workflow
from articles.models import Article, ReviewNote, Status
from tests.browser.conftest import sign_in
from tests.browser.desk_checks import WIDTHS, assert_accessible, open_context
from tests.factories import make_article, make_columnist, make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_notes_are_closed_as_the_article_moves_through_review(browser, live_server, width):
    amara = make_columnist("amara")
    editor = make_editor("editor")
    article = make_article("Night buses", authors=[amara.author_profile], status=Status.SUBMITTED)
    workflow.request_changes(article, by=editor, note="Who else rides after midnight?")
    ReviewNote.objects.create(article=article, author=editor, body="Check the 2019 figure.")
    ReviewNote.objects.create(article=article, author=editor, body="Add a source for the fares.")
    question, _figure, fares = ReviewNote.objects.order_by("pk")

    # The writer answers one note and resolves it in one go, ticks another on resubmitting.
    context, page = open_context(browser, width)
    sign_in(page, live_server, "amara")
    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    page.locator(f"#reply-{question.pk}").fill("Cooks and cleaners; added.")
    page.locator(f"#reply-{question.pk}").locator("xpath=..").get_by_role(
        "button", name="Answer and resolve"
    ).click()
    expect(page.locator("[data-notes-status]")).to_have_text(
        "Your answer was added and the note resolved."
    )
    expect(page.locator("[data-open-notes-banner]")).to_contain_text("2 open notes")
    assert_accessible(page, "answered and resolved")

    page.reload()
    ticks = page.locator(".resubmit-notes")
    expect(ticks).to_contain_text("Check the 2019 figure.")
    expect(ticks).not_to_contain_text("Who else rides")
    ticks.get_by_label("Check the 2019 figure.", exact=False).check()
    assert_accessible(page, "resubmitting with ticks")
    ticks.get_by_role("button", name="Save and submit for review").click()
    page.wait_for_selector(".messagelist .success")
    expect(page.locator(".messagelist .success")).to_contain_text("1 note resolved.")
    context.close()
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED
    assert [n.is_resolved for n in ReviewNote.objects.filter(parent=None).order_by("pk")] == [
        True,
        True,
        False,
    ]

    # The desk shows what is still open; the confirmation resolves it in place.
    context, page = open_context(browser, width)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/review-desk/")
    expect(page.get_by_role("link", name="1 open note on “Night buses”")).to_be_visible()
    assert_accessible(page, "review desk with open notes")
    page.get_by_role("link", name="1 open note on “Night buses”").click()
    page.click("details.publish-confirm summary")
    confirm = page.locator(".publish-confirm-panel")
    expect(confirm).to_contain_text("Add a source for the fares.")
    expect(confirm.get_by_role("button", name="Publish anyway")).to_be_visible()
    assert_accessible(page, "publish confirmation with open notes")
    confirm.get_by_role("button", name="Resolve this note").click()
    expect(confirm.get_by_role("status")).to_have_text("The note was resolved.")
    expect(confirm.get_by_role("button", name="Yes, publish now")).to_be_visible()
    expect(page.locator("[data-open-notes-banner]")).not_to_contain_text("open note")
    assert_accessible(page, "publish confirmation, notes resolved")
    confirm.get_by_role("button", name="Yes, publish now").click()
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED
    assert ReviewNote.objects.get(pk=fares.pk).is_resolved
    # The history keeps every note, resolved.
    expect(page.locator(".review-note.is-resolved")).to_have_count(3)
    assert not page.console_errors
    context.close()
