"""Vietnamese search text: what goes into the index, how a query becomes one, highlighting.

Every indexed text and every query go through `core.text.fold`, so `cong doan`, NFD input,
`hoà`/`hòa` and `đòan` all meet on the same ASCII tokens. Two kinds of extra tokens are appended
after the folded words (after, so phrase positions stay intact):

- an *exact* token per word that carries marks: its folded form, `x`, and the sorted digits of its
  marks (tones 1-5, circumflex 6, horn 7, breve 8, đ 9). `bàn` -> `banx2`, `bán` -> `banx1`.
  The mark position is left out, so `hoà` and `hòa` (and `đòan`) share one exact token.
- a *joined* token per code such as `02-NQ/TW` -> `02nqtw`, so codes match whole.

A query word with marks asks for `fold OR exact`: both match, exact matches score higher.
Only ASCII `[0-9a-z]` tokens ever reach the database, so no FTS syntax can be injected.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from congdoan.core.text import fold, normalize

MAX_QUERY_CHARS = 500
MAX_TERMS = 12
EXACT_SEPARATOR = "x"

_WORD = re.compile(r"[^\W_]+")
_CODE = re.compile(r"[^\W_]+(?:[-/.:][^\W_]+)+")
_ASCII_TOKEN = re.compile(r"[0-9a-z]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# Upper-case FTS operators people paste in; they are not words to look for.
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_MARK_DIGITS = {
    "\u0301": "1",  # sắc
    "\u0300": "2",  # huyền
    "\u0309": "3",  # hỏi
    "\u0303": "4",  # ngã
    "\u0323": "5",  # nặng
    "\u0302": "6",  # â ê ô
    "\u031b": "7",  # ơ ư
    "\u0306": "8",  # ă
}


def exact_token(word: str) -> str | None:
    """`bàn` -> `banx2`; None for a word without marks or not Latin."""
    digits = {"9"} if ("đ" in word or "Đ" in word) else set()
    for char in unicodedata.normalize("NFD", word):
        if char in _MARK_DIGITS:
            digits.add(_MARK_DIGITS[char])
    folded = fold(word)
    if not digits or not _ASCII_TOKEN.fullmatch(folded):
        return None
    return f"{folded}{EXACT_SEPARATOR}{''.join(sorted(digits))}"


def joined_token(code: str) -> str:
    return "".join(_ASCII_TOKEN.findall(fold(code)))


def folded_words(text: str) -> list[str]:
    return _ASCII_TOKEN.findall(fold(text))


def index_text(text: str) -> str:
    """The text stored in the index for `text`: folded words, then exact and code tokens."""
    text = normalize(text)
    extras = []
    for word in _WORD.findall(text):
        token = exact_token(word)
        if token:
            extras.append(token)
    extras.extend(joined_token(code) for code in _CODE.findall(text))
    return " ".join([*folded_words(text), *extras])


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
    tokens = tuple(folded_words(clean_query(raw)))[: MAX_TERMS * 2]
    return ParsedQuery([Term(tokens=tokens)] if tokens else [])


def _split_chunk(chunk: str) -> list[Term]:
    terms = []
    position = 0
    for code in _CODE.finditer(chunk):
        terms.extend(_word_terms(chunk[position : code.start()]))
        tokens = tuple(folded_words(code.group()))
        if tokens:
            terms.append(Term(tokens=tokens, joined=joined_token(code.group())))
        position = code.end()
    terms.extend(_word_terms(chunk[position:]))
    return terms


def _word_terms(text: str) -> list[Term]:
    terms = []
    for word in _WORD.findall(text):
        tokens = tuple(folded_words(word))
        if not tokens or word in _OPERATORS:
            continue
        exact = exact_token(word) if len(tokens) == 1 else None
        terms.append(Term(tokens=tokens, exact=exact))
    return terms


# Highlighting -------------------------------------------------------------------------


def _matches(text: str, query: ParsedQuery) -> list[tuple[int, int]]:
    """Character spans of `text` matching the query's words or codes, found word by word
    on the original so folded offsets never need mapping back."""
    words = set(query.words)
    joined = {term.joined for term in query.terms if term.joined}
    spans = []
    for code in _CODE.finditer(text):
        if joined_token(code.group()) in joined:
            spans.append((code.start(), code.end()))
    for word in _WORD.finditer(text):
        if any(start <= word.start() < end for start, end in spans):
            continue
        if fold(word.group()) in words:
            spans.append((word.start(), word.end()))
    return sorted(spans)


def has_match(text: str, query: ParsedQuery) -> bool:
    return bool(_matches(normalize(text), query))


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
    spans = _matches(text, query)
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
