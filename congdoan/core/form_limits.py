"""Rate limits of the public forms whose submissions are stored: the one place that decides
whether a submission passes.

Each stored submission carries keyed hashes of who sent it (`keyed_hash`: the client address from
`core.client_ip`, a recipient's email…) and `created_at`; a new one is refused when a limit's rows
in the window would exceed its count. Raw addresses are never stored (Nghị định 13/2023/NĐ-CP).
"""

import zlib
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

DEFAULT_WINDOW = timedelta(hours=1)


class SubmissionLimitReached(Exception):
    """A limit refused the submission; `limit` is its name, for the view's message."""

    def __init__(self, limit: str):
        super().__init__(limit)
        self.limit = limit


@dataclass(frozen=True)
class Limit:
    """At most `count` stored rows matching `lookup` within the window."""

    name: str
    lookup: dict
    count: int


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC of an address or email keyed with SECRET_KEY, distinct per purpose: counts who sent
    without storing who. Case and surrounding spaces do not make a new sender."""
    return salted_hmac(
        f"congdoan.forms.{purpose}", value.strip().lower(), algorithm="sha256"
    ).hexdigest()


def address_hash(ip: str, purpose: str) -> str:
    """The keyed hash of the client address for one form."""
    return keyed_hash(purpose, ip)


def create_within_limits(model, limits, *, window: timedelta = DEFAULT_WINDOW, **fields):
    """Create one `model` row, or raise SubmissionLimitReached (the first limit exceeded) and
    create nothing.

    Record-then-count in one transaction: the INSERT holds SQLite's write lock to the commit and
    PostgreSQL takes an advisory lock per model first, so concurrent requests from one sender
    cannot all pass a count made before any of them was stored.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            lock_id = zlib.crc32(model._meta.label_lower.encode())
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [lock_id])
        entry = model.objects.create(**fields)
        recent = model.objects.filter(created_at__gte=timezone.now() - window)
        for limit in limits:
            if recent.filter(**limit.lookup).count() > limit.count:
                transaction.set_rollback(True)
                break
        else:
            return entry
    raise SubmissionLimitReached(limit.name)


def create_within_limit(model, *, limit: int, window: timedelta = DEFAULT_WINDOW, **fields):
    """`create_within_limits` with the one usual limit: `limit` rows per client address."""
    address = Limit("address", {"address_hash": fields["address_hash"]}, limit)
    return create_within_limits(model, [address], window=window, **fields)
