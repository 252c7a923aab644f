"""The address a request came from, for login throttling.

A header like X-Forwarded-For can be written by anyone, so it is read only when
the CLIENT_IP_HEADER setting says a proxy we run sets it. Each trusted proxy
appends the address it saw, so the client is the CLIENT_IP_PROXY_COUNT-th entry
from the right; anything to its left came from the client and is ignored.
"""

import ipaddress

from django.conf import settings


def header_meta_key(header):
    """``X-Forwarded-For`` -> ``HTTP_X_FORWARDED_FOR``, the key Django stores it under."""
    return "HTTP_" + header.strip().upper().replace("-", "_")


def client_ip(request):
    remote_addr = request.META.get("REMOTE_ADDR")
    if not settings.CLIENT_IP_HEADER:
        return remote_addr
    entries = [
        entry.strip()
        for entry in request.META.get(header_meta_key(settings.CLIENT_IP_HEADER), "").split(",")
    ]
    count = settings.CLIENT_IP_PROXY_COUNT
    if count < 1 or len(entries) < count:
        # The request did not pass through every trusted proxy.
        return remote_addr
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
