"""A scheduled article goes live at its time by itself: no job flips its status."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from articles import desk, workflow
from articles.models import Article, Status
from tests.admin_forms import change_form_data
from tests.factories import (
    make_article_in,
    make_author,
    make_columnist,
    make_editor,
    make_published,
    make_scheduled,
)

pytestmark = pytest.mark.django_db

# 09:00 in London on a summer morning (08:00 UTC), when the newsroom schedules.
MORNING = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
TIME_ZONE = "Europe/London"


@pytest.fixture(autouse=True)
def _newsroom_time_zone(settings):
    settings.TIME_ZONE = TIME_ZONE


@pytest.fixture
def clock():
    with time_machine.travel(MORNING, tick=False) as traveller:
        yield traveller


def submission():
    columnist = make_columnist()
    return make_article_in("submitted", title="Night buses", authors=[columnist.author_profile])


def scheduled(title=None, *, ahead):
    return make_scheduled(title, ahead=ahead, authors=[make_author()])


def reader_sees(client, article):
    """Whether a reader finds ``article`` on the home page and can open its page."""
    on_home = article.title in client.get(reverse("articles:home")).content.decode()
    page = client.get(article.get_absolute_url())
    assert page.status_code in (200, 404)
    assert on_home == (page.status_code == 200)
    return on_home


def test_a_scheduled_article_is_hidden_until_its_time_then_shown_with_no_job(client, clock):
    article = submission()
    out_at = MORNING + timedelta(hours=2)
    workflow.schedule(article, by=make_editor(), publish_at=out_at)

    assert not reader_sees(client, article)

    clock.move_to(out_at - timedelta(seconds=1))
    assert not reader_sees(client, article)

    clock.move_to(out_at)
    assert reader_sees(client, article)
    assert Article.objects.get(pk=article.pk).status == Status.SCHEDULED  # nothing ran


def test_every_public_page_honours_the_schedule(client, clock):
    article = submission()
    article.topics.add("Transport")
    neighbour = make_published("Trams", authors=[make_author()], topics=["Transport"])
    out_at = MORNING + timedelta(hours=2)
    workflow.schedule(article, by=make_editor(), publish_at=out_at)
    author = article.byline_authors[0]
    pages = {
        "home": reverse("articles:home"),
        "author": author.get_absolute_url(),
        "topic": reverse("topics:detail", kwargs={"slug": "transport"}),
        "related posts": neighbour.get_absolute_url(),
    }

    def shown():
        return {
            name: article.title in client.get(url).content.decode() for name, url in pages.items()
        }

    assert shown() == dict.fromkeys(pages, False)
    assert client.get(author.get_absolute_url()).status_code == 404  # nothing else published

    clock.move_to(out_at)
    assert shown() == dict.fromkeys(pages, True)


def test_a_scheduled_article_reads_as_published_once_its_time_has_come(clock):
    article = scheduled(ahead=timedelta(minutes=30))
    assert (article.state, article.is_published) == (Status.SCHEDULED, False)
    assert Article.objects.in_state(Status.SCHEDULED).get() == article

    clock.shift(timedelta(minutes=30))

    article.refresh_from_db()
    assert (article.state, article.is_published) == (Status.PUBLISHED, True)
    assert Article.objects.in_state(Status.PUBLISHED).get() == article
    assert not Article.objects.in_state(Status.SCHEDULED).exists()


def test_unpublishing_before_the_time_keeps_the_article_hidden_after_it(client, clock):
    article = scheduled(ahead=timedelta(hours=1))

    workflow.unpublish(article, by=make_editor(), reason="The minister resigned.")
    clock.shift(timedelta(hours=2))

    assert not reader_sees(client, article)


def test_publishing_a_scheduled_article_now_shows_it_at_once(client, clock):
    article = scheduled(ahead=timedelta(days=1))

    workflow.publish(article, by=make_editor())

    assert reader_sees(client, article)


def test_a_rescheduled_article_waits_for_its_new_time(client, clock):
    article = scheduled(ahead=timedelta(hours=1))
    workflow.schedule(article, by=make_editor(), publish_at=MORNING + timedelta(hours=3))

    clock.shift(timedelta(hours=2))
    assert not reader_sees(client, article)

    clock.shift(timedelta(hours=1))
    assert reader_sees(client, article)


# Scheduling through the admin, in the newsroom's time zone.


def schedule_in_admin(client, article, publish_at):
    editor = make_editor()
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = change_form_data(
        client.get(url), _transition="schedule", _transition_publish_at=publish_at
    )
    response = client.post(url, data)
    assert response.status_code == 302
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_the_admin_reads_the_schedule_time_in_the_newsroom_time_zone(client, clock):
    article = submission()

    messages = schedule_in_admin(client, article, "2026-06-02T07:30")

    article.refresh_from_db()
    assert article.status == Status.SCHEDULED
    assert article.published_at == datetime(2026, 6, 2, 6, 30, tzinfo=UTC)  # BST is UTC+1
    assert messages == [
        ("success", "“Night buses” is scheduled to go live on 2 June 2026 at 07:30.")
    ]


@pytest.mark.parametrize(
    ("publish_at", "message"),
    [
        ("2026-06-01T08:59", "That time has already passed. Choose a time in the future"),
        ("2025-12-25T10:00", "That time has already passed. Choose a time in the future"),
        ("", "Choose a date and time to publish at."),
        ("next Tuesday", "Enter the publication time as a date and a time."),
    ],
    ids=["a-minute-ago", "last-year", "empty", "not-a-time"],
)
def test_the_admin_refuses_a_schedule_time_that_is_not_in_the_future(
    client, clock, publish_at, message
):
    article = submission()

    messages = schedule_in_admin(client, article, publish_at)

    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.SUBMITTED, None)
    assert [level for level, _ in messages] == ["error"]
    assert message in messages[0][1]
    assert not article.events.exists()


def test_the_editors_dashboard_lists_what_is_coming_up_and_not_what_is_already_out(client, clock):
    soon = scheduled("Out at noon", ahead=timedelta(hours=3))
    later = scheduled("Out tomorrow", ahead=timedelta(days=1))
    due = scheduled("Already out", ahead=timedelta(hours=1))
    clock.shift(timedelta(hours=2))
    client.force_login(make_editor())

    response = client.get(reverse("admin:index"))

    assert list(response.context["upcoming_schedule"]) == [soon, later]
    counts = dict(response.context["state_counts"])
    assert (counts[Status.SCHEDULED], counts[Status.PUBLISHED]) == (2, 1)
    assert due not in desk.upcoming_schedule()
