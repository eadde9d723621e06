"""Helpers for tests that run the portal's commands as real processes on the test database."""

import sqlite3
from pathlib import Path

from django.db import connection

REPO_DIR = Path(__file__).resolve().parents[3]


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
