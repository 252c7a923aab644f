"""Issue 15 §6: the dashboard laid out for the desk at 1280 px, and the week/month
calendar with its gaps and a plain reschedule form, at both widths."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from articles import workflow
from articles.models import Article, Status
from tests.browser.conftest import sign_in
from tests.browser.desk_checks import WIDTHS, assert_accessible, open_context
from tests.factories import make_article, make_columnist, make_editor, make_scheduled


@pytest.fixture
def desk():
    amara = make_columnist("amara", name="Amara Okafor").author_profile
    editor = make_editor("editor")
    scheduled = make_scheduled("The coming column", ahead=timedelta(minutes=10), authors=[amara])
    for n in range(6):
        submitted = make_article(
            f"Waiting piece {n}",
            authors=[amara],
            status=Status.SUBMITTED,
            submitted_at=timezone.now() - timedelta(hours=n + 1),
        )
        workflow.assign(submitted, by=editor, assignee=editor, due=timezone.localdate())
    return scheduled


pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_dashboard_lays_out_the_desk_side_by_side(browser, live_server, desk, width):
    context, page = open_context(browser, width)
    sign_in(page, live_server, "editor")
    week = page.locator(".dashboard-panel--wide .desk-calendar")
    expect(week).to_contain_text("The coming column")
    expect(week.locator(".desk-day.is-gap").first).to_contain_text("Nothing scheduled")
    assert_accessible(page, "dashboard")
    if width == 1280:
        main = page.locator(".newsroom-dashboard").bounding_box()
        assert main["width"] > 1100  # the whole screen, not its left half
        tops = page.locator(".newsroom-dashboard > .dashboard-panel:not(.dashboard-panel--wide)")
        rows = {round(tops.nth(n).bounding_box()["y"]) for n in range(tops.count())}
        assert len(rows) < tops.count()  # panels side by side
        assert page.evaluate("document.documentElement.scrollHeight") < 3000
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_calendar_shows_gaps_and_reschedules_through_the_workflow(
    browser, live_server, desk, width
):
    context, page = open_context(browser, width)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/calendar/")
    calendar = page.locator(".desk-calendar")
    expect(calendar.locator(".desk-day:not(.is-outside)")).to_have_count(7)
    expect(calendar.locator(".desk-day.is-gap").first).to_be_visible()
    assert_accessible(page, "week calendar")

    page.get_by_role("link", name="Month").click()
    expect(page.locator(".desk-calendar--month")).to_be_visible()
    assert_accessible(page, "month calendar")
    page.get_by_role("link", name="Week").click()
    expect(page.locator(".desk-calendar--week")).to_be_visible()
    day = timezone.localtime(desk.published_at).date().isoformat()
    page.goto(f"{live_server.url}/admin/articles/article/calendar/?day={day}")

    when = timezone.localtime(desk.published_at + timedelta(days=1)).replace(
        hour=8, minute=15, second=0, microsecond=0
    )
    field = page.get_by_label("New time for “The coming column”")
    field.fill(when.strftime("%Y-%m-%dT%H:%M"))
    field.locator("xpath=..").get_by_role("button", name="Reschedule").click()
    page.wait_for_selector(".messagelist .success")
    article = Article.objects.get(pk=desk.pk)
    assert article.status == Status.SCHEDULED and article.published_at == when
    assert page.url.startswith(f"{live_server.url}/admin/articles/article/calendar/")
    context.close()


def test_dragging_a_scheduled_article_to_another_day_reschedules_it_at_the_same_time(
    browser, live_server, desk
):
    later = make_scheduled("The weekend essay", ahead=timedelta(days=2), authors=desk.authors.all())
    when = timezone.localtime(later.published_at)
    context, page = open_context(browser, 1280)
    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/articles/article/calendar/?day={when.date().isoformat()}")
    days = page.locator(".desk-day[data-date]")
    dates = [days.nth(n).get_attribute("data-date") for n in range(days.count())]
    today = timezone.localdate().isoformat()
    target = next(d for d in dates if d > today and d != when.date().isoformat())

    item = page.locator(".desk-item", has_text="The weekend essay")
    item.drag_to(page.locator(f'.desk-day[data-date="{target}"]'))

    page.wait_for_selector(".messagelist .success")
    later.refresh_from_db()
    moved = timezone.localtime(later.published_at)
    assert later.status == Status.SCHEDULED
    assert moved.date().isoformat() == target
    assert (moved.hour, moved.minute) == (when.hour, when.minute)
    expect(page.locator(f'.desk-day[data-date="{target}"]')).to_contain_text("The weekend essay")
    context.close()
