"""The widget, the JSON numbers, the beacon markup, cached pages and the on/off switch."""

import re

import pytest
from django.test import override_settings
from django.urls import path
from django.views.decorators.cache import cache_page
from wagtail.views import serve

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.urls import urlpatterns as project_urlpatterns
from congdoan.visitors import stats
from congdoan.visitors.models import VisitorCounterSettings

from .conftest import post_hit

urlpatterns = [
    path("cached/", cache_page(300)(serve), {"path": ""}),
    *project_urlpatterns,
]


@pytest.fixture
def article(home_page):
    return ArticlePageFactory(parent=SectionPageFactory(parent=home_page))


def beacon_page_id(html: str) -> str:
    return re.search(r'src="[^"]*visitors\.js" [^>]*data-page-id="(\d+)"', html).group(1)


@pytest.mark.django_db
def test_widget_shows_vietnamese_numbers_on_every_page(client, home_page, article):
    counter = VisitorCounterSettings.load()
    counter.initial_total = 873_532
    counter.save()
    for url in ("/", article.url):
        html = client.get(url).content.decode()
        assert "Thông tin truy cập" in html
        assert "Đang truy cập" in html
        assert "Tổng truy cập" in html
        assert '<dd data-visitors-count="total">873.532</dd>' in html
    post_hit(client, cid="reader-0001")
    html = client.get("/").content.decode()
    assert '<dd data-visitors-count="online">1</dd>' in html
    assert '<dd data-visitors-count="total">873.533</dd>' in html


@pytest.mark.django_db
def test_numbers_as_json_with_a_short_cache(client, backend_name):
    post_hit(client, cid="reader-0001")
    post_hit(client, cid="reader-0002")
    response = client.get("/api/visitors/")
    assert response.json() == {"online": 2, "total": 2}
    assert response["Cache-Control"] == "public, max-age=10"


@pytest.mark.django_db
def test_pages_carry_the_beacon_with_their_page_id(client, article):
    html = client.get(article.url).content.decode()
    assert beacon_page_id(html) == str(article.pk)
    assert f'/api/visitors/hit.gif?page={article.pk}"' in html  # the <noscript> fallback
    # Rendering a page counts nothing: only the beacon does.
    assert stats.counts() == {"online": 0, "total": 0}


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_page_served_from_cache_is_still_counted(client, home_page, backend_name):
    first = client.get("/cached/")
    home_page.title = "Trang chủ đã đổi"
    home_page.save_revision().publish()
    second = client.get("/cached/")
    assert second.content == first.content  # served from the cache, not rendered again
    page_id = beacon_page_id(second.content.decode())
    for browser in ("cached-reader-1", "cached-reader-2"):
        post_hit(client, page_id=page_id, cid=browser)
    assert stats.counts() == {"online": 2, "total": 2}


@pytest.mark.django_db
def test_counting_can_be_switched_off(client, settings, article):
    settings.VISITORS_ENABLED = False
    html = client.get(article.url).content.decode()
    assert "visitors.js" not in html
    assert "Thông tin truy cập" not in html
    assert post_hit(client, page_id=article.pk).status_code == 404
    assert client.get("/api/visitors/").status_code == 404
