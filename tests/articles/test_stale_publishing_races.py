"""Publishing from a stale view while the text changes underneath, with real concurrency
on PostgreSQL: the version check and the publish happen under the same row lock."""

from articles import editing, workflow
from articles.models import Status
from tests.admin_forms import change_form_data
from tests.articles.test_concurrent_saves import (
    _newsroom_groups,  # noqa: F401 (autouse: the groups again after each flush)
    first_writer_held,
    opened_by,
    poster,
    pytestmark,  # noqa: F401 (PostgreSQL only, transactional)
    race,
    stored,
)
from tests.factories import make_article_in, make_columnist, make_editor


def test_a_save_in_flight_makes_the_editors_publish_of_the_old_version_fail(monkeypatch):
    columnist = make_columnist()
    article = make_article_in(
        "changes_requested", title="Reviewed title", authors=[columnist.author_profile]
    )
    seen = article.version
    client, page = opened_by(columnist, article)

    with first_writer_held(monkeypatch, editing, "save_edit") as gate:
        save, publish = race(
            gate,
            poster(client, article, change_form_data(page, title="UNREVIEWED TITLE")),
            lambda: workflow.publish(stored(article), by=make_editor(), seen=seen),
        )

    assert save.error is None and save.result.status_code == 302
    assert isinstance(publish.error, workflow.TransitionError)
    assert "changed after you opened it" in str(publish.error)
    article = stored(article)
    assert (article.title, article.status) == ("UNREVIEWED TITLE", Status.CHANGES_REQUESTED)


def test_a_publish_in_flight_turns_the_late_save_into_a_conflict(monkeypatch):
    columnist = make_columnist()
    article = make_article_in(
        "changes_requested", title="Reviewed title", authors=[columnist.author_profile]
    )
    seen = article.version
    client, page = opened_by(columnist, article)

    with first_writer_held(monkeypatch, workflow, "_require_publishable") as gate:
        publish, save = race(
            gate,
            lambda: workflow.publish(stored(article), by=make_editor(), seen=seen),
            poster(client, article, change_form_data(page, title="UNREVIEWED TITLE")),
        )

    assert publish.error is None
    assert save.error is None and save.result.status_code == 200
    assert "Someone else saved this article" in save.result.content.decode()
    article = stored(article)
    assert (article.title, article.status) == ("Reviewed title", Status.PUBLISHED)
