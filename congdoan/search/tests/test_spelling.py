"""Typo tolerance: edit distance 1 against the index vocabulary, on SQLite and PostgreSQL."""

import pytest

from congdoan.search import spelling
from congdoan.search.engine import SearchParams, run_search
from congdoan.search.models import IndexedWord


@pytest.mark.parametrize(
    ("typed", "word", "close"),
    [
        ("doam", "doan", True),  # replaced
        ("hiemm", "hiem", True),  # doubled
        ("hiem", "hiemm", True),
        ("cnog", "cong", True),  # swapped
        ("doan", "doan", True),
        ("dona", "doan", True),
        ("doa", "doan", True),
        ("daon", "doan", True),
        ("xyzw", "doan", False),
        ("dnoa", "doan", False),  # two swaps
    ],
)
def test_within_one_edit(typed, word, close):
    assert spelling.within_one_edit(typed, word) is close


def correct_on_this_database(make_article):
    make_article("Công đoàn cơ sở tổ chức hội thao")
    make_article("Bảo hiểm thất nghiệp cho người lao động")
    assert IndexedWord.objects.filter(word__in=["doan", "hiem", "nghiep"]).count() == 3
    assert spelling.corrections("doam") == ["doan"]
    assert spelling.corrections("hiemm") == ["hiem"]
    assert spelling.corrections("nghipe") == ["nghiep"]
    assert spelling.corrections("doan") == []  # known
    assert spelling.corrections("dam") == []  # under 4 letters

    outcome = run_search(SearchParams(q="cong doam"))
    assert [hit.obj.title for hit in outcome.hits] == ["Công đoàn cơ sở tổ chức hội thao"]
    assert outcome.query.reinterpreted and outcome.query.understood == "cong doan"
    assert run_search(SearchParams(q="cong doam", exact=True)).hits == []


@pytest.mark.django_db
def test_typos_are_corrected_on_sqlite(make_article):
    correct_on_this_database(make_article)
    # The deletion neighbourhood was written with the words.
    assert IndexedWord.objects.get(word="doan").deletions.count() == 4


@pytest.mark.postgres
@pytest.mark.django_db
def test_typos_are_corrected_with_pg_trgm(make_article):
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
            assert cursor.fetchone() == (1,)
    correct_on_this_database(make_article)
