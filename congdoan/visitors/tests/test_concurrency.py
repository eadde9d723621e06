"""N concurrent visitors against a live server give exactly N, on both backends."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from congdoan.core.factories import HomePageFactory
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.visitors.backends import get_backend, vietnam_day

from .conftest import HUMAN_UA

VISITORS = 24
HITS_EACH = 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_visitors_are_counted_exactly(live_server, backend_name):
    home = HomePageFactory.create_as_site_root()
    article = ArticlePageFactory(parent=SectionPageFactory(parent=home))
    start = threading.Barrier(VISITORS)

    def visit(number: int) -> list[int]:
        session = requests.Session()
        session.headers["User-Agent"] = HUMAN_UA
        start.wait(timeout=30)
        statuses = []
        for _ in range(HITS_EACH):
            response = session.post(
                f"{live_server.url}/api/visitors/hit",
                data={"page": article.pk, "cid": f"concurrent-visitor-{number:04d}"},
                timeout=30,
            )
            statuses.append(response.status_code)
        return statuses

    with ThreadPoolExecutor(max_workers=VISITORS) as pool:
        results = list(pool.map(visit, range(VISITORS)))

    assert all(status == 204 for statuses in results for status in statuses)
    numbers = requests.get(f"{live_server.url}/api/visitors/", timeout=30).json()
    assert numbers == {"online": VISITORS, "total": VISITORS}
    import time

    today = vietnam_day(time.time())
    assert get_backend().daily(today, today) == {today: (VISITORS, VISITORS * HITS_EACH)}
    assert get_backend().page_views_since(time.time() - 3600) == {article.pk: VISITORS}
