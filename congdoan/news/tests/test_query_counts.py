"""Pages render in a fixed number of SQL queries, however much content there is."""

from datetime import UTC, datetime, timedelta

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# Generous for sidebar blocks other apps add; what matters is that it does not grow.
MAX_QUERIES = 30


def fill(home_page, count):
    """count articles with cover images and tags across a section and its subsection."""
    section = SectionPageFactory(parent=home_page, title="Tin tức – Sự kiện")
    subsection = SectionPageFactory(parent=section, title="Tin trong tỉnh")
    articles = []
    for number in range(count):
        article = ArticlePageFactory(
            parent=subsection if number % 2 else section,
            published_at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=number),
            cover_image=wagtail_factories.ImageFactory(),
            cover_alt="Ảnh minh họa",
        )
        article.tags.add("công đoàn", f"chủ đề {number % 4}")
        article.save()
        articles.append(article)
    return section, articles


def count_queries(client, url):
    client.get(url)  # first view generates image renditions once
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", ["home", "section", "section-page-2", "article"])
def test_page_query_count_does_not_grow_with_content(client, home_page, page, django_db_blocker):
    counts = []
    for size in (25, 50):
        home_page.get_children().delete()
        section, articles = fill(home_page, size)
        url = {
            "home": "/",
            "section": section.url,
            "section-page-2": section.url + "?page=2",
            "article": articles[0].url,
        }[page]
        counts.append(count_queries(client, url))

    small, large = counts
    assert small == large, f"{page}: {small} queries with 25 articles, {large} with 50"
    assert large <= MAX_QUERIES
