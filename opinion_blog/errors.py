"""Site-wide error views."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views import defaults

# The database came back within seconds when restarted under load.
RETRY_AFTER_SECONDS = 10


def server_error(request):
    """handler500: a lost database connection is a 503 worth retrying, not a bug.

    Django calls this inside its ``except`` block, so the exception is at hand;
    its ``django.request`` logger records it with the traceback either way.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable()
    return defaults.server_error(request)


def database_unavailable():
    """A styled 503 rendered without a request, so no context processor can query."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
