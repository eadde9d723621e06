"""One address cannot pose as a crowd: random ids add at most a handful of visitors."""

import secrets
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.visitors import stats
from congdoan.visitors.backends import get_backend
from congdoan.visitors.models import VisitorPresence

from .conftest import post_hit

START = datetime(2025, 3, 10, 8, 0, tzinfo=UTC)
FLOOD_ADDRESS = "203.0.113.66"
HANDFUL = 5


@pytest.fixture
def article(home_page):
    return ArticlePageFactory(parent=SectionPageFactory(parent=home_page))


def flood_hit(client, article):
    """A hit from the flooding address with a new random id, as a script sends them."""
    post_hit(client, page_id=article.pk, cid=secrets.token_hex(16), REMOTE_ADDR=FLOOD_ADDRESS)


def article_views(article):
    return get_backend().page_views_since(START.timestamp() - 3600).get(article.pk, 0)


@pytest.mark.django_db
def test_a_thousand_random_ids_from_one_address_add_a_handful(
    client, settings, backend_name, article
):
    settings.VISITORS_NEW_VISITORS_PER_ADDRESS = HANDFUL
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(1000):
            post_hit(
                client, page_id=article.pk, cid=secrets.token_hex(16), REMOTE_ADDR=FLOOD_ADDRESS
            )
            traveller.shift(timedelta(seconds=0.1))

        assert stats.counts() == {"online": HANDFUL, "total": HANDFUL}
        assert article_views(article) == HANDFUL

        # Another reader still counts, and so do the visitors already counted for the address.
        post_hit(client, page_id=article.pk, cid="another-reader-01", REMOTE_ADDR="198.51.100.2")
        assert stats.counts() == {"online": HANDFUL + 1, "total": HANDFUL + 1}
        assert article_views(article) == HANDFUL + 1

        # The bound is per window: an hour later the address may bring new visitors again.
        traveller.shift(timedelta(seconds=settings.VISITORS_ADDRESS_WINDOW_SECONDS))
        for _ in range(20):
            post_hit(
                client, page_id=article.pk, cid=secrets.token_hex(16), REMOTE_ADDR=FLOOD_ADDRESS
            )
        assert stats.counts()["total"] == 2 * HANDFUL + 1


@pytest.mark.django_db
def test_visitors_within_the_bound_keep_counting_as_usual(client, settings, backend_name, article):
    settings.VISITORS_NEW_VISITORS_PER_ADDRESS = 2
    with time_machine.travel(START, tick=False) as traveller:
        for cid in ("office-reader-1", "office-reader-2", "office-reader-3"):
            post_hit(client, page_id=article.pk, cid=cid, REMOTE_ADDR=FLOOD_ADDRESS)
        traveller.shift(timedelta(minutes=40))
        # A new visit of a counted visitor: counted; the third still is not.
        for cid in ("office-reader-1", "office-reader-3"):
            post_hit(client, page_id=article.pk, cid=cid, REMOTE_ADDR=FLOOD_ADDRESS)

        assert stats.counts() == {"online": 1, "total": 3}
        assert article_views(article) == 3


@pytest.mark.django_db
def test_only_a_keyed_hash_of_the_address_is_stored(client, settings, article):
    settings.VISITORS_NEW_VISITORS_PER_ADDRESS = HANDFUL
    post_hit(client, page_id=article.pk, cid="privacy-reader", REMOTE_ADDR=FLOOD_ADDRESS)
    stats.counts()

    presence = VisitorPresence.objects.get()
    assert len(presence.address) == 32
    assert FLOOD_ADDRESS not in presence.address
    assert presence.first_seen is not None
