"""Demo statistics: the seed's total of 873.532 visits and 30 days of history for the chart."""

import time
from datetime import timedelta

from .backends import get_backend, vietnam_day
from .models import VisitorCounterSettings

SEED_TOTAL = 873_532
HISTORY_DAYS = 30


def demo_day_numbers(offset: int) -> tuple[int, int]:
    """Plausible, repeatable numbers: weekdays busier than weekends, a slow rise."""
    weekday_factor = (1.0, 1.1, 1.05, 1.0, 0.95, 0.6, 0.5)[offset % 7]
    visits = int((900 + 12 * (HISTORY_DAYS - offset) + (offset * 37) % 90) * weekday_factor)
    return visits, int(visits * (2.4 + (offset % 5) / 10))


def load(stdout):
    backend = get_backend()
    today = vietnam_day(time.time())
    first = today - timedelta(days=HISTORY_DAYS)
    if backend.daily(first, today):
        return
    history_visits = 0
    for offset in range(1, HISTORY_DAYS + 1):
        visits, page_views = demo_day_numbers(offset)
        if backend.add_history(today - timedelta(days=offset), visits, page_views):
            history_visits += visits
    counter = VisitorCounterSettings.load()
    if counter.initial_total == 0:
        # The history is part of the seed's total, so the site opens showing 873.532.
        counter.initial_total = SEED_TOTAL - history_visits
        counter.save()
    stdout.write(f"visitors: {HISTORY_DAYS} days of history, total {SEED_TOTAL}")
