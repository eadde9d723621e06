"""Deadline reminders: 7, 3 and 1 days before a task's deadline, and once when it is missed.

`send_due_reminders(today)` is what `manage.py send_tracking_reminders` runs every day. For each
task not completed, the reminder of the window it is in goes out once: a task 5 days from its
deadline gets the 7-day reminder (also when it was created only then), one 2 days away the
3-day one, on its last day or the day before the 1-day one, and after it the "missed" one. A
`ReminderSent` row (unique per task and kind) makes each go out once however often the command
runs, and is the notice shown on the tracker's dashboard and the admin home. Emails go to the
lead unit's address and its staff, through the `mail` queue.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import ReminderSent, Task
from .status import TaskStatus, with_status
from .tasks import send_reminder_email

# (days left at most, kind): the first window holding the days left applies.
WINDOWS = (
    (1, ReminderSent.Kind.BEFORE_1),
    (3, ReminderSent.Kind.BEFORE_3),
    (7, ReminderSent.Kind.BEFORE_7),
)
# A deadline missed longer ago than this gets no "missed" reminder (on the first run of a new
# install, years-old tasks would otherwise all send one).
MISSED_LOOKBACK_DAYS = 30


def due_kind(deadline: datetime.date, today: datetime.date):
    """The reminder a task not completed is due for today, or None."""
    days_left = (deadline - today).days
    if days_left < 0:
        return ReminderSent.Kind.MISSED if -days_left <= MISSED_LOOKBACK_DAYS else None
    return next((kind for limit, kind in WINDOWS if days_left <= limit), None)


def recipients(task) -> list[str]:
    """The lead unit's address and its active staff's, each once."""
    addresses = [task.lead_unit.email] + [
        member.email for member in task.lead_unit.members.all() if member.is_active
    ]
    return list(dict.fromkeys(address for address in addresses if address))


def send_due_reminders(today: datetime.date) -> int:
    """Record and queue today's reminders; returns how many reminders went out."""
    window = Task.objects.filter(
        deadline__gte=today - datetime.timedelta(days=MISSED_LOOKBACK_DAYS),
        deadline__lte=today + datetime.timedelta(days=WINDOWS[-1][0]),
    )
    tasks = (
        with_status(window, today)
        .exclude(status__in=[TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE])
        .select_related("program", "lead_unit")
        .prefetch_related("lead_unit__members")
    )
    sent = 0
    for task in tasks:
        kind = due_kind(task.deadline, today)
        if kind is None:
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(task=task, kind=kind)
        except IntegrityError:
            continue  # already sent (by an earlier run, or a concurrent one)
        queue_emails(task, kind, today)
        sent += 1
    return sent


def queue_emails(task, kind, today: datetime.date) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "task": task,
            "kind": ReminderSent.Kind(kind).label,
            "missed": kind == ReminderSent.Kind.MISSED,
            "days_left": (task.deadline - today).days,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("tracking_admin:task", args=[task.pk]),
        }
        subject = " ".join(render_to_string("tracking/email/reminder_subject.txt", context).split())
        text = render_to_string("tracking/email/reminder.txt", context)
    for address in recipients(task):
        transaction.on_commit(
            lambda address=address: send_reminder_email.enqueue(
                subject=subject, text=text, recipient=address
            )
        )
