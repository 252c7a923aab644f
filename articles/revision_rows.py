"""Revisions as people read them: who, when, what kind, and what changed.

The history keeps every revision; this turns a page of them into rows. A row names
its kind from the revision and from the audit log (a save made by "Save and submit"
is a submission), says what changed against the revision before it (fields, and
words added or removed in the body), and folds a run of saves and autosaves by one
person with nothing else between them into one row.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from difflib import SequenceMatcher

from .diffs import FIELDS, _as_text, plain_text
from .models import Action, RevisionKind

# A save this soon before a transition by the same person was made by its button.
SAME_REQUEST = timedelta(seconds=10)
# Saves by one person closer together than this, with nothing between, are one sitting.
SITTING = timedelta(minutes=30)

TRANSITION_KINDS = {
    Action.SUBMIT: "Submit",
    Action.PUBLISH: "Publish",
    Action.SCHEDULE: "Schedule",
    Action.REQUEST_CHANGES: "Request changes",
    Action.WITHDRAW: "Withdraw",
    Action.UNPUBLISH: "Unpublish",
}
KINDS = {
    RevisionKind.AUTOSAVE: "Autosave",
    RevisionKind.SAVE: "Save",
    RevisionKind.PENDING: "Change to a live article",
    RevisionKind.RESTORE: "Restore",
    RevisionKind.APPROVAL: "Approval",
    RevisionKind.CORRECTION: "Correction",
}
FOLDABLE = (RevisionKind.SAVE, RevisionKind.AUTOSAVE)


@dataclass
class Row:
    revision: object  # the newest revision of the row: compare and restore use it
    kind: str
    changes: list
    oldest: object = None
    count: int = 1
    members: list = field(default_factory=list)

    @property
    def started_at(self):
        return (self.oldest or self.revision).created_at

    @property
    def folded(self):
        return self.count > 1


def _word_change(old, new):
    a, b = plain_text(old).split(), plain_text(new).split()
    added = removed = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            removed += i2 - i1
        if op in ("insert", "replace"):
            added += j2 - j1
    return added, removed


def changes_between(old, new):
    """What a reader would see differently, in words: ["Headline", "Body: +12 −3 words"]."""
    if old is None:
        return ["First version"]
    found = []
    for name, label in FIELDS:
        if name == "state":
            continue
        if _as_text(name, old.get(name)) == _as_text(name, new.get(name)):
            continue
        if name == "body":
            added, removed = _word_change(old.get("body"), new.get("body"))
            found.append(f"Body: +{added} −{removed} words")
        else:
            found.append(label)
    return found


def _transition_kinds(revisions, events):
    """{revision pk: transition} for saves made by a transition's button.

    Each transition belongs to the latest save by the same person just before it.
    """
    kinds = {}
    for event in events:
        if event.action not in TRANSITION_KINDS:
            continue
        made_by_button = [
            revision
            for revision in revisions
            if revision.kind == RevisionKind.SAVE
            and revision.created_by_id == event.actor_id
            and revision.created_at <= event.created_at <= revision.created_at + SAME_REQUEST
        ]
        if made_by_button:
            latest = max(made_by_button, key=lambda revision: (revision.created_at, revision.pk))
            kinds[latest.pk] = TRANSITION_KINDS[event.action]
    return kinds


def rows(article, revisions, *, before=None):
    """Rows for ``revisions`` (newest first); ``before`` is the revision preceding the last."""
    revisions = list(revisions)
    if not revisions:
        return []
    oldest, newest = revisions[-1].created_at, revisions[0].created_at
    events = list(
        article.events.filter(
            created_at__gte=oldest, created_at__lte=newest + SAME_REQUEST
        ).order_by("created_at")
    )
    previous = {}
    for index, revision in enumerate(revisions):
        older = revisions[index + 1] if index + 1 < len(revisions) else before
        previous[revision.pk] = older
    transitions = _transition_kinds(revisions, events)
    result = []
    for revision in revisions:
        kind = transitions.get(revision.pk)
        last = result[-1] if result else None
        if (
            kind is None
            and last is not None
            and last.kind in ("Save", "Autosave")
            and revision.kind in FOLDABLE
            and revision.created_by_id == last.revision.created_by_id
            and last.started_at - revision.created_at <= SITTING
        ):
            last.oldest = revision
            last.count += 1
            last.members.append(revision)
            if revision.kind == RevisionKind.SAVE:
                last.kind = "Save"
            continue
        label = f"Save and {kind.lower()}" if kind else KINDS.get(revision.kind, "Save")
        result.append(Row(revision=revision, kind=label, changes=[], members=[revision]))
    for row in result:
        older = previous[(row.oldest or row.revision).pk]
        row.changes = changes_between(older.content if older else None, row.revision.content)
    return result
