"""A task's status at its boundaries: the deadline day, the day after, completion on/after it."""

import datetime

import pytest
from django.db.models import Count

from congdoan.tracking.factories import ProgressReportFactory, TaskFactory
from congdoan.tracking.models import Task
from congdoan.tracking.status import (
    TaskStatus,
    latest_report,
    percent_of,
    status_of,
    statuses,
    with_reports,
    with_status,
)

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2021, 11, 30)
DAY = datetime.timedelta(days=1)


def assert_status(task, on, expected):
    """The per-task rule and the SQL annotation agree, and say `expected`."""
    fresh = with_reports(Task.objects.filter(pk=task.pk)).get()
    assert status_of(fresh, on) == expected
    assert statuses(Task.objects.filter(pk=task.pk), on) == {task.pk: expected}


def test_without_reports_a_task_is_not_started_until_the_deadline_then_overdue():
    task = TaskFactory(deadline=DEADLINE)

    assert_status(task, DEADLINE - DAY, TaskStatus.NOT_STARTED)
    assert_status(task, DEADLINE, TaskStatus.NOT_STARTED)
    assert_status(task, DEADLINE + DAY, TaskStatus.OVERDUE)


def test_a_zero_percent_report_does_not_start_a_task():
    task = TaskFactory(deadline=DEADLINE)
    ProgressReportFactory(task=task, reported_on=DEADLINE - 5 * DAY, percent=0)

    assert_status(task, DEADLINE, TaskStatus.NOT_STARTED)


def test_a_started_task_is_in_progress_on_the_deadline_day_and_overdue_the_day_after():
    task = TaskFactory(deadline=DEADLINE)
    ProgressReportFactory(task=task, reported_on=DEADLINE - 10 * DAY, percent=60)

    assert_status(task, DEADLINE - 11 * DAY, TaskStatus.NOT_STARTED)  # the report is later
    assert_status(task, DEADLINE, TaskStatus.IN_PROGRESS)
    assert_status(task, DEADLINE + DAY, TaskStatus.OVERDUE)


def test_completed_on_the_deadline_is_on_time_forever():
    task = TaskFactory(deadline=DEADLINE)
    ProgressReportFactory(task=task, reported_on=DEADLINE, percent=100)

    assert_status(task, DEADLINE - DAY, TaskStatus.NOT_STARTED)
    assert_status(task, DEADLINE, TaskStatus.DONE_ON_TIME)
    assert_status(task, DEADLINE + 400 * DAY, TaskStatus.DONE_ON_TIME)


@pytest.mark.postgres  # the SQL annotation's date comparisons on the production database
def test_completed_the_day_after_the_deadline_is_late():
    task = TaskFactory(deadline=DEADLINE)
    ProgressReportFactory(task=task, reported_on=DEADLINE - DAY, percent=80)
    ProgressReportFactory(task=task, reported_on=DEADLINE + DAY, percent=100)

    assert_status(task, DEADLINE, TaskStatus.IN_PROGRESS)
    assert_status(task, DEADLINE + DAY, TaskStatus.DONE_LATE)


def test_the_first_report_at_100_percent_dates_the_completion():
    task = TaskFactory(deadline=DEADLINE)
    ProgressReportFactory(task=task, reported_on=DEADLINE + 20 * DAY, percent=100)
    ProgressReportFactory(task=task, reported_on=DEADLINE - 3 * DAY, percent=100)

    assert_status(task, DEADLINE + 30 * DAY, TaskStatus.DONE_ON_TIME)


def test_latest_report_and_percent_count_only_reports_up_to_the_day():
    task = TaskFactory(deadline=DEADLINE)
    early = ProgressReportFactory(task=task, reported_on=DEADLINE - 20 * DAY, percent=30)
    ProgressReportFactory(task=task, reported_on=DEADLINE - 2 * DAY, percent=70)

    assert latest_report(task, DEADLINE - 10 * DAY) == early
    assert percent_of(task, DEADLINE - 10 * DAY) == 30
    assert percent_of(task, DEADLINE) == 70
    assert latest_report(task, DEADLINE - 30 * DAY) is None
    assert percent_of(task, DEADLINE - 30 * DAY) == 0


@pytest.mark.postgres  # grouping by the annotated status, as the dashboard does
def test_statuses_of_many_tasks_take_one_query_and_group_by_status(django_assert_num_queries):
    done = TaskFactory(deadline=DEADLINE)
    ProgressReportFactory(task=done, reported_on=DEADLINE, percent=100)
    late = TaskFactory(deadline=DEADLINE, program=done.program)
    ProgressReportFactory(task=late, reported_on=DEADLINE - DAY, percent=10)
    TaskFactory(deadline=DEADLINE + 10 * DAY, program=done.program)
    on = DEADLINE + 2 * DAY

    with django_assert_num_queries(1):
        result = statuses(Task.objects.all(), on)

    assert sorted(result.values()) == sorted(
        [TaskStatus.DONE_ON_TIME, TaskStatus.OVERDUE, TaskStatus.NOT_STARTED]
    )
    counts = dict(with_status(Task.objects.all(), on).values_list("status").annotate(n=Count("pk")))
    assert counts == {"done_on_time": 1, "overdue": 1, "not_started": 1}
