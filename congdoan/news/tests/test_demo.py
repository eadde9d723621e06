import io
import json
from datetime import datetime

import pytest
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from congdoan.news.demo import CONTENT_DIR
from congdoan.news.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "tags": ArticlePage.tags.through.objects.count(),
        "last_published": list(
            Page.objects.order_by("pk").values_list("last_published_at", flat=True)
        ),
    }


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", stdout=io.StringIO())
    first = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first


def test_demo_articles_are_varied_and_complete():
    call_command("load_demo", stdout=io.StringIO())
    files = sorted((CONTENT_DIR / "articles").glob("*.json"))
    assert len(files) >= 12
    articles = list(ArticlePage.objects.live().select_related("cover_image"))
    assert len(articles) == len(files) + 1  # and the seed article
    assert len({article.published_at for article in articles}) == len(articles)
    years = {article.published_at.year for article in articles}
    assert years >= {2021, 2022, 2023, 2024, 2025, 2026}
    sections = {article.get_parent().title for article in articles}
    for title in ["Tin trong tỉnh", "Tin trong nước", "Chăm lo đời sống", "Tin cơ sở"]:
        assert title in sections
    assert {"Chính sách – Pháp luật", "Thi đua – Khen thưởng"} <= sections
    for article in articles:
        assert article.cover_image and article.cover_alt and article.cover_caption
        assert article.author and article.tags.exists()
        assert len([block for block in article.body if block.block_type == "paragraph"]) >= 3
        assert article.first_published_at == article.published_at
    assert sum(any(b.block_type == "quote" for b in a.body) for a in articles) >= 5
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        article = ArticlePage.objects.get(title=data["title"])
        assert article.published_at == datetime.fromisoformat(data["published_at"])
        assert article.get_parent().specific_class is SectionPage
