"""Site-wide error views."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from . import outage

# The database came back within seconds when restarted under load.
RETRY_AFTER_SECONDS = 10
# Never echoed back: secrets the person typed.
SECRET_FIELDS = ("password", "token", "otp")


def server_error(request):
    """handler500: a lost database connection is a 503 worth retrying, not a bug.

    Django calls this inside its ``except`` block, so the exception is at hand;
    its ``django.request`` logger records it with the traceback either way.
    """
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        if outage.is_connection_failure(error):
            outage.record_failure()
        return database_unavailable(request)
    return defaults.server_error(request)


def database_unavailable(request=None):
    """The 503 while the database is unreachable, rendered without touching it.

    An editor saving a form in the admin gets the form's text back with word that
    nothing was saved; a script (autosave) gets JSON; everyone else the styled page.
    """
    if request is not None and is_admin_form_post(request):
        response = HttpResponse(unsaved_form_page(request), status=503)
    elif request is not None and wants_json(request):
        response = JsonResponse(
            {"error": "The database is unavailable: nothing was saved. Try again shortly."},
            status=503,
        )
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def wants_json(request):
    return "X-Requested-With" in request.headers or "application/json" in request.headers.get(
        "Accept", ""
    )


def is_admin_form_post(request):
    if request.method != "POST" or wants_json(request):
        return False
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    # Every form of the admin that carries someone's work (the article form, a workflow
    # move, a review note, a correction); signing in or out is not worth handing back.
    name = match.url_name or ""
    return "admin" in match.namespaces and not name.startswith(("login", "logout", "password"))


def unsaved_form_page(request):
    """Everything the form sent, prose in text boxes and the rest hidden, ready to send again."""
    fields = []
    for name, values in request.POST.lists():
        if name == "csrfmiddlewaretoken" or any(word in name.lower() for word in SECRET_FIELDS):
            continue
        for value in values:
            prose = not name.startswith("_") and (" " in value.strip() or len(value) > 40)
            label = name.replace("_", " ").replace("-", " ").strip().capitalize()
            fields.append({"name": name, "value": value, "prose": prose, "label": label})
    return render_to_string(
        "503_unsaved_form.html",
        {"fields": fields, "action": request.get_full_path(), "csrf_token": get_token(request)},
    )
