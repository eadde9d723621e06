"""Đường dây nóng in the footer of every page, as `tel:` links."""

import pytest
from wagtail.models import Site

from congdoan.about.factories import EnglishPageFactory
from congdoan.contact.models import Hotline, HotlineSettings, tel_target
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hotlines(home_page):
    settings = HotlineSettings.for_site(Site.objects.get(is_default_site=True))
    Hotline.objects.create(
        settings=settings, sort_order=1, label="Văn phòng", number="0218 3852 000"
    )
    Hotline.objects.create(
        settings=settings, sort_order=0, label="Tư vấn pháp luật", number="1900 1234"
    )
    return settings


def test_hotlines_are_in_the_footer_of_every_kind_of_page(client, hotlines, contact_page):
    section = SectionPageFactory(parent=contact_page.get_parent(), title="Tin tức")
    article = ArticlePageFactory(parent=section)
    EnglishPageFactory(parent=contact_page.get_parent())
    expected = (
        '<li>Tư vấn pháp luật: <a href="tel:19001234">1900 1234</a></li>'
        '<li>Văn phòng: <a href="tel:02183852000">0218 3852 000</a></li>'
    )
    for url, status in [
        ("/", 200),
        (section.url, 200),
        (article.url, 200),
        ("/lien-he/", 200),
        ("/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n", 200),
        ("/khong-co-trang-nay/", 404),
    ]:
        response = client.get(url)
        assert response.status_code == status, url
        html = response.content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert "Đường dây nóng</h2>" in footer, url
        assert expected in footer, url
    english = client.get("/en/").content.decode()
    assert "Hotline</h2>" in english
    assert expected in english


def test_no_hotline_block_without_numbers(client, home_page):
    assert "footer-hotlines" not in client.get("/").content.decode()


def test_tel_links_keep_digits_and_a_leading_plus():
    assert tel_target("+84 (218) 3852-000") == "+842183852000"
    assert tel_target("1900.1234") == "19001234"


def test_a_changed_hotline_shows_at_once_with_the_page_cache_on(
    client, hotlines, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    assert "1900 1234" in client.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"

    hotline = hotlines.hotlines.get(number="1900 1234")
    hotline.number = "1900 5678"
    with django_capture_on_commit_callbacks(execute=True):
        hotline.save()

    html = client.get("/").content.decode()
    assert '<a href="tel:19005678">1900 5678</a>' in html
    assert "1900 1234" not in html
