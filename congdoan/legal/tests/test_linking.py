import datetime

import pytest
from wagtail.rich_text import RichText

from congdoan.legal.factories import LegalDocumentFactory
from congdoan.legal.linking import link_codes
from congdoan.legal.models import DocumentCitation
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

MENTION = "Thực hiện Nghị quyết số 02-NQ/TW, ngày 12/6/2021 của Bộ Chính trị và Luật 99/2099/QH99."


@pytest.fixture
def resolution():
    return LegalDocumentFactory(
        code="02-NQ/TW",
        summary="Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam",
        issued_on=datetime.date(2021, 6, 12),
    )


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page)


def publish_article(section, paragraph_html, title="Bài viết trích dẫn"):
    article = ArticlePageFactory(parent=section, title=title, live=False)
    article.body = [("paragraph", RichText(paragraph_html))]
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_only_existing_codes_become_links(resolution):
    html = link_codes(f"<p>{MENTION}</p>")
    assert f'<a class="legal-link" href="{resolution.get_absolute_url()}"' in html
    assert ">02-NQ/TW</a>, ngày 12/6/2021" in html
    assert "99/2099/QH99</a>" not in html
    assert "12/6/2021</a>" not in html


def test_never_links_inside_an_existing_link(resolution):
    html = '<p><a href="https://example.vn">Nghị quyết 02-NQ/TW</a> và 02-NQ/TW.</p>'
    linked = link_codes(html)
    assert linked.count("<a ") == 2
    assert linked.startswith('<p><a href="https://example.vn">Nghị quyết 02-NQ/TW</a>')
    assert linked.endswith(">02-NQ/TW</a>.</p>")


def test_code_set_is_one_cached_query(resolution, django_assert_num_queries):
    link_codes("<p>02-NQ/TW</p>")
    with django_assert_num_queries(0):
        link_codes("<p>02-NQ/TW và 02-NQ/TW</p>")


def test_article_links_and_document_lists_the_article(client, resolution, section):
    article = publish_article(section, f"<p>{MENTION}</p>")
    page = client.get(article.url).content.decode()
    assert f'href="{resolution.get_absolute_url()}"' in page
    detail = client.get(resolution.get_absolute_url()).content.decode()
    assert article.title in detail
    assert DocumentCitation.objects.filter(document=resolution, page=article).exists()


def test_unpublishing_or_deleting_the_article_removes_the_back_link(client, resolution, section):
    article = publish_article(section, f"<p>{MENTION}</p>")
    article.unpublish()
    assert not DocumentCitation.objects.exists()
    assert article.title not in client.get(resolution.get_absolute_url()).content.decode()
    article.save_revision().publish()
    assert DocumentCitation.objects.count() == 1
    article.delete()
    assert not DocumentCitation.objects.exists()


def test_editing_the_article_updates_its_citations(resolution, section):
    article = publish_article(section, f"<p>{MENTION}</p>")
    article.body = [("paragraph", RichText("<p>Không còn trích dẫn.</p>"))]
    article.save_revision().publish()
    assert not DocumentCitation.objects.exists()


def test_a_document_added_later_finds_the_articles_citing_it(client, section):
    article = publish_article(section, "<p>Theo Nghị định 12/2022/NĐ-CP của Chính phủ.</p>")
    assert 'class="legal-link"' not in client.get(article.url).content.decode()
    decree = LegalDocumentFactory(code="12/2022/NĐ-CP", issued_on=datetime.date(2022, 1, 17))
    assert DocumentCitation.objects.filter(document=decree, page=article).exists()
    assert f'href="{decree.get_absolute_url()}"' in client.get(article.url).content.decode()


def test_deleting_a_document_leaves_no_broken_link(client, resolution, section):
    article = publish_article(section, f"<p>{MENTION}</p>")
    url = resolution.get_absolute_url()
    assert url in client.get(article.url).content.decode()
    resolution.delete()
    page = client.get(article.url).content.decode()
    assert url not in page
    assert "legal-link" not in page
    assert "Nghị quyết số 02-NQ/TW" in page
    assert client.get(url).status_code == 404
