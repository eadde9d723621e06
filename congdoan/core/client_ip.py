"""The reader's IP address: the one place every rate limit and the visitor counter get it.

Without a proxy it is REMOTE_ADDR. Behind reverse proxies (the deploy/ nginx talks to the app
over a unix socket, so REMOTE_ADDR is empty there) set TRUSTED_PROXY_COUNT to how many proxies
append to X-Forwarded-For: the client is the entry that many places from the right, the address
the outermost trusted proxy received the request from. Entries further left were written by the
client and are never trusted.
"""

import ipaddress

from django.conf import settings

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
# Only the rightmost entries matter; a hostile header of megabytes is cut before it is split.
FORWARDED_FOR_MAX_CHARS = 1000


def normalized_ip(value: str) -> str:
    """The address in canonical form, or "" when the value is not an IP address."""
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request) -> str:
    """The client's address as the trusted proxies saw it, "" when none is known."""
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count > 0:
        forwarded = request.META.get(FORWARDED_FOR, "")[-FORWARDED_FOR_MAX_CHARS:]
        entries = [entry for entry in forwarded.split(",") if entry.strip()]
        if len(entries) >= proxy_count:
            return normalized_ip(entries[-proxy_count])
    return normalized_ip(request.META.get("REMOTE_ADDR", ""))
