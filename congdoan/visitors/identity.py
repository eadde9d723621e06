"""Who a hit comes from, as a keyed hash that changes every day (Nghị định 13/2023/NĐ-CP).

The hash mixes a random salt of the day (kept by the backend, deleted when the day is over) with
the IP address, the user agent and the browser's anonymous random id when it sent one. Neither
the IP address nor the id is ever stored; after the salt is gone, nobody can link two days.
"""

import hashlib
import hmac
import re

from django.conf import settings

CLIENT_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def client_ip(request) -> str:
    """REMOTE_ADDR, or the address the configured proxy header reports (its last entry)."""
    header = settings.VISITORS_CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def clean_client_id(value: str | None) -> str:
    """The browser's random id from localStorage, ignored unless it looks like one."""
    return value if value and CLIENT_ID_PATTERN.match(value) else ""


def visitor_hash(salt: str, ip: str, user_agent: str, client_id: str = "") -> str:
    message = "\n".join((ip, user_agent, client_id)).encode()
    key = hmac.new(settings.SECRET_KEY.encode(), salt.encode(), hashlib.sha256).digest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]
