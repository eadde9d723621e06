"""What readers search for: one counter per (day, folded query), and the editors' top lists.

`record_search` is called by the search view once per search, as a single UPSERT; a failure
is logged and never reaches the reader. The rows hold no trace of who searched.
"""

import datetime as dt
import logging
from contextlib import nullcontext

from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone

from congdoan.core.text import fold

from .models import MAX_STORED_QUERY_CHARS, SearchQueryStat

logger = logging.getLogger(__name__)

REPORT_DAYS = 30
REPORT_SIZE = 50
KEEP_DAYS = 180


def stored_query(q: str) -> str:
    """The query as counted: folded, single-spaced, cut at a word within the stored length."""
    text = " ".join(fold(q).split())
    if len(text) > MAX_STORED_QUERY_CHARS:
        text = text[: MAX_STORED_QUERY_CHARS + 1].rsplit(" ", 1)[0][:MAX_STORED_QUERY_CHARS]
    return text


def is_bot(request) -> bool:
    """Crawlers and monitors, by the visitor counter's list when that app is installed."""
    if not apps.is_installed("congdoan.visitors"):
        return False
    from congdoan.visitors.bots import is_bot as user_agent_is_bot

    return user_agent_is_bot(request.headers.get("User-Agent", ""))


def record_search(request, q: str, results: int) -> None:
    """Count one search of `q` today that found `results` matches; bots are not counted."""
    query = stored_query(q)
    if not query or is_bot(request):
        return
    table = connection.ops.quote_name(SearchQueryStat._meta.db_table)
    # SQLite and PostgreSQL both read this UPSERT: one statement, no read-then-write race.
    sql = (
        f"INSERT INTO {table} (day, query, searches, results) VALUES (%s, %s, 1, %s) "  # noqa: S608 - own table
        f"ON CONFLICT (day, query) DO UPDATE "
        f"SET searches = {table}.searches + 1, results = excluded.results"
    )
    # Inside a transaction, a savepoint keeps a failed write from breaking it; in autocommit
    # the statement stands alone and needs none (saving BEGIN and COMMIT round trips).
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with guard, connection.cursor() as cursor:
            cursor.execute(sql, [timezone.localdate(), query, results])
    except DatabaseError:
        logger.warning("Search statistics not recorded", exc_info=True)


def _since(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days - 1)


def top_searches(days: int = REPORT_DAYS, limit: int = REPORT_SIZE):
    """The most searched queries of the last `days` days (today included), with the number of
    searches and the matches the latest one found."""
    recent = SearchQueryStat.objects.filter(day__gte=_since(days))
    latest_results = recent.filter(query=OuterRef("query")).order_by("-day").values("results")
    return (
        recent.values("query")
        .annotate(total=Sum("searches"), latest_results=Subquery(latest_results[:1]))
        .order_by("-total", "query")[:limit]
    )


def top_searches_without_results(days: int = REPORT_DAYS, limit: int = REPORT_SIZE):
    """The queries searched most often, in the last `days` days, on days they found nothing."""
    return (
        SearchQueryStat.objects.filter(day__gte=_since(days), results=0)
        .values("query")
        .annotate(total=Sum("searches"))
        .order_by("-total", "query")[:limit]
    )


def prune(keep_days: int = KEEP_DAYS) -> int:
    """Delete the counters of days older than `keep_days`; how many rows went."""
    deleted, _ = SearchQueryStat.objects.filter(day__lt=_since(keep_days)).delete()
    return deleted
