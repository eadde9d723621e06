"""Pages from the portal's page cache keep being counted and carry nothing of one visitor."""

import re

import pytest
from django.test import Client

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.visitors import stats

from .conftest import post_hit

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def article(home_page):
    return ArticlePageFactory(parent=SectionPageFactory(parent=home_page))


def beacon(html: str) -> tuple[str, str]:
    found = re.search(
        r'src="[^"]*visitors\.js" data-hit-url="([^"]+)" [^>]*data-page-id="(\d+)"', html
    )
    return found.group(1), found.group(2)


def test_a_cached_article_carries_its_own_beacon_and_is_counted(
    client, page_cache, article, backend_name
):
    client.get(article.url)
    cached = client.get(article.url)
    assert cached["X-Page-Cache"] == "hit"
    hit_url, page_id = beacon(cached.content.decode())
    assert hit_url == "/api/visitors/hit"
    assert page_id == str(article.pk)
    home_page_id = beacon(client.get("/").content.decode())[1]
    assert home_page_id != page_id
    for browser in ("cached-reader-1", "cached-reader-2"):
        assert post_hit(client, page_id=page_id, cid=browser).status_code == 204
    assert stats.counts() == {"online": 2, "total": 2}
    assert stats.top_pages(24) == [
        {"id": article.pk, "title": article.title, "url": article.url, "views": 2}
    ]


def test_the_cached_page_is_the_same_for_every_visitor_and_has_no_token(
    client, page_cache, article
):
    first = client.get(article.url).content
    other_visitor = Client()
    other_visitor.cookies["congdoan-tracking"] = "ignored"
    second = other_visitor.get(article.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first
    html = first.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in html


def test_the_counter_says_when_its_numbers_were_printed(client, page_cache, article):
    """visitors.js asks the API at once when a cached page's numbers are older than 30 s."""
    html = client.get(article.url).content.decode()
    assert re.search(r'<dl class="visitor-counts" [^>]*data-visitors-rendered-at="\d{10}"', html)
