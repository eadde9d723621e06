"""The one Vietnamese text layer: folding, tokenising and document numbers (số ký hiệu).

Slugs, the search index, queries, highlighting, duplicate detection of documents and the
citation links all build on these functions, so they agree on what two spellings have in common.

Facts behind it: `đ`/`Đ` have no Unicode decomposition, so stripping combining marks leaves
them; input arrives both precomposed (NFC) and decomposed (NFD); `hoà`/`hòa` are both in use.

What goes into the search index for a text (`index_text`) is its folded tokens, then two kinds
of extra tokens (after the words, so phrase positions stay intact):

- an *exact* token per word that carries marks: its folded form, `x`, and the sorted digits of
  its marks (tones 1-5, circumflex 6, horn 7, breve 8, đ 9). `bàn` -> `banx2`, `bán` -> `banx1`.
  The mark position is left out, so `hoà` and `hòa` (and `đòan`) share one exact token.
- a *code* token per document number: `02-NQ/TW` -> `02nqtw`, so numbers match whole.

Numbers are written one way before any of this (`normalize_numbers`, for the index and for
queries alike): a decimal comma as a point (`4,96` -> `4.96`), dates without leading zeros
(`01/07/2024` -> `1/7/2024`), and `2%` as `2 phần trăm`.
"""

import re
import unicodedata

from django.utils.text import slugify

EXACT_SEPARATOR = "x"

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_SEPARATOR = re.compile(r"[^\w\s-]")
_TOKEN = re.compile(r"[0-9a-z]+")
WORD = re.compile(r"[^\W_]+")
# A document number or any other word chain joined by - / . : (02-NQ/TW, 12/2022/NĐ-CP).
CODE = re.compile(r"[^\W_]+(?:[-/.:][^\W_]+)+")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
# d/m/yyyy or m/yyyy with any of / - . between the parts; not the start of a document number
# (`01/2022/NĐ-CP` keeps its zero).
_DATE = re.compile(r"\b(?:0?(\d{1,2})[/.-])?0?(\d{1,2})[/.-](\d{4})\b(?![/.-]\w)")
_PERCENT = re.compile(r"(?<=\d)\s*%")
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


def normalize(text: str) -> str:
    """NFC-normalize text for storage."""
    return unicodedata.normalize("NFC", text or "")


def normalize_numbers(text: str) -> str:
    """Numbers as typed in any of their usual forms, written one way: `4,96` -> `4.96`,
    `01/07/2024` and `1-7-2024` -> `1/7/2024`, `07/2024` -> `7/2024`, `2%` -> `2 phần trăm`."""
    text = _DECIMAL_COMMA.sub(".", text)
    text = _DATE.sub(_date_parts, text)
    return _PERCENT.sub(" phần trăm", text)


def _date_parts(match: re.Match) -> str:
    day, month, year = match.groups()
    return f"{int(day)}/{int(month)}/{year}" if day else f"{int(month)}/{year}"


def fold(text: str) -> str:
    """Lower-case text with every tone and vowel mark removed and `đ` mapped to `d`."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def fold_tokens(text: str) -> list[str]:
    """Folded ASCII word tokens of text, in order: `Công đoàn 02-NQ/TW` ->
    `['cong', 'doan', '02', 'nq', 'tw']`. The only tokeniser: slugs, index and queries use it."""
    return _TOKEN.findall(fold(text))


def vietnamese_slugify(text: str, max_length: int = 255) -> str:
    """ASCII slug from Vietnamese text: `Nghị quyết 02` -> `nghi-quyet-02`.

    Punctuation separates words, so dates and codes keep their parts: `1/7/2024` -> `1-7-2024`.
    """
    slug = slugify(_SEPARATOR.sub(" ", fold(text)))
    return slug[:max_length].strip("-")


def exact_token(word: str) -> str | None:
    """`bàn` -> `banx2`; None for a word without marks or not Latin."""
    digits = {"9"} if ("đ" in word or "Đ" in word) else set()
    for char in unicodedata.normalize("NFD", word):
        if char in _MARK_DIGITS:
            digits.add(_MARK_DIGITS[char])
    folded = fold(word)
    if not digits or not _TOKEN.fullmatch(folded):
        return None
    return f"{folded}{EXACT_SEPARATOR}{''.join(sorted(digits))}"


def code_token(code: str) -> str:
    """A document number as one search token, its folded parts joined: `02-NQ/TW` -> `02nqtw`.
    `02/nq-tw` gives the same token; `02-NQ/TW-BCĐ` does not."""
    return "".join(fold_tokens(code))


def code_key(code: str) -> str:
    """A document number as its sorted set of folded tokens, padded: `02-NQ/TW` -> ` 02 nq tw `.

    Any spelling or order of the parts (`02/nq-tw`, `NQ 02 TW`) gives the same key: what
    duplicate detection compares when documents are saved or imported."""
    tokens = sorted(set(fold_tokens(code)))
    return f" {' '.join(tokens)} " if tokens else ""


def index_text(text: str) -> str:
    """The text stored in the search index for `text`: folded words, then exact and code
    tokens. Only ASCII `[0-9a-z]` tokens, separated by spaces."""
    text = normalize_numbers(normalize(text))
    extras = []
    for word in WORD.findall(text):
        token = exact_token(word)
        if token:
            extras.append(token)
    extras.extend(code_token(code) for code in CODE.findall(text))
    return " ".join([*fold_tokens(text), *extras])
