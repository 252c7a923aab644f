"""Bad input typed into the admin: a clear form error or message, never a 500, nothing half-saved."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Status
from authors.models import Author, AuthorLink
from images.models import Image
from tests.admin_forms import change_form_data
from tests.factories import make_article, make_columnist, make_editor, png_bytes

pytestmark = pytest.mark.django_db

ADD_ARTICLE = reverse("admin:articles_article_add")


def errors_of(response):
    form = response.context["adminform"].form
    return {field: [str(e) for e in errors] for field, errors in form.errors.items()}


@pytest.fixture
def columnist(client):
    user = make_columnist()
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "x" * 10_000, "at most 200 characters"),
        ("title", "", "This field is required."),
        ("slug", "admin", "reserved for another part of the site"),
        ("slug", "topics", "reserved for another part of the site"),
        ("slug", "taken", "Another article already uses this slug"),
        ("slug", "not a slug!", "Enter a valid “slug”"),
    ],
)
def test_bad_article_fields_are_form_errors_and_nothing_is_saved(
    client, columnist, field, value, message
):
    make_article("Existing", slug="taken")
    data = {"title": "A title", "slug": "a-title", "body": "<p>Words.</p>", field: value}

    response = client.post(ADD_ARTICLE, change_form_data(client.get(ADD_ARTICLE), **data))

    assert response.status_code == 200
    assert any(message in error for error in errors_of(response)[field])
    assert list(Article.objects.values_list("slug", flat=True)) == ["taken"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.png", b"this is not a picture", "Upload a valid image"),
        ("cut.png", png_bytes(width=400, height=300)[:200], "Upload a valid image"),
        ("shot.bmp", png_bytes(image_format="BMP"), "not supported"),
    ],
)
def test_a_bad_image_upload_is_a_form_error_and_nothing_is_stored(
    client, columnist, settings, tmp_path, name, content, message
):
    add = reverse("admin:images_image_add")
    upload = SimpleUploadedFile(name, content, content_type="image/png")

    response = client.post(add, {"file": upload, "alt_text": "A picture", "credit": ""})

    assert response.status_code == 200
    assert any(message in error for error in errors_of(response)["file"])
    assert not Image.objects.exists()
    assert not list((tmp_path / "media").rglob("*.*"))


def test_an_image_without_alt_text_is_refused(client, columnist):
    add = reverse("admin:images_image_add")
    upload = SimpleUploadedFile("ok.png", png_bytes(), content_type="image/png")

    response = client.post(add, {"file": upload, "alt_text": "", "credit": ""})

    assert errors_of(response)["alt_text"] == ["This field is required."]
    assert not Image.objects.exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.com"])
def test_a_columnist_cannot_save_a_dangerous_link_on_their_profile(client, columnist, url):
    author = columnist.author_profile
    change = reverse("admin:authors_author_change", args=[author.pk])
    data = change_form_data(client.get(change), **{"links-0-label": "Website", "links-0-url": url})

    response = client.post(change, data)

    assert response.status_code == 200
    assert "http:// or https://" in response.content.decode()
    assert not AuthorLink.objects.exists()
    assert Author.objects.get(pk=author.pk).bio == author.bio


def test_scheduling_in_the_past_is_refused_with_a_message_and_changes_nothing(client):
    author = make_columnist().author_profile
    article = make_article(authors=[author], status=Status.SUBMITTED)
    client.force_login(make_editor())
    change = reverse("admin:articles_article_change", args=[article.pk])
    past = timezone.localtime() - timedelta(hours=2)

    response = client.post(
        change,
        change_form_data(
            client.get(change),
            _transition="schedule",
            _transition_publish_at=past.strftime("%Y-%m-%dT%H:%M"),
        ),
        follow=True,
    )

    assert response.status_code == 200
    assert "already passed" in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.SUBMITTED, None)


def test_a_garbled_schedule_time_is_a_message_not_a_500(client):
    article = make_article(authors=[make_columnist().author_profile], status=Status.SUBMITTED)
    client.force_login(make_editor())
    workflow_url = reverse("admin:articles_article_workflow", args=[article.pk])

    response = client.post(
        workflow_url,
        {
            "_transition": "schedule",
            "_transition_publish_at": "next tuesday-ish",
            "_transition_version": str(article.version),
        },
        follow=True,
    )

    assert response.status_code == 200
    assert "date and a time" in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED


def test_an_unknown_transition_is_a_message_not_a_500(client):
    article = make_article(authors=[make_columnist().author_profile], status=Status.SUBMITTED)
    client.force_login(make_editor())
    workflow_url = reverse("admin:articles_article_workflow", args=[article.pk])

    response = client.post(workflow_url, {"_transition": "obliterate"}, follow=True)

    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).status == Status.SUBMITTED


@pytest.mark.parametrize("value", ["abc", "1.5", "-1", "99999999999999999999", "\x00", "1 OR 1=1"])
def test_a_crafted_featured_image_is_a_form_error_not_a_500(client, columnist, value):
    data = {"title": "A title", "body": "<p>Words.</p>", "featured_image": value}

    response = client.post(ADD_ARTICLE, change_form_data(client.get(ADD_ARTICLE), **data))

    assert response.status_code == 200
    assert errors_of(response)["featured_image"]
    assert not Article.objects.exists()


@pytest.mark.parametrize("value", ["abc", "1.5", "99999999999999999999"])
def test_a_crafted_byline_author_is_a_form_error_not_a_500(client, value):
    article = make_article(authors=[make_columnist().author_profile])
    client.force_login(make_editor())
    change = reverse("admin:articles_article_change", args=[article.pk])
    page = client.get(change)
    prefix = page.context["inline_admin_formsets"][0].formset.prefix

    response = client.post(
        change,
        change_form_data(
            page,
            title="Not saved",
            **{f"{prefix}-TOTAL_FORMS": "2", f"{prefix}-1-author": value},
        ),
    )

    assert response.status_code == 200
    formset = response.context["inline_admin_formsets"][0].formset
    assert formset.errors[1]["author"]
    assert Article.objects.get(pk=article.pk).title != "Not saved"
