"""Signed addresses a sender opens from an email: verify, withdraw, sign off.

Each purpose has its own salt, so a token made for one never opens another. Verify
and withdraw links carry their time and expire after ``SUBMISSION_LINK_DAYS``; a
sign-off link is a share link's row (``SignOff.share_link``), which decides whether
it still works.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

VERIFY_SALT = "submissions.verify"
WITHDRAW_SALT = "submissions.withdraw"
SIGN_OFF_SALT = "submissions.sign-off"
MAX_TOKEN_LENGTH = 200


def _make(salt, pk):
    return signing.dumps(pk, salt=salt, compress=False)


def _read(salt, token, max_age):
    """The id inside ``token``, or None for anything we did not sign, or that is too old."""
    if not token or len(token) > MAX_TOKEN_LENGTH or "\x00" in token:
        return None
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return pk if isinstance(pk, int) else None


def _max_age():
    return settings.SUBMISSION_LINK_DAYS * 24 * 60 * 60


def verify_url(submission):
    token = _make(VERIFY_SALT, submission.pk)
    return reverse("submissions:verify", kwargs={"token": token})


def withdraw_url(submission):
    token = _make(WITHDRAW_SALT, submission.pk)
    return reverse("submissions:withdraw", kwargs={"token": token})


def sign_off_url(sign_off):
    return reverse("submissions:sign_off", kwargs={"token": _make(SIGN_OFF_SALT, sign_off.pk)})


def verified_pk(token):
    return _read(VERIFY_SALT, token, _max_age())


def withdraw_pk(token):
    return _read(WITHDRAW_SALT, token, _max_age())


def sign_off_pk(token):
    # The share link's own expiry decides; the signature only proves we made it.
    return _read(SIGN_OFF_SALT, token, None)
