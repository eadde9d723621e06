"""Deadline reminders: 7, 3, 1 days before and once when missed; each once; none when done."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from congdoan.core.scheduling import scheduled_commands
from congdoan.tracking.factories import ProgressReportFactory, TaskFactory, UnitFactory
from congdoan.tracking.models import ReminderSent
from congdoan.tracking.reminders import due_kind

from .conftest import user_in_role

pytestmark = pytest.mark.django_db(transaction=False)

DEADLINE = datetime.date(2021, 11, 30)


def run_on(day: datetime.date):
    with time_machine.travel(datetime.datetime.combine(day, datetime.time(7, 0)), tick=False):
        call_command("send_tracking_reminders", stdout=io.StringIO())


def kinds(task):
    return sorted(ReminderSent.objects.filter(task=task).values_list("kind", flat=True))


@pytest.mark.parametrize(
    ("days_before", "expected"),
    [
        (8, None),
        (7, "before_7"),
        (4, "before_7"),
        (3, "before_3"),
        (2, "before_3"),
        (1, "before_1"),
        (0, "before_1"),
        (-1, "missed"),
        (-30, "missed"),
        (-31, None),
    ],
)
def test_the_reminder_due_at_each_boundary(days_before, expected):
    today = DEADLINE - datetime.timedelta(days=days_before)
    assert due_kind(DEADLINE, today) == expected


def test_each_reminder_goes_out_once_to_the_lead_unit_and_its_staff(
    django_capture_on_commit_callbacks,
):
    staff = user_in_role("can_bo", email="canbo@congdoan.test")
    away = user_in_role("nghi_viec", is_active=False)
    unit = UnitFactory(email="bantochuc@congdoan.test", members=[staff, away])
    task = TaskFactory(lead_unit=unit, deadline=DEADLINE, title="Xây dựng kế hoạch tiến độ")
    sent_per_day = {}

    for days_before in (8, 7, 7, 6, 3, 3, 1, 1, 0, -1, -1, -2):
        day = DEADLINE - datetime.timedelta(days=days_before)
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            run_on(day)
        sent_per_day.setdefault(days_before, []).append(len(mail.outbox) - before)

    assert kinds(task) == ["before_1", "before_3", "before_7", "missed"]
    # Two addresses per reminder, and a second run the same day sends nothing.
    assert sent_per_day == {
        8: [0],
        7: [2, 0],
        6: [0],
        3: [2, 0],
        1: [2, 0],
        0: [0],
        -1: [2, 0],
        -2: [0],
    }
    assert {tuple(message.to) for message in mail.outbox} == {
        ("bantochuc@congdoan.test",),
        ("canbo@congdoan.test",),
    }
    missed = mail.outbox[-1]
    assert missed.subject.startswith("[CTHD-")
    assert "Đã quá hạn: Xây dựng kế hoạch tiến độ" in missed.subject
    assert "đã quá hạn (30/11/2021)" in missed.body
    assert "/admin/theo-doi/nhiem-vu/" in missed.body
    assert "Còn 7 ngày đến hạn" in mail.outbox[0].subject
    assert "còn 7 ngày" in mail.outbox[0].body


def test_completed_tasks_get_no_reminder():
    task = TaskFactory(deadline=DEADLINE)
    ProgressReportFactory(
        task=task, reported_on=DEADLINE - datetime.timedelta(days=10), percent=100
    )

    for days_before in (7, 3, 1, -1):
        run_on(DEADLINE - datetime.timedelta(days=days_before))

    assert kinds(task) == []


def test_reminders_go_through_the_mail_queue(settings, django_capture_on_commit_callbacks):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    from django_tasks import default_task_backend

    from congdoan.tracking.tasks import send_reminder_email

    TaskFactory(deadline=DEADLINE, lead_unit=UnitFactory(email="vanphong@congdoan.test"))
    with django_capture_on_commit_callbacks(execute=True):
        run_on(DEADLINE - datetime.timedelta(days=7))

    queued = [r for r in default_task_backend.results if r.task.func is send_reminder_email.func]
    assert [(r.task.queue_name, r.kwargs["recipient"]) for r in queued] == [
        ("mail", "vanphong@congdoan.test")
    ]
    assert mail.outbox == []


def test_the_scheduler_runs_the_reminders_daily():
    entry = next(
        command for command in scheduled_commands() if command.name == "tracking_reminders"
    )
    assert (entry.command, entry.every) == ("send_tracking_reminders", datetime.timedelta(days=1))
