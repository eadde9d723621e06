"""The numbers of the tracker's dashboard for one program, as one user sees it.

Counts by status, a table by lead unit, the overdue list and the progress over time, each
from the same `with_status`/`status_of` rules as the task list and the reports, in a fixed
number of queries whatever the number of tasks.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from .models import Unit
from .status import TaskStatus, completed_on, percent_of, with_reports, with_status

CHART_MONTHS = 12
CHART_WIDTH = 640
CHART_HEIGHT = 220
CHART_PADDING = 36


@dataclass
class UnitRow:
    unit: Unit
    counts: list[int]  # in TaskStatus order
    total: int


@dataclass
class MonthPoint:
    month: date  # the first day of the month
    completed: int
    average_percent: int
    # Drawing: the bar of tasks completed and the point of the average percent.
    bar_x: float = 0
    bar_y: float = 0
    bar_height: float = 0
    point_x: float = 0
    point_y: float = 0


@dataclass
class Chart:
    months: list[MonthPoint]
    peak_completed: int
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    padding: int = CHART_PADDING
    right: int = CHART_WIDTH - CHART_PADDING
    bar_width: float = 0
    line_points: str = ""
    gridlines: list[dict] = field(default_factory=list)


@dataclass
class Dashboard:
    on: date
    total: int
    counts: list[tuple[TaskStatus, int]]
    unit_rows: list[UnitRow]
    overdue: list
    chart: Chart


def month_starts(last: date, count: int, earliest: date) -> list[date]:
    """The first days of up to `count` months ending with `last`'s, none before `earliest`'s."""
    months = []
    year, month = last.year, last.month
    while len(months) < count and (year, month) >= (earliest.year, earliest.month):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def month_end(start: date, on: date) -> date:
    """The month's last day, or `on` for the month under way."""
    last = date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])
    return min(last, on)


def build_chart(tasks: list, program, on: date) -> Chart:
    """Tasks completed per month (bars) and the average percent at each month's end (line)."""
    points = []
    for start in month_starts(on, CHART_MONTHS, program.period_start):
        end = month_end(start, on)
        completions = [completed_on(task, end) for task in tasks]
        percents = [percent_of(task, end) for task in tasks]
        points.append(
            MonthPoint(
                month=start,
                completed=sum(1 for day in completions if day and day >= start),
                average_percent=round(sum(percents) / len(percents)) if percents else 0,
            )
        )
    chart = Chart(months=points, peak_completed=max([1, *(p.completed for p in points)]))
    inner_width = CHART_WIDTH - 2 * CHART_PADDING
    inner_height = CHART_HEIGHT - 2 * CHART_PADDING
    step = inner_width / max(1, len(points))
    chart.bar_width = round(step * 0.6, 1)
    for index, point in enumerate(points):
        centre = CHART_PADDING + step * (index + 0.5)
        point.bar_height = round(inner_height * point.completed / chart.peak_completed, 1)
        point.bar_x = round(centre - chart.bar_width / 2, 1)
        point.bar_y = round(CHART_HEIGHT - CHART_PADDING - point.bar_height, 1)
        point.point_x = round(centre, 1)
        point.point_y = round(
            CHART_HEIGHT - CHART_PADDING - inner_height * point.average_percent / 100, 1
        )
    chart.line_points = " ".join(f"{p.point_x},{p.point_y}" for p in points)
    chart.gridlines = [
        {
            "percent": percent,
            "y": round(CHART_HEIGHT - CHART_PADDING - inner_height * percent / 100, 1),
        }
        for percent in (0, 50, 100)
    ]
    return chart


def build(tasks, program, on: date) -> Dashboard:
    """The dashboard of `program`'s tasks among `tasks` (already limited to what the user sees)."""
    tasks = tasks.filter(program=program)
    annotated = with_status(tasks, on)
    by_status = dict(annotated.order_by().values_list("status").annotate(n=Count("pk")))
    order = list(TaskStatus)
    per_unit: dict[int, list[int]] = {}
    for unit_id, status, count in (
        annotated.order_by().values_list("lead_unit", "status").annotate(n=Count("pk"))
    ):
        per_unit.setdefault(unit_id, [0] * len(order))[order.index(TaskStatus(status))] += count
    units = Unit.objects.filter(pk__in=per_unit).order_by("order", "name")
    return Dashboard(
        on=on,
        total=sum(by_status.values()),
        counts=[(status, by_status.get(status, 0)) for status in order],
        unit_rows=[UnitRow(unit, per_unit[unit.pk], sum(per_unit[unit.pk])) for unit in units],
        overdue=list(
            annotated.filter(status=TaskStatus.OVERDUE)
            .select_related("lead_unit")
            .order_by("deadline", "order", "pk")
        ),
        chart=build_chart(list(with_reports(tasks)), program, on),
    )
