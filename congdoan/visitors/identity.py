"""Who a hit comes from, as a keyed hash that changes every day (Nghị định 13/2023/NĐ-CP).

The visitor hash mixes a random salt of the day (kept by the backend, deleted when the day is
over) with the IP address, the user agent and the browser's anonymous random id. Neither
the IP address nor the id is ever stored; after the salt is gone, nobody can link two days.
The address hash (the IP address alone, salted the same way) bounds how many new visitors one
address creates: random ids from one client must not count as crowds.
"""

import hashlib
import hmac
import re

from django.conf import settings

CLIENT_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def clean_client_id(value: str | None) -> str:
    """The browser's random id from localStorage, ignored unless it looks like one."""
    return value if value and CLIENT_ID_PATTERN.match(value) else ""


def daily_key(salt: str) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), salt.encode(), hashlib.sha256).digest()


def visitor_hash(salt: str, ip: str, user_agent: str, client_id: str = "") -> str:
    message = "\n".join((ip, user_agent, client_id)).encode()
    return hmac.new(daily_key(salt), message, hashlib.sha256).hexdigest()[:32]


def address_hash(salt: str, ip: str) -> str:
    # The prefix keeps an address hash from ever equalling a visitor hash.
    message = f"address\n{ip}".encode()
    return hmac.new(daily_key(salt), message, hashlib.sha256).hexdigest()[:32]
