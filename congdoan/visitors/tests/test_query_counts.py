"""The visitor blocks (most read, the counter) fit in the query ceiling of the pages with them."""

import pytest

from congdoan.tests.realistic_site import COLD_QUERY_CEILINGS, build, cold_queries

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize("page", ["home", "article"])
def test_pages_with_most_read_and_counter_within_the_query_budget(client, home_page, page):
    site = build(home_page)
    measured = cold_queries(client, site.urls[page])
    html = measured.response.content.decode()
    assert 'class="widget widget-most-read"' in html
    assert site.pages["articles"][11].title in html  # the most viewed article is listed
    assert measured.count <= COLD_QUERY_CEILINGS[page], measured.sql
