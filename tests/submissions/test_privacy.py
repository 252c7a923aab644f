"""Retention by the worker's sweep, an administrator's export and erasure, the privacy notice."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from submissions import privacy, workflow
from submissions.models import Kind, OutgoingEmail, State, Submission, SubmissionNote
from tests.factories import make_admin, make_editor, make_published

from .helpers import make_submission

pytestmark = pytest.mark.django_db


def aged(submission, **deltas):
    Submission.objects.filter(pk=submission.pk).update(
        **{field: timezone.now() - delta for field, delta in deltas.items()}
    )


def test_unverified_submissions_are_deleted_after_seven_days():
    old = make_submission(state=State.UNVERIFIED)
    recent = make_submission(state=State.UNVERIFIED)
    aged(old, created_at=timedelta(days=7, minutes=1))
    aged(recent, created_at=timedelta(days=6, hours=23))
    assert privacy.sweep()["deleted_unverified"] == 1
    assert list(Submission.objects.all()) == [recent]


@pytest.mark.parametrize("state", [State.DECLINED, State.WITHDRAWN])
def test_declined_and_withdrawn_lose_personal_data_after_the_retention(settings, state):
    settings.SUBMISSION_RETENTION_DAYS = 90
    old = make_submission(state=state)
    SubmissionNote.objects.create(submission=old, body="Ana is a friend of the editor")
    OutgoingEmail.objects.create(
        submission=old, kind="declined", to=old.email, subject="s", body="b"
    )
    recent = make_submission(state=state)
    aged(old, decided_at=timedelta(days=91))
    aged(recent, decided_at=timedelta(days=89))
    assert privacy.sweep()["erased"] == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.name, old.email, old.phone, old.text, old.bio) == ("", "", "", "", "")
    assert old.personal_data_erased_at and old.reference and old.kind == Kind.OP_ED
    assert not SubmissionNote.objects.filter(submission=old).exists()
    assert not OutgoingEmail.objects.filter(submission=old).exists()
    assert recent.email == "ana@example.org"


def test_accepted_and_open_submissions_are_kept():
    for state in (State.NEW, State.CONSIDERING, State.ACCEPTED):
        aged(
            make_submission(state=state),
            created_at=timedelta(days=400),
            decided_at=timedelta(days=400),
        )
    assert privacy.sweep() == {"deleted_unverified": 0, "erased": 0}


def test_the_worker_runs_the_sweep_and_queues_the_next_run(settings):
    settings.SUBMISSION_SWEEP_SECONDS = 3600
    old = make_submission(state=State.UNVERIFIED)
    aged(old, created_at=timedelta(days=8))
    privacy.sweep_submissions.call()
    assert not Submission.objects.exists()
    waiting = DBTaskResult.objects.filter(status="READY", task_path=privacy.SWEEP_TASK_PATH)
    assert waiting.count() == 1
    assert waiting.get().run_after > timezone.now() + timedelta(minutes=59)


def test_receiving_a_submission_makes_sure_a_sweep_is_queued_once(
    client, django_capture_on_commit_callbacks
):
    from .helpers import post

    with django_capture_on_commit_callbacks(execute=True):
        post(client, Kind.LETTER)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, Kind.LETTER, email="other@example.org")
    assert (
        DBTaskResult.objects.filter(status="READY", task_path=privacy.SWEEP_TASK_PATH).count() == 1
    )


def test_an_administrator_exports_everything_about_an_address(client):
    submission = make_submission(email="Ana@Example.org")
    SubmissionNote.objects.create(submission=submission, body="Promising")
    make_submission(email="someone@else.org", name="Someone Else")
    client.force_login(make_admin())
    response = client.post(
        "/admin/submissions/submission/privacy/", {"email": "ana@example.org", "export": "1"}
    )
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert [item["reference"] for item in data["submissions"]] == [submission.reference]
    assert data["submissions"][0]["phone"] == "+44 20 7946 0000"
    assert data["submissions"][0]["internal_notes"][0]["note"] == "Promising"
    assert "Someone Else" not in response.content.decode()


def test_an_administrator_erases_everything_about_an_address(
    client, django_capture_on_commit_callbacks
):
    editor = make_editor()
    article = make_published()
    letter = make_submission(kind=Kind.LETTER, article=article, email="bill@example.org")
    workflow.accept(letter, by=editor)
    unverified = make_submission(kind=Kind.LETTER, state=State.UNVERIFIED, email="bill@example.org")
    client.force_login(make_admin())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/submissions/submission/privacy/", {"email": "bill@example.org", "erase": "1"}
        )
    assert not Submission.objects.filter(pk=unverified.pk).exists()
    letter.refresh_from_db()
    assert letter.email == "" and letter.published_text == "" and letter.published_at is None
    assert not Submission.objects.for_address("bill@example.org").exists()
    assert "Bill Oduya" not in client.get(article.get_absolute_url()).content.decode()


def test_editors_cannot_export_or_erase(client):
    client.force_login(make_editor())
    assert client.get("/admin/submissions/submission/privacy/").status_code == 403
    response = client.post(
        "/admin/submissions/submission/privacy/", {"email": "ana@example.org", "erase": "1"}
    )
    assert response.status_code == 403


def test_the_privacy_notice_says_what_the_code_does(client, settings):
    settings.SUBMISSION_RETENTION_DAYS = 90
    page = client.get("/privacy/").content.decode()
    assert "deleted after 7 days" in page
    assert "erased 90 days after that decision" in page
    assert "export or erase" in page
    assert client.get("/write-for-us/").content.decode().count('href="/privacy/"') >= 1


def test_a_failing_sweep_still_queues_the_next_run(monkeypatch):
    def broken(now=None):
        raise RuntimeError("disk full")

    monkeypatch.setattr(privacy, "sweep", broken)
    with pytest.raises(RuntimeError):
        privacy.sweep_submissions.call()
    assert (
        DBTaskResult.objects.filter(status="READY", task_path=privacy.SWEEP_TASK_PATH).count() == 1
    )
