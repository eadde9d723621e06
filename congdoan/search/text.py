"""Search queries: parsing user input, FTS5 / tsquery building, highlighting.

The primitives (folding, tokens, exact-diacritic and code tokens, what the index stores) live
in `core.text`, so the index and the queries meet on the same ASCII tokens: `cong doan`, NFD
input, `hoà`/`hòa` and `đòan` alike. A query word with marks asks for `fold OR exact`: both
match, exact matches score higher. A document number asks for its parts in a row or its code
token. Only ASCII `[0-9a-z]` tokens ever reach the database, so no FTS syntax can be injected.
"""

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import combinations

from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.query import PlainText

from congdoan.core.text import (
    CODE,
    WORD,
    code_token,
    exact_token,
    fold,
    fold_tokens,
    normalize,
    normalize_numbers,
)

from .keystrokes import decode_word

MAX_QUERY_CHARS = 500
MAX_TERMS = 12

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Upper-case FTS operators people paste in; they are not words to look for.
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}

# Question and function words: not needed to match (a question's content words decide), but
# kept in the phrase bonus. Typed with marks they are compared with marks (`lá` is not `là`);
# typed without, only the forms that are rarely anything else (`thi` may be `thi đua`, `co`
# may be `cơ sở`, `may` may be `máy`).
STOP_WORDS = frozenset(
    [
        "là",
        "được",
        "mấy",
        "có",
        "không",
        "gì",
        "của",
        "và",
        "những",
        "các",
        "cho",
        "với",
        "thì",
        "nào",
        "bị",
        "thế",
        "như",
        "sao",
        "nhé",
        "ạ",
        "hả",
        "hay",
        "hoặc",
        "đã",
        "đang",
        "sẽ",
        "này",
        "đó",
        "ai",
        "đâu",
        "vậy",
    ]
)
STOP_PHRASES = frozenset(
    {"bao nhiêu", "như thế nào", "thế nào", "tại sao", "ra sao", "khi nào", "bao giờ", "làm sao"}
)
STOP_WORDS_UNMARKED = frozenset(
    ["la", "duoc", "khong", "gi", "cua", "va", "nhung", "cac", "voi", "nao", "vay"]
)
STOP_PHRASES_UNMARKED = frozenset(
    {"bao nhieu", "nhu the nao", "the nao", "tai sao", "ra sao", "khi nao", "bao gio", "lam sao"}
)


def clean_query(raw: str) -> str:
    """User input made safe: NFC, no control characters or lone surrogates, bounded length."""
    text = normalize(_CONTROL.sub(" ", raw or ""))[:MAX_QUERY_CHARS]
    return " ".join(text.split())


@dataclass(frozen=True)
class Term:
    """One query word or code: the folded tokens it needs in a row, its exact and joined forms.

    `optional` marks a question or function word (ignored for matching); `typed` is the word
    as typed and `shown` as understood (decoded from keystrokes, say)."""

    tokens: tuple[str, ...]
    exact: str | None = None
    joined: str | None = None
    optional: bool = False
    typed: str = ""
    shown: str = ""


# Why a span of the query has other forms.
DECODED, CORRECTED, EXPANDED = "decoded", "corrected", "expanded"


@dataclass(frozen=True)
class Span:
    """Terms `start:end` of the query may match as any of `alternatives` instead (each a
    sequence of folded tokens in a row), scored below the terms themselves."""

    start: int
    end: int
    alternatives: tuple[tuple[str, ...], ...]
    reason: str
    shown: tuple[str, ...] = ()


@dataclass
class ParsedQuery:
    terms: list[Term] = field(default_factory=list)
    operator: str = "and"
    spans: list[Span] = field(default_factory=list)
    # With the "or" operator: a match holds at least this many of the units (0: any one).
    at_least: int = 0

    def __bool__(self):
        return bool(self.terms)

    @property
    def words(self) -> list[str]:
        """Every folded token, in order (for phrase matching and highlighting)."""
        return [token for term in self.terms for token in term.tokens]

    @property
    def required(self) -> list[Term]:
        """The terms a match needs: all but question and function words (all of them when
        the query is nothing else)."""
        kept = [term for term in self.terms if not term.optional]
        return kept or list(self.terms)

    @property
    def rewritten(self) -> bool:
        """Whether the query was decoded, corrected or expanded."""
        return bool(self.spans) or self.reinterpreted

    @property
    def reinterpreted(self) -> bool:
        """Whether words were decoded from keystrokes or corrected (not only expanded)."""
        return any(term.shown for term in self.terms)

    @property
    def understood(self) -> str:
        """The query as it was understood: decoded and corrected words in place."""
        return " ".join(term.shown or term.typed for term in self.terms)

    @property
    def expansions(self) -> list[str]:
        """Abbreviations and synonyms also searched for, as the dictionary spells them."""
        shown = []
        for span in self.spans:
            if span.reason == EXPANDED:
                shown.extend(text for text in span.shown if text not in shown)
        return shown

    @cached_property
    def matcher(self) -> "_Matcher":
        """The query prepared for highlighting, once for every text of a results page."""
        return _Matcher.of(self)

    def units(self) -> list[tuple[list[Term], tuple[tuple[str, ...], ...]]]:
        """The query as what must match: each required term, or a span's required terms with
        the span's alternatives."""
        required = {id(term) for term in self.required}
        starts = {span.start: span for span in self.spans}
        units = []
        position = 0
        while position < len(self.terms):
            span = starts.get(position)
            if span is not None:
                group = [t for t in self.terms[span.start : span.end] if id(t) in required]
                if group:
                    units.append((group, span.alternatives))
                position = span.end
                continue
            if id(self.terms[position]) in required:
                units.append(([self.terms[position]], ()))
            position += 1
        return units

    def _joined(self, parts: list[str], both: str, either: str) -> str:
        """The units' expressions joined by the operator: every one, any one, or (`at_least`)
        any `at_least` of them, as the alternatives of each such combination."""
        if self.operator == "and" or self.at_least >= len(parts):
            return both.join(parts)
        if self.at_least > 1:
            return either.join(
                "(" + both.join(f"({part})" for part in combination) + ")"
                for combination in combinations(parts, self.at_least)
            )
        return either.join(parts)

    # SQLite FTS5 MATCH syntax -----------------------------------------------------------

    def fts5(self, prefix_last: bool = False, phrase_bonus: bool = True) -> str | None:
        if not self.terms:
            return None
        joiner = " AND " if self.operator == "and" else " OR "
        if prefix_last:
            # Suggestions as the reader types: every word, the last one a prefix (`la` may
            # be the start of `lao`, not the function word).
            parts = [
                _fts5_term(term, prefix=position == len(self.terms) - 1)
                for position, term in enumerate(self.terms)
            ]
            return joiner.join(parts)
        parts = []
        for group, alternatives in self.units():
            original = " AND ".join(_fts5_term(term, prefix=False) for term in group)
            if not alternatives:
                parts.append(original)
                continue
            options = [f"({original})" if len(group) > 1 else original]
            options.extend(f'"{" ".join(tokens)}"' for tokens in alternatives)
            parts.append("(" + " OR ".join(options) + ")")
        expression = self._joined(parts, " AND ", " OR ")
        words = self.words
        if phrase_bonus and len(words) > 1:
            # Same matches, but rows holding the words side by side score higher.
            expression = f'({expression}) OR "{" ".join(words)}"'
        if self.spans:
            # Same matches again, but rows holding what was typed (or decoded) score higher
            # than those holding only an expansion or the raw keystrokes.
            typed_joiner = " AND " if self.at_least > 1 else joiner
            typed = typed_joiner.join(_fts5_term(term, prefix=False) for term in self.required)
            expression = f"({expression}) OR ({typed})"
        return expression

    # PostgreSQL tsquery syntax ----------------------------------------------------------

    def tsquery(self, prefix_last: bool = False) -> str | None:
        if not self.terms:
            return None
        joiner = " & " if self.operator == "and" else " | "
        if prefix_last:
            parts = [
                _tsquery_term(term, prefix=position == len(self.terms) - 1)
                for position, term in enumerate(self.terms)
            ]
            return joiner.join(parts)
        parts = []
        for group, alternatives in self.units():
            original = " & ".join(_tsquery_term(term, prefix=False) for term in group)
            if not alternatives:
                parts.append(original)
                continue
            options = [f"({original})" if len(group) > 1 else original]
            options.extend(_ts_sequence(tokens) for tokens in alternatives)
            parts.append("(" + " | ".join(options) + ")")
        return self._joined(parts, " & ", " | ")

    def ts_typed(self) -> str | None:
        """What was typed (or decoded), without expansions: rows matching it score higher."""
        if not self.spans:
            return None
        joiner = " & " if self.operator == "and" else " | "
        return joiner.join(_tsquery_term(term, prefix=False) for term in self.required)

    def ts_phrase(self) -> str | None:
        words = self.words
        if len(words) < 2:
            return None
        return " <-> ".join(f"'{word}'" for word in words)


def _ts_sequence(tokens: tuple[str, ...]) -> str:
    sequence = " <-> ".join(f"'{token}'" for token in tokens)
    return f"({sequence})" if len(tokens) > 1 else sequence


def _fts5_term(term: Term, prefix: bool) -> str:
    sequence = " ".join(term.tokens)
    if prefix:
        return f'"{sequence}"*'
    options = [f'"{sequence}"']
    if term.exact:
        options.append(f'"{term.exact}"')
    if term.joined:
        options.append(f'"{term.joined}"')
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def _tsquery_term(term: Term, prefix: bool) -> str:
    sequence = " <-> ".join(f"'{token}'" for token in term.tokens)
    if prefix:
        return " <-> ".join(
            [*(f"'{token}'" for token in term.tokens[:-1]), f"'{term.tokens[-1]}':*"]
        )
    options = [sequence if len(term.tokens) == 1 else f"({sequence})"]
    if term.exact:
        options.append(f"'{term.exact}'")
    if term.joined:
        options.append(f"'{term.joined}'")
    return options[0] if len(options) == 1 else "(" + " | ".join(options) + ")"


class UnderstoodQuery(PlainText):
    """A query already parsed and understood by the site search, handed to the backend as is
    (the backend would otherwise parse the plain string again, without the rewriting)."""

    def __init__(self, parsed: ParsedQuery, query_string: str):
        super().__init__(query_string, operator=parsed.operator)
        self.parsed = parsed

    def __repr__(self):
        return f"<UnderstoodQuery {self.query_string!r}>"


def parse_query(raw: str, operator: str = "and", understand: bool = False) -> ParsedQuery:
    """Terms of a user's query; FTS operators and punctuation are just separators here.

    Numbers are written one way (`4,96`, `01/07/2024`), question and function words marked
    optional. With `understand`, words typed as raw Telex or VNI keystrokes are decoded and
    abbreviations and synonyms expanded (the site search; never for autocomplete)."""
    text = normalize_numbers(clean_query(raw))
    terms: list[Term] = []
    for chunk in text.split(" "):
        for piece in _split_chunk(chunk):
            if len(terms) >= MAX_TERMS:
                break
            terms.append(piece)
    parsed = ParsedQuery(_marked_optional(terms), operator)
    if understand and parsed:
        parsed = _understood(parsed)
    return parsed


def parse_phrase(raw: str) -> ParsedQuery:
    """A quoted phrase: all its words in a row, as one term."""
    tokens = tuple(fold_tokens(normalize_numbers(clean_query(raw))))[: MAX_TERMS * 2]
    return ParsedQuery([Term(tokens=tokens)] if tokens else [])


def _split_chunk(chunk: str) -> list[Term]:
    terms = []
    position = 0
    for code in CODE.finditer(chunk):
        terms.extend(_word_terms(chunk[position : code.start()]))
        tokens = tuple(fold_tokens(code.group()))
        if tokens:
            terms.append(Term(tokens=tokens, joined=code_token(code.group()), typed=code.group()))
        position = code.end()
    terms.extend(_word_terms(chunk[position:]))
    return terms


def _word_terms(text: str) -> list[Term]:
    terms = []
    for word in WORD.findall(text):
        tokens = tuple(fold_tokens(word))
        if not tokens or word in _OPERATORS:
            continue
        exact = exact_token(word) if len(tokens) == 1 else None
        terms.append(Term(tokens=tokens, exact=exact, typed=word))
    return terms


def _marked_optional(terms: list[Term]) -> list[Term]:
    """The terms with question and function words (single or in phrases) marked optional."""
    optional = [False] * len(terms)
    for start in range(len(terms)):
        for width in (3, 2, 1):
            words = terms[start : start + width]
            if len(words) == width and _is_stop(words):
                for position in range(start, start + width):
                    optional[position] = True
                break
    return [
        replace(term, optional=True) if flag else term
        for term, flag in zip(terms, optional, strict=False)
    ]


def _is_stop(terms: list[Term]) -> bool:
    if any(term.joined or len(term.tokens) != 1 for term in terms):
        return False
    typed = " ".join(term.typed.lower() for term in terms)
    if any(term.exact for term in terms):
        return typed in (STOP_WORDS if len(terms) == 1 else STOP_PHRASES)
    folded = " ".join(term.tokens[0] for term in terms)
    return folded in (STOP_WORDS_UNMARKED if len(terms) == 1 else STOP_PHRASES_UNMARKED)


def _understood(parsed: ParsedQuery) -> ParsedQuery:
    """Keystrokes decoded, then abbreviations and synonyms expanded (longest phrase first)."""
    from . import dictionary

    terms = list(parsed.terms)
    spans: list[Span] = []
    for position, term in enumerate(terms):
        if term.joined or len(term.tokens) != 1:
            continue
        decoded = decode_word(term.typed)
        if decoded is None:
            continue
        terms[position] = replace(
            term, tokens=tuple(fold_tokens(decoded)), exact=exact_token(decoded), shown=decoded
        )
        spans.append(Span(position, position + 1, (term.tokens,), DECODED, (term.typed,)))
    lexicon = dictionary.current()
    position = 0
    while position < len(terms):
        found = None
        for width in range(min(dictionary.MAX_PHRASE_WORDS, len(terms) - position), 0, -1):
            group = terms[position : position + width]
            if any(t.joined or len(t.tokens) != 1 for t in group):
                continue
            tokens = tuple(t.tokens[0] for t in group)
            spelt = tuple(t.shown or t.typed for t in group)
            alternatives = lexicon.lookup(tokens, spelt)
            if alternatives:
                found = (width, alternatives)
                break
        if found is None:
            position += 1
            continue
        width, alternatives = found
        end = position + width
        # Raw keystrokes of the words covered are dropped: the decoded words and their
        # dictionary forms say it better.
        covered = [s for s in spans if position <= s.start and s.end <= end]
        kept = [a for a in alternatives if a.tokens]
        spans = [s for s in spans if s not in covered]
        spans.append(
            Span(
                position,
                end,
                tuple(a.tokens for a in kept),
                EXPANDED,
                tuple(a.shown for a in kept),
            )
        )
        position = end
    spans.sort(key=lambda span: span.start)
    return ParsedQuery(terms, parsed.operator, spans)


def with_corrections(parsed: ParsedQuery, corrections: dict[int, list[str]]) -> ParsedQuery:
    """The query with terms (by position) that may be misspelt also matching the given index
    words, and shown as the first of them."""
    if not corrections:
        return parsed
    terms = list(parsed.terms)
    spans = [span for span in parsed.spans if span.start not in corrections]
    for position, words in corrections.items():
        term = terms[position]
        terms[position] = replace(term, shown=words[0])
        alternatives = tuple((word,) for word in words)
        spans.append(Span(position, position + 1, alternatives, CORRECTED, tuple(words)))
    spans.sort(key=lambda span: span.start)
    return ParsedQuery(terms, parsed.operator, spans)


# Highlighting -------------------------------------------------------------------------

# A results page folds the same few thousand syllables over and over (titles, sapos, bodies):
# each distinct word is folded once per process instead of once per occurrence. Bounded, so
# hostile text cannot grow it without limit.
_fold_word = lru_cache(maxsize=65_536)(fold)


@dataclass(frozen=True)
class _Matcher:
    """What highlighting looks for, worked out once per query rather than once per text."""

    codes: frozenset[str]
    wanted: tuple[str, ...]
    # The one folded word of a one-word query (every occurrence is marked), else None.
    single: str | None
    # For each query word, the query positions where a run of two or more words can start.
    starts: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, query: "ParsedQuery") -> "_Matcher":
        wanted = tuple(query.words)
        starts: dict[str, list[int]] = {}
        for position, token in enumerate(wanted[:-1]):
            starts.setdefault(token, []).append(position)
        return cls(
            codes=frozenset(term.joined for term in query.terms if term.joined),
            wanted=wanted,
            single=wanted[0] if len(set(wanted)) == 1 else None,
            starts={token: tuple(positions) for token, positions in starts.items()},
        )


def _matches(text: str, query: ParsedQuery, first_only: bool = False) -> list[tuple[int, int]]:
    """Character spans of `text` that match the query, found word by word on the original so
    folded offsets never need mapping back. With `first_only`, the search stops at the first
    match: the list's first span starts where the first match starts (enough to test for a
    match or to place a snippet; its end may fall short of an overlapping longer run).

    The rule: a document number of the query is marked whole; a one-word query marks that
    word; otherwise a word is marked only inside a run of at least two words, separated by
    spaces only, that appears in the same order in the query. For `cong doan`, "Công đoàn"
    is marked and the "Công" of "Công ty" is not: a syllable shared with the query is not a
    match of it (Vietnamese words are mostly two syllables or more)."""
    matcher = query.matcher
    spans = []
    if matcher.codes:
        for code in CODE.finditer(text):
            if code_token(code.group()) in matcher.codes:
                spans.append((code.start(), code.end()))
    words = list(WORD.finditer(text))
    if spans:
        words = [w for w in words if not any(s <= w.start() < e for s, e in spans)]
    if matcher.single is not None:
        for word in words:
            if _fold_word(word.group()) == matcher.single:
                spans.append((word.start(), word.end()))
                if first_only:
                    break
        return _merged(spans)
    wanted = matcher.wanted
    folded = [_fold_word(word.group()) for word in words]
    for first, token in enumerate(folded):
        for offset in matcher.starts.get(token, ()):
            length = 1
            while (
                first + length < len(words)
                and offset + length < len(wanted)
                and folded[first + length] == wanted[offset + length]
                and text[words[first + length - 1].end() : words[first + length].start()].isspace()
            ):
                length += 1
            if length >= 2:
                spans.append((words[first].start(), words[first + length - 1].end()))
                if first_only:
                    return _merged(spans)
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one: a phrase is marked once, `<mark>Công đoàn cơ sở</mark>`."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def title_match(title: str, query: ParsedQuery) -> int:
    """How well a title matches, the same for every kind of content: 2 when it holds the
    query's words in a row (or its document number), 1 when it holds every needed word (or
    one of its alternatives: an expansion, a correction), else 0."""
    tokens = fold_tokens(title or "")
    wanted = query.words
    if not wanted:
        return 0
    joined = {term.joined for term in query.terms if term.joined}
    if joined & {code_token(code) for code in CODE.findall(normalize(title or ""))}:
        return 2
    needed = [token for term in query.required for token in term.tokens]
    for phrase in (wanted, needed):
        width = len(phrase)
        if any(tokens[i : i + width] == phrase for i in range(len(tokens) - width + 1)):
            return 2
    present = set(tokens)
    for group, alternatives in query.units():
        options = [tuple(t for term in group for t in term.tokens), *alternatives]
        if not any(set(option) <= present for option in options):
            return 0
    return 1


def has_match(text: str, query: ParsedQuery) -> bool:
    return bool(_matches(normalize(text), query, first_only=True))


def highlight(text: str, query: ParsedQuery) -> str:
    """Escaped `text` with every matched word wrapped in <mark>."""
    text = normalize(text)
    out = []
    position = 0
    for start, end in _matches(text, query):
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def snippet(text: str, query: ParsedQuery, length: int = 240) -> str:
    """About `length` characters of `text` around its first match, highlighted."""
    text = " ".join(normalize(text).split())
    if not text:
        return ""
    spans = _matches(text, query, first_only=True)
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 4) + 1
    end = start + length
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    piece = highlight(text[start:end], query)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{piece}{suffix}")  # noqa: S308 - highlight() escapes
