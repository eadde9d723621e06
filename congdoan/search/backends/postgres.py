"""The Vietnamese backend on PostgreSQL: tsvectors of folded text with the `simple` config."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import BooleanField, Case, ExpressionWrapper, F, FloatField, Q, Value, When
from modelsearch.backends.database.postgres import postgres as _postgres
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from ..spelling import record_words
from ..text import ParsedQuery
from .common import VietnameseIndexer, _plain_query, _SearchMixin

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

SEARCH_CONFIG = "simple"  # already-folded text: no stemming, no stop words
# Up to this many matching index entries, a search looks their objects up by primary key.
FEW_MATCHES = 300


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
        tsquery = self.tsquery(compiled)
        queryset = queryset.annotate(_vector_=self.vector()).filter(_vector_=tsquery)
        column = self.vector().name.removeprefix("index_entries__")
        self.matched_pks, self.all_matched = entry_pks(queryset.model, column, tsquery)
        if self.all_matched:
            queryset = queryset.filter(pk__in=self.matched_pks)
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


def entry_pks(model, column: str, tsquery) -> tuple[list, bool]:
    """Primary keys of objects of `model` whose index entry's `column` matches `tsquery`,
    found from the full-text index alone: every one (and True) when there are at most
    FEW_MATCHES, else FEW_MATCHES + 1 of them (and False).

    The generic relation joins an entry on `object_id = pk::varchar`, so PostgreSQL can
    reach an object's entry but not the object of an entry its full-text index found: for 7
    matches among 100,000 articles it read the whole article table (50 ms) to join them, and
    for a rarer match than it guessed it walks the objects probing each one's entry. Given
    the primary keys, it looks the few objects up instead; many matches are left to the
    join, which walks the objects and soon finds the first ones."""
    pk = model._meta.pk
    pk_field = pk.target_field if pk.remote_field else pk
    entries = IndexEntry.objects.filter(
        content_type_id__in=get_descendants_content_types_pks(model), **{column: tsquery}
    )
    object_ids = list(entries.values_list("object_id", flat=True)[: FEW_MATCHES + 1])
    pks = [pk_field.to_python(object_id) for object_id in object_ids]
    return pks, len(pks) <= FEW_MATCHES


# A walk through the newest objects reads this many at a time, twice as many each time, up to
# WALK_MAX objects in all.
WALK_FIRST_STEP = 200
WALK_MAX = 4000


def newest_titled(queryset, newest: list[str], tsqueries: list, limit: int) -> list[list]:
    """For each of `tsqueries`, the primary keys of the newest `limit` objects of `queryset`
    whose title matches it (called for more matches than COUNT_CAP: most titles hold common
    words, and a walk finds them soon).

    The objects are read newest first, a step at a time; each step's index entries are looked
    up by their key and their (small, stored in line) title vectors tested, until every list
    is full or WALK_MAX objects were read; a list still short is then completed from the
    full-text index if its matches are few, else left short. Written as one query joining
    the entries, PostgreSQL estimates a phrase's matches by multiplying its words'
    frequencies (16 for a phrase in 5,000 titles) and reads every match, or loops over every
    pair, instead of walking the date index: seconds rather than milliseconds."""
    content_types = get_descendants_content_types_pks(queryset.model)
    ordered = queryset.order_by(*newest).values_list("pk", flat=True)
    hits = {
        f"_hit{number}_": ExpressionWrapper(Q(title=tsquery), output_field=BooleanField())
        for number, tsquery in enumerate(tsqueries)
    }
    found = [[] for _tsquery in tsqueries]
    start, step, walked_all = 0, WALK_FIRST_STEP, False
    while start < WALK_MAX and any(len(pks) < limit for pks in found):
        pks = list(ordered[start : start + step])
        walked_all = len(pks) < step
        entries = IndexEntry.objects.filter(
            content_type_id__in=content_types, object_id__in=[str(pk) for pk in pks]
        )
        rows = entries.annotate(**hits).values_list("object_id", *hits)
        matched = {row[0]: row[1:] for row in rows}
        for pk in pks:
            for number, hit in enumerate(matched.get(str(pk), ())):
                if hit:
                    found[number].append(pk)
        if walked_all:
            break
        start, step = start + step, step * 2
    for number, tsquery in enumerate(tsqueries):
        if len(found[number]) < limit and not walked_all:
            few, every_one = entry_pks(queryset.model, "title", tsquery)
            if every_one:
                matches = queryset.filter(pk__in=few).order_by(*newest)
                found[number] = list(matches.values_list("pk", flat=True)[:limit])
    return [pks[:limit] for pks in found]


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

    def title_candidates(self, queryset, parsed: ParsedQuery, newest: list[str], limit: int):
        """Primary keys of the newest `limit` objects of `queryset` whose title holds the
        query's words side by side, and of the newest `limit` whose title holds them all
        (`newest_titled`): with the newest matches of all, what the site search scores of a
        very large match set (engine.CANDIDATES). Scoring every match reads each one's
        whole-text vector (stored out of line, compressed): over a second for 50,000."""
        tsqueries = [
            SearchQuery(compiled, search_type="raw", config=SEARCH_CONFIG)
            for compiled in (parsed.ts_phrase(), parsed.tsquery())
            if compiled
        ]
        return {pk for pks in newest_titled(queryset, newest, tsqueries, limit) for pk in pks}
