"""The Write for us page: both forms, word limits, spam checks, verification and withdrawal."""

import pytest
from django.core import mail
from django.urls import reverse

from submissions import emails, links
from submissions.models import Kind, OutgoingEmail, State, Submission
from tests.factories import make_published

from .helpers import form_data, make_submission, post

pytestmark = pytest.mark.django_db


def test_the_page_shows_both_forms_with_live_word_limits(client):
    response = client.get("/write-for-us/")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'action="/write-for-us/op-ed/"' in page
    assert 'action="/write-for-us/letter/"' in page
    assert 'data-word-limit="800"' in page and 'data-word-limit="250"' in page
    assert "js/word-count.js" in page


def test_footer_and_article_pages_link_to_it(client):
    article = make_published()
    page = client.get(article.get_absolute_url()).content.decode()
    assert 'href="/write-for-us/"' in page
    assert f'href="/write-for-us/?article={article.slug}#letter"' in page


def test_write_a_letter_about_this_fills_in_the_article(client):
    article = make_published("Buses are the answer")
    page = client.get(f"/write-for-us/?article={article.slug}").content.decode()
    assert f'name="letter-article" value="{article.slug}"' in page
    assert "Your letter answers" in page and "Buses are the answer" in page


def test_an_op_ed_is_stored_unverified_and_a_verification_email_is_queued(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, Kind.OP_ED)
    assert response.status_code == 302
    assert response["Location"] == reverse("submissions:thanks")
    submission = Submission.objects.get()
    assert submission.state == State.UNVERIFIED
    assert submission.kind == Kind.OP_ED
    assert submission.email == "ana@example.org"
    assert submission.consented_at is not None
    email = OutgoingEmail.objects.get(submission=submission)
    assert links.verify_url(submission) in email.body


def test_a_letter_records_the_article_it_answers(client):
    article = make_published()
    assert post(client, Kind.LETTER, article=article.slug).status_code == 302
    assert Submission.objects.get().article == article


def test_a_letter_cannot_answer_an_unpublished_article(client):
    from tests.factories import make_article

    draft = make_article()
    response = post(client, Kind.LETTER, article=draft.slug)
    assert response.status_code == 200
    assert "does not exist or is not published" in response.content.decode()
    assert not Submission.objects.exists()


@pytest.mark.parametrize(("kind", "limit"), [(Kind.OP_ED, 800), (Kind.LETTER, 250)])
def test_word_limits_are_enforced_on_the_server(client, kind, limit):
    response = post(client, kind, text="word " * (limit + 1))
    assert response.status_code == 200
    assert f"the limit is {limit:,}" in response.content.decode()
    assert not Submission.objects.exists()
    assert post(client, kind, text="word " * limit).status_code == 302


def test_word_limits_come_from_settings(client, settings):
    settings.SUBMISSION_WORD_LIMITS = {"op_ed": 5, "letter": 3}
    response = post(client, Kind.LETTER, text="one two three four")
    assert "the limit is 3" in response.content.decode()


def test_a_filled_honeypot_gets_the_thank_you_page_and_nothing_is_stored(client):
    response = post(client, Kind.OP_ED, website="http://spam.example")
    assert response.status_code == 302 and response["Location"] == reverse("submissions:thanks")
    assert not Submission.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_a_form_sent_in_under_three_seconds_is_thanked_and_dropped(client):
    response = post(client, Kind.LETTER, seconds_ago=1)
    assert response.status_code == 302 and response["Location"] == reverse("submissions:thanks")
    assert not Submission.objects.exists()


def test_a_form_without_our_time_stamp_is_thanked_and_dropped(client):
    response = post(client, Kind.LETTER, started="forged")
    assert response.status_code == 302
    assert not Submission.objects.exists()


def test_a_missing_or_wrong_proof_of_work_is_a_form_error(client):
    response = post(client, Kind.LETTER, altcha="")
    assert response.status_code == 200
    assert not Submission.objects.exists()
    response = post(client, Kind.LETTER, altcha="bm90IGEgcGF5bG9hZA==")
    assert response.status_code == 200
    assert not Submission.objects.exists()


def test_a_proof_of_work_solution_works_only_once(client):
    data = form_data(Kind.LETTER)
    assert client.post("/write-for-us/letter/", data).status_code == 302
    data["letter-email"] = "someone-else@example.org"
    response = client.post("/write-for-us/letter/", data)
    assert response.status_code == 200
    assert Submission.objects.count() == 1


def test_the_challenge_is_fresh_and_never_cached(client):
    first = client.get("/write-for-us/challenge/")
    second = client.get("/write-for-us/challenge/")
    assert first.status_code == 200
    assert first.json()["challenge"] != second.json()["challenge"]
    assert "no-store" in first["Cache-Control"] or "no-cache" in first["Cache-Control"]
    assert not first.cookies


def test_the_form_page_sets_no_cookie_but_csrf(client):
    response = client.get("/write-for-us/")
    assert set(response.cookies) <= {"csrftoken"}


def test_verification_link_moves_it_to_the_desk_and_sends_a_receipt(
    client, django_capture_on_commit_callbacks
):
    submission = make_submission(state=State.UNVERIFIED)
    url = links.verify_url(submission)
    page = client.get(url)
    assert page.status_code == 200 and "Confirm and send" in page.content.decode()
    submission.refresh_from_db()
    assert submission.state == State.UNVERIFIED  # opening the link alone changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.state == State.NEW and submission.verified_at
    receipt = OutgoingEmail.objects.get(submission=submission, kind="received")
    assert submission.reference in receipt.subject + receipt.body
    assert links.withdraw_url(submission) in receipt.body
    assert emails.deliver(receipt.pk) == "sent"
    assert any(submission.reference in m.body for m in mail.outbox)
    assert emails.deliver(receipt.pk) == "nothing to send"  # never twice


def test_a_forged_or_foreign_token_opens_nothing(client):
    submission = make_submission(state=State.UNVERIFIED)
    assert client.get("/write-for-us/confirm/forged/").status_code == 404
    withdraw_token = links.withdraw_url(submission).rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/write-for-us/confirm/{withdraw_token}/").status_code == 404
    submission.refresh_from_db()
    assert submission.state == State.UNVERIFIED


def test_the_sender_can_withdraw_from_the_link(client):
    submission = make_submission(state=State.CONSIDERING)
    response = client.post(links.withdraw_url(submission))
    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.state == State.WITHDRAWN


def test_the_thank_you_page_is_the_same_for_everyone():
    from django.test import Client

    one, two = Client().get("/write-for-us/thanks/"), Client().get("/write-for-us/thanks/")
    assert one.content == two.content


def test_the_form_page_stays_cheap(client, django_assert_max_num_queries):
    article = make_published()
    with django_assert_max_num_queries(2):  # the header's topics; the answered article
        client.get(f"/write-for-us/?article={article.slug}")
