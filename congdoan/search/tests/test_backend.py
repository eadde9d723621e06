import pytest
from wagtail.search.backends import get_search_backend

from congdoan.news.models import ArticlePage

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def titles(results):
    return [page.title for page in results]


def search(query, **kwargs):
    return titles(get_search_backend().search(query, ArticlePage.objects.live(), **kwargs))


def test_folded_query_finds_accented_text(make_article):
    make_article("Công đoàn cơ sở tổ chức hội thao")
    make_article("Hội nghị người lao động")
    assert search("cong doan") == ["Công đoàn cơ sở tổ chức hội thao"]
    assert search("CÔNG ĐOÀN") == ["Công đoàn cơ sở tổ chức hội thao"]
