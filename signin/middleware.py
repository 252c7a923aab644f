"""Until the second step is passed, a session reaches nothing but the second step."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from . import second_factor

# Admin routes a session that owes the second step may open (by URL name).
SECOND_STEP_ROUTES = (
    "admin:second_step",
    "admin:second_step_enrol",
    "admin:second_step_cancel",
    # A passkey instead of a code (registering one needs a finished sign-in).
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
)


class SecondStepMiddleware:
    """Below django-otp's OTPMiddleware, which says which device (if any) verified the session.

    For an editor or administrator who has given only a password: any admin page or POST
    is a redirect to the second step, and every other page (previews included) treats
    them as not signed in. Checked here, once, so no view can forget it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; the session is not even read.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and second_factor.is_pending(
            request.user
        ):
            admin_root = reverse("admin:index")
            if request.path.startswith(admin_root):
                allowed = {reverse(name) for name in SECOND_STEP_ROUTES}
                if request.path not in allowed:
                    return redirect_to_login(request.get_full_path(), reverse("admin:second_step"))
            else:
                request.user = AnonymousUser()
        return self.get_response(request)
