"""Lượt xem: counted by the visitor beacon, one per visitor per window; a GET writes nothing."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congdoan.legal.factories import LegalDocumentFactory
from congdoan.visitors import stats
from congdoan.visitors.tests.conftest import HUMAN_UA, use_redis

pytestmark = pytest.mark.django_db
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture(autouse=True)
def visitor_counter(settings, tmp_path):
    settings.VISITORS_ENABLED = True
    settings.VISITORS_BACKEND = "database"
    settings.VISITORS_BUFFER_DIR = tmp_path / "visitors-buffer"
    settings.VISITORS_FLUSH_SECONDS = 0


def beacon_item(html: str) -> str:
    return re.search(r'<script [^>]*data-item="([^"]+)"', html).group(1)


def beacon(client, item, cid):
    return client.post("/api/visitors/hit", {"item": item, "cid": cid}, HTTP_USER_AGENT=HUMAN_UA)


def view_count(document):
    stats.counts()  # applies buffered hits
    document.refresh_from_db()
    return document.view_count


def test_ten_gets_by_one_visitor_are_one_view_and_write_nothing(client, home_page):
    document = LegalDocumentFactory()
    url = document.get_absolute_url()
    client.get(url)  # warm the caches filled on a first request

    with CaptureQueriesContext(connection) as queries:
        pages = [client.get(url, HTTP_USER_AGENT=HUMAN_UA) for _ in range(10)]

    assert [page.status_code for page in pages] == [200] * 10
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
    item = beacon_item(pages[0].content.decode())
    assert item == f"legal.document:{document.pk}"
    assert f"?item=legal.document%3A{document.pk}" in pages[0].content.decode()

    for _ in range(10):
        assert beacon(client, item, "reader-number-1").status_code == 204
    assert view_count(document) == 1

    beacon(client, item, "reader-number-2")
    assert view_count(document) == 2
    assert '<th scope="row">Lượt xem</th><td>2</td>' in client.get(url).content.decode()


def test_made_up_items_count_nothing(client, home_page):
    document = LegalDocumentFactory()

    for item in ("legal.document:999999", "news.page:1", "legal.document:-1", "x" * 5000):
        assert beacon(client, item, "reader-number-1").status_code == 204

    assert view_count(document) == 0


def test_views_counted_once_per_visitor_with_redis(client, home_page, settings, redis_url):
    redis_client, prefix = use_redis(settings, redis_url)
    document = LegalDocumentFactory()
    item = f"legal.document:{document.pk}"
    try:
        for _ in range(5):
            beacon(client, item, "reader-number-1")
        beacon(client, item, "reader-number-2")
        assert view_count(document) == 2
    finally:
        keys = list(redis_client.scan_iter(f"{prefix}:*"))
        if keys:
            redis_client.delete(*keys)
