"""Site settings are read once per content generation, and a change shows on the next render."""

import pytest
from wagtail.models import Site

from congdoan.core.models import SiteSettings

pytestmark = pytest.mark.django_db

ORGANIZATION = "Liên đoàn Lao động tỉnh Hòa Bình"
RENAMED = "Liên đoàn Lao động tỉnh Phú Thọ"


@pytest.fixture
def site(home_page):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    site_settings.organization_name = ORGANIZATION
    site_settings.save()
    return site


def test_settings_are_read_once_while_nothing_changes(settings, site, django_assert_num_queries):
    settings.PAGE_CACHE_ENABLED = True
    SiteSettings.for_site(site)
    with django_assert_num_queries(0):
        assert SiteSettings.for_site(site).organization_name == ORGANIZATION


def test_a_settings_change_shows_on_the_next_render(
    client, settings, site, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    # A signed-in reader's requests bypass the page cache; only the settings cache is in play.
    headers = {"Authorization": "Bearer reader"}
    assert ORGANIZATION in client.get("/", headers=headers).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        site_settings = SiteSettings.for_site(site)
        site_settings.organization_name = RENAMED
        site_settings.save()
    response = client.get("/", headers=headers)
    assert response["X-Page-Cache"] == "bypass"
    assert RENAMED in response.content.decode()
    assert ORGANIZATION not in response.content.decode()


def test_without_the_page_cache_settings_are_read_every_time(
    settings, site, django_assert_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    SiteSettings.for_site(site)
    with django_assert_num_queries(2):  # the settings with the logo (none here), the website links
        SiteSettings.for_site(site)
