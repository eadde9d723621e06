"""Database backend: hits are appended to a host-wide file buffer and applied in batches.

No database write happens per hit. A flush (every VISITORS_FLUSH_SECONDS in a background thread
of each process, and before every read) applies all buffered hits of every process in time order
in one transaction, so reads are exact on a single host. Concurrent flushers are serialized by the
buffer's lock and, on PostgreSQL, by an advisory lock.
"""

import logging
import os
import secrets
import threading
import time
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.db.models import F, Q, Sum
from wagtail.models import Page

from congdoan.visitors import counted_items
from congdoan.visitors.buffer import HitBuffer
from congdoan.visitors.models import (
    ArticleReaderPresence,
    DailySalt,
    DailyStats,
    ItemReaderPresence,
    PageViewsHourly,
    VisitorPresence,
)

from . import (
    PRUNE_SLACK_SECONDS,
    CounterBackend,
    Hit,
    history_days,
    hour_number,
    hour_start,
    presence_seconds,
    vietnam_day,
)

logger = logging.getLogger(__name__)

ADVISORY_LOCK_ID = 5_190_000_005
CHUNK = 500


def as_datetime(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


def chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def parse_line(line: str) -> Hit | None:
    parts = line.split("\t")
    if len(parts) == 3:  # written before addresses and items were buffered
        parts += ["", ""]
    if len(parts) != 5:
        return None
    at, visitor, page_id, address, item = parts
    return Hit(float(at), visitor, int(page_id) if page_id else None, address, item)


class NewVisitorAllowance:
    """How many new visitors each address may still create, hit by hit in time order."""

    def __init__(self, hits: list[Hit]):
        self.window = settings.VISITORS_ADDRESS_WINDOW_SECONDS
        self.quota = settings.VISITORS_NEW_VISITORS_PER_ADDRESS
        self.created: dict[str, list[float]] = defaultdict(list)
        addresses = sorted({hit.address for hit in hits})
        since = as_datetime(hits[0].at - self.window)
        for part in chunks(addresses):
            rows = VisitorPresence.objects.filter(address__in=part, first_seen__gt=since)
            for address, first_seen in rows.values_list("address", "first_seen"):
                self.created[address].append(first_seen.timestamp())

    def take(self, hit: Hit) -> bool:
        """Whether this new visitor counts; if so, it uses one of its address' allowance."""
        recent = [at for at in self.created[hit.address] if hit.at - at < self.window]
        if len(recent) >= self.quota:
            self.created[hit.address] = recent
            return False
        self.created[hit.address] = [*recent, hit.at]
        return True


class DatabaseBackend(CounterBackend):
    def __init__(self, buffer_dir: str):
        self.buffer = HitBuffer(buffer_dir)
        self._salts: dict[date, str] = {}
        self._salt_lock = threading.Lock()
        self._flusher_pid = None
        self._flusher_lock = threading.Lock()

    # Identity
    def daily_salt(self, day: date) -> str:
        if day in self._salts:
            return self._salts[day]
        with self._salt_lock:
            if day not in self._salts:
                salt = DailySalt.objects.filter(day=day).values_list("salt", flat=True).first()
                if salt is None:
                    try:
                        with transaction.atomic():
                            row = DailySalt.objects.create(day=day, salt=secrets.token_hex(32))
                        salt = row.salt
                    except IntegrityError:
                        salt = DailySalt.objects.get(day=day).salt
                self._salts = {day: salt}
            return self._salts[day]

    # Writing
    def record(self, hit: Hit) -> None:
        self.buffer.append(
            f"{hit.at:.6f}\t{hit.visitor}\t{hit.page_id or ''}\t{hit.address}\t{hit.item}"
        )
        self._start_flusher()

    def _start_flusher(self):
        interval = settings.VISITORS_FLUSH_SECONDS
        if interval <= 0 or self._flusher_pid == os.getpid():
            return
        with self._flusher_lock:
            if self._flusher_pid != os.getpid():
                self._flusher_pid = os.getpid()
                flusher = threading.Thread(
                    target=self._flush_forever, args=(interval,), name="visitors-flusher"
                )
                flusher.daemon = True
                flusher.start()

    def _flush_forever(self, interval: int):
        while True:
            time.sleep(interval)
            try:
                if self.buffer.has_hits():
                    self.flush()
            except Exception:
                logger.exception("Flushing visitor hits failed; they stay buffered.")
            finally:
                close_old_connections()

    def flush(self) -> None:
        if not self.buffer.has_hits():
            return
        with self.buffer.drain() as lines:
            hits = [hit for hit in map(parse_line, lines) if hit is not None]
            if hits:
                self.apply(sorted(hits, key=lambda hit: hit.at))

    @transaction.atomic
    def apply(self, hits: list[Hit]) -> None:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_LOCK_ID])
        visit_window = settings.VISITORS_VISIT_WINDOW_SECONDS
        article_window = settings.VISITORS_ARTICLE_VIEW_WINDOW_SECONDS

        visitors = sorted({hit.visitor for hit in hits})
        last_seen = {}
        for part in chunks(visitors):
            for visitor, seen in VisitorPresence.objects.filter(visitor__in=part).values_list(
                "visitor", "last_seen"
            ):
                last_seen[visitor] = seen.timestamp()
        page_ids = sorted({hit.page_id for hit in hits if hit.page_id})
        existing_pages = set()
        for part in chunks(page_ids):
            existing_pages |= set(Page.objects.filter(pk__in=part).values_list("pk", flat=True))
        reader_seen = {}
        for part in chunks(page_ids):
            rows = ArticleReaderPresence.objects.filter(page_id__in=part, visitor__in=visitors)
            for page_id, visitor, seen in rows.values_list("page_id", "visitor", "last_seen"):
                reader_seen[page_id, visitor] = seen.timestamp()
        items = sorted({hit.item for hit in hits if hit.item})
        existing_items = counted_items.existing(items)
        item_seen = {}
        for part in chunks(items):
            rows = ItemReaderPresence.objects.filter(item__in=part, visitor__in=visitors)
            for item, visitor, seen in rows.values_list("item", "visitor", "last_seen"):
                item_seen[item, visitor] = seen.timestamp()

        allowance = NewVisitorAllowance(hits)
        new_visitors = {}
        visits, page_views, views, item_views = Counter(), Counter(), Counter(), Counter()
        for hit in hits:
            previous = last_seen.get(hit.visitor)
            if previous is None:
                if not allowance.take(hit):
                    continue
                new_visitors[hit.visitor] = (hit.address, hit.at)
            day = vietnam_day(hit.at)
            page_views[day] += 1
            if previous is None or hit.at - previous >= visit_window:
                visits[day] += 1
            last_seen[hit.visitor] = max(previous or hit.at, hit.at)
            if hit.page_id in existing_pages:
                key = (hit.page_id, hit.visitor)
                previous = reader_seen.get(key)
                if previous is None or hit.at - previous >= article_window:
                    views[hit.page_id, hour_number(hit.at)] += 1
                reader_seen[key] = max(previous or hit.at, hit.at)
            if hit.item in existing_items:
                key = (hit.item, hit.visitor)
                previous = item_seen.get(key)
                if previous is None or hit.at - previous >= article_window:
                    item_views[hit.item] += 1
                item_seen[key] = max(previous or hit.at, hit.at)

        # New rows get their address and first hit; existing rows only a new last_seen.
        presences = []
        for visitor, seen in last_seen.items():
            address, first_seen = new_visitors.get(visitor, ("", None))
            presences.append(
                VisitorPresence(
                    visitor=visitor,
                    last_seen=as_datetime(seen),
                    address=address,
                    first_seen=as_datetime(first_seen) if first_seen else None,
                )
            )
        VisitorPresence.objects.bulk_create(
            presences,
            update_conflicts=True,
            unique_fields=["visitor"],
            update_fields=["last_seen"],
            batch_size=CHUNK,
        )
        ArticleReaderPresence.objects.bulk_create(
            [
                ArticleReaderPresence(page_id=page_id, visitor=visitor, last_seen=as_datetime(seen))
                for (page_id, visitor), seen in reader_seen.items()
            ],
            update_conflicts=True,
            unique_fields=["page_id", "visitor"],
            update_fields=["last_seen"],
            batch_size=CHUNK,
        )
        ItemReaderPresence.objects.bulk_create(
            [
                ItemReaderPresence(item=item, visitor=visitor, last_seen=as_datetime(seen))
                for (item, visitor), seen in item_seen.items()
            ],
            update_conflicts=True,
            unique_fields=["item", "visitor"],
            update_fields=["last_seen"],
            batch_size=CHUNK,
        )
        for day, count in page_views.items():
            DailyStats.objects.get_or_create(day=day)
            DailyStats.objects.filter(day=day).update(
                visits=F("visits") + visits[day], page_views=F("page_views") + count
            )
        for (page_id, hour), count in views.items():
            PageViewsHourly.objects.get_or_create(page_id=page_id, hour=hour_start(hour))
            PageViewsHourly.objects.filter(page_id=page_id, hour=hour_start(hour)).update(
                views=F("views") + count
            )
        counted_items.add_views(item_views)
        self.prune(time.time())

    def prune(self, now: float) -> None:
        VisitorPresence.objects.filter(
            last_seen__lt=as_datetime(now - presence_seconds() - PRUNE_SLACK_SECONDS)
        ).delete()
        reader_horizon = as_datetime(
            now - settings.VISITORS_ARTICLE_VIEW_WINDOW_SECONDS - PRUNE_SLACK_SECONDS
        )
        ArticleReaderPresence.objects.filter(last_seen__lt=reader_horizon).delete()
        ItemReaderPresence.objects.filter(last_seen__lt=reader_horizon).delete()
        PageViewsHourly.objects.filter(
            hour__lt=as_datetime(now) - timedelta(days=history_days())
        ).delete()
        DailySalt.objects.filter(day__lt=vietnam_day(now)).delete()

    # Reading
    def online(self, now: float) -> int:
        since = as_datetime(now - settings.VISITORS_ONLINE_WINDOW_SECONDS)
        return VisitorPresence.objects.filter(last_seen__gt=since).count()

    def visits_total(self) -> int:
        return DailyStats.objects.aggregate(total=Sum("visits"))["total"] or 0

    def online_and_total(self, now: float) -> tuple[int, int]:
        """Both numbers of the widget in one query."""
        since = as_datetime(now - settings.VISITORS_ONLINE_WINDOW_SECONDS)
        quote = connection.ops.quote_name
        presence, daily = VisitorPresence._meta, DailyStats._meta
        # Only model table and column names are formatted in; the time is a parameter.
        sql = (
            f"SELECT (SELECT COUNT(*) FROM {quote(presence.db_table)}"  # noqa: S608
            f" WHERE {quote(presence.get_field('last_seen').column)} > %s),"
            f" (SELECT COALESCE(SUM({quote(daily.get_field('visits').column)}), 0)"
            f" FROM {quote(daily.db_table)})"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [connection.ops.adapt_datetimefield_value(since)])
            online, total = cursor.fetchone()
        # PostgreSQL sums a bigint column as numeric (a Decimal in Python): the API wants ints.
        return int(online), int(total)

    def daily(self, first: date, last: date) -> dict[date, tuple[int, int]]:
        rows = DailyStats.objects.filter(day__range=(first, last))
        return {row.day: (row.visits, row.page_views) for row in rows}

    def page_views_since(self, since: float) -> dict[int, int]:
        rows = (
            PageViewsHourly.objects.filter(hour__gte=hour_start(hour_number(since)))
            .values("page_id")
            .annotate(total=Sum("views"))
        )
        return {row["page_id"]: row["total"] for row in rows}

    def page_views_in_windows(self, starts: list[float]) -> list[dict[int, int]]:
        """Every window's views in one query: a sum per window over the longest one's rows."""
        hours = [hour_start(hour_number(since)) for since in starts]
        sums = {
            f"window_{number}": Sum("views", filter=Q(hour__gte=hour))
            for number, hour in enumerate(hours)
        }
        rows = list(
            PageViewsHourly.objects.filter(hour__gte=min(hours)).values("page_id").annotate(**sums)
        )
        return [{row["page_id"]: row[name] for row in rows if row[name]} for name in sums]

    def add_history(self, day: date, visits: int, page_views: int) -> bool:
        _, created = DailyStats.objects.get_or_create(
            day=day, defaults={"visits": visits, "page_views": page_views}
        )
        return created
