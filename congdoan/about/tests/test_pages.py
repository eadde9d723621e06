"""Giới thiệu pages as readers get them: content, menu, accessibility basics and query budget."""

import pytest

from congdoan.tests.realistic_site import MAX_QUERIES, warm_queries

pytestmark = pytest.mark.django_db


def test_about_page_is_in_the_menu_and_links_its_sub_pages(client, about_pages):
    html = client.get("/gioi-thieu/").content.decode()

    assert '<a href="/gioi-thieu/" aria-current="page">Giới thiệu</a>' in html
    assert "<h2>Lịch sử</h2><p>Thành lập năm 1947.</p>" in html
    assert '<a href="/gioi-thieu/lanh-dao/">Lãnh đạo Liên đoàn</a>' in html
    assert '<a href="/gioi-thieu/co-cau-to-chuc/">Cơ cấu tổ chức</a>' in html


def test_leadership_lists_groups_in_order_with_initials_and_public_contacts(client, about_pages):
    html = client.get("/gioi-thieu/lanh-dao/").content.decode()

    standing = html.index('<h2 id="leader-group-1" class="block-title">Thường trực</h2>')
    executive = html.index('<h2 id="leader-group-2" class="block-title">Ban Chấp hành</h2>')
    assert standing < html.index("Nguyễn Thị Thanh Hương") < executive < html.index("Đặng Thị Thu")
    assert '<span class="leader-avatar" aria-hidden="true">NH</span>' in html
    assert 'Chủ tịch <span class="leader-term">(Nhiệm kỳ 2023–2028)</span>' in html
    assert '<a href="tel:02183852001">0218 3852 001</a>' in html
    assert '<a href="mailto:chutich@ldld.example.vn">chutich@ldld.example.vn</a>' in html


def test_organization_page_nests_units_and_never_shows_message_recipients(client, about_pages):
    html = client.get("/gioi-thieu/co-cau-to-chuc/").content.decode()

    district = html.index('<span class="department-name">LĐLĐ huyện Lương Sơn</span>')
    nested = html.index('<ul class="department-tree">', district)
    assert nested < html.index("CĐCS Công ty May Lương Sơn")
    assert '<span class="department-kind">Liên đoàn Lao động huyện</span>' in html
    assert "<dt>Người đứng đầu</dt><dd>Nguyễn Văn Dũng</dd>" in html
    assert "bimat.noibo" not in html


@pytest.mark.postgres
def test_about_page_types_render_within_the_query_budget(client, about_pages):
    counts = {
        url: warm_queries(client, url).count
        for url in ("/gioi-thieu/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/co-cau-to-chuc/")
    }
    assert max(counts.values()) <= MAX_QUERIES, counts
