"""Library pictures inside an article's body: the one shape the sanitizer keeps, the uses the
library tracks, and the responsive figures readers get (one query for all of them)."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError
from django.urls import reverse
from PIL import Image as PillowImage

from articles import html
from articles.models import Action, Article, ArticleEvent
from images import body, renditions
from images.changes import save_image
from images.models import BodyImage, Image
from images.rules import ImageLocked, in_live_use
from tests.articles.test_query_counts import PINNED, World
from tests.factories import (
    make_article,
    make_columnist,
    make_editor,
    make_image,
    make_published,
    uploaded_png,
)
from tests.images.media import read, served_media
from tests.images.test_metadata import SECRETS, photo_with_everything

pytestmark = pytest.mark.django_db


def figure(image, caption="", *, src=None):
    src = src if src is not None else body.editor_src(image)
    img = f'<img src="{src}" alt="{image.alt_text}" data-image-id="{image.pk}">'
    return f'<figure class="body-image">{img}' + (
        f"<figcaption>{caption}</figcaption></figure>" if caption else "</figure>"
    )


def stored_body(text):
    article = make_article(body=text)
    return Article.objects.get(pk=article.pk).body


# What the sanitizer keeps.


def test_the_editors_picture_markup_is_kept_exactly():
    image = make_image(width=1200, height=800)
    markup = "<p>Before.</p>" + figure(image, "The harbour at dawn.") + "<p>After.</p>"

    assert stored_body(markup) == markup


def test_a_picture_without_a_caption_is_kept_too():
    image = make_image(width=1200, height=800)

    assert stored_body(figure(image)) == figure(image)


@pytest.mark.parametrize(
    "src",
    [
        "https://evil.example/tracker.png",
        "//evil.example/tracker.png",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "/media/images/../../etc/passwd",
        "/media/avatars/someone.webp",
        "/static/admin/img/icon.svg",
    ],
)
def test_a_picture_from_anywhere_but_our_library_loses_its_src(src):
    image = make_image()

    stored = stored_body(figure(image, src=src))

    assert "src=" not in stored
    assert f'data-image-id="{image.pk}"' in stored


@pytest.mark.parametrize(
    "markup",
    [
        '<p>Text<img src="/media/images/0123456789abcdef0123456789abcdef.png" alt="x"></p>',
        '<img src="x" onerror="steal()">',
        '<img data-image-id="abc" alt="x">',
        '<img data-image-id="-1" alt="x">',
        '<img data-image-id="1e3" alt="x">',
        '<img data-image-id="9999999999999999999999" alt="x">',
    ],
    ids=["no-id", "onerror", "id-word", "id-negative", "id-exponent", "id-huge"],
)
def test_an_img_that_names_no_library_picture_is_dropped(markup):
    assert "<img" not in stored_body(markup)


def test_only_the_pictures_class_survives_on_a_figure():
    stored = stored_body(
        '<figure class="body-image wide" onclick="x()" style="color:red">'
        '<img data-image-id="1" alt="a" width="9000" onload="x()" loading="eager"></figure>'
        '<figure class="pull-quote"><figcaption>Hi</figcaption></figure>'
    )

    assert stored == (
        '<figure class="body-image"><img data-image-id="1" alt="a"></figure>'
        "<figure><figcaption>Hi</figcaption></figure>"
    )


def test_the_editor_offers_the_picture_button_with_the_library_endpoints():
    config = html.EDITOR_EXTENSIONS["BodyImage"]

    assert str(config["uploadUrl"]) == reverse("admin:images_image_inline_upload")
    assert str(config["libraryUrl"]) == reverse("admin:images_image_library")


# The library knows where its pictures are used.


def test_saving_the_body_tracks_its_pictures_and_forgets_removed_ones():
    first, second = make_image(), make_image()
    article = make_article(body=figure(first) + figure(second) + figure(first))

    assert set(article.body_image_uses.values_list("image", flat=True)) == {first.pk, second.pk}

    article.body = figure(second) + '<p>Now one.</p><figure class="body-image">'
    article.body += '<img alt="gone" data-image-id="987654"></figure>'
    article.save(update_fields=["body"])

    assert list(article.body_image_uses.values_list("image", flat=True)) == [second.pk]


def test_a_picture_in_a_live_body_is_frozen_like_a_featured_one():
    image = make_image(width=600, height=400)
    draft = make_article(body=figure(image))
    assert not in_live_use(image)

    make_published(body=figure(image))
    image.file = uploaded_png(width=700, height=500)

    assert in_live_use(image)
    with pytest.raises(ImageLocked):
        save_image(image, by=make_columnist())
    assert draft.body_image_uses.count() == 1


def test_a_picture_used_in_a_body_cannot_be_deleted():
    image = make_image()
    make_article(body=figure(image))

    with pytest.raises(ProtectedError):
        image.delete()


def test_deleting_an_article_forgets_its_pictures():
    image = make_image()
    article = make_article(body=figure(image))

    article.delete()

    assert not BodyImage.objects.exists()
    image.delete()  # no longer protected


# What readers get.


def test_readers_get_a_responsive_figure_built_from_the_library(client):
    image = make_image(alt_text="Cranes over the harbour", credit="Photo: Ana", width=1700)
    article = make_published(body="<p>Look.</p>" + figure(image, "The new cranes."))

    page = client.get(article.get_absolute_url()).content.decode()

    largest = default_storage.url(renditions.rendition_name(image.file.name, 1600))
    assert (
        f'<figure class="body-image"><img src="{largest}" srcset="{image.srcset}" '
        f'sizes="{body.SIZES}" alt="Cranes over the harbour" width="1700" height="48" '
        'loading="lazy" decoding="async"><figcaption>The new cranes. '
        '<span class="credit">Photo: Ana</span></figcaption></figure>'
    ) in page
    assert image.srcset.count("w,") == 5  # five renditions and the original
    assert "data-image-id" not in page


def test_readers_see_the_librarys_current_alt_text_not_the_stored_copy(client):
    image = make_image(alt_text="Old words")
    article = make_published(body=figure(image))
    Image.objects.filter(pk=image.pk).update(alt_text="Better words")

    page = client.get(article.get_absolute_url()).content.decode()

    assert 'alt="Better words"' in page
    assert "Old words" not in page


def test_a_figure_whose_picture_is_gone_is_not_shown(client):
    article = make_published(
        body='<p>Text.</p><figure class="body-image"><img alt="x" '
        'data-image-id="424242"><figcaption>Lost</figcaption></figure>'
    )

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<figcaption>Lost" not in page
    assert '<div class="article-body"><p>Text.</p></div>' in page


def test_caption_markup_is_text_for_readers(client):
    image = make_image()
    article = make_published(body=figure(image, "A <strong>bold</strong> &amp; true caption"))

    page = client.get(article.get_absolute_url()).content.decode()

    assert "<figcaption>A bold &amp; true caption <span" in page


@pytest.mark.parametrize("pictures", [1, 2, 5])
def test_body_pictures_cost_the_article_page_one_query_however_many(
    client, django_assert_num_queries, pictures
):
    world = World()
    world.article.body = "".join(figure(make_image()) for _ in range(pictures))
    world.article.save(update_fields=["body"])

    with django_assert_num_queries(PINNED["article"] + 1):
        response = client.get(world.url("article"))

    assert response.content.decode().count('<figure class="body-image">') == pictures


def test_a_body_without_pictures_costs_no_query(client, django_assert_num_queries):
    world = World()

    with django_assert_num_queries(PINNED["article"]):
        client.get(world.url("article"))


def test_pictures_in_the_body_never_serve_a_file_with_metadata(client):
    client.force_login(make_columnist())
    response = client.post(
        reverse("admin:images_image_inline_upload"),
        {"file": _jpeg("holiday.jpg"), "alt_text": "Holiday"},
    )
    image = Image.objects.get(pk=response.json()["id"])
    article = make_published(body=figure(image, "Holiday."))
    client.logout()

    html_page = client.get(article.get_absolute_url()).content.decode()
    served = served_media(html_page)

    assert len(served) == 1 + len(renditions.widths_for(image.width)) > 2
    for name in served:
        data = read(name)
        assert not [secret for secret in SECRETS if secret in data], name
        with PillowImage.open(BytesIO(data)) as picture:
            assert not picture.getexif()
            assert not {"exif", "xmp", "comment", "photoshop"} & set(picture.info)


def _jpeg(name):
    return SimpleUploadedFile(name, photo_with_everything(), "image/jpeg")


def test_the_summary_skips_the_pictures_captions():
    image = make_image()
    article = make_article(body=figure(image, "A caption.") + "<p>The argument starts here.</p>")

    assert article.summary == "The argument starts here."


def test_an_alt_text_fix_is_logged_on_every_article_that_shows_the_picture():
    image = make_image(alt_text="Dawn")
    featuring = make_published(featured_image=image)
    showing = make_published(body=figure(image))
    image.alt_text = "Harbour at dawn"

    save_image(image, by=make_editor())

    events = ArticleEvent.objects.filter(action=Action.IMAGE_CHANGE)
    assert sorted(events.values_list("article", flat=True)) == sorted([featuring.pk, showing.pk])
    assert events.first().note == "Picture: alt text “Dawn” → “Harbour at dawn”"
