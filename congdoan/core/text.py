"""Vietnamese text helpers: one folding for slugs, search and code matching.

Facts behind it: `đ`/`Đ` have no Unicode decomposition, so stripping combining marks
leaves them; input arrives both precomposed (NFC) and decomposed (NFD).
"""

import re
import unicodedata

from django.utils.text import slugify

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SEPARATOR = re.compile(r"[^\w\s-]")


def normalize(text: str) -> str:
    """NFC-normalize text for storage."""
    return unicodedata.normalize("NFC", text or "")


def fold(text: str) -> str:
    """Lower-case text with every tone and vowel mark removed and `đ` mapped to `d`."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def vietnamese_slugify(text: str, max_length: int = 255) -> str:
    """ASCII slug from Vietnamese text: `Nghị quyết 02` -> `nghi-quyet-02`.

    Punctuation separates words, so dates and codes keep their parts: `1/7/2024` -> `1-7-2024`.
    """
    slug = slugify(_SEPARATOR.sub(" ", fold(text)))
    return slug[:max_length].strip("-")


def fold_tokens(text: str) -> list[str]:
    """Folded ASCII word tokens of text, for matching codes and keywords."""
    return [token for token in _NON_WORD.split(fold(text)) if token]
