import unicodedata

import pytest

from congdoan.core.text import (
    code_key,
    code_token,
    fold,
    fold_tokens,
    normalize,
    vietnamese_slugify,
)


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


def test_one_tokeniser_for_slugs_index_and_queries():
    """`fold_tokens` is the only tokeniser: the search layer imports it from here."""
    from congdoan.search import text as search_text

    assert search_text.fold_tokens is fold_tokens
    assert not hasattr(search_text, "folded_words")


@pytest.mark.parametrize("spelling", ["02-NQ/TW", "02/nq-tw", "NQ 02 TW", "02 NQ TW", "nq-02/tw"])
def test_code_key_is_the_same_for_every_spelling_of_a_number(spelling):
    assert code_key(spelling) == " 02 nq tw "
    assert code_key("02-NQ/TW-BCĐ") != code_key(spelling)


def test_code_token_joins_a_number_whatever_its_separators():
    assert code_token("02-NQ/TW") == code_token("02/nq-tw") == "02nqtw"
    assert code_token("12/2022/NĐ-CP") == "122022ndcp"


def test_numbers_are_written_one_way_for_the_index_and_queries():
    from congdoan.core.text import index_text, normalize_numbers

    assert normalize_numbers("4,96 triệu") == "4.96 triệu"
    assert normalize_numbers("ngày 01/07/2024.") == "ngày 1/7/2024."
    assert normalize_numbers("1-7-2024 và 07/2024") == "1/7/2024 và 7/2024"
    assert normalize_numbers("tăng 2%") == "tăng 2 phần trăm"
    # A document number keeps its leading zero: it is a code, not a date.
    assert normalize_numbers("01/2022/NĐ-CP") == "01/2022/NĐ-CP"
    assert index_text("4,96 triệu") == index_text("4.96 triệu")
    assert "172024" in index_text("01/07/2024").split()
