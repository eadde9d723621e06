"""Helpers for tests that run the portal's commands as real processes on the test database."""

import socket
import sqlite3
from pathlib import Path

import pytest
from django.db import connection

REPO_DIR = Path(__file__).resolve().parents[3]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shared_database_url(tmp_path: Path) -> str:
    """A URL other processes can open: a file copy of the in-memory SQLite test database (take
    it after creating the test's rows), or the PostgreSQL test database itself (the test must
    then be transactional so that they see committed rows)."""
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        return f"sqlite:///{path}"
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def rq_tasks(redis_url, settings):
    """Tasks go to RQ on the test Redis (REDIS_TEST_URL), its queues emptied before and after."""
    import django_rq

    settings.TASKS = {
        "default": {"BACKEND": settings.RQ_TASKS_BACKEND, "QUEUES": settings.TASK_QUEUES}
    }
    settings.RQ_QUEUES = {queue: {"URL": redis_url} for queue in settings.TASK_QUEUES}
    queues = [django_rq.get_queue(queue) for queue in settings.TASK_QUEUES]
    for queue in queues:
        queue.empty()
    yield queues
    for queue in queues:
        queue.empty()
