"""Issue 15 §6: the desk's calendar, and rescheduling through the schedule transition."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles import calendar
from articles.models import Action, Article, ArticleEvent, Status
from tests.factories import make_article, make_columnist, make_editor, make_scheduled

pytestmark = pytest.mark.django_db

CALENDAR = reverse("admin:articles_article_calendar")
# A Wednesday.
NOW = timezone.make_aware(datetime(2026, 12, 2, 9, 0))


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def local(day, hour):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def test_a_week_shows_scheduled_and_due_articles_and_the_gaps(frozen):
    make_scheduled("Thursday piece", ahead=local(date(2026, 12, 3), 7) - NOW)
    make_article("Due Friday", status=Status.SUBMITTED, review_due=date(2026, 12, 4))
    make_scheduled("Next week", ahead=timedelta(days=8))

    week = calendar.build("week")

    assert (week.start, week.end) == (date(2026, 11, 30), date(2026, 12, 7))
    by_day = {day.date: day for day in week.days}
    assert [a.title for a in by_day[date(2026, 12, 3)].scheduled] == ["Thursday piece"]
    assert [a.title for a in by_day[date(2026, 12, 4)].due] == ["Due Friday"]
    assert len(week.gaps) == 6 and by_day[date(2026, 12, 4)].is_gap


def test_a_month_is_whole_weeks_with_the_days_outside_marked(frozen):
    month = calendar.build("month")
    assert month.start == date(2026, 12, 1) and month.end == date(2027, 1, 1)
    assert len(month.days) % 7 == 0 and month.days[0].date == date(2026, 11, 30)
    assert not month.days[0].in_range and month.previous == date(2026, 11, 1)


def test_the_calendar_is_for_editors(client, frozen):
    client.force_login(make_columnist())
    assert client.get(CALENDAR).status_code == 403
    client.force_login(make_editor())
    page = client.get(CALENDAR + "?view=month&day=2026-12-15")
    assert page.status_code == 200 and "December 2026" in page.content.decode()
    assert client.get(CALENDAR + "?day=not-a-date").status_code == 200


def test_rescheduling_goes_through_the_schedule_transition(client, frozen):
    author = make_columnist().author_profile
    article = make_scheduled("Moving", ahead=timedelta(days=1), authors=[author])
    editor = make_editor()
    client.force_login(editor)
    url = reverse("admin:articles_article_reschedule", args=[article.pk])

    client.post(url, {"when": "2026-12-05T08:30", "next": CALENDAR})

    article.refresh_from_db()
    assert article.status == Status.SCHEDULED
    assert timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M") == (
        "2026-12-05 08:30"
    )
    assert ArticleEvent.objects.filter(article=article, action=Action.SCHEDULE).exists()


def test_a_reschedule_into_the_past_or_by_a_columnist_is_refused(client, frozen):
    author = make_columnist()
    article = make_scheduled("Stays", ahead=timedelta(days=1), authors=[author.author_profile])
    before = article.published_at
    url = reverse("admin:articles_article_reschedule", args=[article.pk])

    client.force_login(make_editor())
    client.post(url, {"when": "2026-11-01T08:30"})
    client.force_login(author)
    client.post(url, {"when": "2026-12-09T08:30"})

    assert Article.objects.get(pk=article.pk).published_at == before


def test_the_dashboard_shows_this_week(client, frozen):
    make_scheduled("Thursday piece", ahead=timedelta(days=1))
    client.force_login(make_editor())
    content = client.get(reverse("admin:index")).content.decode()
    assert "This week on the desk" in content and "Nothing scheduled" in content
    assert "Thursday piece" in content
