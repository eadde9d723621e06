"""No raw IP address or browser id is stored; hashes change with the daily salt."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from congdoan.visitors import stats
from congdoan.visitors.backends import get_backend
from congdoan.visitors.bots import is_bot
from congdoan.visitors.identity import visitor_hash
from congdoan.visitors.models import DailySalt, VisitorPresence

from .conftest import HUMAN_UA, post_hit


@pytest.mark.django_db
def test_only_keyed_hashes_are_stored(client, tmp_path, settings):
    post_hit(client, cid="secret-browser-id", REMOTE_ADDR="203.0.113.77")
    buffered = b"".join(path.read_bytes() for path in settings.VISITORS_BUFFER_DIR.glob("*.log"))
    assert b"203.0.113.77" not in buffered and b"secret-browser-id" not in buffered
    stats.counts()
    stored = VisitorPresence.objects.get().visitor
    assert "203.0.113" not in stored and "secret" not in stored
    assert len(stored) == 32


@pytest.mark.django_db
def test_salt_rotates_daily_and_old_salts_are_deleted(client):
    start = datetime(2025, 1, 5, 10, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as traveller:
        post_hit(client, cid="same-browser")
        stats.counts()
        first_salt = DailySalt.objects.get()
        first_hash = VisitorPresence.objects.get().visitor
        traveller.shift(timedelta(days=1))
        post_hit(client, cid="same-browser")
        stats.counts()
        assert list(DailySalt.objects.all()) != [first_salt]
        assert DailySalt.objects.count() == 1
        # The same browser cannot be linked across days; yesterday's presence is gone too.
        assert list(VisitorPresence.objects.values_list("visitor", flat=True)) != [first_hash]
        assert VisitorPresence.objects.count() == 1
    backend = get_backend()
    assert visitor_hash("salt-a", "1.2.3.4", HUMAN_UA) != visitor_hash(
        "salt-b", "1.2.3.4", HUMAN_UA
    )
    assert backend.daily_salt(start.date()) != ""


@pytest.mark.parametrize(
    "user_agent",
    [
        HUMAN_UA,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
        "Gecko) Mobile/15E148 Zalo iOS/495 ZaloTheme/light ZaloLanguage/vi",
        "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Linux; Android 13; FBAN/EMA) AppleWebKit/537.36 Chrome/120 Mobile FB_IAB",
    ],
)
def test_people_reading_in_apps_are_not_bots(user_agent):
    assert not is_bot(user_agent)


@pytest.mark.parametrize(
    "user_agent",
    [
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Twitterbot/1.0",
        "Mozilla/5.0 (compatible; Zalobot/1.0)",
        "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
        "Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 PhantomJS/2.1.1 Safari/538.1",
        "Wget/1.21.4",
        "Go-http-client/2.0",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
    ],
)
def test_listed_bots_are_recognised(user_agent):
    assert is_bot(user_agent)
