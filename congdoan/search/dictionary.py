"""The abbreviation and synonym dictionaries, compiled for matching and cached per generation.

Both are expanded at query time: a query's word or phrase found in the dictionary also asks
for its other forms (`BHXH` -> `bảo hiểm xã hội`, `bảo hiểm xã hội` -> `BHXH`, `lương` ->
`tiền lương`, `thu nhập`). Abbreviations are expanded at index time too
(`VietnameseIndexer`): text holding `bảo hiểm xã hội` also stores the token `bhxh`, and the
reverse, so counts and scores treat both spellings as one word.

An edit takes effect on the next query without a reindex: query-time expansion reads the
dictionary as it is now. Saving or deleting an entry bumps a generation in the shared cache;
every process compares it with the generation of the copy it holds (one cache read per query)
and reloads when it changed. Tokens added at index time follow the dictionary of the moment the
page was indexed; `manage.py update_index` brings them in line after large edits.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from congdoan.core.text import exact_token, fold_tokens, normalize

GENERATION_KEY = "search:dictionary-generation"
# Longest phrase (in words) looked up: `tổng liên đoàn lao động việt nam` has 7.
MAX_PHRASE_WORDS = 8


@dataclass(frozen=True)
class Alternative:
    tokens: tuple[str, ...]
    shown: str


@dataclass
class Dictionary:
    # Folded phrase -> its other forms, abbreviations and synonyms together.
    alternatives: dict[tuple[str, ...], list[Alternative]] = field(default_factory=dict)
    # Folded phrase -> the exact tokens of its words as spelt in the dictionary, so that
    # `lượng` (typed with marks) is not taken for the synonym `lương`.
    exact: dict[tuple[str, ...], tuple[str | None, ...]] = field(default_factory=dict)
    # What the index adds for a phrase (abbreviations only): folded phrase -> tokens.
    index_tokens: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    def _add(self, spelling: str, other: str) -> None:
        key, tokens = tuple(fold_tokens(spelling)), tuple(fold_tokens(other))
        if not key or not tokens or key == tokens:
            return
        known = self.alternatives.setdefault(key, [])
        if all(alternative.tokens != tokens for alternative in known):
            known.append(Alternative(tokens, normalize(other)))
        self.exact.setdefault(key, tuple(exact_token(word) for word in spelling.split()))

    def lookup(self, tokens: tuple[str, ...], typed: tuple[str, ...]) -> list[Alternative]:
        """Other forms of a phrase given as folded tokens and the words as typed; a typed word
        with marks must carry the dictionary word's marks."""
        found = self.alternatives.get(tokens)
        if not found:
            return []
        spelt = self.exact.get(tokens, ())
        for word, wanted in zip(typed, spelt, strict=False):
            typed_exact = exact_token(word)
            if typed_exact and wanted and typed_exact != wanted:
                return []
        return found

    def index_extras(self, tokens: list[str]) -> list[str]:
        """Tokens the index stores for text made of these folded tokens: each abbreviation's
        expansion for the abbreviation, and the reverse."""
        if not self.index_tokens:
            return []
        extras: list[str] = []
        for start in range(len(tokens)):
            for width in range(1, MAX_PHRASE_WORDS + 1):
                extra = self.index_tokens.get(tuple(tokens[start : start + width]))
                if extra:
                    extras.extend(extra)
        return extras


def build() -> Dictionary:
    from .models import Abbreviation, SynonymGroup

    dictionary = Dictionary()
    for abbreviation in Abbreviation.objects.all():
        short = abbreviation.short_form
        for expansion in abbreviation.expansion_list:
            dictionary._add(short, expansion)
            dictionary._add(expansion, short)
            short_tokens, long_tokens = tuple(fold_tokens(short)), tuple(fold_tokens(expansion))
            if short_tokens and long_tokens:
                dictionary.index_tokens[long_tokens] = short_tokens
                dictionary.index_tokens.setdefault(short_tokens, long_tokens)
    for group in SynonymGroup.objects.all():
        words = group.word_list
        for word in words:
            for other in words:
                dictionary._add(word, other)
    return dictionary


_loaded: dict[str, Dictionary] = {}


def current() -> Dictionary:
    """The dictionary as edited now: reloaded when its generation in the cache changed."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, timeout=None)
    key = str(generation)
    if key not in _loaded:
        try:
            # A savepoint: a missing table (before migrating) must not break the transaction.
            with transaction.atomic():
                dictionary = build()
        except DatabaseError:
            return Dictionary()
        _loaded.clear()
        _loaded[key] = dictionary
    return _loaded[key]


def bump_generation() -> None:
    """Make every process reload the dictionary before its next query."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (expired or cleared): any new value will do
        cache.set(GENERATION_KEY, 2, timeout=None)
    _loaded.clear()


@receiver([post_save, post_delete], dispatch_uid="search-dictionary-changed")
def _dictionary_changed(sender, **kwargs):
    from .models import Abbreviation, SynonymGroup

    if sender in (Abbreviation, SynonymGroup):
        bump_generation()
