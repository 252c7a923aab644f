"""The second sign-in step: who owes it, and the devices that give it.

Editors and administrators (anyone who may publish) must confirm every sign-in with a
code from an authenticator app (TOTP) or one of their single-use recovery codes.
Columnists may turn it on; once they have, it is asked of them too. django-otp stores
the devices, checks the codes (a code is never accepted twice) and slows down guessing.
"""

from base64 import b32decode, b32encode

from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR = "Authenticator app"
RECOVERY = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def is_required(user):
    """Everyone who can make text live: editors (publish permission) and administrators."""
    return user.is_active and user.has_perm("articles.publish_article")


def is_enrolled(user):
    """Whether the user has a confirmed authenticator (remembered on the user for the request)."""
    if not hasattr(user, "_second_factor_enrolled"):
        user._second_factor_enrolled = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return user._second_factor_enrolled


def is_verified(user):
    """Whether this session's second step was passed (set by django-otp's middleware)."""
    return getattr(user, "otp_device", None) is not None


def is_pending(user):
    """Signed in with a password, but the second step is still owed."""
    if not user.is_authenticated or is_verified(user):
        return False
    return is_required(user) or is_enrolled(user)


def mark_verified(request, device):
    """Record in the session that ``device`` confirmed this sign-in."""
    otp_login(request, device)


# Enrolment ---------------------------------------------------------------------------


def pending_enrolment(user):
    """The authenticator being set up: made once, the same secret on every page load."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def confirm_enrolment(device, code):
    """Confirm ``device`` with a code from the app; return new recovery codes, or None.

    Done on the locked row, so two tabs cannot both confirm, and refused once the user
    already has a confirmed authenticator (a second one needs an administrator's reset).
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(pk=device.pk).first()
        if device is None or device.confirmed or is_enrolled_now(device.user):
            return None
        if not device.verify_token(clean_code(code)):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return new_recovery_codes(device.user)


def is_enrolled_now(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones and return them (shown only once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def reset(user):
    """An administrator's reset: every device goes; the next sign-in enrols again."""
    from django_otp_webauthn.models import WebAuthnCredential

    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    WebAuthnCredential.objects.filter(user=user).delete()


# Checking a code ---------------------------------------------------------------------


def clean_code(code):
    return "".join(str(code).split()).lower()


def check_code(user, code):
    """The confirmed device that accepts ``code``, or None; and whether one was throttled.

    Six digits are an authenticator code, anything else a recovery code (used up by
    this check). Each device is locked while it checks, so a code is accepted once.
    """
    code = clean_code(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    throttled = False
    with transaction.atomic():
        for device in model.objects.select_for_update().filter(user=user, confirmed=True):
            allowed, _ = device.verify_is_allowed()
            if not allowed:
                throttled = True
                continue
            if device.verify_token(code):
                return device, False
    return None, throttled


# The demo ----------------------------------------------------------------------------


def key_from_base32(secret):
    """A TOTPDevice key (hex) from a base32 secret as authenticator apps and oathtool take it."""
    return b32decode(secret.upper()).hex()


def base32_secret(device):
    return b32encode(device.bin_key).decode()


def give_authenticator(user, secret, name=AUTHENTICATOR):
    """A confirmed authenticator with a known base32 secret (for the demo's logins)."""
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name=name, defaults={"key": key_from_base32(secret), "confirmed": True}
    )
    return device
