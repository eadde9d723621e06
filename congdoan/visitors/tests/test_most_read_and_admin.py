"""Most read (24 hours, 7 days), the admin dashboard panel and the demo."""

import re
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.visitors import demo, stats
from congdoan.visitors.models import DailyStats

from .conftest import post_hit

NOW = datetime(2025, 9, 2, 3, 0, tzinfo=UTC)


@pytest.fixture
def articles(home_page):
    section = SectionPageFactory(parent=home_page)
    return [ArticlePageFactory(parent=section, title=f"Tin số {n}") for n in range(3)]


def read(client, article, readers, at):
    with time_machine.travel(at, tick=False):
        for reader in range(readers):
            post_hit(client, page_id=article.pk, cid=f"reader-{article.pk}-{reader:03d}")
        stats.counts()


@pytest.mark.django_db
def test_most_read_of_the_last_day_and_week(client, articles, backend_name):
    recent, older, oldest = articles
    read(client, recent, 2, NOW - timedelta(hours=1))
    read(client, older, 5, NOW - timedelta(days=3))
    read(client, oldest, 9, NOW - timedelta(days=8))
    with time_machine.travel(NOW, tick=False):
        most_read = stats.most_read()
        html = client.get("/").content.decode()
    assert [(item["title"], item["views"]) for item in most_read["day"]] == [("Tin số 0", 2)]
    assert [(item["title"], item["views"]) for item in most_read["week"]] == [
        ("Tin số 1", 5),
        ("Tin số 0", 2),
    ]
    assert "Đọc nhiều" in html and "24 giờ" in html and "7 ngày" in html
    assert "5 lượt xem" in html  # both periods are in the page: tabs work without JavaScript


@pytest.mark.django_db
def test_unpublished_articles_leave_most_read(client, articles):
    read(client, articles[0], 3, NOW)
    articles[0].unpublish()
    with time_machine.travel(NOW, tick=False):
        assert stats.most_read() == {"day": [], "week": []}


@pytest.mark.django_db
def test_dashboard_panel_shows_chart_online_and_top_articles(client, articles):
    read(client, articles[1], 4, NOW - timedelta(minutes=2))
    DailyStats.objects.create(day=NOW.date() - timedelta(days=3), visits=120, page_views=300)
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.vn", "matkhau-123")
    client.force_login(admin)
    with time_machine.travel(NOW, tick=False):
        html = client.get("/admin/").content.decode()
    assert "Thống kê truy cập" in html
    assert html.count("<rect ") == 60  # 30 days, visits and page views
    # SVG numbers must not be localized: a Vietnamese decimal comma breaks the chart.
    coordinates = re.findall(
        r'<rect x="([^"]*)" y="([^"]*)" width="([^"]*)" height="([^"]*)"', html
    )
    assert len(coordinates) == 60
    assert all(float(value) >= 0 for rect in coordinates for value in rect)
    assert "30 ngày qua: 124 lượt truy cập, 304 lượt xem trang" in html
    assert "Tin số 1" in html
    assert '<strong style="font-size:1.6em;display:block">4</strong>Đang truy cập' in html


@pytest.mark.django_db
def test_demo_counter_and_most_read_agree_and_load_once(client, backend_name, articles):
    """The demo's total visits, daily page views and most-read counts are one readership."""
    assert_demo_readership_agrees(client)


@pytest.mark.django_db
def test_the_demo_loaded_just_after_midnight_in_vietnam_has_visits_today(
    client, backend_name, articles
):
    """Its days are Vietnam days: five minutes into one, today has readers too."""
    with time_machine.travel(datetime(2026, 11, 29, 17, 5, tzinfo=UTC), tick=True):
        assert_demo_readership_agrees(client)


def assert_demo_readership_agrees(client):
    demo.load(StringIO())
    total = stats.counts()["total"]
    series = stats.daily_series(31)
    page_views = sum(day["page_views"] for day in series)
    # One history: every day of it has visits, and they add up to the counter's total.
    assert sum(1 for day in series if day["visits"]) == demo.HISTORY_DAYS + 1
    assert sum(day["visits"] for day in series) == total
    # Total visits of the same order as all page views (two to three pages per visit).
    assert page_views / 4 <= total <= page_views
    most_read = stats.most_read()
    shown = [article["views"] for article in most_read["week"]]
    # The newest article is read most (the demo weights readers towards new stories).
    assert most_read["week"][0]["title"] == "Tin số 2"
    assert 0 < sum(shown) <= total
    # Views of the week's most read are a visible share of the week's visits, not a rounding error.
    week_visits = sum(day["visits"] for day in series[-7:])
    assert sum(shown) >= week_visits / 2
    demo.load(StringIO())
    assert stats.counts()["total"] == total
    assert stats.daily_series(31) == series


@pytest.mark.django_db
def test_most_read_lists_only_the_page_types_apps_declare_as_articles(client, articles, home_page):
    # The home page is read most, but it is no article (news declares ArticlePage only).
    read(client, articles[0], 2, NOW)
    with time_machine.travel(NOW, tick=False):
        for reader in range(5):
            post_hit(client, page_id=home_page.pk, cid=f"home-reader-{reader}")
        stats.counts()
        assert [item["id"] for item in stats.top_pages(24)] == [articles[0].pk]
