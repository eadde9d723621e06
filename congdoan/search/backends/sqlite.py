"""The Vietnamese backend on SQLite: modelsearch's FTS5 table, holding folded text."""

from django.db import models
from modelsearch.backends.database.sqlite import sqlite as _sqlite
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from ..spelling import record_words
from .common import (
    BODY_WEIGHT,
    SQLITE_LEAD_REPEAT,
    TITLE_WEIGHT,
    VietnameseIndexer,
    _SearchMixin,
)

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)
ENTRY_TABLE = IndexEntry._meta.db_table
FTS_TABLE = f"{ENTRY_TABLE}_fts"


class SQLiteIndex(_sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        rows = {}
        words = set()
        for obj in objs:
            indexer = VietnameseIndexer(obj)
            words |= indexer.words
            body = " ".join([indexer.lead] * SQLITE_LEAD_REPEAT + [indexer.rest]).strip()
            rows[indexer.id] = {
                "title": indexer.title,
                "body": body,
                "autocomplete": indexer.autocomplete,
            }
        if not rows:
            return
        record_words(words)
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(
            entries.filter(object_id__in=rows.keys()).values_list("object_id", flat=True)
        )
        for object_id in existing:
            entries.filter(object_id=object_id).update(**rows[object_id])
        self.entries.bulk_create(
            [
                IndexEntry(content_type_id=content_type_pk, object_id=object_id, **data)
                for object_id, data in rows.items()
                if object_id not in existing
            ],
            batch_size=500,
        )


class SQLiteQueryCompiler(_SearchMixin, _sqlite.SQLiteSearchQueryCompiler):
    DIALECT = "fts5"

    def columns(self) -> list[str]:
        return ["title"] if self.title_only() else ["title", "body"]

    WEIGHTS = (0.0, BODY_WEIGHT, TITLE_WEIGHT)  # FTS columns: autocomplete, body, title

    def scored(self, queryset, compiled, query, score_field):
        """Matching rows with their -bm25() score, joined so SQLite starts from the FTS match
        and reaches each object by primary key (the ORM's generic relation casts the other
        way round and makes SQLite scan the model's table once per match).

        This stays `.extra()`: FTS5's `bm25()` is only defined in a query whose FROM clause
        holds the FTS table itself, and the ORM's `annotate(RawSQL(...))` cannot add a table
        to FROM; a correlated subquery instead would run the MATCH once per row."""
        meta = queryset.model._meta
        pk = f'"{meta.db_table}"."{meta.pk.column}"'
        if isinstance(meta.pk, (models.AutoField, models.IntegerField)) or (
            meta.pk.remote_field and isinstance(meta.pk.target_field, models.IntegerField)
        ):
            join = f"{pk} = CAST({ENTRY_TABLE}.object_id AS INTEGER)"
        else:
            join = f"CAST({pk} AS TEXT) = {ENTRY_TABLE}.object_id"
        content_types = get_descendants_content_types_pks(queryset.model)
        match = f"{{{' '.join(self.columns())}}} : ({compiled})"
        return queryset.extra(  # noqa: S610 - only identifiers from model metadata; values are params
            tables=[FTS_TABLE, ENTRY_TABLE],
            where=[
                f"{FTS_TABLE} MATCH %s",
                # "+" keeps SQLite from probing the FTS table row by row: the match drives.
                f"{ENTRY_TABLE}.id = +{FTS_TABLE}.rowid",
                f"{ENTRY_TABLE}.content_type_id IN ({', '.join(['%s'] * len(content_types))})",
                join,
            ],
            params=[match, *content_types],
            select={score_field: f"-bm25({FTS_TABLE}, %s, %s, %s)"},
            select_params=self.WEIGHTS,
        )


class SQLiteAutocompleteCompiler(SQLiteQueryCompiler):
    LAST_TERM_IS_PREFIX = True

    def columns(self) -> list[str]:
        return ["autocomplete"]

    WEIGHTS = (1.0, 0.0, 0.0)


class SQLiteSearchResults(_sqlite.SQLiteSearchResults):
    def get_queryset(self):
        return self.query_compiler.search(
            self.query_compiler.get_config(self.backend),
            self.start,
            self.stop,
            score_field=self._score_field,
        )


class VietnameseSQLiteSearchBackend(_sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteCompiler
    index_class = SQLiteIndex
    results_class = SQLiteSearchResults
