"""Every change readers can see replaces the cached pages at once, on every page it shows on.

Each test fills the cache through an anonymous reader, makes the change the
way the newsroom makes it (workflow, edit path, admin), and reads again.
"""

from datetime import timedelta

import pytest
import time_machine
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from articles import corrections, editing, workflow
from articles.models import Status, Topic
from images.models import Image
from tests.admin_forms import change_form_data
from tests.factories import (
    make_admin,
    make_article,
    make_author,
    make_editor,
    make_image,
    make_published,
    uploaded_png,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def desk():
    """An author with one live article on a topic, and the pages that show them."""
    author = make_author("Ada Columnist", slug="ada")
    topic = Topic.objects.create(name="Transport", slug="transport", description="Buses.")
    live = make_published("Old news", authors=[author], topics=[topic], slug="old-news")
    return author, topic, live


def pages(author, topic, live):
    return [
        "/",
        live.get_absolute_url(),
        reverse("authors:detail", args=[author.slug]),
        topic.get_absolute_url(),
    ]


def read_all(reader, urls):
    """Read each page twice so the second read proves it is cached."""
    for url in urls:
        reader.get(url)
        response = reader.get(url)
        assert response.get("X-Page-Cache") == "hit", url


def test_publishing_shows_the_article_at_once_on_home_author_topic_and_related(
    reader, desk, django_capture_on_commit_callbacks
):
    author, topic, live = desk
    read_all(reader, pages(author, topic, live))
    draft = make_article("Fresh take", authors=[author], topics=[topic], status=Status.SUBMITTED)

    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(draft, by=make_editor())

    for url in pages(author, topic, live):
        assert "Fresh take" in reader.get(url).content.decode(), url
    assert reader.get(draft.get_absolute_url()).status_code == 200


def test_unpublishing_removes_the_article_at_once_everywhere(
    reader, desk, django_capture_on_commit_callbacks
):
    author, topic, live = desk
    other = make_published("Still here", authors=[author], topics=[topic])
    read_all(reader, [*pages(author, topic, live), other.get_absolute_url()])

    with django_capture_on_commit_callbacks(execute=True):
        workflow.unpublish(live, by=make_editor(), reason="Legal")

    assert reader.get(live.get_absolute_url()).status_code == 404
    for url in ["/", other.get_absolute_url(), reverse("authors:detail", args=[author.slug])]:
        assert "Old news" not in reader.get(url).content.decode(), url


def test_editing_a_live_article_shows_the_new_words_at_once(
    reader, desk, django_capture_on_commit_callbacks
):
    author, topic, live = desk
    read_all(reader, pages(author, topic, live))

    live.title = "Corrected headline"
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_edit(
            live, by=make_editor(), base_version=live.version, changed_fields=["title"]
        )

    for url in pages(author, topic, live):
        assert "Corrected headline" in reader.get(url).content.decode(), url


def test_an_editors_admin_edit_of_a_live_article_is_visible_at_once(
    client, reader, desk, django_capture_on_commit_callbacks
):
    author, topic, live = desk
    read_all(reader, pages(author, topic, live))
    client.force_login(make_admin())
    url = reverse("admin:articles_article_change", args=[live.pk])
    page = client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, change_form_data(page, standfirst="A sharper standfirst."))

    assert response.status_code == 302
    assert "A sharper standfirst." in reader.get(live.get_absolute_url()).content.decode()


def test_an_authors_new_bio_and_avatar_show_at_once(
    client, reader, desk, django_capture_on_commit_callbacks
):
    author, _topic, live = desk
    author_page = reverse("authors:detail", args=[author.slug])
    read_all(reader, [author_page, live.get_absolute_url()])
    client.force_login(make_admin())
    url = reverse("admin:authors_author_change", args=[author.pk])
    page = client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            change_form_data(
                page, bio="Now writing about rivers.", avatar=uploaded_png("me.png", width=120)
            ),
        )

    assert response.status_code == 302
    for page_url in [author_page, live.get_absolute_url()]:
        html = reader.get(page_url).content.decode()
        assert "Now writing about rivers." in html, page_url
        assert 'class="avatar' in html, page_url


def test_a_topics_new_name_and_description_show_at_once(
    client, reader, desk, django_capture_on_commit_callbacks
):
    _author, topic, live = desk
    topic_page = topic.get_absolute_url()
    read_all(reader, [topic_page, live.get_absolute_url()])
    client.force_login(make_admin())
    url = reverse("admin:articles_topic_change", args=[topic.pk])
    page = client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, change_form_data(page, name="Public transport", description="Trains too.")
        )

    assert response.status_code == 302
    assert "Trains too." in reader.get(topic_page).content.decode()
    assert "Public transport" in reader.get(live.get_absolute_url()).content.decode()


def test_a_featured_images_new_alt_text_shows_at_once(
    rf, reader, desk, django_capture_on_commit_callbacks
):
    _author, _topic, live = desk
    image = make_image(alt_text="A bus")
    live.featured_image = image
    live.save()
    read_all(reader, [live.get_absolute_url()])
    image_admin = admin.site._registry[Image]
    request = rf.post("/")
    request.user = make_admin()

    image.alt_text = "A red double-decker bus"
    with django_capture_on_commit_callbacks(execute=True):
        image_admin.save_model(request, image, form=None, change=True)

    assert "A red double-decker bus" in reader.get(live.get_absolute_url()).content.decode()


def test_a_scheduled_article_appears_when_its_time_comes_with_no_call_at_all(
    reader, desk, django_capture_on_commit_callbacks
):
    author, topic, live = desk
    draft = make_article("Tomorrow's column", authors=[author], status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.schedule(draft, by=make_editor(), publish_at=timezone.now() + timedelta(hours=1))
    read_all(reader, pages(author, topic, live))
    assert "Tomorrow" not in reader.get("/").content.decode()

    with time_machine.travel(timezone.now() + timedelta(hours=1, seconds=2)):
        assert "Tomorrow" in reader.get("/").content.decode()
        assert (
            "Tomorrow" in reader.get(reverse("authors:detail", args=[author.slug])).content.decode()
        )
        assert reader.get(draft.get_absolute_url()).status_code == 200


def test_a_stored_page_lives_no_longer_than_the_next_scheduled_publication(
    reader, desk, django_capture_on_commit_callbacks
):
    from opinion_blog import content_version

    author, _topic, _live = desk
    draft = make_article("Soon", authors=[author], status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.schedule(draft, by=make_editor(), publish_at=timezone.now() + timedelta(minutes=2))

    seconds = content_version.seconds_until_next_change(content_version.current())

    assert 100 < seconds <= 121


def test_an_old_etag_is_answered_with_the_new_page_after_a_change(
    reader, desk, django_capture_on_commit_callbacks
):
    _author, _topic, live = desk
    etag = reader.get(live.get_absolute_url())["ETag"]
    live.title = "Corrected headline"
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_edit(
            live, by=make_editor(), base_version=live.version, changed_fields=["title"]
        )

    response = reader.get(live.get_absolute_url(), headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert "Corrected headline" in response.content.decode()


def test_a_correction_shows_at_once(reader, desk, django_capture_on_commit_callbacks):
    _author, _topic, live = desk
    read_all(reader, [live.get_absolute_url()])

    with django_capture_on_commit_callbacks(execute=True):
        corrections.add_correction(live, by=make_editor(), text="The line opened in 1863.")

    assert "The line opened in 1863." in reader.get(live.get_absolute_url()).content.decode()


def test_a_draft_edit_leaves_the_cache_alone(reader, desk, django_capture_on_commit_callbacks):
    author, _topic, _live = desk
    read_all(reader, ["/"])
    draft = make_article("Work in progress", authors=[author])

    draft.title = "Still working"
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_edit(
            draft, by=make_editor(), base_version=draft.version, changed_fields=["title"]
        )

    assert reader.get("/").get("X-Page-Cache") == "hit"
