"""The only way a submission's state changes, as ``articles.workflow`` is for articles.

Each function checks who asks and the submission's current state on its locked
row, changes it, records a ``SubmissionEvent`` and queues any email to the sender
once the transaction commits. The public views, the admin and the tests call these;
a refused move raises ``SubmissionError`` with a message for the person who asked.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import slugify

from articles import html, revisions
from articles import share_links as article_share_links
from articles import workflow as article_workflow
from articles.models import Article, Byline, ReviewNote, Status
from articles.slugs import unique_slug
from authors.models import Author
from notifications import events as notification_events
from opinion_blog.content_version import public_content_changed

from . import emails, links
from .models import Action, Kind, ReplyKind, SignOff, State, Submission, SubmissionEvent
from .models import SubmissionNote as Note

S = State
PERMISSION = "submissions.handle_submission"


class SubmissionError(Exception):
    """A refused action; ``str(error)`` explains why."""


def can_handle(user):
    """Editors (and administrators): the only people who see the submissions desk."""
    return bool(user and user.is_active and user.is_staff and user.has_perm(PERMISSION))


def desk_summary():
    """The editors' dashboard panel: what waits for a decision, by state and kind, and
    since when the oldest has waited."""
    waiting = Submission.objects.waiting()
    counts = {(state, kind): 0 for state in (S.NEW, S.CONSIDERING) for kind in Kind}
    for row in waiting.values("state", "kind").annotate(count=Count("pk")).order_by():
        counts[row["state"], row["kind"]] = row["count"]
    rows = [
        {
            "state": state,
            "total": counts[state, Kind.OP_ED] + counts[state, Kind.LETTER],
            "op_eds": counts[state, Kind.OP_ED],
            "letters": counts[state, Kind.LETTER],
        }
        for state in (S.NEW, S.CONSIDERING)
    ]
    oldest = waiting.values_list("created_at", flat=True).first()
    return {"rows": rows, "oldest": oldest, "total": sum(row["total"] for row in rows)}


@dataclass(frozen=True)
class Rule:
    label: str
    sources: tuple


RULES = {
    "consider": Rule("Put under consideration", (S.NEW,)),
    "accept": Rule("Accept", (S.NEW, S.CONSIDERING)),
    "decline": Rule("Decline", (S.NEW, S.CONSIDERING)),
}
# The sender may withdraw until the piece is out.
WITHDRAWABLE = (S.UNVERIFIED, S.NEW, S.CONSIDERING, S.ACCEPTED)


def available_actions(user, submission):
    if not can_handle(user):
        return []
    return [name for name, rule in RULES.items() if submission.state in rule.sources]


def _record(submission, by, action, from_state="", to_state="", note=""):
    return SubmissionEvent.objects.create(
        submission=submission,
        actor=by,
        action=action,
        from_state=from_state,
        to_state=to_state or from_state,
        note=note,
    )


def _locked(submission):
    return Submission.objects.select_for_update().get(pk=submission.pk)


def _move(name, submission, by, to, action, note="", *, prepare=None):
    """Check, change and record one move on the locked row; returns the fresh row."""
    if not can_handle(by):
        raise SubmissionError("You don’t have permission to work on submissions.")
    with transaction.atomic():
        current = _locked(submission)
        rule = RULES[name]
        if current.state not in rule.sources:
            raise SubmissionError(
                f"“{rule.label}” isn’t possible while the submission is "
                f"{current.get_state_display().lower()}."
            )
        fields = prepare(current) if prepare else {}
        fields = {"state": to, **fields}
        if to in (S.ACCEPTED, S.DECLINED):
            fields["decided_at"] = timezone.now()
        Submission.objects.filter(pk=current.pk).update(**fields)
        _record(current, by, action, current.state, to, note)
        current.refresh_from_db()
    _copy(current, submission)
    return current


def _copy(source, target):
    for field in Submission._meta.concrete_fields:
        setattr(target, field.attname, getattr(source, field.attname))


# The public side ------------------------------------------------------------------------------


def receive(*, kind, cleaned):
    """Store a submission from the public form; it waits for the sender's email verification."""
    from .privacy import ensure_sweep_scheduled

    fields = {key: value for key, value in cleaned.items() if key in RECEIVED_FIELDS}
    with transaction.atomic():
        submission = Submission.objects.create(
            kind=kind,
            state=S.UNVERIFIED,
            consented_at=timezone.now(),
            word_count=len(cleaned["text"].split()),
            **fields,
        )
        _record(submission, None, Action.RECEIVED, to_state=S.UNVERIFIED)
        emails.queue(
            submission, ReplyKind.VERIFY, link=emails.absolute(links.verify_url(submission))
        )
        transaction.on_commit(ensure_sweep_scheduled, robust=True)
    return submission


RECEIVED_FIELDS = {
    "name",
    "email",
    "phone",
    "affiliation",
    "bio",
    "town",
    "headline",
    "text",
    "is_pitch",
    "conflict_of_interest",
    "not_offered_elsewhere",
    "article",
}


def verify(submission):
    """The sender opened the emailed link: the submission reaches the desk. Safe to repeat."""
    with transaction.atomic():
        current = _locked(submission)
        if current.state != S.UNVERIFIED:
            return current, False
        now = timezone.now()
        Submission.objects.filter(pk=current.pk).update(state=S.NEW, verified_at=now)
        current.state, current.verified_at = S.NEW, now
        _record(current, None, Action.VERIFIED, S.UNVERIFIED, S.NEW)
        emails.queue(
            current,
            ReplyKind.RECEIVED,
            withdraw_link=emails.absolute(links.withdraw_url(current)),
        )
    return current, True


def withdraw(submission):
    """The sender withdrew the piece from the emailed link."""
    with transaction.atomic():
        current = _locked(submission)
        if current.state == S.WITHDRAWN:
            return current
        if current.state not in WITHDRAWABLE:
            raise SubmissionError(
                "This piece can no longer be withdrawn here. Please write to the editors, "
                f"quoting {current.reference}."
            )
        article = current.draft_article
        if current.published_at is not None or (article is not None and article.is_published):
            raise SubmissionError(
                "Your piece is already published. Please write to the editors, "
                f"quoting {current.reference}."
            )
        Submission.objects.filter(pk=current.pk).update(
            state=S.WITHDRAWN, decided_at=timezone.now()
        )
        _record(current, None, Action.WITHDRAW, current.state, S.WITHDRAWN)
        if article is not None:
            # The draft stays for the record; whoever opens it learns why it must not run.
            ReviewNote.objects.create(
                article=article,
                author=None,
                body=f"{current.name or 'The writer'} withdrew this piece ({current.reference}) "
                "from the link in their receipt. Do not publish it.",
            )
        current.refresh_from_db()
    return current


# The desk ------------------------------------------------------------------------------------


def consider(submission, *, by):
    return _move("consider", submission, by, S.CONSIDERING, Action.CONSIDER)


def decline(submission, *, by, notify=True):
    declined = _move("decline", submission, by, S.DECLINED, Action.DECLINE)
    if notify:
        with transaction.atomic():
            emails.queue(declined, ReplyKind.DECLINED)
    return declined


def accept(submission, *, by, notify=True):
    """An op-ed becomes a Draft article under a guest byline; a letter is published."""

    def prepare(current):
        if current.kind == Kind.LETTER:
            return {
                "published_text": current.published_text or current.text,
                "published_at": timezone.now(),
            }
        article, author = _draft_from(current, by)
        return {"draft_article": article, "guest_author": author}

    with transaction.atomic():
        accepted = _move("accept", submission, by, S.ACCEPTED, Action.ACCEPT, prepare=prepare)
        if accepted.kind == Kind.LETTER:
            public_content_changed()
        if notify:
            emails.queue(accepted, ReplyKind.ACCEPTED)
    return accepted


def text_to_html(text):
    """Plain paragraphs (a blank line between) as the editor's HTML, escaped, then sanitised."""
    paragraphs = [" ".join(part.split()) for part in text.replace("\r\n", "\n").split("\n\n")]
    return html.sanitize("".join(f"<p>{escape(p)}</p>" for p in paragraphs if p))


def guest_profile(submission):
    """The sender's guest profile: the one made for an earlier piece of theirs, else a new one."""
    earlier = (
        Submission.objects.for_address(submission.email)
        .filter(guest_author__isnull=False, guest_author__user__isnull=True)
        .exclude(pk=submission.pk)
        .select_related("guest_author")
        .order_by("-decided_at")
        .first()
    )
    if earlier is not None:
        return earlier.guest_author
    bio = submission.bio.strip()
    if submission.affiliation.strip():
        bio = f"{bio}\n\n{submission.affiliation.strip()}".strip()
    base = slugify(submission.name)[:100] or "guest"
    return Author.objects.create(
        name=submission.name[:120],
        slug=unique_slug(base, Author.objects.all(), max_length=120),
        bio=bio,
    )


NOTHING_TO_DECLARE = {"none", "no", "nil", "n/a", "na", "nothing", "-", "no conflicts"}


def disclosure_from(answer):
    """The conflict-of-interest answer as the article's disclosure; "None" declares nothing."""
    answer = answer.strip()
    return "" if answer.lower().rstrip(".") in NOTHING_TO_DECLARE else answer[:2000]


def _draft_from(submission, by):
    author = guest_profile(submission)
    article = Article(
        title=(submission.headline or submission.title)[:200],
        slug=unique_slug(submission.headline or submission.title, Article.objects.all()),
        body=text_to_html(submission.text),
        disclosure=disclosure_from(submission.conflict_of_interest),
    )
    article_workflow.create(article, by=by)
    Byline.objects.update_or_create(article=article, author=author, defaults={"position": 0})
    # Its first revision: the text as the sender wrote it, before the desk's edits.
    revisions.record(article, by=by, changed=False, note=f"From submission {submission.reference}")
    return article, author


def assign(submission, *, by, assignee):
    if not can_handle(by):
        raise SubmissionError("You don’t have permission to assign submissions.")
    if assignee is not None and not can_handle(assignee):
        raise SubmissionError(
            f"{article_workflow.display_name(assignee)} does not work on the submissions desk."
        )
    with transaction.atomic():
        current = _locked(submission)
        Submission.objects.filter(pk=current.pk).update(assignee=assignee)
        submission.assignee = assignee
        note = (
            f"Assigned to {article_workflow.display_name(assignee)}" if assignee else "Unassigned"
        )
        _record(current, by, Action.ASSIGN, current.state, note=note)
    return submission


def add_note(submission, *, by, body):
    if not can_handle(by):
        raise SubmissionError("You don’t have permission to write notes on submissions.")
    body = (body or "").replace("\x00", "").strip()
    if not body:
        raise SubmissionError("Write something before you add the note.")
    if len(body) > 5000:
        raise SubmissionError("Notes are limited to 5,000 characters.")
    with transaction.atomic():
        note = Note.objects.create(submission=submission, author=by, body=body)
        _record(submission, by, Action.NOTE, submission.state)
    return note


def edit_printed_text(submission, *, by, text):
    """The desk trims a letter as printed; a published one changes on the site at once."""
    from .forms import MAX_TEXT_CHARS, clean_text

    if not can_handle(by):
        raise SubmissionError("You don’t have permission to edit submissions.")
    text = clean_text(text)
    if len(text) > MAX_TEXT_CHARS:
        raise SubmissionError(f"Keep the printed text under {MAX_TEXT_CHARS:,} characters.")
    with transaction.atomic():
        current = _locked(submission)
        if current.personal_data_erased_at:
            raise SubmissionError("This submission has been erased.")
        Submission.objects.filter(pk=current.pk).update(published_text=text)
        submission.published_text = text
        _record(current, by, Action.NOTE, current.state, note="Printed text edited")
        if current.published_at is not None:
            public_content_changed()
    return submission


REPLIES = (ReplyKind.RECEIVED, ReplyKind.DECLINED, ReplyKind.ACCEPTED)


def send_reply(submission, *, by, kind):
    """Email the sender one of the reply templates, by hand (again, or after a quiet decision)."""
    if not can_handle(by):
        raise SubmissionError("You don’t have permission to reply to senders.")
    if kind not in REPLIES:
        raise SubmissionError("Choose one of the reply templates.")
    if submission.personal_data_erased_at or not submission.email:
        raise SubmissionError("The sender’s address has been erased.")
    with transaction.atomic():
        extra = {}
        if kind == ReplyKind.RECEIVED:
            extra["withdraw_link"] = emails.absolute(links.withdraw_url(submission))
        email = emails.queue(submission, kind, **extra)
        _record(submission, by, Action.REPLY, submission.state, note=email.subject if email else "")
    return email


# The writer's sign-off -------------------------------------------------------------------------


def request_sign_off(submission, *, by, days=article_share_links.DEFAULT_DAYS):
    """Send the guest a private, expiring link to the edited version of their accepted op-ed."""
    if not can_handle(by):
        raise SubmissionError("You don’t have permission to ask for a sign-off.")
    with transaction.atomic():
        current = _locked(submission)
        article = current.draft_article
        if current.state != S.ACCEPTED or current.kind != Kind.OP_ED or article is None:
            raise SubmissionError("Only an accepted op-ed with its article can go for sign-off.")
        if article.status == Status.TRASHED or article.is_published:
            raise SubmissionError("The article is in the trash or already published.")
        if current.personal_data_erased_at or not current.email:
            raise SubmissionError("The sender’s address has been erased.")
        try:
            link = article_share_links.create(article, by=by, days=days)
        except article_share_links.ShareError as error:
            raise SubmissionError(str(error)) from error
        sign_off = SignOff.objects.create(
            submission=current, share_link=link, requested_by=by, article_version=article.version
        )
        expires = date_format(timezone.localtime(link.expires_at), "DATETIME_FORMAT")
        emails.queue(
            current,
            ReplyKind.SIGN_OFF,
            link=emails.absolute(links.sign_off_url(sign_off)),
            expires=expires,
        )
        _record(current, by, Action.SIGN_OFF_REQUESTED, current.state, note=f"Until {expires}")
    return sign_off


def sign_off_for(token):
    """The open sign-off behind ``token``, or None when unknown, expired or withdrawn."""
    pk = links.sign_off_pk(token)
    if pk is None:
        return None
    sign_off = (
        SignOff.objects.select_related("share_link", "submission", "submission__draft_article")
        .filter(pk=pk)
        .first()
    )
    if sign_off is None or not sign_off.share_link.is_active:
        return None
    article = sign_off.submission.draft_article
    if article is None or article.status == Status.TRASHED:
        return None
    return sign_off


def answer_sign_off(sign_off, *, approve, comment=""):
    """The writer approves the edited version or sends a comment, which becomes a review note."""
    comment = (comment or "").replace("\x00", "").strip()
    if not approve and not comment:
        raise SubmissionError("Write your comment before you send it.")
    if len(comment) > 5000:
        raise SubmissionError("Comments are limited to 5,000 characters.")
    with transaction.atomic():
        current = (
            SignOff.objects.select_for_update().select_related("share_link").get(pk=sign_off.pk)
        )
        if not current.share_link.is_active:
            raise SubmissionError("This link has expired or was withdrawn.")
        if current.approved_at is not None:
            raise SubmissionError("You have already approved this version. Thank you.")
        submission = current.submission
        article = submission.draft_article
        now = timezone.now()
        writer = submission.name or "The writer"
        if approve:
            current.approved_at = now
            current.save(update_fields=["approved_at"])
            _record(submission, None, Action.SIGNED_OFF, submission.state)
            body = f"{writer} (the guest writer) approved this version on the sign-off link."
            if comment:
                body += f"\n\n{comment}"
        else:
            current.commented_at = now
            current.save(update_fields=["commented_at"])
            _record(submission, None, Action.WRITER_COMMENT, submission.state, note=comment)
            body = f"From {writer} (the guest writer), on the sign-off link:\n\n{comment}"
        ReviewNote.objects.create(article=article, author=None, body=body[:5000])
        notification_events.guest_answered(current, approved=approve, note=body[:5000])
    return current
