"""The one authentication backend: Django's, behind django-axes' lockout check."""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from django.contrib.auth.backends import ModelBackend

from .lockout import address_is_flooded


class ThrottledModelBackend(AxesStandaloneBackend, ModelBackend):
    """Refuse locked-out logins, then check the password and permissions as Django does.

    A single backend (rather than axes' beside Django's) keeps APIs that need
    exactly one, such as ``User.objects.with_perm()``, working unchanged.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        # Raises AxesBackendPermissionDenied while the account or address is locked out.
        AxesStandaloneBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )
        if request is not None and address_is_flooded(request):
            # As axes does: its middleware turns the flag into the lockout page.
            request.axes_locked_out = True
            raise AxesBackendPermissionDenied("Too many failed sign-ins from this address.")
        return ModelBackend.authenticate(
            self, request, username=username, password=password, **kwargs
        )
