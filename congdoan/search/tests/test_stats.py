"""What readers search for is counted per day and folded query, and nothing about them."""

import datetime as dt
import urllib.parse
import urllib.request

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from congdoan.core.scheduling import scheduled_commands
from congdoan.search import stats
from congdoan.search.kinds import available_kinds
from congdoan.search.models import MAX_STORED_QUERY_CHARS, SearchQueryStat

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/126.0 Mobile"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def search(client, query: str, user_agent: str = BROWSER, **params):
    response = client.get("/tim-kiem/", {"q": query, **params}, HTTP_USER_AGENT=user_agent)
    assert response.status_code == 200
    return response


def counters():
    return list(
        SearchQueryStat.objects.order_by("query").values_list("query", "searches", "results")
    )


@pytest.mark.postgres
def test_searches_are_counted_per_folded_query_with_their_results(client, make_article):
    make_article("Công đoàn cơ sở tổ chức Tết Sum vầy")
    make_article("Công đoàn ngành Giáo dục thăm hỏi nhà giáo")
    search(client, "Công đoàn")
    search(client, "cong   doan")
    search(client, "CÔNG ĐOÀN")
    search(client, "hiến máu")

    assert counters() == [("cong doan", 3, 2), ("hien mau", 1, 0)]
    assert set(SearchQueryStat.objects.values_list("day", flat=True)) == {timezone.localdate()}


def test_the_latest_search_of_the_day_gives_the_results(rf, db):
    request = rf.get("/tim-kiem/", HTTP_USER_AGENT=BROWSER)
    stats.record_search(request, "Tết Sum vầy", 0)
    stats.record_search(request, "tet sum vay", 4)

    assert counters() == [("tet sum vay", 2, 4)]


def test_other_pages_and_kinds_of_the_same_results_are_not_counted_again(client, make_article):
    make_article("Tháng Công nhân năm 2025")
    search(client, "tháng công nhân")
    search(client, "tháng công nhân", page=2)
    search(client, "tháng công nhân", kind=available_kinds()[0].key)

    assert counters() == [("thang cong nhan", 1, 1)]


def test_bots_and_empty_queries_are_not_counted(client, home_page):
    search(client, "công đoàn", user_agent=GOOGLEBOT)
    search(client, "công đoàn", user_agent="")
    search(client, "   ")
    client.get("/tim-kiem/", HTTP_USER_AGENT=BROWSER)

    assert counters() == []


def test_nothing_identifying_the_reader_is_stored(client, home_page):
    client.get(
        "/tim-kiem/",
        {"q": "bảo hiểm xã hội"},
        HTTP_USER_AGENT=BROWSER,
        REMOTE_ADDR="203.0.113.7",
        HTTP_REFERER="https://example.vn/trang-ca-nhan",
    )

    fields = {field.name for field in SearchQueryStat._meta.get_fields()}
    assert fields == {"id", "day", "query", "searches", "results"}
    row = SearchQueryStat.objects.get()
    stored = " ".join(str(getattr(row, name)) for name in fields)
    assert "203.0.113.7" not in stored and "Mozilla" not in stored and "example" not in stored


def test_long_queries_are_cut_at_a_word(client, home_page):
    search(client, "lương tối thiểu vùng " * 40)

    (query,) = SearchQueryStat.objects.values_list("query", flat=True)
    assert MAX_STORED_QUERY_CHARS - len("thieu ") < len(query) <= MAX_STORED_QUERY_CHARS
    assert f"{'luong toi thieu vung ' * 40}".startswith(f"{query} ")


@pytest.mark.postgres
def test_a_failed_write_does_not_break_the_search(client, make_article, monkeypatch, caplog):
    article = make_article("Mái ấm Công đoàn cho đoàn viên khó khăn")
    monkeypatch.setattr(SearchQueryStat._meta, "db_table", "search_no_such_table")

    response = search(client, "mái ấm")

    assert f'href="{article.url}"' in response.content.decode()
    assert "Search statistics not recorded" in caplog.text
    # The savepoint kept the request's transaction usable (PostgreSQL aborts it otherwise).
    monkeypatch.undo()
    assert SearchQueryStat.objects.count() == 0
    assert connection.is_usable()


def test_old_rows_are_pruned_daily_by_the_scheduler(home_page):
    today = timezone.localdate()
    for age in (0, stats.KEEP_DAYS - 1, stats.KEEP_DAYS, 400):
        SearchQueryStat.objects.create(
            day=today - dt.timedelta(days=age), query=f"tuoi {age}", searches=1
        )

    call_command("prune_search_stats", verbosity=0)

    assert sorted(SearchQueryStat.objects.values_list("query", flat=True)) == [
        "tuoi 0",
        f"tuoi {stats.KEEP_DAYS - 1}",
    ]
    entry = next(
        command for command in scheduled_commands() if command.name == "prune_search_stats"
    )
    assert entry.every == dt.timedelta(days=1)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_running_portal_counts_a_search(live_server, home_page):
    url = f"{live_server.url}/tim-kiem/?{urllib.parse.urlencode({'q': 'Nghỉ thai sản'})}"
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER})  # noqa: S310
    for _ in range(2):
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - our server
            assert response.status == 200

    assert counters() == [("nghi thai san", 2, 0)]
