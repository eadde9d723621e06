"""A throw-away test database for the benchmark scripts, destroyed when the block ends.

    with throwaway_database():
        ...  # build data, time queries

Uses the test settings (SQLite, or `DATABASE_URL` for PostgreSQL), as pytest does.

`keep_as="name"` creates the database under that name and leaves it after the block (a dataset
that takes minutes to build, kept for the next runs); `reuse=True` with it connects to that
kept database as it is, creating nothing.
"""

import os
import sys
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


@contextmanager
def throwaway_database(keep_as: str = "", reuse: bool = False):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if reuse:
        connection.close()
        connection.settings_dict["NAME"] = keep_as
        yield connection
        return
    old_name = connection.settings_dict["NAME"]
    if keep_as:
        connection.settings_dict["TEST"]["NAME"] = keep_as
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        if not keep_as:
            connection.creation.destroy_test_db(old_name, verbosity=0)
