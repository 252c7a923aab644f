"""Project-wide request guards that belong to no single app."""

from django.conf import settings
from django.http import Http404
from django.urls import reverse


class RejectNulBytesMiddleware:
    """Answer 404 for a NUL byte anywhere in the path or the query string.

    No slug, id or search term contains one, and PostgreSQL refuses them in
    queries; stopping them here keeps every route, the admin's included, from
    turning ``%00`` into a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise Http404("NUL byte in the request.")
        return self.get_response(request)


class AdminContentSecurityPolicyMiddleware:
    """Give pages under the admin the looser SECURE_CSP_ADMIN policy.

    The admin's templates and the rich-text editor use inline styles; the
    public site does not, and keeps the strict SECURE_CSP. A view that chose
    its own policy (``csp_override``) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(reverse("admin:index")) and not hasattr(response, "_csp_config"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response
