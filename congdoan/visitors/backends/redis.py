"""Redis backend: each hit is applied at once by one Lua script, atomically.

Times come from the application (not Redis' clock), so both backends give the same numbers for
the same hits. Keys: a sorted set of visitors by last hit, one of (page, visitor) by last hit, the
total, a hash per day (visits, page_views), a hash per hour (page id → views), per address hash a
sorted set of the new visitors it created, and one of (item, visitor) by last hit. Views of
counted items (legal documents) are added to their database field at once, one write per new view.
"""

import secrets
import time
from datetime import date, timedelta

import redis
from django.conf import settings

from congdoan.visitors import counted_items

from . import (
    PRUNE_SLACK_SECONDS,
    CounterBackend,
    Hit,
    history_days,
    hour_number,
    presence_seconds,
    vietnam_day,
)

DAY_TTL_SECONDS = 400 * 86400

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


class RedisBackend(CounterBackend):
    def __init__(self, url: str, prefix: str):
        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.prefix = prefix
        self.record_hit = self.client.register_script(RECORD_HIT)
        self.record_item_view = self.client.register_script(RECORD_ITEM_VIEW)
        self._salts: dict[date, str] = {}

    def key(self, *parts) -> str:
        return ":".join((self.prefix, *map(str, parts)))

    def daily_salt(self, day: date) -> str:
        if day not in self._salts:
            key = self.key("salt", day.isoformat())
            self.client.set(key, secrets.token_hex(32), nx=True, ex=2 * 86400)
            self._salts = {day: self.client.get(key).decode()}
        return self._salts[day]

    def record(self, hit: Hit) -> None:
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
        return self.client.zcount(self.key("seen"), f"({since:.6f}", "+inf")

    def visits_total(self) -> int:
        return int(self.client.get(self.key("visits_total")) or 0)

    def daily(self, first: date, last: date) -> dict[date, tuple[int, int]]:
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
        pipe = self.client.pipeline(transaction=False)
        for hour in range(hour_number(since), hour_number(time.time()) + 1):
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
