"""Very large match sets: counts stop at a cap (shown as "hơn …") and, on PostgreSQL, only
title candidates are scored; results must stay the same as full ranking would give."""

import pytest

from congdoan.search import engine
from congdoan.search.engine import SearchParams, run_search


@pytest.fixture
def small_caps(monkeypatch):
    monkeypatch.setattr(engine, "COUNT_CAP", 3)
    monkeypatch.setattr(engine, "TITLE_CANDIDATES", 2)


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
