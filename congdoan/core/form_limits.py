"""Rate limits of the public forms whose submissions are stored for staff to read later.

Each stored submission carries `address_hash`, a keyed hash of the client address
(`core.client_ip`), and `created_at`; a new one is refused when its address already sent
`limit` within the window. The raw address is never stored (Nghị định 13/2023/NĐ-CP).
"""

import zlib
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

DEFAULT_WINDOW = timedelta(hours=1)


class SubmissionLimitReached(Exception):
    """This address has sent as many submissions of this kind as the window allows."""


def address_hash(ip: str, purpose: str) -> str:
    """HMAC of the client address keyed with SECRET_KEY, distinct for each form."""
    return salted_hmac(f"congdoan.forms.{purpose}", ip.strip(), algorithm="sha256").hexdigest()


def create_within_limit(model, *, limit: int, window: timedelta = DEFAULT_WINDOW, **fields):
    """Create one `model` row, or raise SubmissionLimitReached and create nothing.

    Record-then-count in one transaction, as "Gửi bài viết" does: the INSERT holds SQLite's write
    lock to the commit and PostgreSQL takes an advisory lock per model first, so concurrent
    requests from one address cannot all pass a count made before any of them was stored.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            lock_id = zlib.crc32(model._meta.label_lower.encode())
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])
        entry = model.objects.create(**fields)
        recent = model.objects.filter(
            address_hash=fields["address_hash"], created_at__gte=timezone.now() - window
        )
        if recent.count() <= limit:
            return entry
        transaction.set_rollback(True)
    raise SubmissionLimitReached
