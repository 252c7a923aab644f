"""Hostile input on the public forms: errors or the limit's message, never a 500, nothing executable."""

import pytest
from django.test import Client

from submissions import emails, workflow
from submissions.models import Kind, OutgoingEmail, State, Submission
from tests.factories import make_editor

from .helpers import OP_ED, form_data, post

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize("kind", [Kind.OP_ED, Kind.LETTER])
def test_a_100000_character_text_is_a_form_error(client, kind):
    response = post(client, kind, text="x" * 100_000)
    assert response.status_code == 200
    assert "characters" in response.content.decode()
    assert not Submission.objects.exists()


def test_a_100000_character_name_is_a_form_error(client):
    response = post(client, Kind.OP_ED, name="n" * 100_000, headline="h" * 100_000)
    assert response.status_code == 200
    assert not Submission.objects.exists()


@pytest.mark.parametrize("field", sorted(set(OP_ED) - {"not_offered_elsewhere", "consent"}))
def test_a_nul_byte_in_any_field_is_an_error_not_a_500(client, field):
    response = post(client, Kind.OP_ED, **{field: OP_ED[field] + "\x00"})
    assert response.status_code in (200, 302)
    stored = Submission.objects.first()
    if stored is not None:
        assert "\x00" not in str([getattr(stored, f.attname) for f in Submission._meta.fields])


def test_nul_bytes_in_the_hidden_and_spam_fields_do_no_harm(client):
    for overrides in (
        {"started": "\x00"},
        {"altcha": "\x00"},
        {"website": "\x00"},
        {"article": "\x00"},
    ):
        response = post(client, Kind.LETTER, **overrides)
        assert response.status_code in (200, 302)


def test_control_characters_are_dropped(client):
    post(client, Kind.LETTER, name="Bill\x07 \x1bOduya", text="Line one\r\nline\x0b two\u202e")
    stored = Submission.objects.get()
    assert stored.name == "Bill Oduya"
    assert stored.text == "Line one\nline two"


def test_markup_in_every_field_is_stored_as_text_and_never_runs(
    client, django_capture_on_commit_callbacks
):
    hostile = dict.fromkeys(("name", "affiliation", "bio", "headline", "phone"), SCRIPT)
    with django_capture_on_commit_callbacks(execute=True):
        post(
            client,
            Kind.OP_ED,
            text=f"{SCRIPT} words",
            conflict_of_interest=SCRIPT,
            **{k: v[:40] if k == "phone" else v for k, v in hostile.items()},
        )
    submission = Submission.objects.get()
    submission.state = State.NEW
    submission.save()
    editor = make_editor()
    client.force_login(editor)
    page = client.get(f"/admin/submissions/submission/{submission.pk}/change/").content.decode()
    assert "<script>alert" not in page and "onerror=alert" not in page.replace(
        "onerror=alert(1)&gt;", ""
    )
    assert "&lt;script&gt;alert" in page
    listing = client.get("/admin/submissions/submission/").content.decode()
    assert "<script>alert" not in listing
    # Emails are plain text with one-line subjects.
    for email in OutgoingEmail.objects.all():
        message = emails.EmailMessage(subject=email.subject, body=email.body, to=[email.to])
        assert message.content_subtype == "plain"
        assert "\n" not in email.subject
    # Accepted, the text becomes escaped paragraphs in the article.
    workflow.accept(submission, by=editor, notify=False)
    body = Submission.objects.get().draft_article.body
    assert "<script" not in body and "<img" not in body


def test_a_flood_of_1000_posts_gets_the_limits_message_never_a_500(settings):
    settings.SUBMISSION_RATE_LIMIT = 10
    flooder = Client()
    statuses = []
    data = form_data(Kind.LETTER, altcha="")  # no proof-of-work: each is at worst a form error
    for _ in range(1000):
        statuses.append(flooder.post("/write-for-us/letter/", data).status_code)
    assert set(statuses) <= {200, 429}
    assert statuses.count(200) == 10
    assert statuses[-1] == 429
    last = flooder.post("/write-for-us/letter/", data)
    assert "Please wait an hour" in last.content.decode()
    assert not Submission.objects.exists()


def test_the_limit_is_per_address(settings):
    settings.SUBMISSION_RATE_LIMIT = 1
    assert post(Client(REMOTE_ADDR="10.0.0.1"), Kind.LETTER).status_code == 302
    assert post(Client(REMOTE_ADDR="10.0.0.1"), Kind.LETTER).status_code == 429
    assert post(Client(REMOTE_ADDR="10.0.0.2"), Kind.LETTER).status_code == 302


def test_a_crafted_state_or_reference_in_the_post_changes_nothing(client):
    post(client, Kind.LETTER, state="accepted", reference="OB-HACKED1", published_at="2020-01-01")
    stored = Submission.objects.get()
    assert stored.state == State.UNVERIFIED and stored.reference != "OB-HACKED1"
    assert stored.published_at is None
