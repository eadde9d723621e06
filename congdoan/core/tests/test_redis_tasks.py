"""The Redis task backend (django-tasks-rq): a task enqueued on Redis is run by the worker that
`run_worker` starts for its queue, in its own process, as under `make run` and systemd."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django_tasks import TaskResultStatus, task_backends

from congdoan.core import images
from congdoan.core.factories import make_image

from .processes import REPO_DIR, rq_tasks, shared_database_url  # noqa: F401 - a fixture


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rendition_task_on_redis_is_run_by_the_queue_worker(redis_url, rq_tasks, tmp_path):  # noqa: F811
    images_queue = next(queue for queue in rq_tasks if queue.name == "images")
    image = make_image(width=800, height=600)
    assert images_queue.count == 1  # saving an image asks for its renditions: on Redis now
    images_queue.empty()
    database_url = shared_database_url(tmp_path)
    result = images.generate_renditions.enqueue([image.pk])
    assert images_queue.count == 1
    assert task_backends["default"].get_result(result.id).status == TaskResultStatus.READY

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "congdoan.settings.dev",
        "DATABASE_URL": database_url,
        "VAR_DIR": str(tmp_path),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "REDIS_URL": "",
        "TASKS_BACKEND": "django_tasks_rq.RQBackend",
        "TASKS_REDIS_URL": redis_url,
    }
    log = tmp_path / "worker.log"
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "run_worker", "--queue-name", "images", "--interval", "1"],
        cwd=REPO_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 180
        while (finished := task_backends["default"].get_result(result.id)).status in (
            TaskResultStatus.READY,
            TaskResultStatus.RUNNING,
        ):
            assert worker.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)
        exit_code = worker.wait(timeout=60)

    assert finished.status == TaskResultStatus.SUCCESSFUL, log.read_text()
    assert finished.return_value == 1  # one image rendered
    assert images_queue.count == 0
    assert exit_code == 0, log.read_text()
    # The worker wrote the renditions into the shared database.
    if database_url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as database:
            (count,) = database.execute(
                "SELECT COUNT(*) FROM wagtailimages_rendition WHERE image_id = ?", [image.pk]
            ).fetchone()
    else:
        count = image.renditions.count()
    assert count > 2
