"""Pictures from inside the article form, through the test client: the featured picture's
picker beside the select (no popup window), and pictures placed in the body."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from images import body
from images.models import Image
from tests.admin_forms import change_form_data
from tests.factories import (
    make_article_in,
    make_columnist,
    make_editor,
    make_image,
    png_bytes,
)

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:images_image_inline_upload")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def own_draft(**kwargs):
    columnist = make_columnist()
    return columnist, make_article_in("draft", authors=[columnist.author_profile], **kwargs)


def save(client, article, **overrides):
    page = client.get(change_url(article))
    return client.post(change_url(article), change_form_data(page, **overrides))


def upload(client, alt_text="A lighthouse", credit="Photo: Desk"):
    response = client.post(
        UPLOAD,
        {
            "file": SimpleUploadedFile("l.png", png_bytes(800, 500), "image/png"),
            "alt_text": alt_text,
            "credit": credit,
        },
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_the_form_offers_the_picker_beside_the_select_and_no_popup(client):
    columnist, article = own_draft()
    client.force_login(columnist)

    page = client.get(change_url(article)).content.decode()

    assert 'data-image-picker data-select="id_featured_image"' in page
    assert f'data-upload-url="{UPLOAD}"' in page
    assert f'data-library-url="{reverse("admin:images_image_library")}"' in page
    assert "add_id_featured_image" not in page  # the "+" that opened a popup window
    assert "change_id_featured_image" not in page
    assert "js/admin-featured-image.js" in page
    assert "js/admin-body-images.js" in page  # the editor's picture button
    assert 'name="featured_image_caption"' in page


def test_the_picker_previews_the_chosen_picture_with_alt_text_and_credit(client):
    image = make_image(alt_text="Harbour at dawn", credit="Photo: Ana")
    columnist, article = own_draft(featured_image=image)
    client.force_login(columnist)

    page = client.get(change_url(article)).content.decode()

    assert f'<img src="{image.thumbnail_url}" alt="Harbour at dawn"' in page
    assert "Photo: Ana" in page


def test_a_picture_uploaded_in_the_form_becomes_the_featured_picture(client):
    columnist, article = own_draft()
    client.force_login(columnist)

    uploaded = upload(client)
    response = save(
        client, article, featured_image=uploaded["id"], featured_image_caption="The light."
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.featured_image_id == uploaded["id"]
    assert article.featured_image_caption == "The light."
    assert article.featured_image.uploaded_by == columnist


def test_any_columnist_may_feature_a_library_picture_someone_else_uploaded(client):
    someone_elses = make_image(uploaded_by=make_editor())
    columnist, article = own_draft()
    client.force_login(columnist)

    response = save(client, article, featured_image=someone_elses.pk)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.featured_image == someone_elses


def test_a_picture_placed_in_the_body_from_the_toolbar_is_saved_and_tracked(client):
    columnist, article = own_draft()
    client.force_login(columnist)
    uploaded = upload(client)
    figure = (
        f'<figure class="body-image"><img src="{uploaded["src"]}" alt="{uploaded["alt_text"]}" '
        f'data-image-id="{uploaded["id"]}"><figcaption>At night.</figcaption></figure>'
    )

    response = save(client, article, body="<p>Words.</p>" + figure)

    assert response.status_code == 302
    stored = Article.objects.get(pk=article.pk)
    assert stored.body == "<p>Words.</p>" + figure
    assert list(stored.body_image_uses.values_list("image", flat=True)) == [uploaded["id"]]


def test_a_tampered_body_picture_is_cleaned_before_it_is_saved(client):
    columnist, article = own_draft()
    client.force_login(columnist)
    image = make_image()

    save(
        client,
        article,
        body=f'<figure class="body-image"><img src="https://evil.example/x.png" '
        f'onerror="steal()" alt="x" data-image-id="{image.pk}"></figure>',
    )

    stored = Article.objects.get(pk=article.pk).body
    assert "evil" not in stored and "onerror" not in stored and "src=" not in stored
    assert f'data-image-id="{image.pk}"' in stored
    assert body.render(stored).count("srcset=") == 1


def test_the_read_only_page_shows_the_featured_pictures_preview(client):
    image = make_image(alt_text="Harbour at dawn")
    columnist = make_columnist()
    article = make_article_in("submitted", authors=[columnist.author_profile], featured_image=image)
    client.force_login(columnist)

    page = client.get(change_url(article)).content.decode()

    assert f'<img src="{image.thumbnail_url}" alt="Harbour at dawn" class="image-preview">' in page
    assert "data-image-picker" not in page


def test_uploading_from_the_form_makes_the_same_row_as_the_image_admin(client):
    columnist = make_columnist()
    client.force_login(columnist)

    uploaded = upload(client, alt_text="Same", credit="")

    image = Image.objects.get(pk=uploaded["id"])
    assert (image.uploaded_by, image.alt_text, image.credit) == (columnist, "Same", "")
    assert image.file.name.startswith("images/") and len(image.file.name) == len(
        "images/" + "0" * 32 + ".png"
    )
