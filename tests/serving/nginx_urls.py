"""The site's URLs plus two public pages the nginx test needs and the site does not have yet:
one that leaves a flash message and one that shows a form with a CSRF token."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path

from opinion_blog.urls import urlpatterns as site_urlpatterns


def leaves_a_message(request):
    messages.info(request, "Only for you: your comment was saved.")
    return HttpResponse("<p>Thank you.</p>")


def shows_messages(request):
    shown = "".join(f"<p>{message}</p>" for message in messages.get_messages(request))
    return HttpResponse(f"<main>{shown or '<p>No news.</p>'}</main>")


def shows_a_form(request):
    return HttpResponse(f'<form method="post"><input name="t" value="{get_token(request)}"></form>')


urlpatterns = [
    path("test-only/leave-message/", leaves_a_message),
    path("test-only/messages/", shows_messages),
    path("test-only/form/", shows_a_form),
    *site_urlpatterns,
]
