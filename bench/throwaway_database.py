"""A throw-away test database for the benchmark scripts, destroyed when the block ends.

    with throwaway_database():
        ...  # build data, time queries

Uses the test settings (SQLite, or `DATABASE_URL` for PostgreSQL), as pytest does.
"""

import os
import sys
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@contextmanager
def throwaway_database():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
