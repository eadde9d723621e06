"""Two interchangeable counter backends with identical results for the same hits.

Rules, shared by both (`Hit.at` is epoch seconds):
- a visitor is online while their last hit is less than the online window old;
- a hit is a new visit when the visitor had no hit in the visit window before it;
- a hit on a page is a view of it when that visitor had no hit on it in the article window;
- every human hit is a page view of its day (Vietnam time);
- one address creates at most VISITORS_NEW_VISITORS_PER_ADDRESS new visitors in
  VISITORS_ADDRESS_WINDOW_SECONDS: a hit of a further new visitor from it is not counted at all;
- a hit on a counted item (`counted_items`) is a view of it like a page view of an article.
"""

import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.conf import settings

from congdoan.core.dates import VIETNAM_TZ

# Presence older than its window plus this slack is deleted; the slack keeps hits that wait in
# a buffer for a few seconds from meeting an already deleted presence.
PRUNE_SLACK_SECONDS = 3600


@dataclass(frozen=True)
class Hit:
    at: float
    visitor: str
    page_id: int | None = None
    address: str = ""
    item: str = ""


def presence_seconds() -> int:
    """How long a visitor's last hit must be kept: the longest window that looks at it."""
    return max(
        settings.VISITORS_ONLINE_WINDOW_SECONDS,
        settings.VISITORS_VISIT_WINDOW_SECONDS,
        settings.VISITORS_ADDRESS_WINDOW_SECONDS,
    )


def vietnam_day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, UTC).astimezone(VIETNAM_TZ).date()


def hour_number(timestamp: float) -> int:
    return int(timestamp // 3600)


def hour_start(number: int) -> datetime:
    return datetime.fromtimestamp(number * 3600, UTC)


def history_days():
    return settings.VISITORS_HISTORY_DAYS


class CounterBackend(ABC):
    """What the views, widgets and dashboard need from a backend."""

    @abstractmethod
    def daily_salt(self, day: date) -> str: ...

    @abstractmethod
    def record(self, hit: Hit) -> None: ...

    def flush(self) -> None:  # noqa: B027 - only buffering backends have anything to flush
        """Apply buffered hits, so what is read next includes them."""

    @abstractmethod
    def online(self, now: float) -> int: ...

    @abstractmethod
    def visits_total(self) -> int: ...

    def online_and_total(self, now: float) -> tuple[int, int]:
        """`online(now)` and `visits_total()` (backends may read both at once)."""
        return self.online(now), self.visits_total()

    @abstractmethod
    def daily(self, first: date, last: date) -> dict[date, tuple[int, int]]:
        """(visits, page views) of each day that has any."""
        ...

    @abstractmethod
    def page_views_since(self, since: float) -> dict[int, int]:
        """Views per page id in the hours from the one containing `since`."""
        ...

    def page_views_in_windows(self, starts: list[float]) -> list[dict[int, int]]:
        """`page_views_since` of each start (backends may read them all at once)."""
        return [self.page_views_since(since) for since in starts]

    @abstractmethod
    def add_history(self, day: date, visits: int, page_views: int) -> bool:
        """Imported numbers of a past day, unless that day already has some."""
        ...


_backends: dict[tuple, CounterBackend] = {}
_backends_lock = threading.Lock()


def get_backend() -> CounterBackend:
    """The configured backend, one instance per configuration in each process."""
    if settings.VISITORS_BACKEND == "redis":
        key = ("redis", settings.VISITORS_REDIS_URL, settings.VISITORS_REDIS_PREFIX)
    else:
        key = ("database", str(settings.VISITORS_BUFFER_DIR))
    with _backends_lock:
        if key not in _backends:
            if key[0] == "redis":
                from .redis import RedisBackend

                _backends[key] = RedisBackend(key[1], key[2])
            else:
                from .database import DatabaseBackend

                _backends[key] = DatabaseBackend(key[1])
        return _backends[key]
