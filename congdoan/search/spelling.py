"""Typo tolerance: a query word of 4+ letters not in the index is matched against the index's
vocabulary at edit distance 1 (a letter inserted, deleted, replaced, or two swapped).

The vocabulary (`IndexedWord`) grows while indexing (`record_words`, from both backends'
`add_items`). Candidates are found in the database, then checked here:
- PostgreSQL: the trigram index (pg_trgm, created by migration) finds words sharing enough
  trigrams; swapped letters (`cnog`) share too few in a short word, so the word's transpositions
  are looked up by equality as well.
- SQLite: the deletion neighbourhood (SymSpell): every word is stored with each one-letter
  deletion of it (`IndexedWordDeletion`); two words one edit apart share a key, or one is the
  other's key.

The site search asks for corrections only when the query as typed (folded, decoded, expanded)
finds fewer than `engine.FEW_RESULTS` matches, so a correct query costs nothing more.
"""

from django.db import connection, transaction
from django.db.models import F, Q

MIN_LENGTH = 4
MAX_WORD_LENGTH = 40
# Corrections kept per word: the search asks for any of them.
MAX_CORRECTIONS = 3
_CHUNK = 500


def vocabulary_word(token: str) -> bool:
    """Whether an index token is a word worth correcting to: letters only (not numbers, nor
    the exact-diacritic tokens that carry digits), 3 letters or more."""
    return token.isascii() and token.isalpha() and 3 <= len(token) <= MAX_WORD_LENGTH


def deletions(word: str) -> set[str]:
    return {word[:position] + word[position + 1 :] for position in range(len(word))}


def transpositions(word: str) -> set[str]:
    return {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1]
    }


def within_one_edit(typed: str, word: str) -> bool:
    """Optimal string alignment distance <= 1 (a swap of neighbours counts as one edit)."""
    if typed == word:
        return True
    if abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        differences = [i for i in range(len(typed)) if typed[i] != word[i]]
        if len(differences) == 1:
            return True
        first, *rest = differences
        return (
            len(differences) == 2
            and rest[0] == first + 1
            and typed[first] == word[first + 1]
            and typed[first + 1] == word[first]
        )
    shorter, longer = sorted((typed, word), key=len)
    return shorter in deletions(longer)


def record_words(words) -> None:
    """Add index words to the vocabulary (and, on SQLite, their deletion keys)."""
    from .models import IndexedWord, IndexedWordDeletion

    wanted = sorted({word for word in words if vocabulary_word(word)})
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        known = set(IndexedWord.objects.filter(word__in=chunk).values_list("word", flat=True))
        new = [word for word in chunk if word not in known]
        if not new:
            continue
        with transaction.atomic():
            IndexedWord.objects.bulk_create(
                [IndexedWord(word=word) for word in new], ignore_conflicts=True
            )
            if connection.vendor != "sqlite":
                continue
            ids = dict(IndexedWord.objects.filter(word__in=new).values_list("word", "pk"))
            IndexedWordDeletion.objects.bulk_create(
                [
                    IndexedWordDeletion(key=key, word_id=ids[word])
                    for word in new
                    if word in ids
                    for key in deletions(word)
                ],
                ignore_conflicts=True,
                batch_size=_CHUNK,
            )


def corrections(word: str) -> list[str]:
    """Index words one edit from `word` (a folded word of 4+ letters not in the index), the
    closest in length first; empty when `word` is known or too short."""
    from .models import IndexedWord

    if len(word) < MIN_LENGTH or not vocabulary_word(word):
        return []
    words = IndexedWord.objects.all()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.lookups import TrigramSimilar

        exact = transpositions(word) | deletions(word) | {word}
        near = Q(TrigramSimilar(F("word"), word)) | Q(word__in=exact)
    else:
        keys = deletions(word) | {word}
        near = Q(word__in=keys) | Q(deletions__key__in=keys)
    found = set(words.filter(near).values_list("word", flat=True)[:200])
    if word in found:
        return []
    close = [candidate for candidate in found if within_one_edit(word, candidate)]
    close.sort(key=lambda candidate: (abs(len(candidate) - len(word)), candidate))
    return close[:MAX_CORRECTIONS]
