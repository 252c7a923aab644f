"""Passkeys (WebAuthn, django-otp-webauthn) as another way to pass the second step.

Only on top of an authenticator app: a passkey is registered from one's own two-step
settings after signing in fully, never by a session that gave only a password, and
never instead of the app (whose recovery codes stay the way back in). Passwordless
sign-in is off: a passkey replaces the code, not the password.
"""

from django.conf import settings
from django.http.request import split_domain_port
from django_otp_webauthn import exceptions
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from . import second_factor


def relying_party_id(request):
    """The domain passkeys belong to: PASSKEY_RP_ID, else the host the admin is opened at.

    The host was already checked against ALLOWED_HOSTS, so a request cannot choose it.
    """
    return settings.PASSKEY_RP_ID or split_domain_port(request.get_host())[0]


def available(request):
    """Whether browsers allow passkeys here: over https, or on http://localhost."""
    return request.is_secure() or relying_party_id(request) == "localhost"


class PasskeyHelper(WebAuthnHelper):
    def get_allowed_origins(self):
        """PASSKEY_ORIGINS, else the origin of this request: a phishing site's differs."""
        return settings.PASSKEY_ORIGINS or [f"{self.request.scheme}://{self.request.get_host()}"]


class AuthenticatorFirst(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_code = "authenticator_first"
    default_detail = "Set up an authenticator app first; a passkey can then be added."


class RequiresAuthenticator:
    def check_can_register(self):
        if not second_factor.is_enrolled(self.request.user):
            raise AuthenticatorFirst()


class BeginRegistration(RequiresAuthenticator, BeginCredentialRegistrationView):
    pass


class CompleteRegistration(RequiresAuthenticator, CompleteCredentialRegistrationView):
    pass


class CompleteAuthentication(CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        """As with a code: a new session key when the second step is passed."""
        self.request.session.cycle_key()
        super().complete_auth(device)


def passkeys_of(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("created_at")


def remove_passkey(user, pk):
    """Delete one of the user's own passkeys; True if there was one (a malformed id: False)."""
    if not str(pk).isdigit():
        return False
    deleted, _ = WebAuthnCredential.objects.filter(user=user, pk=int(pk)).delete()
    return bool(deleted)
