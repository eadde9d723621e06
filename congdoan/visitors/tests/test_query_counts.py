"""The visitor blocks (most read, the counter) fit in the query budget of the pages with them:
15 on a page-cache miss, the pinned ceiling with every cache cleared."""

import pytest

from congdoan.tests.realistic_site import (
    COLD_QUERY_CEILINGS,
    MAX_QUERIES,
    build,
    cold_queries,
    warm_queries,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize("page", ["home", "article"])
def test_pages_with_most_read_and_counter_within_the_query_budget(
    client, home_page, visitor_settings, page
):
    site = build(home_page)
    measured = cold_queries(client, site.urls[page])
    html = measured.response.content.decode()
    assert 'class="widget widget-most-read"' in html
    assert site.pages["articles"][11].title in html  # the most viewed article is listed
    assert measured.count <= COLD_QUERY_CEILINGS[page], measured.sql
    # Production's data caches (this app's conftest turns them off for the other tests).
    visitor_settings.VISITORS_WIDGET_CACHE_SECONDS = 10
    visitor_settings.VISITORS_MOST_READ_CACHE_SECONDS = 300
    warm = warm_queries(client, site.urls[page])
    assert site.pages["articles"][11].title in warm.response.content.decode()
    assert warm.count <= MAX_QUERIES, warm.sql
