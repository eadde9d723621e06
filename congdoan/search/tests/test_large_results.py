"""Very large match sets: counts stop at a cap (shown as "hơn …") and, on PostgreSQL, only
candidates are scored (the newest title matches and the newest matches); results must stay
the same as full ranking would give. The caps are made tiny here so that a handful of articles
takes every path that 100,000 take (`bench/search.py`)."""

import pytest

from congdoan.search import engine
from congdoan.search.engine import SearchParams, run_search


@pytest.fixture
def small_caps(monkeypatch):
    monkeypatch.setattr(engine, "COUNT_CAP", 3)
    monkeypatch.setattr(engine, "CANDIDATES", 2)
    # PostgreSQL: beyond 2 matches, walk the newest articles one, two, four... at a time.
    monkeypatch.setattr("congdoan.search.backends.postgres.FEW_MATCHES", 2)
    monkeypatch.setattr("congdoan.search.backends.postgres.WALK_FIRST_STEP", 1)


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
    monkeypatch.setattr(engine, "CANDIDATES", 2)
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
    titled = [
        make_article(f"Hội thao công nhân lần {number}", published_at=long_ago)
        for number in range(4)
    ]
    other = make_article("Tin ngắn đầu tuần", sapo="Hội thao công nhân khu chế xuất.")
    wanted = make_article("Tin ngắn cuối tuần", sapo="Hội thao công nhân khu công nghiệp.")
    kind = next(kind for kind in available_kinds() if kind.key == "article")
    parsed = parse_query("hoi thao")
    queryset = engine._matches(kind, engine.UnderstoodQuery(parsed, "hoi thao"), SearchParams())
    found = engine._candidate_pks(kind, parsed, queryset, SearchParams(), 2)
    if connection.vendor == "postgresql":
        # The 2 newest titles and the 2 newest matches, all to be scored: the body-only
        # articles are among them.
        by_title, pks = found
        assert by_title == {article.pk for article in titled[-2:]}
        assert pks == {article.pk for article in [*titled[-2:], other, wanted]}
    else:
        assert found is None  # SQLite scores every match


@pytest.mark.django_db
def test_recent_articles_win_ties(make_article):
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    older = make_article("Hội thao công nhân", slug="a", published_at=now - dt.timedelta(days=30))
    newer = make_article("Hội thao công nhân", slug="b", published_at=now - dt.timedelta(days=1))
    pks = [hit.obj.pk for hit in run_search(SearchParams(q="hoi thao")).hits]
    assert pks == [newer.pk, older.pk]


@pytest.fixture
def postgres_backend():
    from django.db import connection

    from conftest import require_service

    require_service(
        "PostgreSQL", connection.vendor == "postgresql", "DATABASE_URL=postgres://... pytest"
    )


def _days_ago(days):
    import datetime as dt

    from django.utils import timezone

    return timezone.now() - dt.timedelta(days=days)


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_title_candidates_are_the_newest_title_matches(make_article, small_caps, postgres_backend):
    """Walked newest first (beyond FEW_MATCHES), the title lists hold the newest titles with
    the words side by side, and the newest with all of them, not older ones."""
    from wagtail.search.backends import get_search_backend

    from congdoan.news.models import ArticlePage
    from congdoan.search.text import parse_query

    old_phrase = make_article("Hội thao công nhân mùa xuân", published_at=_days_ago(30))
    new_phrase = make_article("Hội thao công nhân mùa hè", published_at=_days_ago(3))
    newer_phrase = make_article("Hội thao công nhân mùa thu", published_at=_days_ago(2))
    scattered = make_article("Công nhân dự hội thao", published_at=_days_ago(1))
    make_article("Tin khác không liên quan", published_at=_days_ago(0))
    backend = get_search_backend()
    newest = ["-published_at", "-pk"]
    found = backend.title_candidates(
        ArticlePage.objects.live(), parse_query("hội thao công nhân"), newest, 2
    )
    # Side by side: the two newest; all the words: the scattered one and the newest phrase.
    assert found == {newer_phrase.pk, new_phrase.pk, scattered.pk}
    assert old_phrase.pk not in found


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_a_rare_title_match_is_found_beyond_the_walk(
    make_article, small_caps, monkeypatch, postgres_backend
):
    """A title phrase the walk does not reach (only old articles hold it) is read from the
    full-text index when its matches are few."""
    from wagtail.search.backends import get_search_backend

    from congdoan.news.models import ArticlePage
    from congdoan.search.backends import postgres
    from congdoan.search.text import parse_query

    monkeypatch.setattr(postgres, "WALK_MAX", 2)
    wanted = make_article("Hội thao công nhân", published_at=_days_ago(40))
    for number in range(4):
        make_article(f"Công nhân và hội thao số {number}", published_at=_days_ago(number))
    found = get_search_backend().title_candidates(
        ArticlePage.objects.live(), parse_query("hội thao công nhân"), ["-published_at", "-pk"], 1
    )
    assert wanted.pk in found


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_few_matches_are_looked_up_by_key(make_article, small_caps, postgres_backend):
    """Up to FEW_MATCHES matches, the search narrows to their primary keys, found from the
    full-text index alone; beyond, a sample of FEW_MATCHES + 1 of them."""
    from django.contrib.postgres.search import SearchQuery

    from congdoan.news.models import ArticlePage
    from congdoan.search.backends.postgres import SEARCH_CONFIG, entry_pks

    first = make_article("Bàn giao nhà tình nghĩa")
    second = make_article("Bàn giao mái ấm")
    query = SearchQuery("'ban' & 'giao'", search_type="raw", config=SEARCH_CONFIG)
    pks, every_one = entry_pks(ArticlePage, "body", query)
    assert sorted(pks) == sorted([first.pk, second.pk]) and every_one
    make_article("Bàn giao công trình")
    pks, every_one = entry_pks(ArticlePage, "body", query)
    assert len(pks) == 3 and not every_one


@pytest.mark.postgres
@pytest.mark.django_db
def test_capped_count_from_a_sample(make_article, small_caps):
    """Enough matches among the sample: counted there; too few there (a draft among them):
    counted among all the matches."""
    from congdoan.news.models import ArticlePage

    articles = [make_article(f"Hội nghị số {number}") for number in range(5)]
    queryset = ArticlePage.objects.live()
    matches = queryset.filter(title__startswith="Hội nghị")
    assert engine._capped_count(matches, [a.pk for a in articles], queryset) == 4
    articles[0].unpublish()
    sample = [articles[0].pk, articles[1].pk]
    assert engine._capped_count(matches, sample, queryset) == 4
    assert engine._capped_count(queryset.filter(title__contains="số 1")) == 1


def _first_hit_against_sapo_competitors(make_article, competitors: int) -> str:
    """An older article whose title holds every word, and newer ones whose sapo holds the words
    side by side (a higher score): the title of the first hit."""
    make_article("Công nhân dự hội thao", sapo="Tin ngắn.", published_at=_days_ago(9))
    for number in range(competitors):
        make_article(
            f"Hội thao mùa xuân {number}",
            sapo="Hội thao công nhân, hội thao công nhân, hội thao công nhân.",
            published_at=_days_ago(number),
        )
    hits = run_search(SearchParams(q="hội thao công nhân"), per_page=1).hits
    return hits[0].obj.title


@pytest.mark.postgres_only
@pytest.mark.django_db
def test_a_title_holding_every_word_beats_higher_scored_candidates(
    make_article, small_caps, postgres_backend
):
    """Every candidate is ranked, not only the best scored: a title holding every word comes
    before newer articles whose sapo holds the words side by side (a higher score)."""
    assert _first_hit_against_sapo_competitors(make_article, 4) == "Công nhân dự hội thao"


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_title_holding_every_word_beats_higher_scored_few_matches(make_article):
    """The same with few matches (every one known): all are ranked, not the best scored."""
    assert _first_hit_against_sapo_competitors(make_article, 2) == "Công nhân dự hội thao"
