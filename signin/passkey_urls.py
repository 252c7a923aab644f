"""django-otp-webauthn's endpoints, with registration only after an authenticator app.

Included under the namespace its scripts expect (``otp_webauthn``).
"""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn.views import BeginCredentialAuthenticationView

from .passkeys import BeginRegistration, CompleteAuthentication, CompleteRegistration

app_name = "otp_webauthn"

urlpatterns = [
    path("registration/begin/", BeginRegistration.as_view(), name="credential-registration-begin"),
    path(
        "registration/complete/",
        CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
