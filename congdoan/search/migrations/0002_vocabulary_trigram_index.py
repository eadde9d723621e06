"""On PostgreSQL, the pg_trgm extension and a trigram index on the vocabulary, for typo
correction (`search.spelling`). SQLite uses the deletion table instead: nothing to do there."""

from django.db import migrations

CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_indexedword_trigram "
    "ON search_indexedword USING gin (word gin_trgm_ops)",
)
DROP = ("DROP INDEX IF EXISTS search_indexedword_trigram",)


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_dictionaries_and_vocabulary")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
