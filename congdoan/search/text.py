"""Search queries: parsing user input, FTS5 / tsquery building, highlighting.

The primitives (folding, tokens, exact-diacritic and code tokens, what the index stores) live
in `core.text`, so the index and the queries meet on the same ASCII tokens: `cong doan`, NFD
input, `hoà`/`hòa` and `đòan` alike. A query word with marks asks for `fold OR exact`: both
match, exact matches score higher. A document number asks for its parts in a row or its code
token. Only ASCII `[0-9a-z]` tokens ever reach the database, so no FTS syntax can be injected.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from congdoan.core.text import CODE, WORD, code_token, exact_token, fold, fold_tokens, normalize

MAX_QUERY_CHARS = 500
MAX_TERMS = 12

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Upper-case FTS operators people paste in; they are not words to look for.
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def clean_query(raw: str) -> str:
    """User input made safe: NFC, no control characters or lone surrogates, bounded length."""
    text = normalize(_CONTROL.sub(" ", raw or ""))[:MAX_QUERY_CHARS]
    return " ".join(text.split())


@dataclass(frozen=True)
class Term:
    """One query word or code: the folded tokens it needs in a row, its exact and joined forms."""

    tokens: tuple[str, ...]
    exact: str | None = None
    joined: str | None = None


@dataclass
class ParsedQuery:
    terms: list[Term] = field(default_factory=list)
    operator: str = "and"

    def __bool__(self):
        return bool(self.terms)

    @property
    def words(self) -> list[str]:
        """Every folded token, in order (for phrase matching and highlighting)."""
        return [token for term in self.terms for token in term.tokens]

    @cached_property
    def matcher(self) -> "_Matcher":
        """The query prepared for highlighting, once for every text of a results page."""
        return _Matcher.of(self)

    # SQLite FTS5 MATCH syntax -----------------------------------------------------------

    def fts5(self, prefix_last: bool = False, phrase_bonus: bool = True) -> str | None:
        if not self.terms:
            return None
        parts = []
        for position, term in enumerate(self.terms):
            is_last = position == len(self.terms) - 1
            parts.append(_fts5_term(term, prefix=prefix_last and is_last))
        expression = (" AND " if self.operator == "and" else " OR ").join(parts)
        words = self.words
        if phrase_bonus and len(words) > 1 and not prefix_last and self.operator == "and":
            # Same matches, but rows holding the words side by side score higher.
            expression = f'({expression}) OR "{" ".join(words)}"'
        return expression

    # PostgreSQL tsquery syntax ----------------------------------------------------------

    def tsquery(self, prefix_last: bool = False) -> str | None:
        if not self.terms:
            return None
        parts = []
        for position, term in enumerate(self.terms):
            is_last = position == len(self.terms) - 1
            parts.append(_tsquery_term(term, prefix=prefix_last and is_last))
        return (" & " if self.operator == "and" else " | ").join(parts)

    def ts_phrase(self) -> str | None:
        words = self.words
        if len(words) < 2:
            return None
        return " <-> ".join(f"'{word}'" for word in words)


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


def parse_query(raw: str, operator: str = "and") -> ParsedQuery:
    """Terms of a user's query; FTS operators and punctuation are just separators here."""
    text = clean_query(raw)
    terms: list[Term] = []
    for chunk in text.split(" "):
        for piece in _split_chunk(chunk):
            if len(terms) >= MAX_TERMS:
                return ParsedQuery(terms, operator)
            terms.append(piece)
    return ParsedQuery(terms, operator)


def parse_phrase(raw: str) -> ParsedQuery:
    """A quoted phrase: all its words in a row, as one term."""
    tokens = tuple(fold_tokens(clean_query(raw)))[: MAX_TERMS * 2]
    return ParsedQuery([Term(tokens=tokens)] if tokens else [])


def _split_chunk(chunk: str) -> list[Term]:
    terms = []
    position = 0
    for code in CODE.finditer(chunk):
        terms.extend(_word_terms(chunk[position : code.start()]))
        tokens = tuple(fold_tokens(code.group()))
        if tokens:
            terms.append(Term(tokens=tokens, joined=code_token(code.group())))
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
        terms.append(Term(tokens=tokens, exact=exact))
    return terms


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
    query's words in a row (or its document number), 1 when it holds every word, else 0."""
    tokens = fold_tokens(title or "")
    wanted = query.words
    if not wanted:
        return 0
    joined = {term.joined for term in query.terms if term.joined}
    if joined & {code_token(code) for code in CODE.findall(normalize(title or ""))}:
        return 2
    width = len(wanted)
    if any(tokens[i : i + width] == wanted for i in range(len(tokens) - width + 1)):
        return 2
    return 1 if set(wanted) <= set(tokens) else 0


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
