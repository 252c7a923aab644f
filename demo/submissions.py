"""The demo's outside voices, played through the real transitions of ``submissions.workflow``.

Each is looked up by its reference, so running the demo again adds nothing. No email
goes out: the senders are invented.
"""

from django.core.files.base import ContentFile
from django.db import transaction

from articles.models import Article
from authors.models import AuthorLink
from demo import pictures
from demo.content.submissions import SUBMISSIONS
from submissions import emails, privacy, workflow
from submissions.models import State, Submission

FIELDS = (
    "kind", "name", "email", "phone", "affiliation", "bio", "town", "headline", "text",
    "is_pitch", "conflict_of_interest",
)  # fmt: skip


def load(users):
    """Create the demo submissions that are missing; returns how many were made."""
    existing = set(
        Submission.objects.filter(reference__in=[s["reference"] for s in SUBMISSIONS]).values_list(
            "reference", flat=True
        )
    )
    editor = users["editor"]
    answered = Article.objects.published().order_by("-published_at", "-pk").first()
    made = 0
    with emails.suppressed():
        for spec in SUBMISSIONS:
            if spec["reference"] in existing:
                continue
            make(spec, editor, users, answered)
            made += 1
    # The worker's retention sweep, queued once the demo commits (each run queues the next).
    transaction.on_commit(privacy.ensure_sweep_scheduled, robust=True)
    return made


def make(spec, editor, users, answered):
    fields = {key: spec[key] for key in FIELDS if key in spec}
    submission = Submission.objects.create(
        reference=spec["reference"],
        state=State.UNVERIFIED,
        not_offered_elsewhere=spec["kind"] == "op_ed",
        article=answered if spec["kind"] == "letter" else None,
        word_count=len(spec["text"].split()),
        **fields,
    )
    state = spec["state"]
    if state == State.UNVERIFIED:
        return submission
    workflow.verify(submission)
    if state == State.WITHDRAWN:
        return workflow.withdraw(submission)
    if "assign" in spec:
        workflow.assign(submission, by=editor, assignee=users[spec["assign"]])
    if "note" in spec:
        workflow.add_note(submission, by=editor, body=spec["note"])
    if state == State.CONSIDERING:
        workflow.consider(submission, by=editor)
    elif state == State.DECLINED:
        workflow.decline(submission, by=editor)
    elif state == State.ACCEPTED:
        submission = workflow.accept(submission, by=editor)
        if submission.guest_author is not None:
            dress(submission.guest_author)
        if spec.get("sign_off"):
            workflow.request_sign_off(submission, by=editor)
    return submission


def dress(author):
    """What an editor adds to a new guest profile: a portrait and a link."""
    if not author.avatar:
        palette = next(iter(pictures.PALETTES))
        author.avatar = ContentFile(pictures.avatar(author.name, palette), "avatar.png")
        author.save()
    if not author.links.exists():
        AuthorLink.objects.create(
            author=author, label="Hospital profile", url="https://example.org/staff/ichukwu"
        )
