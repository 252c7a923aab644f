"""What a columnist and an editor do in a real browser: the editor loads, words are kept."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from tests.browser.conftest import sign_in
from tests.factories import make_article, make_columnist, make_editor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_columnist_writes_in_the_rich_text_editor_and_every_word_is_saved(page, live_server):
    make_columnist("amara")
    sign_in(page, live_server, "amara")

    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.fill("#id_title", "Why the night bus matters — to O’Brien and everyone")
    editor = page.locator(".ProseMirror[contenteditable=true]")
    editor.click()
    page.keyboard.type("Every word counts, even the “quoted” ones.")
    page.keyboard.press("Enter")
    page.keyboard.type("Ζήτω η δημοκρατία.")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    article = Article.objects.get()
    assert article.title == "Why the night bus matters — to O’Brien and everyone"
    assert "Every word counts, even the “quoted” ones." in article.body
    assert "Ζήτω η δημοκρατία." in article.body
    assert article.status == Status.DRAFT
    assert [a.user.username for a in article.byline_authors] == ["amara"]
    assert not [e for e in page.console_errors if "Content Security Policy" in e]


def test_leaving_a_form_with_unsaved_words_asks_first(page, live_server):
    make_columnist("tomas")
    sign_in(page, live_server, "tomas")
    page.goto(f"{live_server.url}/admin/articles/article/add/")
    page.click("#id_title")
    page.keyboard.type("Half a thought")

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    page.goto(f"{live_server.url}/admin/")

    assert dialogs == ["beforeunload"]


def test_editor_schedules_a_submission_from_the_workflow_panel(page, live_server):
    author = make_columnist("kwame").author_profile
    article = make_article("Ready for Friday", authors=[author], status=Status.SUBMITTED)
    make_editor("editor")
    sign_in(page, live_server, "editor")

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/change/")
    when = timezone.localtime() + timedelta(days=2)
    page.fill("#id_transition_publish_at", when.strftime("%Y-%m-%dT%H:%M"))
    page.click("details.schedule-confirm summary")  # scheduling asks first, as publishing does
    page.click("button[name=_transition][value=schedule]")
    page.wait_for_selector(".messagelist")

    article.refresh_from_db()
    assert article.status == Status.SCHEDULED
    assert abs(article.published_at - when.replace(second=0, microsecond=0)) < timedelta(minutes=1)
    assert page.locator(".workflow-panel").get_by_text("Scheduled").first.is_visible()
