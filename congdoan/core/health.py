"""`/health/`: whether this app host can serve and its background work keeps up, as JSON.

For load balancers and monitoring: no login, nothing secret (no host names, versions, addresses
or error texts: failures are logged here, the answer only names the failing check), never cached.
HTTP 200 when every check passes, 503 with the failing checks listed in `failing` otherwise:

- `database`: a query answers;
- `cache`: every configured cache stores and returns a value;
- `tasks`: per queue of `settings.TASK_QUEUES`, how many tasks are waiting and how long the oldest
  has waited; failing when one has waited more than `HEALTH_TASK_MAX_WAIT_SECONDS` (its worker
  is down or cannot keep up) or the queue cannot be read;
- `scheduler`: when each scheduled command last started and finished; failing when one is more
  than `HEALTH_SCHEDULER_GRACE_SECONDS` late for its period (no scheduler runs).

Why not django-health-check: it knows neither django-tasks queues nor this scheduler, so the two
checks that matter most here would be written anyway; the other two (a query, a cache round trip)
are a few lines each, not worth another package and its apps in INSTALLED_APPS.
"""

import logging
import secrets
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Count, Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

TASKS_ALIAS = "default"


class CheckFailed(Exception):
    """A check found a problem; its one argument, a dict, is shown (so it holds no secrets)."""


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def check_cache() -> dict:
    failed = []
    for alias in settings.CACHES:
        cache = caches[alias]
        key, token = f"health-check:{secrets.token_hex(8)}", secrets.token_hex(8)
        try:
            cache.set(key, token, 30)
            stored = cache.get(key)
            cache.delete(key)
        except Exception:
            logger.exception("Health check: cache %s failed.", alias)
            stored = None
        if stored != token:
            failed.append(alias)
    if failed:
        raise CheckFailed({"failing_caches": failed})
    return {}


def seconds_since(moment: datetime | None, now: datetime) -> float | None:
    return None if moment is None else round(max(0.0, (now - moment).total_seconds()), 1)


def database_queues() -> dict[str, tuple[int, datetime | None]]:
    """(waiting, waiting since) per queue of django-tasks-db, in one query. A deferred task
    waits from its `run_after`, the others from when they were enqueued."""
    from django_tasks_db.models import DBTaskResult, get_date_max

    not_deferred = Q(run_after=get_date_max())
    rows = (
        DBTaskResult.objects.ready()
        .filter(backend_name=TASKS_ALIAS)
        .values("queue_name")
        .annotate(
            waiting=Count("id"),
            first_enqueued=Min("enqueued_at", filter=not_deferred),
            first_due=Min("run_after", filter=~not_deferred),
        )
    )
    queues = {}
    for row in rows:
        since = [moment for moment in (row["first_enqueued"], row["first_due"]) if moment]
        queues[row["queue_name"]] = (row["waiting"], min(since, default=None))
    return queues


def redis_queues() -> dict[str, tuple[int, datetime | None]]:
    """(waiting, oldest job's enqueue time) per RQ queue: its length and its first job."""
    import django_rq

    queues = {}
    for name in settings.TASK_QUEUES:
        queue = django_rq.get_queue(name)
        first = queue.get_jobs(0, 1)
        since = first[0].enqueued_at if first else None
        if since is not None and timezone.is_naive(since):
            since = since.replace(tzinfo=UTC)
        queues[name] = (queue.count, since)
    return queues


def check_tasks() -> dict:
    now = timezone.now()
    backend = settings.TASKS[TASKS_ALIAS]["BACKEND"]
    if backend == settings.RQ_TASKS_BACKEND:
        kind, counted = "redis", redis_queues()
    elif backend == "django_tasks_db.DatabaseBackend":
        kind, counted = "database", database_queues()
    else:
        # Immediate or dummy backends (tests, development) keep no queue.
        return {"backend": backend.rsplit(".", 1)[-1], "queues": {}}
    queues, late = {}, []
    for name in settings.TASK_QUEUES:
        waiting, since = counted.get(name, (0, None))
        waited = seconds_since(since, now)
        queues[name] = {"waiting": waiting, "oldest_wait_seconds": waited}
        if waited is not None and waited > settings.HEALTH_TASK_MAX_WAIT_SECONDS:
            late.append(name)
    details = {"backend": kind, "queues": queues}
    if late:
        raise CheckFailed(details | {"late_queues": late})
    return details


def check_scheduler() -> dict:
    from congdoan.core.models import ScheduledCommandRun
    from congdoan.core.scheduling import scheduled_commands

    now = timezone.now()
    runs = {run.name: run for run in ScheduledCommandRun.objects.all()}
    commands, late = {}, []
    for command in scheduled_commands():
        run = runs.get(command.name)
        started = run.started_at if run else None
        commands[command.name] = {
            "every_seconds": command.every.total_seconds(),
            "last_started": started.isoformat() if started else None,
            "last_finished": run.finished_at.isoformat() if run and run.finished_at else None,
            "last_succeeded": run.succeeded if run else None,
        }
        allowed = command.every.total_seconds() + settings.HEALTH_SCHEDULER_GRACE_SECONDS
        if started is None or (now - started).total_seconds() > allowed:
            late.append(command.name)
    details = {"commands": commands}
    if late:
        raise CheckFailed(details | {"late_commands": late})
    return details


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "tasks": check_tasks,
    "scheduler": check_scheduler,
}


def run_checks() -> tuple[dict, list[str]]:
    """Every check's result, and the names of those that failed."""
    results, failing = {}, []
    for name, check in CHECKS.items():
        try:
            results[name] = {"ok": True, **check()}
        except CheckFailed as problem:
            results[name] = {"ok": False, **problem.args[0]}
            failing.append(name)
        except Exception:
            logger.exception("Health check %s failed.", name)
            results[name] = {"ok": False}
            failing.append(name)
    return results, failing


@never_cache
@require_safe
def health(request):
    results, failing = run_checks()
    body = {"status": "failing" if failing else "ok", "failing": failing, "checks": results}
    return JsonResponse(body, status=503 if failing else 200)
