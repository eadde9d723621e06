"""Finding documents by keyword: folded tokens over code, summary and full text.

Codes match however they are typed (`02-NQ/TW`, `02 nq tw`, `NQ 02`, `02/NQ-TW`): a code is
compared as its set of folded tokens. Ranking: the exact code, then codes holding every typed
token (fewest other tokens first), then documents whose folded text holds the typed words as a
phrase, then the rest.
"""

from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Length

from congdoan.core.text import fold_tokens

from .models import code_key

MAX_QUERY_TOKENS = 12


def query_tokens(query: str) -> list[str]:
    tokens = []
    for token in fold_tokens(query):
        if token not in tokens:
            tokens.append(token)
    return tokens[:MAX_QUERY_TOKENS]


def search_documents(queryset, query: str):
    """Documents matching every word of the query, best match first, then newest."""
    tokens = query_tokens(query)
    if not tokens:
        return queryset
    *whole, last = tokens
    # Whole-word matches, the last word also as a prefix (the reader may still be typing).
    words = Q()
    for token in whole:
        words &= Q(search_text__contains=f" {token} ")
    words &= Q(search_text__contains=f" {last}")
    in_code = Q()
    for token in tokens:
        in_code &= Q(code_key__contains=f" {token} ")
    phrase = " ".join(fold_tokens(query))
    return (
        queryset.filter(words)
        .annotate(
            match_rank=Case(
                When(code_key=code_key(query), then=Value(0)),
                When(in_code, then=Value(1)),
                When(search_text__contains=f" {phrase} ", then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            ),
            # Among numbers holding every typed token, the one with fewest others is closest.
            code_extra=Case(When(in_code, then=Length("code_key")), default=Value(0)),
        )
        .order_by("match_rank", "code_extra", "-issued_on", "-pk")
    )
