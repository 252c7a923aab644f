"""A picture readers see is frozen: its file never changes, its description only by editors, on record."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Action, ArticleEvent
from images.models import Image
from tests.factories import (
    make_article,
    make_article_in,
    make_columnist,
    make_editor,
    make_image,
    png_bytes,
)
from tests.images.media import snapshot

pytestmark = pytest.mark.django_db


def change_url(image):
    return reverse("admin:images_image_change", args=[image.pk])


def crafted_post(**overrides):
    """Everything a hostile browser could send to the change form, whatever it showed."""
    data = {
        "file": SimpleUploadedFile(
            "swap.png", png_bytes(width=1000, height=600, color=(255, 0, 0)), "image/png"
        ),
        "alt_text": "Swapped alt text",
        "credit": "Swapped credit",
    }
    return data | overrides


@pytest.fixture
def columnist():
    return make_columnist()


@pytest.mark.parametrize("state", ["published", "due", "scheduled"])
def test_the_uploader_cannot_swap_the_file_or_words_of_a_picture_in_live_use(
    client, columnist, state
):
    image = make_image(uploaded_by=columnist, alt_text="The harbour", credit="Photo: Ana")
    make_article_in(state, featured_image=image)
    files = snapshot()
    client.force_login(columnist)

    response = client.post(change_url(image), crafted_post())

    assert response.status_code in (302, 403)
    fresh = Image.objects.get(pk=image.pk)
    assert (fresh.file.name, fresh.alt_text, fresh.credit) == (
        image.file.name,
        "The harbour",
        "Photo: Ana",
    )
    assert snapshot() == files


def test_the_change_form_shows_a_live_picture_as_read_only_to_its_uploader(client, columnist):
    image = make_image(uploaded_by=columnist)
    make_article_in("published", featured_image=image)
    client.force_login(columnist)

    form = client.get(change_url(image)).context["adminform"].form

    assert not {"file", "alt_text", "credit"} & set(form.fields)
    assert "can’t be replaced" in client.get(change_url(image)).content.decode()


def test_an_editor_fixes_the_words_of_a_live_picture_and_every_article_using_it_records_it(
    client,
):
    editor = make_editor()
    image = make_image(alt_text="A harbor", credit="Photo: Ana")
    live = make_article_in("published", featured_image=image)
    draft = make_article(featured_image=image)
    unrelated = make_article_in("published")
    client.force_login(editor)

    response = client.post(change_url(image), crafted_post(alt_text="A harbour"))

    assert response.status_code == 302
    fresh = Image.objects.get(pk=image.pk)
    assert (fresh.file.name, fresh.alt_text, fresh.credit) == (
        image.file.name,
        "A harbour",
        "Swapped credit",
    )
    events = ArticleEvent.objects.filter(action=Action.IMAGE_CHANGE)
    assert sorted(events.values_list("article_id", flat=True)) == sorted([live.pk, draft.pk])
    assert not unrelated.events.exists()
    for event in events:
        assert event.actor == editor
        assert "“A harbor” → “A harbour”" in event.note
        assert "“Photo: Ana” → “Swapped credit”" in event.note
        assert "file" not in event.note


def test_a_columnist_cannot_change_or_delete_a_picture_someone_else_uploaded(client, columnist):
    image = make_image(uploaded_by=make_columnist(), alt_text="Theirs")
    client.force_login(columnist)

    changed = client.post(change_url(image), crafted_post())
    deleted = client.post(reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"})

    assert changed.status_code == 403
    assert deleted.status_code == 403
    fresh = Image.objects.get(pk=image.pk)
    assert (fresh.file.name, fresh.alt_text) == (image.file.name, "Theirs")


def test_the_uploader_may_still_replace_a_picture_only_drafts_use_and_the_old_files_go(
    client, columnist, django_capture_on_commit_callbacks
):
    image = make_image(uploaded_by=columnist, width=1000, height=500)
    make_article(featured_image=image)
    old_files = set(snapshot())
    client.force_login(columnist)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_url(image), crafted_post())

    assert response.status_code == 302
    fresh = Image.objects.get(pk=image.pk)
    assert fresh.file.name != image.file.name
    assert (fresh.width, fresh.height) == (1000, 600)
    assert not old_files & set(snapshot())


def test_the_rules_hold_below_the_admin_too():
    from images.changes import save_image
    from images.rules import ImageLocked

    columnist = make_columnist()
    image = make_image(uploaded_by=columnist, alt_text="Before")
    make_article_in("scheduled", featured_image=image)

    image.alt_text = "After"
    with pytest.raises(ImageLocked):
        save_image(image, by=columnist)

    image = Image.objects.get(pk=image.pk)
    image.file = SimpleUploadedFile("new.png", png_bytes(), "image/png")
    with pytest.raises(ImageLocked):
        image.save()  # nobody replaces a live picture's file, editors included
    assert Image.objects.get(pk=image.pk).alt_text == "Before"
