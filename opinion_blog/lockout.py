"""The page a throttled sign-in gets (django-axes' AXES_LOCKOUT_CALLABLE)."""

import math

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

from .client_ip import client_ip


def lockout_response(request, original_response=None, credentials=None):
    """Say what happened and when to try again, and tell clients the wait in Retry-After."""
    cool_off = get_cool_off(request)
    seconds = math.ceil(cool_off.total_seconds())
    response = render(
        request,
        "registration/locked_out.html",
        {"cooloff_minutes": math.ceil(seconds / 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def address_is_flooded(request):
    """Whether this address failed against any accounts LOGIN_ADDRESS_FAILURE_LIMIT times.

    django-axes counts per account and address together (so a stranger cannot lock an
    editor out); this looser limit stops one address spraying guesses over many
    accounts. Counted over the same cool-off as axes' own lockout.
    """
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    failures = AccessAttempt.objects.filter(
        ip_address=client_ip(request), attempt_time__gte=since
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return (failures or 0) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT
