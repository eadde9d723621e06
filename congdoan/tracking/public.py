"""What the public program page shows: per task only title, lead unit, deadline, percent and
status (no report text, reason or evidence), and the counts by status."""

from dataclasses import dataclass
from datetime import date

from .status import TaskStatus, percent_of, status_of, with_reports


@dataclass(frozen=True)
class PublicTask:
    title: str
    lead_unit: str
    deadline: date
    percent: int
    status: TaskStatus


@dataclass(frozen=True)
class ProgramProgress:
    on: date
    counts: list[tuple[TaskStatus, int]]
    total: int
    tasks: list[PublicTask]


def program_progress(program, on: date) -> ProgramProgress:
    """Two queries: the tasks with their lead units, and their reports."""
    tasks = with_reports(program.tasks.select_related("lead_unit")).order_by(
        "order", "deadline", "pk"
    )
    rows = [
        PublicTask(
            title=task.title,
            lead_unit=task.lead_unit.name,
            deadline=task.deadline,
            percent=percent_of(task, on),
            status=status_of(task, on),
        )
        for task in tasks
    ]
    counts = [(status, sum(1 for row in rows if row.status == status)) for status in TaskStatus]
    return ProgramProgress(on=on, counts=counts, total=len(rows), tasks=rows)
