import unicodedata

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


def test_exact_diacritics_rank_above_folded_only(make_article):
    make_article("Bạn của người lao động")
    make_article("Bán hàng bình ổn giá")
    make_article("Bàn giao nhà tình nghĩa")
    assert search("bàn")[0] == "Bàn giao nhà tình nghĩa"
    assert search("bán")[0] == "Bán hàng bình ổn giá"
    assert search("bạn")[0] == "Bạn của người lao động"
    assert len(search("ban")) == 3


def test_nfd_tone_placement_and_misplaced_marks(make_article):
    make_article("Hòa giải tranh chấp lao động tại Thủy điện")
    for query in ["hoà giải", "HÒA GIẢI", "hoa giai", "thuỷ điện", "hòa giai"]:
        assert search(unicodedata.normalize("NFD", query)) == [
            "Hòa giải tranh chấp lao động tại Thủy điện"
        ], query
    make_article("Đoàn viên công đoàn")
    assert search("đòan viên") == ["Đoàn viên công đoàn"]


def test_codes_with_slashes_and_hyphens(make_article):
    make_article("Quán triệt Nghị quyết số 02-NQ/TW", sapo="Theo Nghị định 12/2022/NĐ-CP.")
    make_article("Nghị quyết số 12 năm 2022")
    assert search("02-NQ/TW") == ["Quán triệt Nghị quyết số 02-NQ/TW"]
    assert search("12/2022/ND-CP") == ["Quán triệt Nghị quyết số 02-NQ/TW"]
    assert search('"NQ" AND (TW* OR NEAR)') == ["Quán triệt Nghị quyết số 02-NQ/TW"]


def test_title_ranks_above_sapo_above_body(make_article):
    make_article("Tin thứ ba", sapo="Tin tức.", body_text="Hội thao công nhân.")
    make_article("Tin thứ hai", sapo="Hội thao công nhân.")
    make_article("Hội thao công nhân")
    assert search("hoi thao") == ["Hội thao công nhân", "Tin thứ hai", "Tin thứ ba"]


def test_index_follows_edits_and_unpublishing(make_article):
    article = make_article("Đại hội công đoàn")
    article.title = "Hội nghị tổng kết"
    article.save_revision().publish()
    assert search("dai hoi") == []
    assert search("tong ket") == ["Hội nghị tổng kết"]
    article.unpublish()
    assert search("tong ket") == []


def test_autocomplete_by_folded_prefix(make_article):
    make_article("Đại hội công đoàn cơ sở")
    backend = get_search_backend()
    results = backend.autocomplete("dai hoi cong d", ArticlePage.objects.live())
    assert titles(results) == ["Đại hội công đoàn cơ sở"]
