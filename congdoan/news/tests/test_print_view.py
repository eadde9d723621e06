import pytest
from django.urls import NoReverseMatch

pytestmark = pytest.mark.django_db


def print_url(article):
    return article.url + article.reverse_subpage("print")


def test_print_view_shows_the_article_alone(client, article, site_settings):
    response = client.get(print_url(article))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "Liên đoàn Lao động tỉnh Hòa Bình" in html
    assert article.title in html
    assert "10/11/2021 07:00 GMT+7" in html
    assert "Hoàng Anh" in html
    assert "Báo Lao Động" in html
    assert article.sapo in html
    assert "Phát biểu tại Hội nghị, đồng chí Ngọ Duy Hiểu cho biết." in html
    assert "Phó Chủ tịch Tổng Liên đoàn Ngọ Duy Hiểu phát biểu kết luận Hội nghị." in html
    assert 'alt="Phó Chủ tịch Ngọ Duy Hiểu phát biểu tại Hội nghị"' in html
    assert "Toàn cảnh Hội nghị kiểm điểm tiến độ." in html
    assert "Pho-Chu-Tich (1).jpg" not in html
    assert "© Liên đoàn Lao động tỉnh Hòa Bình. Ghi rõ nguồn khi phát hành lại." in html
    canonical = f"http://testserver{article.url}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f"<span>{canonical}</span>" in html


def test_print_view_has_no_menu_sidebar_or_footer_and_opens_the_print_dialog(client, article):
    html = client.get(print_url(article)).content.decode()

    assert "main-nav" not in html
    assert "sidebar" not in html
    assert "site-footer" not in html
    assert "breadcrumbs" not in html
    assert "news/css/article_print.css" in html
    assert "news/js/article_print.js" in html
    assert "data-print" in html
    assert "print-button" in html


def test_print_view_copyright_falls_back_to_the_organization_name(client, article):
    html = client.get(print_url(article)).content.decode()

    assert "© Cổng Công đoàn" in html


def test_print_view_is_404_when_printing_is_switched_off(client, article):
    article.allow_print = False
    article.save_revision().publish()

    assert client.get(print_url(article)).status_code == 404
    page = client.get(article.url).content.decode()
    assert "Print article" not in page
    assert "In bài" not in page
    assert article.reverse_subpage("print") not in page


def test_print_view_is_404_for_a_draft(client, article):
    url = print_url(article)
    article.unpublish()

    assert client.get(url).status_code == 404


def test_print_view_keeps_private_articles_private(client, article):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="bi-mat"
    )

    response = client.get(print_url(article))

    assert article.sapo not in response.content.decode()


def test_article_page_links_to_both_tools(client, article):
    html = client.get(article.url).content.decode()

    assert f'href="{print_url(article)}"' in html
    assert f'href="{article.url}{article.reverse_subpage("send")}"' in html
    assert "In bài" in html
    assert "Gửi bài viết" in html


def test_unknown_subpage_is_404(client, article):
    assert client.get(article.url + "khong-co/").status_code == 404
    with pytest.raises(NoReverseMatch):
        article.reverse_subpage("missing")
