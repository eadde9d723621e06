"""Redis backend: each hit is applied at once by one Lua script, atomically.

Times come from the application (not Redis' clock), so both backends give the same numbers for
the same hits. Keys: a sorted set of visitors by last hit, one of (page, visitor) by last hit, the
total, a hash per day (visits, page_views), a hash per hour (page id → views), per address hash a
sorted set of the new visitors it created, and one of (item, visitor) by last hit. Views of
counted items (legal documents) are added to their database field at once, one write per new view.

While Redis cannot be reached the portal keeps counting: each hit is appended to a file buffer of
the host (`VISITORS_BUFFER_DIR/redis-unavailable/`) and applied, in order, by the first process
that reaches Redis again (its next hit or read). Reads answer the last numbers this process got,
so the widget and *Đọc nhiều* still render. A process that never got the day's salt before the
outage hashes with a salt of its own until Redis is back: its visitors may count one visit more.
"""

import json
import logging
import secrets
import time
from datetime import date, timedelta

import redis
from django.conf import settings

from congdoan.visitors import counted_items
from congdoan.visitors.buffer import HitBuffer

from . import (
    PRUNE_SLACK_SECONDS,
    CounterBackend,
    Hit,
    history_days,
    hour_number,
    presence_seconds,
    vietnam_day,
)

logger = logging.getLogger(__name__)

DAY_TTL_SECONDS = 400 * 86400
OUTAGE_BUFFER_FOLDER = "redis-unavailable"
# Numbers remembered for an outage (one per read and argument): a bound, not a tuning knob.
LAST_READS_KEPT = 64
OUTAGE_RETRY_SECONDS = 1.0

RECORD_HIT = """
local at = tonumber(ARGV[1])
local previous = redis.call('ZSCORE', KEYS[1], ARGV[2])
local new_visit = 0
if not previous then
  redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', ARGV[11])
  if redis.call('ZCARD', KEYS[6]) >= tonumber(ARGV[10]) then return -1 end
  redis.call('ZADD', KEYS[6], ARGV[1], ARGV[2])
  redis.call('EXPIRE', KEYS[6], ARGV[12])
  new_visit = 1
else
  previous = tonumber(previous)
  if at - previous >= tonumber(ARGV[4]) then new_visit = 1 end
end
if (not previous) or at > previous then redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('HINCRBY', KEYS[4], 'page_views', 1)
if new_visit == 1 then
  redis.call('HINCRBY', KEYS[4], 'visits', 1)
  redis.call('INCR', KEYS[3])
end
redis.call('EXPIRE', KEYS[4], ARGV[8])
if ARGV[3] ~= '' then
  local member = ARGV[3] .. ':' .. ARGV[2]
  local seen = redis.call('ZSCORE', KEYS[2], member)
  local view = 0
  if not seen then
    view = 1
  else
    seen = tonumber(seen)
    if at - seen >= tonumber(ARGV[5]) then view = 1 end
  end
  if (not seen) or at > seen then redis.call('ZADD', KEYS[2], ARGV[1], member) end
  if view == 1 then
    redis.call('HINCRBY', KEYS[5], ARGV[3], 1)
    redis.call('EXPIRE', KEYS[5], ARGV[9])
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[7])
return new_visit
"""

# Returns 1 when the hit is a new view of the item by this visitor (KEYS[1]: (item, visitor) by
# last hit).
RECORD_ITEM_VIEW = """
local at = tonumber(ARGV[1])
local seen = redis.call('ZSCORE', KEYS[1], ARGV[2])
local view = 0
if (not seen) or at - tonumber(seen) >= tonumber(ARGV[3]) then view = 1 end
if (not seen) or at > tonumber(seen) then redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
return view
"""


def hit_to_line(hit: Hit) -> str:
    return json.dumps([hit.at, hit.visitor, hit.page_id, hit.address, hit.item])


def line_to_hit(line: str) -> Hit:
    at, visitor, page_id, address, item = json.loads(line)
    return Hit(at, visitor, page_id, address, item)


class RedisBackend(CounterBackend):
    def __init__(self, url: str, prefix: str):
        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.prefix = prefix
        self.record_hit = self.client.register_script(RECORD_HIT)
        self.record_item_view = self.client.register_script(RECORD_ITEM_VIEW)
        self._salts: dict[date, str] = {}
        self._outage_salts: dict[date, str] = {}
        self._last_read: dict[tuple, object] = {}
        self.outage_buffer = HitBuffer(settings.VISITORS_BUFFER_DIR / OUTAGE_BUFFER_FOLDER)
        self._retry_at = 0.0

    def key(self, *parts) -> str:
        return ":".join((self.prefix, *map(str, parts)))

    def daily_salt(self, day: date) -> str:
        if day in self._salts:
            return self._salts[day]
        if time.monotonic() >= self._retry_at:
            key = self.key("salt", day.isoformat())
            try:
                self.client.set(key, secrets.token_hex(32), nx=True, ex=2 * 86400)
                self._salts = {day: self.client.get(key).decode()}
                return self._salts[day]
            except redis.RedisError:
                self.note_outage()
        if day not in self._outage_salts:
            self._outage_salts = {day: secrets.token_hex(32)}
        return self._outage_salts[day]

    def record(self, hit: Hit) -> None:
        """Apply the hit now, or buffer it while Redis is unavailable or earlier hits wait."""
        waiting = self.outage_buffer.has_hits() or time.monotonic() < self._retry_at
        if waiting and not self.apply_buffered_hits():
            self.outage_buffer.append(hit_to_line(hit))
            return
        try:
            self.apply(hit)
        except redis.RedisError:
            self.note_outage()
            self.outage_buffer.append(hit_to_line(hit))

    def flush(self) -> None:
        """Apply the hits buffered while Redis was unavailable, if it is back."""
        if self.outage_buffer.has_hits():
            self.apply_buffered_hits()

    def note_outage(self) -> None:
        """Buffer without asking Redis for a second: an outage costs one failed call a second."""
        logger.warning("Redis unavailable: visitor hits buffered on this host.")
        self._retry_at = time.monotonic() + OUTAGE_RETRY_SECONDS

    def apply_buffered_hits(self) -> bool:
        """Apply the buffered hits in order; whether none is left (those not applied when Redis
        fails again go back to the buffer)."""
        if time.monotonic() < self._retry_at:
            return False
        try:
            self.client.ping()
        except redis.RedisError:
            self.note_outage()
            return False
        with self.outage_buffer.drain() as lines:
            for applied, line in enumerate(lines):
                try:
                    self.apply(line_to_hit(line))
                except redis.RedisError:
                    self.note_outage()
                    for pending in lines[applied:]:
                        self.outage_buffer.append(pending)
                    break
        return time.monotonic() >= self._retry_at

    def last_known(self, name: str, read, *args, default):
        """What `read(*args)` returns, or while Redis is unavailable what it last returned."""
        if time.monotonic() < self._retry_at:
            return self._last_read.get((name, *args), default)
        try:
            value = read(*args)
        except redis.RedisError:
            self.note_outage()
            return self._last_read.get((name, *args), default)
        if len(self._last_read) >= LAST_READS_KEPT:
            self._last_read.clear()
        self._last_read[(name, *args)] = value
        return value

    def apply(self, hit: Hit) -> None:
        visit_window = settings.VISITORS_VISIT_WINDOW_SECONDS
        article_window = settings.VISITORS_ARTICLE_VIEW_WINDOW_SECONDS
        address_window = settings.VISITORS_ADDRESS_WINDOW_SECONDS
        counted = self.record_hit(
            keys=[
                self.key("seen"),
                self.key("page_seen"),
                self.key("visits_total"),
                self.key("day", vietnam_day(hit.at).isoformat()),
                self.key("hour", hour_number(hit.at)),
                self.key("new_by_address", hit.address),
            ],
            args=[
                f"{hit.at:.6f}",
                hit.visitor,
                hit.page_id or "",
                visit_window,
                article_window,
                f"{hit.at - presence_seconds() - PRUNE_SLACK_SECONDS:.6f}",
                f"{hit.at - article_window - PRUNE_SLACK_SECONDS:.6f}",
                DAY_TTL_SECONDS,
                history_days() * 86400,
                settings.VISITORS_NEW_VISITORS_PER_ADDRESS,
                f"{hit.at - address_window:.6f}",
                address_window,
            ],
        )
        if counted == -1 or not hit.item or not counted_items.existing([hit.item]):
            return
        new_view = self.record_item_view(
            keys=[self.key("item_seen")],
            args=[
                f"{hit.at:.6f}",
                f"{hit.item}:{hit.visitor}",
                article_window,
                f"{hit.at - article_window - PRUNE_SLACK_SECONDS:.6f}",
            ],
        )
        if new_view:
            counted_items.add_views({hit.item: 1})

    def online(self, now: float) -> int:
        since = now - settings.VISITORS_ONLINE_WINDOW_SECONDS
        return self.last_known(
            "online",
            lambda: self.client.zcount(self.key("seen"), f"({since:.6f}", "+inf"),
            default=0,
        )

    def visits_total(self) -> int:
        return self.last_known(
            "visits_total", lambda: int(self.client.get(self.key("visits_total")) or 0), default=0
        )

    def daily(self, first: date, last: date) -> dict[date, tuple[int, int]]:
        return self.last_known("daily", self._daily, first, last, default={})

    def _daily(self, first: date, last: date) -> dict[date, tuple[int, int]]:
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        pipe = self.client.pipeline(transaction=False)
        for day in days:
            pipe.hmget(self.key("day", day.isoformat()), "visits", "page_views")
        result = {}
        for day, (visits, page_views) in zip(days, pipe.execute(), strict=True):
            if visits is not None or page_views is not None:
                result[day] = (int(visits or 0), int(page_views or 0))
        return result

    def page_views_since(self, since: float) -> dict[int, int]:
        # Remembered per starting hour: `since` moves with the clock, the answer with the hour.
        return self.last_known(
            "page_views_since", self._page_views_since, hour_number(since), default={}
        )

    def _page_views_since(self, first_hour: int) -> dict[int, int]:
        pipe = self.client.pipeline(transaction=False)
        for hour in range(first_hour, hour_number(time.time()) + 1):
            pipe.hgetall(self.key("hour", hour))
        views: dict[int, int] = {}
        for bucket in pipe.execute():
            for page_id, count in bucket.items():
                views[int(page_id)] = views.get(int(page_id), 0) + int(count)
        return views

    def add_history(self, day: date, visits: int, page_views: int) -> bool:
        key = self.key("day", day.isoformat())
        if not self.client.hsetnx(key, "visits", visits):
            return False
        self.client.hset(key, "page_views", page_views)
        self.client.expire(key, DAY_TTL_SECONDS)
        self.client.incrby(self.key("visits_total"), visits)
        return True
