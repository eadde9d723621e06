"""A background-task worker for one queue that first recovers the tasks its predecessor left.

`manage.py run_worker --queue-name images` is django-tasks-db's `db_worker` with two changes:

- Its worker id is stable, `<host>:<queue>`, instead of random. A task being run is marked
  RUNNING with the id of its worker, so when the worker is killed (`kill -9`, out of memory, a
  host reboot) the task stays RUNNING forever. The next worker with the same id (the restart by
  `run_portal` or systemd) knows that such a task is abandoned: no other process runs under its
  id. It puts the task back in the queue, or marks it failed once it has been started
  `MAX_ATTEMPTS` times, so a task that kills its worker every time cannot loop forever.
  django-tasks-db 0.13 records the worker ids of each task but never recovers a RUNNING one
  (its `prune_db_task_results` deletes finished results only), hence this.
- It leaves log levels to `settings.LOGGING` (db_worker raises the task loggers to INFO, one
  line per task, which buried everything else under `make run`).

With the Redis backend (`TASKS_BACKEND=django_tasks_rq.RQBackend`) the same command line runs
django-rq's `rqworker` for that queue instead, with django-tasks-rq's job class and RQ's scheduler
(for tasks deferred with `run_after`), so `run_portal` and systemd start the right worker either
way. RQ keeps its own worker heartbeats: a job whose worker died is marked failed
(`AbandonedJobError`, not requeued: django-tasks-rq gives jobs no retries) once the heartbeat
expires.
"""

import socket

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from congdoan.settings.env import env_int

# A task started this many times by workers that died is failed instead of requeued.
MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3)


class WorkerDiedError(Exception):
    """Recorded as the failure of a task whose worker died while running it."""


def stable_worker_id(queue_name: str) -> str:
    """`<host>:<queue>`: unique while one worker serves a queue on each host (db_worker's
    limit is 64 characters)."""
    host = socket.gethostname()[:40]
    return f"{host}:{queue_name}"[:64]


def recover_abandoned_tasks(worker_id: str, backend_name: str) -> tuple[int, int]:
    """Requeue or fail the RUNNING tasks last claimed by `worker_id`; (requeued, failed).

    Call only when no process is running under `worker_id`, i.e. before the worker starts."""
    requeued = failed = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().filter(backend_name=backend_name)
        for result in running.select_for_update():
            if not result.worker_ids or result.worker_ids[-1] != worker_id:
                continue
            if len(result.worker_ids) >= MAX_ATTEMPTS:
                result.set_failed(
                    WorkerDiedError(
                        f"worker {worker_id} died while running this task "
                        f"({len(result.worker_ids)} attempts)"
                    )
                )
                failed += 1
            else:
                # Back in the queue; worker_ids keeps counting the attempts.
                result.status = TaskResultStatus.READY
                result.started_at = None
                result.save(update_fields=["status", "started_at"])
                requeued += 1
    return requeued, failed


def uses_rq() -> bool:
    return settings.TASKS["default"]["BACKEND"] == settings.RQ_TASKS_BACKEND


def run_rq_worker(queue_name: str, verbosity: int):
    """django-rq's worker for one queue (RQ names it: a restarted worker must not wait for its
    dead predecessor's registration to expire)."""
    call_command(
        "rqworker",
        queue_name,
        job_class="django_tasks_rq.Job",
        with_scheduler=True,
        # RQ logs a line per job at INFO (verbosity 1); failures still show at WARNING.
        verbosity=verbosity if verbosity >= 2 else 0,
    )


class Command(db_worker.Command):
    help = (
        "Run a database background worker for one queue with a stable id; first requeue (or "
        "fail, after repeated deaths) the tasks left RUNNING by a previous worker of that id. "
        "With the Redis backend, an RQ worker for that queue."
    )

    def add_arguments(self, parser):
        if uses_rq():
            # The command line run_portal and systemd use for either backend.
            parser.add_argument("--queue-name", default="default")
            parser.add_argument(
                "--interval", type=float, help="Ignored: RQ workers wait on Redis, not poll."
            )
            return
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None, reload=False)

    def configure_logging(self, verbosity):
        """Keep the levels of settings.LOGGING: task lines are DEBUG noise, failures show."""

    def handle(self, *, queue_name, **options):
        if uses_rq():
            run_rq_worker(queue_name, options["verbosity"])
        else:
            self.run_database_worker(queue_name=queue_name, **options)

    def run_database_worker(self, *, queue_name, worker_id, backend_name, **options):
        worker_id = worker_id or stable_worker_id(queue_name)
        requeued, failed = recover_abandoned_tasks(worker_id, backend_name)
        if requeued or failed:
            self.stderr.write(
                f"Worker {worker_id}: {requeued} abandoned task(s) requeued, {failed} failed."
            )
        super().handle(
            queue_name=queue_name, worker_id=worker_id, backend_name=backend_name, **options
        )
