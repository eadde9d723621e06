"""The English pages at /en/: English interface and lang, their own navigation, and the header's
language link in both directions."""

import pytest

from congdoan.tests.realistic_site import MAX_QUERIES, warm_queries

pytestmark = pytest.mark.django_db


def test_english_pages_say_lang_en_and_have_an_english_interface(client, english_pages):
    html = client.get("/en/").content.decode()

    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert "Bỏ qua" not in html
    assert "<p>The federation represents workers of the province.</p>" in html


def test_english_navigation_stays_inside_the_english_pages(client, english_pages, about_pages):
    html = client.get("/en/contacts/").content.decode()

    menu = html[html.index('<nav class="main-nav"') : html.index("</nav>")]
    assert '<a href="/en/">Hoa Binh Provincial Federation of Labour</a>' in menu
    assert '<a href="/en/structure/">Organizational structure</a>' in menu
    assert '<a href="/en/contacts/" aria-current="page">Contacts</a>' in menu
    assert "/gioi-thieu/" not in menu
    assert '<a class="language-link" href="/" hreflang="vi" lang="vi">Tiếng Việt</a>' in html


def test_vietnamese_pages_link_to_the_english_pages(client, english_pages, about_pages):
    html = client.get("/gioi-thieu/").content.decode()

    assert '<html lang="vi">' in html
    assert '<a class="language-link" href="/en/" hreflang="en" lang="en">English</a>' in html


def test_no_english_link_without_english_pages(client, about_pages):
    assert "language-link" not in client.get("/gioi-thieu/").content.decode()


def test_english_structure_lists_units_with_english_names_only(client, english_pages, about_pages):
    html = client.get("/en/structure/").content.decode()

    assert '<span class="department-name">Luong Son District Federation of Labour</span>' in html
    assert '<span class="department-kind">District labour federation</span>' in html
    assert "CĐCS Công ty May" not in html  # no English name: left out
    assert "bimat.noibo" not in html


def test_interface_returns_to_vietnamese_after_an_english_page(client, english_pages, about_pages):
    client.get("/en/")
    html = client.get("/gioi-thieu/").content.decode()
    assert "Skip to content" not in html
    assert '<html lang="vi">' in html


@pytest.mark.postgres
def test_english_pages_render_within_the_query_budget(client, english_pages, about_pages):
    counts = {url: warm_queries(client, url).count for url in ("/en/", "/en/structure/")}
    assert max(counts.values()) <= MAX_QUERIES, counts
