"""Search results vary with every query: the page cache never stores them."""

import pytest

pytestmark = pytest.mark.django_db


def test_search_pages_are_never_cached(client, settings, home_page):
    settings.PAGE_CACHE_ENABLED = True
    for url in ("/tim-kiem/", "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert response["X-Page-Cache"] == "bypass"
