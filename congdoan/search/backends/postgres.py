"""The Vietnamese backend on PostgreSQL: tsvectors of folded text with the `simple` config."""

from dataclasses import replace

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import models
from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres as _postgres
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from ..spelling import record_words
from ..text import ParsedQuery
from .common import VietnameseIndexer, _plain_query, _SearchMixin

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

SEARCH_CONFIG = "simple"  # already-folded text: no stemming, no stop words


def _vector(text: str, weight: str) -> SearchVector:
    return SearchVector(Value(text), config=SEARCH_CONFIG, weight=weight)


class PostgresIndex(_postgres.PostgresIndex):
    def add_items(self, model, objs):
        """Insert or update the objects' index entries in one upsert on their (content type,
        object id) key; PostgreSQL builds the vectors from the already-folded texts."""
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        entries = []
        words = set()
        for obj in objs:
            indexer = VietnameseIndexer(obj)
            words |= indexer.words
            entries.append(
                IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=indexer.id,
                    title=_vector(indexer.title, "A"),
                    autocomplete=_vector(indexer.autocomplete, "D"),
                    body=_vector(indexer.title, "A")
                    + _vector(indexer.lead, "B")
                    + _vector(indexer.rest, "D"),
                    title_norm=1.0,
                    title_text=indexer.title,
                    body_text=f"{indexer.lead} {indexer.rest}".strip(),
                )
            )
        if not entries:
            return
        record_words(words)
        IndexEntry.objects.using(self.write_connection.alias).bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["title", "autocomplete", "body", "title_text", "body_text"],
        )


class PostgresQueryCompiler(_SearchMixin, _postgres.PostgresSearchQueryCompiler):
    DIALECT = "tsquery"

    def vector(self):
        # `body` holds the whole document (title A, lead B, rest D): no per-row concatenation.
        if self.title_only():
            return F("index_entries__title")
        return F("index_entries__body")

    def tsquery(self, compiled):
        return SearchQuery(compiled, search_type="raw", config=SEARCH_CONFIG)

    def scored(self, queryset, compiled, query, score_field):
        queryset = queryset.annotate(_vector_=self.vector()).filter(_vector_=self.tsquery(compiled))
        return queryset.annotate(**{score_field: self.rank(compiled, query)})

    def rank(self, compiled, query):
        rank = SearchRank(F("_vector_"), self.tsquery(compiled))
        parsed = _plain_query(query)
        if not parsed or self.LAST_TERM_IS_PREFIX:
            return rank
        # Words side by side, then what was typed (or decoded) rather than an expansion.
        for bonus_query, bonus in ((parsed.ts_phrase(), 0.5), (parsed.ts_typed(), 0.2)):
            if bonus_query:
                rank = rank + Case(
                    When(_vector_=self.tsquery(bonus_query), then=Value(bonus)),
                    default=Value(0.0),
                    output_field=FloatField(),
                )
        return rank


class PostgresAutocompleteCompiler(PostgresQueryCompiler):
    LAST_TERM_IS_PREFIX = True

    def vector(self):
        return F("index_entries__autocomplete")


class VietnamesePostgresSearchBackend(_postgres.PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteCompiler
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.config = SEARCH_CONFIG
        self.autocomplete_config = SEARCH_CONFIG

    def title_candidates(self, model, parsed: ParsedQuery, limit: int):
        """Primary keys of the `limit` objects of `model` whose titles hold the most query words,
        read from the small title vectors only. Scoring reads each match's whole body vector
        (stored out of line, compressed): for a common word in 10,000 articles that costs
        ~100 ms, so the site search scores only these candidates (engine.TITLE_CANDIDATES)."""
        compiled = replace(parsed, operator="or").tsquery()
        tsquery = SearchQuery(compiled or "", search_type="raw", config=SEARCH_CONFIG)
        pk = model._meta.pk
        pk_field = pk.target_field if pk.remote_field else pk
        if isinstance(pk_field, (models.AutoField, models.IntegerField)):
            object_pk = Cast("object_id", models.BigIntegerField())
        else:
            object_pk = Cast("object_id", pk_field)
        entries = IndexEntry.objects.filter(
            content_type_id__in=get_descendants_content_types_pks(model)
        )
        if compiled is None:
            return entries.none().values("object_id")
        return (
            entries.filter(title=tsquery)
            .annotate(_title_rank=SearchRank(F("title"), tsquery), _object_pk=object_pk)
            .order_by("-_title_rank", "-id")
            .values("_object_pk")[:limit]
        )
