"""News pages render in at most 15 SQL queries on a page-cache miss (issue 11), within their
ceilings with every cache cleared, and the count does not grow with the amount of content."""

import pytest

from congdoan.news.factories import ArticlePageFactory
from congdoan.tests.realistic_site import (
    MAX_QUERIES,
    assert_within_budget,
    build,
    cold_queries,
    warm_queries,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

NEWS_PAGES = {
    "home": 200,
    "section": 200,
    "section_deep": 200,
    "article": 200,
    "print": 200,
    "rss": 200,
    "sitemap": 200,
    "sitemap_pages": 200,
    "not_found": 404,
}


def test_every_news_page_type_within_its_query_ceiling(client, home_page):
    site = build(home_page)
    assert_within_budget(client, site.urls, NEWS_PAGES)


@pytest.mark.parametrize("page", ["home", "section", "section_deep", "article"])
def test_query_count_does_not_grow_with_content(client, home_page, page):
    site = build(home_page)
    before = cold_queries(client, site.urls[page]).count
    section = site.pages["section"]
    for number in range(25):
        ArticlePageFactory(parent=section, title=f"Bài thêm số {number}")
    after = cold_queries(client, site.urls[page]).count
    assert after <= before  # the first measurement may also fill per-process caches
    assert warm_queries(client, site.urls[page]).count <= MAX_QUERIES


def test_article_shows_what_the_queries_loaded(client, home_page):
    """The prefetched cover, tags, parent and breadcrumbs are those of the article."""
    site = build(home_page)
    article = site.pages["article"]
    html = cold_queries(client, site.urls["article"]).response.content.decode()
    assert '<a class="tag" href="/tim-kiem/?q=c%C3%B4ng%20%C4%91o%C3%A0n">công đoàn</a>' in html
    assert f'<a href="{article.get_parent().url}">Tin trong tỉnh</a>' in html
    assert '<li><a href="/">Trang chủ</a></li>' in html
    assert '<meta property="og:image" content="http://testserver/media/images/' in html
