"""Periodic management commands, run by `manage.py run_scheduler` on every app host.

What runs is `settings.SCHEDULED_COMMANDS`, a list of dicts::

    {"name": "backup", "command": "backup", "args": ["--prune"], "every": 86400}

(`every` in seconds), followed by the `scheduled_commands` that installed apps contribute through
`core.registry` (so an app's housekeeping goes away with the app). Names must be unique.

Several hosts may each run a scheduler: they share one `ScheduledCommandRun` row per entry, and
a scheduler runs an entry only after winning `claim`, one conditional UPDATE that moves
`started_at` forward. The database serializes the UPDATEs, so exactly one scheduler wins each
period and a daily backup never runs twice. A period is counted from the start of the last run:

- after downtime an overdue entry runs once, straight away, then every `every` seconds again
  (a daily job down for three days runs once, not three times);
- a run still going when its next period is due is not started again, unless it started two
  periods ago without finishing (its host died): then it is presumed dead and run anew.

Hosts must keep their clocks in sync (NTP), since each claims with its own clock.
"""

import logging
import socket
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import close_old_connections
from django.db.models import F, Q
from django.utils import timezone

from congdoan.core.models import ScheduledCommandRun
from congdoan.core.registry import contributions

logger = logging.getLogger(__name__)

ENTRY_KEYS = {"name", "command", "args", "every"}


@dataclass(frozen=True)
class ScheduledCommand:
    """One entry: run `manage.py <command> <args>` every `every`."""

    name: str
    command: str
    args: tuple[str, ...]
    every: timedelta

    @classmethod
    def from_entry(cls, entry: dict) -> "ScheduledCommand":
        if not isinstance(entry, dict) or set(entry) != ENTRY_KEYS:
            raise ImproperlyConfigured(
                f"SCHEDULED_COMMANDS entries are dicts with exactly the keys "
                f"{sorted(ENTRY_KEYS)}: {entry!r}"
            )
        every = entry["every"]
        if isinstance(every, bool) or not isinstance(every, int | float) or every <= 0:
            raise ImproperlyConfigured(f"'every' must be a positive number of seconds: {entry!r}")
        if not isinstance(entry["args"], list | tuple) or not all(
            isinstance(arg, str) for arg in entry["args"]
        ):
            raise ImproperlyConfigured(f"'args' must be a list of strings: {entry!r}")
        return cls(
            name=str(entry["name"]),
            command=str(entry["command"]),
            args=tuple(entry["args"]),
            every=timedelta(seconds=every),
        )


def scheduled_commands() -> list[ScheduledCommand]:
    """The settings' entries, then those of installed apps; ImproperlyConfigured if malformed."""
    commands = [
        ScheduledCommand.from_entry(entry)
        for entry in [*settings.SCHEDULED_COMMANDS, *contributions("scheduled_commands")]
    ]
    names = [command.name for command in commands]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ImproperlyConfigured(f"SCHEDULED_COMMANDS names must be unique: {duplicates}")
    return commands


def host_name() -> str:
    return socket.gethostname()[:100]


def is_due(run: ScheduledCommandRun | None, command: ScheduledCommand, now: datetime) -> bool:
    """Whether `command` should start at `now`, given its last run (None: it never ran)."""
    if run is None or run.started_at is None:
        return True
    if run.started_at > now - command.every:
        return False
    finished = run.finished_at is not None and run.finished_at >= run.started_at
    return finished or run.started_at <= now - 2 * command.every


def claim(command: ScheduledCommand, now: datetime) -> bool:
    """Take this period's run of `command` for this host; False if it is not due or another
    scheduler took it first. One UPDATE whose WHERE is `is_due`, so only one claimer wins."""
    ScheduledCommandRun.objects.get_or_create(name=command.name)
    due = Q(started_at__isnull=True) | (
        Q(started_at__lte=now - command.every)
        & (Q(finished_at__gte=F("started_at")) | Q(started_at__lte=now - 2 * command.every))
    )
    claimed = ScheduledCommandRun.objects.filter(due, name=command.name).update(
        started_at=now, host=host_name(), runs=F("runs") + 1
    )
    return claimed == 1


def run(command: ScheduledCommand) -> bool:
    """Run `command` once (already claimed) and record how it ended. Never raises: a failure is
    logged with its traceback and recorded, and the next period runs it again."""
    try:
        call_command(command.command, *command.args)
        succeeded = True
    except (Exception, SystemExit):
        logger.exception("Scheduled command %s (%s) failed.", command.name, command.command)
        succeeded = False
    try:
        ScheduledCommandRun.objects.filter(name=command.name).update(
            finished_at=timezone.now(),
            succeeded=succeeded,
            failures=F("failures") + (0 if succeeded else 1),
        )
    except Exception:
        logger.exception("Could not record the end of scheduled command %s.", command.name)
    finally:
        close_old_connections()
    return succeeded


class Scheduler:
    """Claims due entries and runs each in its own thread, so a long backup never delays
    `publish_scheduled`; one run of an entry at a time on this host."""

    def __init__(self, commands: list[ScheduledCommand]):
        self.commands = commands
        self.running: dict[str, threading.Thread] = {}

    def tick(self, now: datetime | None = None) -> list[str]:
        """Start every entry that is due and that this scheduler wins; their names."""
        now = now or timezone.now()
        self.running = {name: t for name, t in self.running.items() if t.is_alive()}
        started = []
        try:
            runs = {run.name: run for run in ScheduledCommandRun.objects.all()}
            for command in self.commands:
                if command.name in self.running or not is_due(runs.get(command.name), command, now):
                    continue
                if claim(command, now):
                    thread = threading.Thread(
                        target=run, args=(command,), name=f"scheduled-{command.name}", daemon=True
                    )
                    thread.start()
                    self.running[command.name] = thread
                    started.append(command.name)
        except Exception:
            # The database is away: try again next tick.
            logger.exception("The scheduler could not read or claim its commands.")
        finally:
            close_old_connections()
        return started

    def wait(self, timeout: float | None = None):
        """Let the runs in progress finish (on shutdown), up to `timeout` seconds in all."""
        deadline = None if timeout is None else timezone.now() + timedelta(seconds=timeout)
        for thread in list(self.running.values()):
            remaining = None if deadline is None else (deadline - timezone.now()).total_seconds()
            thread.join(None if remaining is None else max(0.0, remaining))
