"""The definitions: visit window, online window, reloads, bots, per-article views."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.visitors import stats
from congdoan.visitors.backends import get_backend

from .conftest import post_hit

START = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)


@pytest.fixture
def article(home_page):
    section = SectionPageFactory(parent=home_page)
    return ArticlePageFactory(parent=section)


def page_views(hours=24):
    return get_backend().page_views_since(START.timestamp() - hours * 3600)


@pytest.mark.django_db
def test_visit_window_is_thirty_minutes_without_a_hit(client, backend_name):
    with time_machine.travel(START, tick=False) as traveller:
        post_hit(client, cid="visitor-one")
        traveller.shift(timedelta(minutes=29))
        post_hit(client, cid="visitor-one")
        # 29 minutes after the last hit, though 58 after the first: still the same visit.
        traveller.shift(timedelta(minutes=29))
        post_hit(client, cid="visitor-one")
        assert stats.counts()["total"] == 1
        traveller.shift(timedelta(minutes=30))
        post_hit(client, cid="visitor-one")
        assert stats.counts()["total"] == 2
        day = START.date()
        assert get_backend().daily(day, day) == {day: (2, 4)}


@pytest.mark.django_db
def test_online_window_expires_after_five_minutes(client, backend_name):
    with time_machine.travel(START, tick=False) as traveller:
        post_hit(client, cid="visitor-one")
        post_hit(client, cid="visitor-two")
        assert stats.counts()["online"] == 2
        traveller.shift(timedelta(minutes=3))
        post_hit(client, cid="visitor-two")
        traveller.shift(timedelta(minutes=1, seconds=59))
        assert stats.counts()["online"] == 2
        traveller.shift(timedelta(seconds=1))
        assert stats.counts()["online"] == 1
        traveller.shift(timedelta(minutes=3))
        assert stats.counts()["online"] == 0
        assert stats.counts()["total"] == 2


@pytest.mark.django_db
def test_reloads_add_page_views_but_not_visits_or_article_views(client, backend_name, article):
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(5):
            post_hit(client, page_id=article.pk, cid="reloader-01")
            traveller.shift(timedelta(seconds=20))
        assert stats.counts() == {"online": 1, "total": 1}
        assert get_backend().daily(START.date(), START.date()) == {START.date(): (1, 5)}
        assert page_views() == {article.pk: 1}
        # The per-article window is its own: 30 minutes later the article is viewed again.
        traveller.shift(timedelta(minutes=30))
        post_hit(client, page_id=article.pk, cid="reloader-01")
        stats.counts()
        assert page_views() == {article.pk: 2}


@pytest.mark.django_db
def test_distinct_browsers_are_distinct_visitors(client, backend_name):
    with time_machine.travel(START, tick=False):
        post_hit(client, cid="browser-a1")
        post_hit(client, cid="browser-b2")
        post_hit(client)  # no JavaScript id: IP address and user agent only
        post_hit(client, user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)")
        assert stats.counts() == {"online": 4, "total": 4}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32.3",
        "",
    ],
)
def test_bots_are_not_counted(client, user_agent, backend_name, home_page):
    with time_machine.travel(START, tick=False):
        assert post_hit(client, page_id=home_page.pk, user_agent=user_agent).status_code == 204
        assert client.get("/api/visitors/hit.gif", HTTP_USER_AGENT=user_agent).status_code == 200
        assert stats.counts() == {"online": 0, "total": 0}
        assert get_backend().daily(START.date(), START.date()) == {}


@pytest.mark.django_db
def test_cross_site_beacons_are_ignored(client, backend_name):
    post_hit(client, cid="visitor-one", HTTP_SEC_FETCH_SITE="cross-site")
    assert stats.counts()["online"] == 0
    post_hit(client, cid="visitor-one", HTTP_SEC_FETCH_SITE="same-origin")
    assert stats.counts()["online"] == 1


@pytest.mark.django_db
def test_noscript_pixel_counts_and_is_never_cached(client, backend_name, article):
    response = client.get(f"/api/visitors/hit.gif?page={article.pk}", HTTP_USER_AGENT="Mozilla/5.0")
    assert response["Content-Type"] == "image/gif"
    assert "no-store" in response["Cache-Control"]
    assert stats.counts()["total"] == 1
    assert list(get_backend().page_views_since(0)) == [article.pk]


@pytest.mark.django_db
def test_bad_beacon_input_is_ignored_not_an_error(client, backend_name):
    assert post_hit(client, page_id="abc", cid="<script>").status_code == 204
    assert post_hit(client, page_id="99999999999").status_code == 204
    assert client.get("/api/visitors/hit").status_code == 405
    assert stats.counts()["total"] == 1
