"""A task's status on a given day, as official follow-up reports count it.

Quyết định 42/2014/QĐ-TTg counts assigned tasks as completed on time, completed late, not
completed but within the deadline, and not completed past it; tasks nobody has started are
told apart too. Only reports dated on or before the day count, so a report for any past date
shows the tasks as they stood then:

- completed = some report says 100 %; the completion date is the earliest such report's date:
  on or before the deadline → done on time, after it → done late;
- not completed and the day is after the deadline → overdue (the deadline day is still in time);
- no report above 0 % → not started; else in progress.

`status_of` works on one task (using its prefetched reports when there are any);
`with_status` annotates a whole queryset in SQL, so lists can filter and count by status in
one query. Both follow the same rules; the tests hold them to each other.
"""

from datetime import date

from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Subquery, Value, When
from django.utils.translation import gettext_lazy as _

from .models import ProgressReport


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started (Chưa triển khai)")
    IN_PROGRESS = "in_progress", _("In progress, within the deadline")
    OVERDUE = "overdue", _("Overdue, not completed")
    DONE_ON_TIME = "done_on_time", _("Completed on time")
    DONE_LATE = "done_late", _("Completed late")


def _reports_until(task, on: date) -> list:
    return [report for report in task.reports.all() if report.reported_on <= on]


def latest_report(task, on: date):
    """The last report dated on or before `on` (the most recently entered that day), or None."""
    reports = _reports_until(task, on)
    return max(reports, key=lambda r: (r.reported_on, r.created_at, r.pk), default=None)


def completed_on(task, on: date) -> date | None:
    """The date of the first report saying 100 %, if one is dated on or before `on`."""
    return min((r.reported_on for r in _reports_until(task, on) if r.percent >= 100), default=None)


def status_of(task, on: date) -> TaskStatus:
    reports = _reports_until(task, on)
    completion = min((r.reported_on for r in reports if r.percent >= 100), default=None)
    if completion is not None:
        return TaskStatus.DONE_ON_TIME if completion <= task.deadline else TaskStatus.DONE_LATE
    if on > task.deadline:
        return TaskStatus.OVERDUE
    if not any(r.percent > 0 for r in reports):
        return TaskStatus.NOT_STARTED
    return TaskStatus.IN_PROGRESS


def percent_of(task, on: date) -> int:
    """The percent of the latest report on or before `on` (0 without one)."""
    report = latest_report(task, on)
    return report.percent if report else 0


def with_status(queryset, on: date):
    """The tasks annotated with `status` (a TaskStatus value) and `completed_on` on day `on`.

    One query, whatever the number of tasks; `.filter(status=...)` and
    `.values("status").annotate(Count("pk"))` work on the result.
    """
    # Subqueries rather than joined aggregates: the annotation stays a plain column, so the
    # caller may group by it, and other joins (cooperating units) cannot repeat rows.
    reports = ProgressReport.objects.filter(task=OuterRef("pk"), reported_on__lte=on)
    return queryset.annotate(
        completed_on=Subquery(
            reports.filter(percent__gte=100).order_by("reported_on").values("reported_on")[:1]
        ),
        started=Exists(reports.filter(percent__gt=0)),
    ).annotate(
        status=Case(
            When(completed_on__lte=F("deadline"), then=Value(TaskStatus.DONE_ON_TIME)),
            When(completed_on__isnull=False, then=Value(TaskStatus.DONE_LATE)),
            When(deadline__lt=on, then=Value(TaskStatus.OVERDUE)),
            When(started=True, then=Value(TaskStatus.IN_PROGRESS)),
            default=Value(TaskStatus.NOT_STARTED),
            output_field=models.CharField(),
        )
    )


def with_reports(queryset):
    """The tasks with their reports prefetched, for `status_of`/`latest_report` per task."""
    return queryset.prefetch_related("reports")


def statuses(tasks, on: date) -> dict[int, TaskStatus]:
    """{task pk: status} for a queryset of tasks, in one query."""
    return {
        pk: TaskStatus(status) for pk, status in with_status(tasks, on).values_list("pk", "status")
    }
