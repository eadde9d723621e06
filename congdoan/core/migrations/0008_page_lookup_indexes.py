"""Indexes on Wagtail's page table for the lookups every public page makes, so they stay a few
rows' work on a site of 100,000 articles (each was a full scan of the table: ~25 ms apiece):

- `url_path`: routing a URL to its page and ancestors in one query (`core.pages`);
- `(depth, path)`: the main menu's sections and other pages of a given depth under the site root
  (`path LIKE 'root%'` alone matches every page of the site).

Wagtail's own migrations own the table, so these are created here, by name, and dropped on the
way back.
"""

from django.db import migrations

INDEXES = {
    "congdoan_page_url_path": "(url_path)",
    # PostgreSQL needs the pattern operator class to serve `path LIKE 'prefix%'`.
    "congdoan_page_depth_path": {
        "postgresql": "(depth, path varchar_pattern_ops)",
        "default": "(depth, path)",
    },
}


def create_indexes(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, columns in INDEXES.items():
        if isinstance(columns, dict):
            columns = columns.get(vendor, columns["default"])
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns}")


def drop_indexes(apps, schema_editor):
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0007_site_identity"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
