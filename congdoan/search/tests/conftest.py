import pytest
from wagtail.rich_text import RichText

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page, title="Tin tức")


@pytest.fixture
def make_article(section):
    def make(title, sapo="Tin hoạt động.", body_text="", parent=None, **kwargs):
        body = [("paragraph", RichText(f"<p>{body_text}</p>"))] if body_text else []
        return ArticlePageFactory(
            parent=parent or section, title=title, sapo=sapo, body=body, **kwargs
        )

    return make
