"""Building posts of the public forms as a browser would send them, ALTCHA solved in Python."""

import time

import altcha
from django.core import signing
from django_altcha import get_altcha_challenge

from submissions.forms import STARTED_SALT
from submissions.models import Kind, State, Submission


def solved_altcha():
    """A real proof-of-work solution to a fresh challenge signed with the site's key."""
    challenge = get_altcha_challenge(max_number=1000)
    solution = altcha.solve_challenge(challenge)
    return altcha.Payload(
        challenge.algorithm,
        challenge.challenge,
        solution.number,
        challenge.salt,
        challenge.signature,
    ).to_base64()


def started(seconds_ago=30):
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


OP_ED = {
    "name": "Ana Ruiz",
    "email": "ana@example.org",
    "phone": "+44 20 7946 0000",
    "affiliation": "St Thomas’ Hospital",
    "bio": "Ana Ruiz is a nurse in London.",
    "headline": "Nurses need rest rooms, not pizza",
    "text": "Every ward I have worked on lacked a place to sit.\n\nThat should change.",
    "conflict_of_interest": "None",
    "not_offered_elsewhere": "on",
    "consent": "on",
}
LETTER = {
    "name": "Bill Oduya",
    "email": "bill@example.org",
    "town": "Leeds",
    "text": "Sir, the author is right about buses.",
    "consent": "on",
}


def form_data(kind, *, seconds_ago=30, altcha_payload=None, **overrides):
    prefix = "oped" if kind == Kind.OP_ED else "letter"
    fields = {**(OP_ED if kind == Kind.OP_ED else LETTER), **overrides}
    fields.setdefault("started", started(seconds_ago))
    fields.setdefault("altcha", altcha_payload if altcha_payload is not None else solved_altcha())
    return {f"{prefix}-{key}": value for key, value in fields.items() if value is not None}


def post(client, kind, **kwargs):
    url = "/write-for-us/op-ed/" if kind == Kind.OP_ED else "/write-for-us/letter/"
    return client.post(url, form_data(kind, **kwargs))


def make_submission(kind=Kind.OP_ED, state=State.NEW, **fields):
    data = dict(OP_ED if kind == Kind.OP_ED else LETTER)
    for key in ("not_offered_elsewhere", "consent"):
        data.pop(key, None)
    data.update(fields)
    data["not_offered_elsewhere"] = kind == Kind.OP_ED
    return Submission.objects.create(kind=kind, state=state, **data)
