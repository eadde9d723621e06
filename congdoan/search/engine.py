"""The site search: every kind at once through the Wagtail search backend, merged and paged."""

from dataclasses import dataclass, field, replace
from datetime import date
from math import comb

from django.core.paginator import Paginator
from wagtail.search.backends import get_search_backend

from . import spelling
from .kinds import SearchKind, available_kinds
from .text import (
    ParsedQuery,
    UnderstoodQuery,
    clean_query,
    has_match,
    highlight,
    parse_query,
    snippet,
    title_match,
    with_corrections,
)

# Matches are counted up to this many per kind; more are shown as "more than 300". Counting
# further makes PostgreSQL read every matching body vector (about 30 ms per 1,000 matches).
COUNT_CAP = 300
# Ranked candidates kept per kind; later pages than these are of no use to a reader.
MAX_CANDIDATES_PER_KIND = COUNT_CAP
# With more matches than COUNT_CAP, backends offering `title_candidates` (PostgreSQL) score only
# candidates: the newest this many whose title holds the query's words side by side, as many
# whose title holds them all, and as many of the newest matches of all (body-only matches
# included). All are scored on their whole text; among the thousands of equal titles of a
# very common query, the recent ones are those scored (recent articles win ties).
CANDIDATES = 10
# A partial match (`_relaxations`) is looked for as at most this many combinations of words.
MAX_COMBINATIONS = 40
# Fewer matches than this, and misspelt words are corrected against the index vocabulary.
FEW_RESULTS = 3
AUTOCOMPLETE_LIMIT = 8


@dataclass
class SearchParams:
    q: str = ""
    kind: str = ""
    section: object = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    # Search exactly what was typed: no decoding, expansion or correction.
    exact: bool = False


@dataclass
class Hit:
    kind: SearchKind
    obj: object
    score: float
    date: object
    title: str = ""
    snippet: str = ""
    url: str = ""


@dataclass
class SearchOutcome:
    query: ParsedQuery
    # The kind filter, when one is chosen: the total is then that kind's count.
    kind: str = ""
    page: object = None
    hits: list[Hit] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # Kinds with more than COUNT_CAP matches: their count is a lower bound.
    capped: set[str] = field(default_factory=set)
    # The query as typed (cleaned), for the link that searches it exactly.
    typed: str = ""
    # No match held every word: these hits hold some of them.
    relaxed: bool = False

    @property
    def total(self) -> int:
        """Matches shown: of the chosen kind, else of every kind."""
        if self.kind:
            return self.counts.get(self.kind, 0)
        return sum(self.counts.values())

    @property
    def total_capped(self) -> bool:
        return self.kind in self.capped if self.kind else bool(self.capped)

    @property
    def every_kind_total(self) -> int:
        """Matches of every kind (the "Everything" filter's count)."""
        return sum(self.counts.values())


def _filtered(kind: SearchKind, queryset, params: SearchParams):
    if params.section is not None:
        queryset = queryset.descendant_of(params.section)
    date_field = kind.date_field
    if date_field and (params.date_from or params.date_to):
        lookup = f"{date_field}__date" if kind.date_is_datetime() else date_field
        if params.date_from:
            queryset = queryset.filter(**{f"{lookup}__gte": params.date_from})
        if params.date_to:
            queryset = queryset.filter(**{f"{lookup}__lte": params.date_to})
    return queryset


def _kinds_for(params: SearchParams) -> list[SearchKind]:
    kinds = available_kinds()
    if params.section is not None:
        kinds = [kind for kind in kinds if kind.is_page]
    return kinds


def _matches(kind: SearchKind, q: str, params: SearchParams):
    """The kind's matching objects as a queryset annotated with `_score`."""
    return _matches_and_sample(kind, q, params)[0]


def _matches_and_sample(kind: SearchKind, q: str, params: SearchParams):
    """The kind's matches (`_matches`) and, from backends that find them in their full-text
    index first (PostgreSQL), some of their primary keys (None otherwise) and whether those
    are all of them."""
    results = get_search_backend().search(q, kind.queryset(), operator="and")
    queryset = _filtered(kind, results.annotate_score("_score").get_queryset(), params)
    compiler = results.query_compiler
    return queryset, getattr(compiler, "matched_pks", None), getattr(compiler, "all_matched", False)


def run_search(params: SearchParams, page_number=1, per_page: int = 10, request=None):
    """One page of hits of every kind (or of `params.kind`), merged by the same relevance.

    The query is understood first (`text.parse_query(understand=True)`: raw keystrokes
    decoded, abbreviations and synonyms expanded) unless `params.exact`; when it finds fewer
    than FEW_RESULTS matches, misspelt words are corrected against the index vocabulary and
    the search runs again.

    The backend's scores are not on one scale across kinds: bm25 favours short texts, so a
    video's five-word title and one-line description outscored every long article. A hit's
    relevance is therefore (how its title matches: words in a row, every word, else neither;
    its score divided by the best score of its kind for this query; the kind's priority, so the
    best article comes before the best album or clip), then newest first.
    Within a kind this keeps the backend's order among equally matching titles."""
    q = clean_query(params.q)
    parsed = parse_query(q, understand=not params.exact)
    outcome = SearchOutcome(query=parsed, kind=params.kind, typed=q)
    if not parsed:
        return outcome
    # Each kind needs to supply at most the rows up to the requested page.
    wanted = min(MAX_CANDIDATES_PER_KIND, _page_number(page_number) * per_page)
    candidates = _candidates(parsed, q, params, wanted, outcome)
    if not params.exact and outcome.every_kind_total < FEW_RESULTS:
        corrected = _corrected(parsed)
        if corrected is not parsed:
            retry = SearchOutcome(query=corrected, kind=params.kind, typed=q)
            retry_candidates = _candidates(corrected, q, params, wanted, retry)
            if retry.every_kind_total > outcome.every_kind_total:
                outcome, candidates, parsed = retry, retry_candidates, corrected
    units = len(parsed.units())
    if not params.exact and outcome.every_kind_total == 0 and units > 1:
        # Nothing holds every word (a long question, a word the text puts otherwise): the
        # matches holding most of them (all but one, else half, else any one), by relevance,
        # said to be partial. Any one alone would let the newest of thousands of articles
        # holding one common word push out the one holding all but one.
        for at_least in _relaxations(units):
            relaxed = replace(parsed, operator="or", at_least=at_least)
            retry = SearchOutcome(query=relaxed, kind=params.kind, typed=q, relaxed=True)
            retry_candidates = _candidates(relaxed, q, params, wanted, retry)
            if retry.every_kind_total:
                outcome, candidates, parsed = retry, retry_candidates, relaxed
                break

    if params.sort == "date":
        candidates.sort(key=lambda row: (_sortable(row[3]), row[4]), reverse=True)
    else:
        candidates.sort(key=lambda row: (row[4], _sortable(row[3])), reverse=True)
    outcome.page = Paginator(_Padded(candidates, outcome.total), per_page).get_page(page_number)
    outcome.hits = _hits(list(outcome.page.object_list), parsed, request)
    return outcome


def _relaxations(units: int) -> list[int]:
    """How many of a query's `units` a partial match must hold, tried in turn: all but one,
    half, one; a number needing over MAX_COMBINATIONS alternatives is skipped."""
    wanted = sorted({units - 1, (units + 1) // 2, 1}, reverse=True)
    return [n for n in wanted if n >= 1 and (n == 1 or comb(units, n) <= MAX_COMBINATIONS)]


def _corrected(parsed: ParsedQuery) -> ParsedQuery:
    """The query with each needed word of 4+ letters that is not in the index also matching
    the index words one edit away; `parsed` itself when there is nothing to correct."""
    corrections = {}
    required = {id(term) for term in parsed.required}
    spanned = {p for span in parsed.spans for p in range(span.start, span.end)}
    for position, term in enumerate(parsed.terms):
        if id(term) not in required or term.joined or len(term.tokens) != 1:
            continue
        if position in spanned:
            continue
        words = spelling.corrections(term.tokens[0])
        if words:
            corrections[position] = words
    return with_corrections(parsed, corrections) if corrections else parsed


def _candidates(parsed: ParsedQuery, q: str, params: SearchParams, wanted: int, outcome):
    """Ranked rows of every kind for one page, with the kinds' counts written to `outcome`."""
    candidates = []
    for kind in _kinds_for(params):
        if not kind.has_content():
            outcome.counts[kind.key] = 0
            continue
        queryset, sample, every_one = _matches_and_sample(kind, UnderstoodQuery(parsed, q), params)
        date_field = kind.date_field
        if params.sort == "date":
            ordering = [f"-{date_field}", "-pk"]
        else:
            ordering = ["-_score", f"-{date_field}", "-pk"]
        columns = ("pk", "_score", date_field, kind.title_field)
        shown = not params.kind or params.kind == kind.key
        if every_one and shown:
            # Every match is known (at most FEW_MATCHES): all are read, counted as read, and
            # all ranked (the page is ordered by how the title matches first, which the
            # score alone does not follow).
            rows = list(queryset.order_by(*ordering).values_list(*columns))
            count = len(rows)
        else:
            count = _capped_count(queryset, sample, _filtered(kind, kind.queryset(), params))
            rows = None
        outcome.counts[kind.key] = min(count, COUNT_CAP)
        if count > COUNT_CAP:
            outcome.capped.add(kind.key)
        if count == 0 or not shown:
            continue
        if rows is None and params.sort != "date" and count > COUNT_CAP:
            rows = _rank_candidates(kind, parsed, queryset, params, ordering, wanted, columns)
        if rows is None:
            ranked = queryset.order_by(*ordering).values_list(*columns)
            # Up to COUNT_CAP matches, all are ranked (see above); beyond, the best scored.
            rows = list(ranked if count <= COUNT_CAP else ranked[:wanted])
        best = max((row[1] or 0.0 for row in rows), default=0.0)
        for pk, score, date_value, title in rows:
            relevance = (
                title_match(title, parsed),
                (score or 0.0) / best if best > 0 else 0.0,
                kind.priority,
            )
            candidates.append((kind, pk, score, date_value, relevance))
    return candidates


def _capped_count(queryset, sample=None, searched=None) -> int:
    """Matches counted up to COUNT_CAP + 1: the database stops there instead of scanning
    every match of a common word. Counted first among a `sample` of them when there is one,
    in the `searched` queryset (the kind's, filtered; the sample is known to match, so only
    their primary keys are looked up, no text is read): enough of those, and the rest of
    the matches need not be looked for."""
    if sample:
        known = searched.filter(pk__in=sample).order_by().values("pk")[: COUNT_CAP + 1]
        found = known.count()
        if found > COUNT_CAP:
            return found
    return queryset.order_by().values("pk")[: COUNT_CAP + 1].count()


def _rank_candidates(kind, parsed, queryset, params, ordering, wanted, columns):
    """The rows of a very large match set to rank, scored on their whole text: its candidates
    (`_candidate_pks`); None when the backend scores every match cheaply or too few
    candidates fill the page."""
    found = _candidate_pks(kind, parsed, queryset, params, max(wanted, CANDIDATES))
    if found is None:
        return None
    titled, pks = found
    narrowed = queryset.filter(pk__in=sorted(pks)).order_by(*ordering)
    rows = list(narrowed.values_list(*columns))
    if len(rows) < wanted:
        return None
    # The best scored page, and every candidate found by its title: the page is ordered by
    # how the title matches first (`text.title_match`), which the score alone does not follow.
    return [row for number, row in enumerate(rows) if number < wanted or row[0] in titled]


def _candidate_pks(kind, parsed, queryset, params, limit) -> tuple[set, set] | None:
    """Matches found without reading every match's text, as (those found by their title,
    all of them): the newest `limit` whose title
    holds the query's words (side by side, or all of them: those come first, title
    outranking sapo and body; `backend.title_candidates`) and the newest `limit` matches of
    all (walking the date index, the first matches are soon found). None from backends
    without `title_candidates` (they score every match cheaply)."""
    backend = get_search_backend()
    if not hasattr(backend, "title_candidates"):
        return None
    newest = [f"-{kind.date_field}", "-pk"]
    # A title holding the words means the whole text does: the title lists need not read
    # the (large) whole-text vector at all.
    searched = _filtered(kind, kind.queryset(), params)
    titled = backend.title_candidates(searched, parsed, newest, limit)
    recent = queryset.order_by(*newest).values_list("pk", flat=True)[:limit]
    return titled, titled | set(recent)


def _page_number(value) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1


def _sortable(value):
    """Dates and datetimes of several kinds, comparable; missing dates last."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class _Padded:
    """The merged candidates, counted as the full number of matches so pagination shows every
    page; only rows up to the requested page are ever read."""

    def __init__(self, rows, total):
        self.rows = rows
        self.total = min(total, MAX_CANDIDATES_PER_KIND * max(1, len(available_kinds())))

    def __len__(self):
        return self.total

    def count(self):
        return self.total

    def __getitem__(self, index):
        return self.rows[index]


def _hits(rows, parsed: ParsedQuery, request) -> list[Hit]:
    objects = {}
    for kind in {row[0] for row in rows}:
        pks = [row[1] for row in rows if row[0] is kind]
        objects[kind.key] = kind.in_bulk(pks)
    hits = []
    for kind, pk, score, _date, _relevance in rows:
        obj = objects[kind.key].get(pk)
        if obj is None:
            continue
        shown = _snippet_text(kind, obj, parsed)
        hits.append(
            Hit(
                kind=kind,
                obj=obj,
                score=score,
                date=kind.date(obj),
                title=highlight(kind.title(obj), parsed),
                snippet=snippet(shown, parsed),
                url=kind.url(obj, request),
            )
        )
    return hits


def _snippet_text(kind: SearchKind, obj, parsed: ParsedQuery) -> str:
    """The first snippet field holding a query word, else the first non-empty one; fields
    after a match are never read (a long body costs more to flatten than to search)."""
    first = ""
    for text in kind.texts(obj):
        if text and has_match(text, parsed):
            return text
        first = first or text
    return first


def suggest_titles(q: str, request=None) -> list[dict]:
    """Titles for the autocomplete list: best prefix matches of every kind."""
    q = clean_query(q)
    if not parse_query(q):
        return []
    backend = get_search_backend()
    found = []
    for kind in available_kinds():
        results = backend.autocomplete(q, kind.queryset()).annotate_score("_score")
        for obj in results[:AUTOCOMPLETE_LIMIT]:
            found.append((getattr(obj, "_score", 0.0) or 0.0, kind, obj))
    found.sort(key=lambda item: item[0], reverse=True)
    return [
        {
            "title": kind.title(obj),
            "url": kind.url(obj, request),
            "kind": kind.key,
            "kind_label": str(kind.label),
        }
        for _score, kind, obj in found[:AUTOCOMPLETE_LIMIT]
    ]
