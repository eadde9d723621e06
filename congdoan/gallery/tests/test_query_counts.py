"""Gallery pages render in at most 15 SQL queries on a page-cache miss (issue 11), and within
their ceilings with every cache cleared."""

import pytest

from congdoan.tests.realistic_site import assert_within_budget, build

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_every_gallery_page_type_within_its_query_ceiling(client, home_page):
    site = build(home_page)
    assert_within_budget(
        client,
        site.urls,
        {"album_index": 200, "album": 200, "album_photo": 200, "video_index": 200, "video": 200},
    )
