"""Vietnamese-aware search backend for Wagtail (modelsearch): WAGTAILSEARCH_BACKENDS points here.

The site search, the API v2 `?search=` and the admin's page, image and document searches all go
through it, so they fold Vietnamese the same way on SQLite and PostgreSQL. Vendor modules are
imported lazily: each one touches models that exist only on its own database.
"""

from django.db import connections, router
from modelsearch.conf import get_app_config


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The Vietnamese backend for the database in use (modelsearch's fallback elsewhere)."""
    index_entry = get_app_config().get_model("IndexEntry")
    vendor = connections[router.db_for_read(index_entry)].vendor
    if vendor == "postgresql":
        from .postgres import VietnamesePostgresSearchBackend

        return VietnamesePostgresSearchBackend(params)
    if vendor == "sqlite":
        from .sqlite import VietnameseSQLiteSearchBackend

        return VietnameseSQLiteSearchBackend(params)
    from modelsearch.backends.database.fallback import DatabaseSearchBackend

    return DatabaseSearchBackend(params)
