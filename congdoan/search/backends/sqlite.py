"""The Vietnamese backend on SQLite: modelsearch's FTS5 table, holding folded text."""

from django.db.models import FloatField, Func, Value
from modelsearch.backends.database.sqlite import sqlite as _sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk

from .common import (
    BODY_WEIGHT,
    SQLITE_LEAD_REPEAT,
    TITLE_WEIGHT,
    VietnameseIndexer,
    _SearchMixin,
)

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)
FTS_TABLE = f"{IndexEntry._meta.db_table}_fts"


class Relevance(Func):
    """-bm25() of the FTS row, weights per column (autocomplete, body, title); higher is better."""

    output_field = FloatField()

    def __init__(self, autocomplete: float, body: float, title: float):
        self.weights = (autocomplete, body, title)
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        return f"-bm25({FTS_TABLE}, %s, %s, %s)", list(self.weights)


class SQLiteIndex(_sqlite.SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        rows = {}
        for obj in objs:
            indexer = VietnameseIndexer(obj)
            body = " ".join([indexer.lead] * SQLITE_LEAD_REPEAT + [indexer.rest]).strip()
            rows[indexer.id] = {
                "title": indexer.title,
                "body": body,
                "autocomplete": indexer.autocomplete,
            }
        if not rows:
            return
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

    def matching(self, queryset, compiled, query):
        return queryset.filter(index_entries__sqliteftsindexentry__isnull=False).filter(
            MatchExpression(self.columns(), Value(compiled))
        )

    def rank(self, compiled, query):
        return Relevance(0.0, BODY_WEIGHT, TITLE_WEIGHT)


class SQLiteAutocompleteCompiler(SQLiteQueryCompiler):
    LAST_TERM_IS_PREFIX = True

    def columns(self) -> list[str]:
        return ["autocomplete"]

    def rank(self, compiled, query):
        return Relevance(1.0, 0.0, 0.0)


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
