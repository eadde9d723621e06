"""`run_scheduler`: the periodic commands of settings.SCHEDULED_COMMANDS, once per period across
every scheduler, catching up once after downtime, surviving failures."""

import logging
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from congdoan.core import scheduling
from congdoan.core.models import ScheduledCommandRun
from congdoan.core.scheduling import ScheduledCommand, Scheduler, claim, run, scheduled_commands

from .processes import REPO_DIR, shared_database_url

DEPLOY_DIR = REPO_DIR / "deploy"
DAILY = ScheduledCommand("daily", "clearsessions", (), timedelta(days=1))
MINUTELY = ScheduledCommand("minutely", "clearsessions", (), timedelta(seconds=60))
START = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def test_shipped_entries_publish_every_minute_and_prune_daily():
    by_name = {entry["name"]: entry for entry in settings.SCHEDULED_COMMANDS}
    assert by_name["publish_scheduled"] == {
        "name": "publish_scheduled",
        "command": "publish_scheduled",
        "args": [],
        "every": 60,
    }
    assert by_name["clearsessions"]["every"] == 86400
    prune = by_name["prune_task_results"]
    assert prune["command"] == "prune_db_task_results"
    assert prune["every"] == 86400
    assert "--min-age-days=14" in prune["args"]
    assert "--failed-min-age-days=30" in prune["args"]
    assert "--queue-name=*" in prune["args"]
    commands = {command.name: command for command in scheduled_commands()}
    assert commands["publish_scheduled"].every == timedelta(seconds=60)


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"name": "x", "command": "x", "every": 60}], "exactly the keys"),
        ([{"name": "x", "command": "x", "args": [], "every": 0}], "positive number"),
        ([{"name": "x", "command": "x", "args": "--all", "every": 60}], "list of strings"),
        (
            [{"name": "x", "command": "x", "args": [], "every": 60}] * 2,
            "names must be unique: ['x']",
        ),
    ],
    ids=["missing-key", "zero-period", "args-not-a-list", "duplicate-name"],
)
def test_malformed_entries_are_refused_with_the_reason(entries, message):
    with (
        override_settings(SCHEDULED_COMMANDS=entries),
        pytest.raises(ImproperlyConfigured) as error,
    ):
        scheduled_commands()
    assert message in str(error.value)


def test_apps_contribute_entries_after_the_settings_ones(monkeypatch):
    contributed = {
        "name": "prune_app_rows",
        "command": "prune_rows",
        "args": ["-v0"],
        "every": 3600,
    }
    monkeypatch.setattr(
        scheduling,
        "contributions",
        lambda name: [contributed] if name == "scheduled_commands" else [],
    )
    with override_settings(SCHEDULED_COMMANDS=[settings.SCHEDULED_COMMANDS[0]]):
        commands = scheduled_commands()
    assert [command.name for command in commands] == ["publish_scheduled", "prune_app_rows"]
    assert commands[1].args == ("-v0",)
    assert commands[1].every == timedelta(hours=1)


def finish(command: ScheduledCommand, at):
    ScheduledCommandRun.objects.filter(name=command.name).update(finished_at=at, succeeded=True)


@pytest.mark.postgres
@pytest.mark.django_db
def test_an_entry_runs_once_per_period_whoever_claims_it():
    assert claim(MINUTELY, START)
    assert not claim(MINUTELY, START)  # a second scheduler at the same moment
    finish(MINUTELY, START + timedelta(seconds=2))
    assert not claim(MINUTELY, START + timedelta(seconds=59))
    assert claim(MINUTELY, START + timedelta(seconds=60))
    row = ScheduledCommandRun.objects.get(name="minutely")
    assert row.runs == 2
    assert row.started_at == START + timedelta(seconds=60)


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_run_still_going_is_not_started_again_until_presumed_dead():
    assert claim(MINUTELY, START)
    assert not claim(MINUTELY, START + timedelta(seconds=90))  # still running elsewhere
    assert claim(MINUTELY, START + timedelta(seconds=120))  # two periods: its host died


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_downtime_an_overdue_entry_runs_once_then_on_its_period():
    ScheduledCommandRun.objects.create(
        name="daily", started_at=START, finished_at=START + timedelta(minutes=1), runs=1
    )
    scheduler = Scheduler([DAILY])
    three_days_later = START + timedelta(days=3, hours=5)

    assert scheduler.tick(three_days_later) == ["daily"]
    scheduler.wait(30)
    assert scheduler.tick(three_days_later + timedelta(seconds=5)) == []
    assert scheduler.tick(three_days_later + timedelta(hours=23)) == []
    assert scheduler.tick(three_days_later + timedelta(days=1)) == ["daily"]
    scheduler.wait(30)
    row = ScheduledCommandRun.objects.get(name="daily")
    assert row.runs == 3
    assert row.succeeded is True


@pytest.mark.django_db
def test_a_failing_command_is_logged_recorded_and_run_again_next_period(caplog):
    broken = ScheduledCommand("broken", "no_such_command", (), timedelta(seconds=60))
    with caplog.at_level(logging.ERROR, logger="congdoan.core.scheduling"):
        assert claim(broken, START)
        assert run(broken) is False
    assert "Scheduled command broken (no_such_command) failed." in caplog.text
    assert "Unknown command: 'no_such_command'" in caplog.text
    row = ScheduledCommandRun.objects.get(name="broken")
    assert (row.succeeded, row.failures, row.runs) == (False, 1, 1)
    assert row.finished_at is not None

    assert claim(broken, row.finished_at + timedelta(seconds=60))


@pytest.mark.django_db
def test_a_tick_without_database_logs_and_returns(caplog, monkeypatch):
    def unreachable(*args, **kwargs):
        raise ConnectionError("database unreachable")

    monkeypatch.setattr(scheduling, "claim", unreachable)
    with caplog.at_level(logging.ERROR, logger="congdoan.core.scheduling"):
        assert Scheduler([MINUTELY]).tick(START) == []
    assert "The scheduler could not read or claim its commands." in caplog.text


def test_systemd_runs_the_scheduler_as_a_service_instead_of_the_publish_timer():
    unit = (DEPLOY_DIR / "systemd/congdoan-scheduler.service").read_text()
    assert "ExecStart=/srv/congdoan/.venv/bin/python manage.py run_scheduler\n" in unit
    assert "Restart=always" in unit
    assert not (DEPLOY_DIR / "systemd/congdoan-publish.timer").exists()
    assert not (DEPLOY_DIR / "systemd/congdoan-publish.service").exists()
    guide = (DEPLOY_DIR / "README.md").read_text()
    assert "systemctl enable --now congdoan-web congdoan-scheduler " in guide


def read_rows(database_url: str, query: str, params=()) -> list[tuple]:
    """Rows as the scheduler processes left them, wherever the shared database is."""
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=30) as database:
            return database.execute(query.replace("%s", "?"), params).fetchall()
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_scheduler_processes_run_each_entry_once_and_do_the_work(home_page, tmp_path):
    """Two hosts' schedulers on one database: every shipped entry runs once, not twice; the
    expired home page is unpublished and the expired session deleted."""
    home_page.expire_at = timezone.now() - timedelta(minutes=1)
    home_page.save_revision().publish()
    expired = SessionStore()
    expired.set_expiry(-60)
    expired.create()
    database_url = shared_database_url(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "congdoan.settings.dev",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(tmp_path),
        "REDIS_URL": "",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    schedulers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "run_scheduler", "--tick", "0.2"],
            cwd=REPO_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / f"scheduler-{number}.log").open("w"),
        )
        for number in range(2)
    ]
    names = {command.name for command in scheduled_commands()}  # apps contribute some too
    query = "SELECT name, runs, succeeded FROM core_scheduledcommandrun"
    try:
        deadline = time.monotonic() + 180
        while True:
            rows = read_rows(database_url, query)
            if {name for name, _runs, succeeded in rows if succeeded is not None} >= names:
                break
            assert all(process.poll() is None for process in schedulers)
            assert time.monotonic() < deadline, f"scheduled commands did not all run: {rows}"
            time.sleep(0.5)
        time.sleep(2)  # ten more ticks of each scheduler
        rows = read_rows(database_url, query)
    finally:
        for process in schedulers:
            process.send_signal(signal.SIGTERM)
        exit_codes = [process.wait(timeout=90) for process in schedulers]
    logs = "".join(Path(tmp_path / f"scheduler-{n}.log").read_text() for n in range(2))
    assert exit_codes == [0, 0], logs
    assert sorted(rows) == sorted((name, 1, True) for name in names), logs
    live = read_rows(
        database_url, "SELECT live FROM wagtailcore_page WHERE id = %s", [home_page.pk]
    )
    assert live in ([(False,)], [(0,)])
    assert read_rows(
        database_url,
        "SELECT COUNT(*) FROM django_session WHERE session_key = %s",
        [expired.session_key],
    ) == [(0,)]
