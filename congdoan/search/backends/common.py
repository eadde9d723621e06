"""Shared parts of the Vietnamese-aware search backend (SQLite and PostgreSQL).

It keeps modelsearch's tables and
replaces what goes into them (`search.text.index_text`: folded words plus exact-diacritic and
code tokens) and how a query is matched and ranked (`search.text.parse_query`).

Ranking: title above lead fields (SearchField boost >= 2, e.g. the sapo) above the rest;
exact-diacritic matches above folded-only ones; words side by side above scattered. A field
named `title`, or boosted like one (>= 10: a legal document's number), is the title.
"""

from django.utils.encoding import force_str
from django.utils.functional import cached_property
from modelsearch.backends.base import SearchFieldError
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from congdoan.core.text import index_text

from .. import dictionary
from ..text import ParsedQuery, UnderstoodQuery, parse_phrase, parse_query

LEAD_BOOST = 2
TITLE_BOOST = 10
TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
# Lead fields are written this many times into the body column on SQLite (one column holds
# every non-title field there), so their words weigh more under bm25.
SQLITE_LEAD_REPEAT = 2


def _prepare(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(_prepare(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(_prepare(item) for item in value.values())
    return force_str(value)


class VietnameseIndexer:
    """Reads an object's search fields into title, lead, body and autocomplete texts."""

    def __init__(self, obj):
        self.obj = obj
        self.id = force_str(obj.pk)

    @cached_property
    def _values(self):
        values = []
        for search_field in self.obj.get_search_fields():
            values.extend(self._field_values(self.obj, search_field))
        return values

    def _field_values(self, obj, search_field):
        from modelsearch.index import RelatedFields

        if isinstance(search_field, (SearchField, AutocompleteField)):
            yield search_field, _prepare(search_field.get_value(obj))
        elif isinstance(search_field, RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                return
            if hasattr(related, "all"):
                objects = related.all()
            else:
                objects = [related() if callable(related) else related]
            for sub_obj in objects:
                for sub_field in search_field.fields:
                    yield from self._field_values(sub_obj, sub_field)

    def _join(self, predicate) -> str:
        return " ".join(value for f, value in self._values if predicate(f) and value)

    @cached_property
    def _dictionary(self):
        return dictionary.current()

    def _indexed(self, text: str) -> str:
        """`index_text` plus the abbreviation tokens of the dictionary (`bhxh` for text
        holding `bảo hiểm xã hội`, and the reverse), after the words like the other extras."""
        indexed = index_text(text)
        extras = self._dictionary.index_extras(indexed.split())
        return f"{indexed} {' '.join(extras)}" if extras else indexed

    @cached_property
    def title(self) -> str:
        return self._indexed(self._join(self._is_title))

    @cached_property
    def lead(self) -> str:
        return self._indexed(self._join(lambda f: self._is_body(f) and self._is_lead(f)))

    @cached_property
    def rest(self) -> str:
        return self._indexed(self._join(lambda f: self._is_body(f) and not self._is_lead(f)))

    @property
    def words(self) -> set[str]:
        """The folded words of every searched field (the vocabulary typos are corrected to)."""
        return {*self.title.split(), *self.lead.split(), *self.rest.split()}

    @cached_property
    def autocomplete(self) -> str:
        return index_text(self._join(lambda f: isinstance(f, AutocompleteField)))

    @staticmethod
    def _is_title(search_field) -> bool:
        return isinstance(search_field, SearchField) and (
            search_field.field_name == "title" or (search_field.boost or 0) >= TITLE_BOOST
        )

    @classmethod
    def _is_body(cls, search_field) -> bool:
        return isinstance(search_field, SearchField) and not cls._is_title(search_field)

    @staticmethod
    def _is_lead(search_field) -> bool:
        return (search_field.boost or 0) >= LEAD_BOOST


class UnsupportedQuery(ValueError):
    """A query type (e.g. a boost or a fuzzy query) the Vietnamese compiler does not translate;
    it then matches nothing rather than failing."""


def compile_query(query, dialect: str, prefix_last: bool = False) -> str | None:
    """A modelsearch query tree as an FTS5 MATCH string or a tsquery; None matches nothing."""
    if isinstance(query, UnderstoodQuery):
        return _dialect(query.parsed, dialect, prefix_last)
    if isinstance(query, (PlainText, Fuzzy)):
        parsed = parse_query(query.query_string, getattr(query, "operator", "and"))
        return _dialect(parsed, dialect, prefix_last)
    if isinstance(query, Phrase):
        return _dialect(parse_phrase(query.query_string), dialect, False)
    if isinstance(query, Boost):
        return compile_query(query.subquery, dialect, prefix_last)
    if isinstance(query, (And, Or)):
        parts = [compile_query(sub, dialect, prefix_last) for sub in query.subqueries]
        parts = [part for part in parts if part]
        if isinstance(query, And) and len(parts) < len(query.subqueries):
            return None
        if not parts:
            return None
        joiner = {
            ("fts5", True): " AND ",
            ("fts5", False): " OR ",
            ("tsquery", True): " & ",
            ("tsquery", False): " | ",
        }[(dialect, isinstance(query, And))]
        return joiner.join(f"({part})" for part in parts)
    raise UnsupportedQuery(f"{type(query).__name__} is not supported in Vietnamese search.")


def _dialect(parsed: ParsedQuery, dialect: str, prefix_last: bool) -> str | None:
    if dialect == "fts5":
        return parsed.fts5(prefix_last=prefix_last)
    return parsed.tsquery(prefix_last=prefix_last)


def _plain_query(query) -> ParsedQuery | None:
    """The query's words, when it is one plain text (for the phrase bonus on PostgreSQL)."""
    if isinstance(query, UnderstoodQuery):
        return query.parsed
    if isinstance(query, PlainText) and query.operator == "and":
        return parse_query(query.query_string)
    return None


class _SearchMixin:
    """What both database compilers share: MatchAll, a negated query, empty queries."""

    def check(self):
        """Only the searched field names are checked. The queryset runs in the database as
        given, so any filter or ordering the ORM can express works (modelsearch's check asks
        for a FilterField per filter because a search server cannot run them)."""
        if self.fields:
            searchable = {f.field_name for f in self.queryset.model.get_searchable_search_fields()}
            unknown = [name for name in self.fields if name not in searchable]
            if unknown:
                raise SearchFieldError(
                    f'Cannot search with field "{unknown[0]}".', field_name=unknown[0]
                )

    def search(self, config, start, stop, score_field=None, backend=None):
        query = self.query
        if isinstance(query, MatchAll):
            return self.queryset[start:stop]
        negated = isinstance(query, Not)
        if negated:
            query = query.subquery
            if isinstance(query, MatchAll):
                return self.queryset.none()
        try:
            compiled = compile_query(query, self.DIALECT, self.LAST_TERM_IS_PREFIX)
        except UnsupportedQuery:
            compiled = None
        if compiled is None:
            queryset = self.queryset if negated else self.queryset.none()
            return queryset[start:stop]
        score_field = score_field or "_score"
        if negated:
            matched = self.scored(self.queryset, compiled, query, score_field).values("pk")
            return self.queryset.exclude(pk__in=matched).order_by("-pk")[start:stop]
        queryset = self.scored(self.queryset, compiled, query, score_field)
        if self.order_by_relevance:
            queryset = queryset.order_by(f"-{score_field}", "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

    def title_only(self) -> bool:
        return bool(self.fields) and all(name == "title" for name in self.fields)
