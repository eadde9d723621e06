"""Demo statistics: 30 days of one simulated readership, so every number shown agrees.

The counter's *Tổng truy cập*, the daily chart and *Đọc nhiều* all come from the same simulated
history: the last 7 days are real hits recorded through the backend (visitors reading the demo's
articles, so the most-read lists count exactly those views), the 23 days before are daily totals of
the same size. No starting total is added: a demo that opens with hundreds of thousands of visits
next to articles read a few dozen times would teach editors to distrust both numbers.
"""

import random
import time
from datetime import datetime, timedelta

from congdoan.core.dates import VIETNAM_TZ
from congdoan.core.registry import article_models

from .backends import Hit, get_backend, vietnam_day

HISTORY_DAYS = 30
RECORDED_DAYS = 7
SECONDS_PER_DAY = 86_400
# Fixed, so that every demo install shows the same numbers.
SEED = 2024


def demo_day_numbers(offset: int) -> tuple[int, int]:
    """Plausible, repeatable (visits, page views) of the day `offset` days ago: weekdays busier
    than weekends, a slow rise; the recorded days follow the same curve."""
    weekday_factor = (1.0, 1.1, 1.05, 1.0, 0.95, 0.6, 0.5)[offset % 7]
    visits = int((30 + (HISTORY_DAYS - offset) + (offset * 7) % 10) * weekday_factor)
    return visits, int(visits * (2.4 + (offset % 5) / 10))


def simulated_hits(article_ids: list[int], now: float) -> list[Hit]:
    """The last RECORDED_DAYS days of readers: each opens the home page, then one to three
    articles, the first articles of the list more often (a few stories are read most)."""
    chance = random.Random(SEED)
    weights = [1 / (rank + 1) for rank in range(len(article_ids))]
    hits = []
    today = vietnam_day(now)
    midnight = datetime.combine(today, datetime.min.time(), tzinfo=VIETNAM_TZ).timestamp()
    for offset in range(RECORDED_DAYS):
        visits, _page_views = demo_day_numbers(offset)
        day_start = midnight - offset * SECONDS_PER_DAY
        day_length = SECONDS_PER_DAY
        if offset == 0:
            # Today is not over: the part of it already past (Vietnam time) and its share of
            # the day's readers, at least one, so that every day of the history has visits.
            day_length = max(now - midnight, 1.0)
            visits = max(1, int(visits * day_length / SECONDS_PER_DAY))
        # Readers arrive early enough in their day to read up to three pages before it ends.
        arrival_span = day_length * 0.9
        for number in range(visits):
            visitor = f"demo-{offset}-{number}"
            address = f"demo-address-{offset}-{number}"
            at = day_start + chance.random() * arrival_span
            hits.append(Hit(at=at, visitor=visitor, address=address))
            read = (
                chance.choices(article_ids, weights, k=chance.randint(1, 3)) if article_ids else []
            )
            pause = min(60.0, (day_length - arrival_span) / 4)
            for step, page_id in enumerate(dict.fromkeys(read), start=1):
                hits.append(
                    Hit(at=at + pause * step, visitor=visitor, page_id=page_id, address=address)
                )
    return sorted(hits, key=lambda hit: hit.at)


def load(stdout):
    backend = get_backend()
    now = time.time()
    today = vietnam_day(now)
    first = today - timedelta(days=HISTORY_DAYS)
    if backend.daily(first, today):
        return
    article_ids = [
        pk
        for model in article_models()
        for pk in model.objects.live()
        .public()
        .order_by("-published_at")
        .values_list("pk", flat=True)
    ]
    for hit in simulated_hits(article_ids, now):
        backend.record(hit)
    backend.flush()
    for offset in range(RECORDED_DAYS, HISTORY_DAYS + 1):
        visits, page_views = demo_day_numbers(offset)
        backend.add_history(today - timedelta(days=offset), visits, page_views)
    stdout.write(f"visitors: {HISTORY_DAYS} days of history, total {backend.visits_total()} visits")
