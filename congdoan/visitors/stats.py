"""Numbers for the widget, the JSON endpoint, the most-read block and the dashboard."""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from wagtail.models import Page

from congdoan.core import registry

from .backends import get_backend, vietnam_day
from .models import VisitorCounterSettings

MOST_READ_LIMIT = 5
MOST_READ_CACHE_KEY = "visitors:most-read"


def initial_total() -> int:
    return VisitorCounterSettings.load().initial_total


def counts() -> dict[str, int]:
    """Exact numbers now: buffered hits are applied first."""
    backend = get_backend()
    backend.flush()
    online, total = backend.online_and_total(time.time())
    return {"online": online, "total": initial_total() + total}


def cached_counts() -> dict[str, int]:
    """For the numbers printed in pages; the widget refreshes them from the endpoint."""
    timeout = settings.VISITORS_WIDGET_CACHE_SECONDS
    if timeout <= 0:
        return counts()
    return cache.get_or_set("visitors:counts", counts, timeout)


def _live_articles(page_ids) -> dict[int, Page]:
    """The live, public articles among `page_ids` (the page types apps declare as articles)."""
    if not page_ids:
        return {}
    article_types = ContentType.objects.get_for_models(*registry.article_models()).values()
    articles = (
        Page.objects.live()
        .public()
        .filter(pk__in=list(page_ids), content_type__in=list(article_types))
        .only("id", "title", "url_path", "path", "depth")
    )
    return {article.pk: article for article in articles}


def _ranked(views: dict[int, int], articles: dict[int, Page], limit: int) -> list[dict]:
    shown = [article for page_id, article in articles.items() if page_id in views]
    ranked = sorted(shown, key=lambda article: (-views[article.pk], -article.pk))[:limit]
    return [
        {"id": article.pk, "title": article.title, "url": article.url, "views": views[article.pk]}
        for article in ranked
    ]


def _window_start(hours: int) -> float:
    return time.time() - (hours - 1) * 3600


def top_pages(hours: int, limit: int = MOST_READ_LIMIT) -> list[dict]:
    """The most viewed live, public articles of the last `hours`, with their view counts.

    Articles are the page types apps declare as `article_models` (core.registry): any page type
    can be counted, "most read" lists those.
    """
    views = get_backend().page_views_since(_window_start(hours))
    return _ranked(views, _live_articles(views), limit)


def most_read() -> dict[str, list[dict]]:
    """Last 24 hours and last 7 days, cached: the block is on every page.

    Both windows come from one read of the backend and one query for their articles.
    """

    def compute():
        backend = get_backend()
        backend.flush()
        day, week = backend.page_views_in_windows([_window_start(24), _window_start(24 * 7)])
        articles = _live_articles(day.keys() | week.keys())
        return {
            "day": _ranked(day, articles, MOST_READ_LIMIT),
            "week": _ranked(week, articles, MOST_READ_LIMIT),
        }

    timeout = settings.VISITORS_MOST_READ_CACHE_SECONDS
    if timeout <= 0:
        return compute()
    return cache.get_or_set(MOST_READ_CACHE_KEY, compute, timeout)


def daily_series(days: int = 30) -> list[dict]:
    """Visits and page views of each of the last `days` days, oldest first, zeros included."""
    backend = get_backend()
    backend.flush()
    last = vietnam_day(time.time())
    first = last - timedelta(days=days - 1)
    numbers = backend.daily(first, last)
    series = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        visits, page_views = numbers.get(day, (0, 0))
        series.append({"day": day, "visits": visits, "page_views": page_views})
    return series
