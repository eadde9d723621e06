"""/health/: 200 when the database, caches, task queues and scheduler are fine, 503 naming what is
not; no login, never cached, nothing sensitive."""

import json
import os
import socket
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
import requests
import time_machine
from django.conf import settings
from django.db import OperationalError, connection
from django.test import override_settings
from django.utils import timezone

from congdoan.core import images
from congdoan.core.models import ScheduledCommandRun
from congdoan.core.scheduling import scheduled_commands

from .processes import REPO_DIR, rq_tasks  # noqa: F401 - a fixture

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
}
RQ_TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": settings.TASK_QUEUES}}
NOON = datetime(2026, 11, 2, 5, 0, tzinfo=UTC)
EMPTY_QUEUES = {
    queue: {"waiting": 0, "oldest_wait_seconds": None} for queue in settings.TASK_QUEUES
}


def scheduler_ran(at: datetime):
    """Every scheduled command started and finished at `at`, as a running scheduler leaves it."""
    for command in scheduled_commands():
        ScheduledCommandRun.objects.update_or_create(
            name=command.name,
            defaults={"started_at": at, "finished_at": at, "succeeded": True, "host": "app-1"},
        )


@pytest.mark.django_db
def test_healthy_portal_answers_200_with_every_check(client):
    scheduler_ran(timezone.now())
    with override_settings(TASKS=DATABASE_TASKS):
        response = client.get("/health/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["failing"] == []
    checks = body["checks"]
    assert checks["database"] == {"ok": True}
    assert checks["cache"] == {"ok": True}
    assert checks["tasks"] == {"ok": True, "backend": "database", "queues": EMPTY_QUEUES}
    assert checks["scheduler"]["ok"] is True
    publish = checks["scheduler"]["commands"]["publish_scheduled"]
    assert publish["every_seconds"] == 60
    assert publish["last_succeeded"] is True
    # Nothing about the machines: no host names, no settings.
    text = response.content.decode()
    assert "app-1" not in text
    assert socket.gethostname() not in text
    assert settings.SECRET_KEY not in text


@pytest.mark.django_db
def test_an_unreachable_cache_makes_it_503_naming_the_cache(client):
    scheduler_ran(timezone.now())
    # Nothing listens on port 1: every cache call fails to connect.
    unreachable = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"] == {"ok": False, "failing_caches": ["default"]}
    assert body["checks"]["database"] == {"ok": True}
    assert "127.0.0.1:1" not in response.content.decode()


@pytest.mark.django_db
def test_a_database_down_fails_every_check_that_needs_it(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with override_settings(TASKS=DATABASE_TASKS):
        monkeypatch.setattr(connection, "cursor", refuse)
        response = client.get("/health/")

    assert response.status_code == 503
    assert response.json()["failing"] == ["database", "tasks", "scheduler"]
    assert "connection refused" not in response.content.decode()


@pytest.mark.django_db
def test_a_scheduler_that_stopped_makes_it_503_naming_the_late_commands(client):
    with time_machine.travel(NOON, tick=False):
        scheduler_ran(timezone.now())
        ScheduledCommandRun.objects.filter(name="publish_scheduled").update(
            started_at=NOON - timedelta(seconds=60 + settings.HEALTH_SCHEDULER_GRACE_SECONDS + 1)
        )
        response = client.get("/health/")

    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["scheduler"]
    assert body["checks"]["scheduler"]["late_commands"] == ["publish_scheduled"]


@pytest.mark.django_db
def test_a_scheduler_that_never_ran_is_late():
    from django.test import Client

    response = Client().get("/health/")
    assert response.status_code == 503
    late = response.json()["checks"]["scheduler"]["late_commands"]
    assert late == [command.name for command in scheduled_commands()]


def backed_up_queue_answers(client, enqueue) -> tuple:
    """Health just before and just after a task waited HEALTH_TASK_MAX_WAIT_SECONDS."""
    limit = settings.HEALTH_TASK_MAX_WAIT_SECONDS
    with time_machine.travel(NOON, tick=False):
        enqueue()
    answers = []
    for waited in (limit - 1, limit + 1):
        with time_machine.travel(NOON + timedelta(seconds=waited), tick=False):
            scheduler_ran(timezone.now())
            answers.append(client.get("/health/"))
    return answers


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_backed_up_database_queue_makes_it_503_naming_the_queue(client):
    with override_settings(TASKS=DATABASE_TASKS):
        fine, late = backed_up_queue_answers(
            client, lambda: images.generate_renditions.enqueue([1])
        )

    limit = settings.HEALTH_TASK_MAX_WAIT_SECONDS
    assert fine.status_code == 200
    assert fine.json()["checks"]["tasks"]["queues"]["images"] == {
        "waiting": 1,
        "oldest_wait_seconds": limit - 1,
    }
    assert late.status_code == 503
    tasks = late.json()["checks"]["tasks"]
    assert late.json()["failing"] == ["tasks"]
    assert tasks["late_queues"] == ["images"]
    assert tasks["queues"] == EMPTY_QUEUES | {
        "images": {"waiting": 1, "oldest_wait_seconds": limit + 1}
    }


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_deferred_task_waits_from_its_run_after_not_from_its_enqueueing(client):
    with override_settings(TASKS=DATABASE_TASKS), time_machine.travel(NOON, tick=False):
        images.generate_renditions.using(run_after=NOON + timedelta(hours=1)).enqueue([1])
        scheduler_ran(timezone.now())
        assert client.get("/health/").json()["checks"]["tasks"]["queues"] == EMPTY_QUEUES
        with time_machine.travel(NOON + timedelta(hours=1, seconds=30), tick=False):
            scheduler_ran(timezone.now())
            queues = client.get("/health/").json()["checks"]["tasks"]["queues"]
    assert queues["images"] == {"waiting": 1, "oldest_wait_seconds": 30}


@pytest.mark.redis
@pytest.mark.django_db
@pytest.mark.usefixtures("rq_tasks")
def test_a_backed_up_redis_queue_makes_it_503_naming_the_queue(client):
    fine, late = backed_up_queue_answers(client, lambda: images.generate_renditions.enqueue([1]))

    limit = settings.HEALTH_TASK_MAX_WAIT_SECONDS
    assert fine.status_code == 200
    assert fine.json()["checks"]["tasks"]["backend"] == "redis"
    assert fine.json()["checks"]["tasks"]["queues"]["images"] == {
        "waiting": 1,
        "oldest_wait_seconds": limit - 1,
    }
    assert late.status_code == 503
    assert late.json()["failing"] == ["tasks"]
    assert late.json()["checks"]["tasks"]["late_queues"] == ["images"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_health_through_the_running_portal(live_server):
    scheduler_ran(timezone.now())
    response = requests.get(f"{live_server.url}/health/", timeout=30)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-store" in response.headers["Cache-Control"]


def test_production_serves_health_over_plain_http_and_redirects_the_rest(tmp_path):
    """Load balancers probe over HTTP inside the network: no redirect to HTTPS for /health/."""
    probe = (
        "import django, json; django.setup(); from django.test import Client; c = Client();"
        "h = c.get('/health/'); print(json.dumps([h.status_code, h.json()['failing'],"
        " c.get('/').status_code]))"
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "HTTPS", "SECURE_SSL_REDIRECT"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="congdoan.settings.production",
        SECRET_KEY="health-test-" + "x" * 50,
        VAR_DIR=str(tmp_path),
        ALLOWED_HOSTS="testserver",
    )
    result = subprocess.run(  # noqa: S603 - our own code with fixed arguments
        [sys.executable, "-c", probe],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # An empty database: it answers, but has no task or scheduler tables yet.
    assert json.loads(result.stdout.splitlines()[-1]) == [503, ["tasks", "scheduler"], 301]
