"""Single-line text refuses line breaks and other control characters, everywhere it is written.

A title, name, standfirst, caption, credit, alt text or topic is shown inside a line
of something else: a byline, a heading, JSON-LD, an email. A CR/LF in one used to be
stored (a title could carry ``\\r\\nBcc: …`` lines into editors' email bodies). One
validator (``opinion_blog.validators.single_line``) sits on every such model field,
so every form built from them refuses it; emails flatten whatever is stored.
"""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from articles import workflow
from articles.models import Article, Topic
from authors.models import Author, AuthorLink
from images.models import Image
from notifications.models import Notification
from notifications.tasks import deliver
from opinion_blog.validators import one_line, single_line
from tests.admin_forms import change_form_data
from tests.factories import (
    make_admin,
    make_article_in,
    make_columnist,
    make_editor,
    uploaded_png,
)

pytestmark = pytest.mark.django_db

INJECTED = "Headline\r\nBcc: everyone@example.com"
MESSAGE = "Keep this to a single line"


@pytest.mark.parametrize(
    "value",
    ["a\r\nb", "a\nb", "a\rb", "tab\there", "esc\x1b[31m", "bell\x07", "\x85next", "a\u2028b"],
)
def test_control_characters_are_refused(value):
    with pytest.raises(ValidationError, match=MESSAGE):
        single_line(value)


@pytest.mark.parametrize("value", ["", "Plain words", "Çà et là — “quoted” 🙂", "Ünïcödé ŝpaces"])
def test_ordinary_text_passes(value):
    single_line(value)


def test_one_line_flattens_whatever_is_stored():
    assert one_line(INJECTED) == "Headline Bcc: everyone@example.com"


@pytest.mark.parametrize(
    ("model", "field"),
    [
        (Article, "title"),
        (Article, "standfirst"),
        (Article, "featured_image_caption"),
        (Image, "alt_text"),
        (Image, "credit"),
        (Author, "name"),
        (AuthorLink, "label"),
        (Topic, "name"),
    ],
)
def test_every_single_line_field_carries_the_one_validator(model, field):
    assert single_line in model._meta.get_field(field).validators


@pytest.mark.parametrize("field", ["title", "standfirst", "featured_image_caption"])
def test_the_article_form_refuses_a_line_break_in_a_single_line_field(client, field):
    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile], title="Before")
    client.force_login(columnist)
    change = reverse("admin:articles_article_change", args=[article.pk])

    response = client.post(change, change_form_data(client.get(change), **{field: INJECTED}))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors[field]
    assert any(MESSAGE in error for error in errors)
    assert Article.objects.get(pk=article.pk).title == "Before"


def test_a_topic_with_a_control_character_is_refused(client):
    client.force_login(make_editor())
    add = reverse("admin:articles_article_add")
    data = change_form_data(
        client.get(add), title="A title", slug="a-title", body="<p>Hi</p>", topics="Ok, bad\x1bname"
    )

    response = client.post(add, data)

    assert response.status_code == 200
    assert "single line" in " ".join(response.context["adminform"].form.errors["topics"])
    assert not Topic.objects.exists()


@pytest.mark.parametrize("field", ["alt_text", "credit"])
def test_a_picture_description_with_a_line_break_is_refused_in_the_library(client, field):
    client.force_login(make_columnist())
    data = {"file": uploaded_png(), "alt_text": "A picture", "credit": "", field: INJECTED}

    response = client.post(reverse("admin:images_image_add"), data)

    assert response.status_code == 200
    assert MESSAGE in " ".join(response.context["adminform"].form.errors[field])
    assert not Image.objects.exists()


def test_a_picture_description_with_a_line_break_is_refused_by_the_inline_upload(client):
    client.force_login(make_columnist())
    data = {"file": uploaded_png(), "alt_text": INJECTED, "credit": ""}

    response = client.post(reverse("admin:images_image_inline_upload"), data)

    assert response.status_code == 400
    assert MESSAGE in response.json()["message"]
    assert not Image.objects.exists()


@pytest.mark.parametrize("field", ["name", "links-0-label"])
def test_a_display_name_or_link_label_with_a_line_break_is_refused(client, field):
    columnist = make_columnist()
    author = columnist.author_profile
    client.force_login(make_admin())
    change = reverse("admin:authors_author_change", args=[author.pk])
    data = change_form_data(client.get(change), **{"links-0-url": "https://example.com/"})
    data.setdefault("links-0-label", "Website")
    data[field] = INJECTED

    response = client.post(change, data)

    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert Author.objects.get(pk=author.pk).name == author.name
    assert not AuthorLink.objects.exists()


def test_a_title_stored_with_a_line_break_cannot_add_lines_to_an_email(settings):
    editor = make_editor()
    columnist = make_columnist()
    article = make_article_in("draft", authors=[columnist.author_profile])
    Article.objects.filter(pk=article.pk).update(title=INJECTED)  # stored before the rule
    columnist.first_name = "Eve\r\nCc: spy@example.com"
    columnist.save()
    article.refresh_from_db()

    workflow.submit(article, by=columnist)
    notification = Notification.objects.get(recipient=editor)
    deliver(notification.pk)

    [email] = mail.outbox
    assert "\n" not in email.subject and "\r" not in email.subject
    assert email.bcc == [] and email.cc == []
    headers = email.message()
    assert headers["Bcc"] is None and headers["Cc"] is None
    lines = email.body.splitlines()
    assert not any(line.startswith(("Bcc:", "Cc:")) for line in lines)
    assert "Headline Bcc: everyone@example.com" in email.body
