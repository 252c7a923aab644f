"""The desk's calendar: scheduled and due articles by day, with the empty days shown.

Days are the desk's local days (``TIME_ZONE``). A day with nothing scheduled is a gap
the desk should see; due dates are review deadlines of submissions.
"""

import calendar as stdlib_calendar
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .models import Article, Status


@dataclass
class Day:
    date: date
    scheduled: list = field(default_factory=list)
    due: list = field(default_factory=list)
    in_range: bool = True

    @property
    def is_gap(self):
        return self.in_range and not self.scheduled

    @property
    def is_today(self):
        return self.date == timezone.localdate()


@dataclass
class Calendar:
    view: str  # "week" or "month"
    start: date
    end: date  # exclusive
    days: list
    previous: date
    next: date

    @property
    def weeks(self):
        return [self.days[i : i + 7] for i in range(0, len(self.days), 7)]

    @property
    def anchor(self):
        """The day to open the other view at: today if shown, else the week's Thursday
        (the month an ISO week belongs to) or the month's first day."""
        today = timezone.localdate()
        if self.start <= today < self.end:
            return today
        return self.start + timedelta(days=3) if self.view == "week" else self.start

    @property
    def gaps(self):
        return [day for day in self.days if day.is_gap]


def _local_midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def monday_of(day):
    return day - timedelta(days=day.weekday())


def build(view="week", around=None):
    """The week (Monday to Sunday) or the month containing ``around`` (default: today)."""
    around = around or timezone.localdate()
    if view == "month":
        first = around.replace(day=1)
        last_day = stdlib_calendar.monthrange(first.year, first.month)[1]
        end = first + timedelta(days=last_day)
        grid_start, grid_end = monday_of(first), monday_of(end - timedelta(days=1)) + timedelta(7)
        previous = (first - timedelta(days=1)).replace(day=1)
        following = end
    else:
        view = "week"
        first = monday_of(around)
        end = first + timedelta(days=7)
        grid_start, grid_end = first, end
        previous, following = first - timedelta(days=7), end
    days = {
        grid_start + timedelta(n): Day(grid_start + timedelta(n))
        for n in range((grid_end - grid_start).days)
    }
    for day in days.values():
        day.in_range = first <= day.date < end
    scheduled = (
        Article.objects.filter(
            status__in=(Status.SCHEDULED, Status.PUBLISHED),
            published_at__gte=_local_midnight(grid_start),
            published_at__lt=_local_midnight(grid_end),
        )
        .with_bylines()
        .order_by("published_at", "pk")
    )
    for article in scheduled:
        days[timezone.localtime(article.published_at).date()].scheduled.append(article)
    due = (
        Article.objects.filter(
            status=Status.SUBMITTED, review_due__gte=grid_start, review_due__lt=grid_end
        )
        .select_related("assignee")
        .with_bylines()
        .order_by("review_due", "pk")
    )
    for article in due:
        days[article.review_due].due.append(article)
    return Calendar(view, first, end, list(days.values()), previous, following)
