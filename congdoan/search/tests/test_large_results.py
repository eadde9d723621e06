"""Very large match sets: counts stop at a cap (shown as "hơn …") and, on PostgreSQL, only
title candidates are scored; results must stay the same as full ranking would give."""

import pytest

from congdoan.search import engine
from congdoan.search.engine import SearchParams, run_search


@pytest.fixture
def small_caps(monkeypatch):
    monkeypatch.setattr(engine, "COUNT_CAP", 3)
    monkeypatch.setattr(engine, "TITLE_CANDIDATES", 2)
    monkeypatch.setattr(engine, "RECENT_CANDIDATES", 2)


@pytest.mark.postgres
@pytest.mark.django_db
def test_capped_count_is_shown_as_more_than(client, make_article, small_caps):
    for number in range(5):
        make_article(f"Bản tin công đoàn số {number}")
    response = client.get("/tim-kiem/", {"q": "ban tin"})
    outcome = response.context["outcome"]
    assert outcome.counts["article"] == 3
    assert outcome.capped == {"article"}
    html = response.content.decode()
    assert "Hơn 3 kết quả cho “ban tin”" in html
    assert "hơn 3" in html


@pytest.mark.postgres
@pytest.mark.django_db
def test_exact_count_below_cap(client, make_article, small_caps):
    make_article("Đại hội công đoàn")
    outcome = client.get("/tim-kiem/", {"q": "dai hoi"}).context["outcome"]
    assert outcome.counts["article"] == 1
    assert not outcome.capped


@pytest.mark.postgres
@pytest.mark.django_db
def test_title_match_first_among_many_matches(make_article, small_caps):
    for number in range(4):
        make_article(f"Bản tin số {number}", sapo="Tin về hội thao công nhân.")
    wanted = make_article("Hội thao công nhân khu công nghiệp")
    hits = run_search(SearchParams(q="hoi thao"), per_page=1).hits
    assert [hit.obj.pk for hit in hits] == [wanted.pk]


@pytest.mark.postgres
@pytest.mark.django_db
def test_pages_beyond_title_candidates_follow_full_ranking(make_article, monkeypatch):
    for number in range(5):
        make_article(f"Bản tin số {number}", sapo="Tin về hội thao.")
    full = [hit.obj.pk for hit in run_search(SearchParams(q="hoi thao"), 1, 10).hits]
    monkeypatch.setattr(engine, "COUNT_CAP", 3)
    monkeypatch.setattr(engine, "TITLE_CANDIDATES", 2)
    seen = []
    for page in (1, 2):
        seen += [hit.obj.pk for hit in run_search(SearchParams(q="hoi thao"), page, 2).hits]
    assert seen == full[:3]


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_body_only_match_is_a_candidate_too(make_article, small_caps):
    """Beyond the cap the first page is never chosen from titles alone: the newest matches
    are candidates as well, scored on their whole text."""
    import datetime as dt

    from django.db import connection
    from django.utils import timezone

    from congdoan.search.kinds import available_kinds
    from congdoan.search.text import parse_query

    long_ago = timezone.now() - dt.timedelta(days=400)
    for number in range(4):
        make_article(f"Hội thao công nhân lần {number}", published_at=long_ago)
    make_article("Tin ngắn đầu tuần", sapo="Hội thao công nhân khu chế xuất.")
    wanted = make_article("Tin ngắn cuối tuần", sapo="Hội thao công nhân khu công nghiệp.")
    kind = next(kind for kind in available_kinds() if kind.key == "article")
    parsed = parse_query("hoi thao")
    queryset = engine._matches(kind, engine.UnderstoodQuery(parsed, "hoi thao"), SearchParams())
    columns = ("pk", "_score", kind.date_field, kind.title_field)
    ordering = ["-_score", f"-{kind.date_field}", "-pk"]
    rows = engine._rank_candidates(kind, parsed, queryset, ordering, 4, columns)
    if connection.vendor == "postgresql":
        # The 2 best titles and the 2 newest matches, all scored: the body-only article is
        # among them (from titles alone, 2 candidates could not fill 4 rows).
        assert rows is not None and wanted.pk in [row[0] for row in rows]
    else:
        assert rows is None  # SQLite scores every match


@pytest.mark.django_db
def test_recent_articles_win_ties(make_article):
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    older = make_article("Hội thao công nhân", slug="a", published_at=now - dt.timedelta(days=30))
    newer = make_article("Hội thao công nhân", slug="b", published_at=now - dt.timedelta(days=1))
    pks = [hit.obj.pk for hit in run_search(SearchParams(q="hoi thao")).hits]
    assert pks == [newer.pk, older.pk]
