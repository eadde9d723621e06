"""Background tasks: each on its queue, abandoned tasks recovered, task logs kept quiet."""

import logging
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from congdoan.core import images
from congdoan.core.management.commands.run_worker import (
    MAX_ATTEMPTS,
    recover_abandoned_tasks,
    stable_worker_id,
)

DEPLOY_DIR = Path(__file__).resolve().parents[3] / "deploy"
DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
}


def test_the_queues_are_the_ones_the_workers_serve():
    assert settings.TASK_QUEUES == ["default", "mail", "images", "documents", "reports"]
    assert settings.TASKS["default"]["QUEUES"] == settings.TASK_QUEUES


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("enqueue", "queue_name"),
    [
        (lambda: images.generate_renditions.enqueue([1]), "images"),
        (lambda: images.generate_page_renditions.enqueue(1), "images"),
    ],
    ids=["renditions", "page-renditions"],
)
def test_each_task_is_enqueued_on_its_queue(enqueue, queue_name):
    with override_settings(TASKS=DATABASE_TASKS):
        enqueue()
    assert list(DBTaskResult.objects.values_list("queue_name", flat=True)) == [queue_name]


@pytest.mark.django_db
def test_search_index_updates_go_to_the_default_queue(home_page):
    """Wagtail and modelsearch enqueue index updates on "default", the first-priority queue
    that never waits behind image encodes."""
    with override_settings(TASKS=DATABASE_TASKS):
        home_page.save_revision().publish()
    paths = dict(DBTaskResult.objects.values_list("task_path", "queue_name"))
    assert paths["modelsearch.tasks.insert_or_update_object_task"] == "default"
    assert "congdoan.core.images.generate_page_renditions" in paths
    assert paths["congdoan.core.images.generate_page_renditions"] == "images"


def running_task(worker_ids: list[str]) -> DBTaskResult:
    with override_settings(TASKS=DATABASE_TASKS):
        result = images.generate_renditions.enqueue([1])
    row = DBTaskResult.objects.get(pk=result.id)
    row.status = TaskResultStatus.RUNNING
    row.worker_ids = worker_ids
    row.save()
    return row


@pytest.mark.django_db
def test_a_restarted_worker_requeues_the_task_its_predecessor_was_running():
    worker_id = stable_worker_id("images")
    abandoned = running_task([worker_id])
    other_worker = running_task(["elsewhere:images"])

    assert recover_abandoned_tasks(worker_id, "default") == (1, 0)

    abandoned.refresh_from_db()
    other_worker.refresh_from_db()
    assert abandoned.status == TaskResultStatus.READY
    assert abandoned.started_at is None
    assert abandoned.worker_ids == [worker_id]  # the attempts stay counted
    assert DBTaskResult.objects.ready().filter(pk=abandoned.pk).exists()
    assert other_worker.status == TaskResultStatus.RUNNING  # a live worker's task is left alone


@pytest.mark.django_db
def test_a_task_that_killed_its_worker_every_time_is_failed_not_requeued():
    worker_id = stable_worker_id("images")
    poison = running_task([worker_id] * MAX_ATTEMPTS)

    assert recover_abandoned_tasks(worker_id, "default") == (0, 1)

    poison.refresh_from_db()
    assert poison.status == TaskResultStatus.FAILED
    assert poison.finished_at is not None
    assert poison.exception_class_path == (
        "congdoan.core.management.commands.run_worker.WorkerDiedError"
    )
    assert f"worker {worker_id} died while running this task (3 attempts)" in poison.traceback


def test_worker_ids_are_stable_per_host_and_queue_and_fit_the_column():
    assert stable_worker_id("images") == stable_worker_id("images")
    assert stable_worker_id("images") != stable_worker_id("mail")
    assert stable_worker_id("images").endswith(":images")
    assert len(stable_worker_id("x" * 100)) <= 64


def test_routine_task_lines_are_hidden_and_failures_shown():
    for name in ("django_tasks", "django_tasks_db"):
        logger = logging.getLogger(name)
        assert not logger.isEnabledFor(logging.INFO), name
        assert logger.isEnabledFor(logging.ERROR), name


def test_deploy_runs_one_systemd_worker_per_queue():
    unit = (DEPLOY_DIR / "systemd/congdoan-worker@.service").read_text()
    assert "manage.py run_worker --queue-name %i " in unit
    assert "Restart=always" in unit
    guide = (DEPLOY_DIR / "README.md").read_text()
    for queue in settings.TASK_QUEUES:
        assert f"congdoan-worker@{queue}" in guide
    assert not (DEPLOY_DIR / "systemd/congdoan-worker.service").exists()
    web = (DEPLOY_DIR / "systemd/congdoan-web.service").read_text()
    assert "granian --interface wsgi congdoan.wsgi:application" in web
    assert "unix:/run/congdoan/web.sock" in (DEPLOY_DIR / "nginx/congdoan.conf").read_text()
