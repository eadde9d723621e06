import unicodedata

import pytest

from congdoan.core.text import fold, fold_tokens, normalize, vietnamese_slugify


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Công đoàn", "cong doan"),
        ("CÔNG ĐOÀN", "cong doan"),
        ("Nghị quyết", "nghi quyet"),
        ("hoà", "hoa"),
        ("hòa", "hoa"),
        ("thuỷ", "thuy"),
        ("thủy", "thuy"),
        ("đòan", "doan"),
        ("ệ ộ ờ ổ ấ ầ", "e o o o a a"),
    ],
)
def test_fold_strips_every_mark_and_maps_d(text, folded):
    assert fold(text) == folded


def test_fold_treats_nfd_like_nfc():
    nfd = unicodedata.normalize("NFD", "Tổng Liên đoàn Lao động Việt Nam")
    assert (
        fold(nfd) == fold("Tổng Liên đoàn Lao động Việt Nam") == "tong lien doan lao dong viet nam"
    )


def test_normalize_gives_nfc():
    assert normalize(unicodedata.normalize("NFD", "Việt")) == "Việt"


def test_slug_of_seed_title():
    title = "Nghị quyết 02 thúc đẩy đổi mới tổ chức và hoạt động Công đoàn Việt Nam"
    assert vietnamese_slugify(title) == (
        "nghi-quyet-02-thuc-day-doi-moi-to-chuc-va-hoat-dong-cong-doan-viet-nam"
    )


def test_fold_tokens_splits_codes():
    assert fold_tokens("02-NQ/TW") == ["02", "nq", "tw"]
    assert fold_tokens("12/2022/NĐ-CP") == ["12", "2022", "nd", "cp"]


def test_slug_keeps_the_parts_of_dates_and_codes():
    assert vietnamese_slugify("Từ ngày 1/7/2024, lương tối thiểu vùng tăng 6%") == (
        "tu-ngay-1-7-2024-luong-toi-thieu-vung-tang-6"
    )
    assert vietnamese_slugify("Nghị quyết 02-NQ/TW") == "nghi-quyet-02-nq-tw"
    assert vietnamese_slugify(vietnamese_slugify("Đoàn viên")) == "doan-vien"
