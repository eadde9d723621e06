import datetime

import pytest

from congdoan.legal.factories import (
    AreaFactory,
    DocumentTypeFactory,
    IssuerFactory,
    LegalDocumentFactory,
)
from congdoan.legal.models import LegalDocument

pytestmark = pytest.mark.django_db


def codes(response):
    return [document.code for document in response.context["documents"]]


@pytest.fixture
def library():
    resolution_type = DocumentTypeFactory(name="Nghị quyết")
    law_type = DocumentTypeFactory(name="Luật")
    politburo = IssuerFactory(name="Bộ Chính trị")
    assembly = IssuerFactory(name="Quốc hội")
    union = AreaFactory(name="Công đoàn")
    union_finance = AreaFactory(name="Tài chính công đoàn", parent=union)
    labour = AreaFactory(name="Lao động")
    return {
        "resolution": LegalDocumentFactory(
            code="02-NQ/TW",
            document_type=resolution_type,
            issuer=politburo,
            signer="Nguyễn Phú Trọng",
            summary="Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam trong tình hình mới",
            issued_on=datetime.date(2021, 6, 12),
            areas=[union],
        ),
        # Shares the tokens of 02-NQ/TW and more: must rank after the exact number.
        "longer": LegalDocumentFactory(
            code="02-NQ/TW-BCĐ",
            document_type=resolution_type,
            issuer=politburo,
            summary="Kế hoạch triển khai của Ban chỉ đạo",
            issued_on=datetime.date(2022, 3, 1),
        ),
        # Mentions the number only in its summary.
        "mention": LegalDocumentFactory(
            code="15/KH-LĐLĐ",
            summary="Kế hoạch thực hiện Nghị quyết 02-NQ/TW của Bộ Chính trị",
            issued_on=datetime.date(2023, 5, 2),
            areas=[union_finance],
        ),
        "law": LegalDocumentFactory(
            code="50/2024/QH15",
            document_type=law_type,
            issuer=assembly,
            signer="Trần Thanh Mẫn",
            summary="Luật Công đoàn",
            issued_on=datetime.date(2024, 11, 27),
            effective_on=datetime.date(2025, 7, 1),
            areas=[labour],
        ),
    }


@pytest.mark.parametrize("query", ["02-NQ/TW", "02-nq/tw", "02 NQ TW", "NQ 02", "02/NQ-TW"])
def test_every_spelling_of_a_number_finds_the_resolution_first(library, query):
    found = list(LegalDocument.objects.listing().matching(query))
    assert found[0] == library["resolution"]
    assert {library["longer"], library["mention"]} <= set(found)
    assert library["law"] not in found


def test_exact_number_outranks_newer_documents_sharing_its_tokens(library):
    found = list(LegalDocument.objects.listing().matching("02-NQ/TW"))
    assert found == [library["resolution"], library["longer"], library["mention"]]


@pytest.mark.parametrize(
    "query", ["công đoàn việt nam", "cong doan viet nam", "CÔNG ĐOÀN", "đổi mới tổ chức", "doi moi"]
)
def test_keywords_match_with_or_without_marks(library, query):
    assert library["resolution"] in LegalDocument.objects.all().matching(query)


def test_mixed_tone_placement_and_decomposed_input_match(library):
    decomposed = "ho\u0300a"  # hòa typed with a combining grave accent
    document = LegalDocumentFactory(summary="Về hòa giải tranh chấp lao động")
    assert document in LegalDocument.objects.all().matching(decomposed)
    assert document in LegalDocument.objects.all().matching("hoà giải")


def test_a_word_must_be_whole_except_the_last_one(library):
    assert not LegalDocument.objects.all().matching("oan viet").exists()
    assert LegalDocument.objects.all().matching("công đoà").exists()


def test_list_page_keyword(client, library):
    response = client.get("/van-ban/", {"q": "02-nq/tw"})
    assert codes(response)[0] == "02-NQ/TW"


def test_list_is_newest_issue_date_first(client, library):
    response = client.get("/van-ban/")
    assert codes(response) == ["50/2024/QH15", "15/KH-LĐLĐ", "02-NQ/TW-BCĐ", "02-NQ/TW"]


def test_filter_by_type(client, library):
    assert codes(client.get("/van-ban/", {"type": "luat"})) == ["50/2024/QH15"]


def test_filter_by_issuer(client, library):
    found = codes(client.get("/van-ban/", {"issuer": "bo-chinh-tri"}))
    assert found == ["02-NQ/TW-BCĐ", "02-NQ/TW"]


def test_filter_by_area_includes_sub_areas(client, library):
    found = codes(client.get("/van-ban/", {"area": "cong-doan"}))
    assert found == ["15/KH-LĐLĐ", "02-NQ/TW"]
    assert codes(client.get("/van-ban/", {"area": "tai-chinh-cong-doan"})) == ["15/KH-LĐLĐ"]


def test_filter_by_signer(client, library):
    assert codes(client.get("/van-ban/", {"signer": "Trần Thanh Mẫn"})) == ["50/2024/QH15"]


def test_filter_by_issue_date_range_in_vietnamese_format(client, library):
    found = codes(client.get("/van-ban/", {"issued_from": "01/01/2022", "issued_to": "31/12/2023"}))
    assert found == ["15/KH-LĐLĐ", "02-NQ/TW-BCĐ"]
    assert codes(client.get("/van-ban/", {"issued_from": "12/06/2021", "issued_to": "12/6/2021"}))


def test_filter_by_status(client, library, time_machine):
    time_machine.move_to(datetime.datetime(2025, 1, 1, 12, tzinfo=datetime.UTC))
    assert codes(client.get("/van-ban/", {"status": "not_yet_effective"})) == ["50/2024/QH15"]
    assert "50/2024/QH15" not in codes(client.get("/van-ban/", {"status": "in_force"}))


def test_filters_combine(client, library):
    response = client.get(
        "/van-ban/",
        {"q": "nghị quyết", "issuer": "bo-chinh-tri", "area": "cong-doan", "status": "in_force"},
    )
    assert codes(response) == ["02-NQ/TW"]
    response = client.get(
        "/van-ban/", {"q": "công đoàn", "type": "luat", "signer": "Trần Thanh Mẫn"}
    )
    assert codes(response) == ["50/2024/QH15"]
    response = client.get("/van-ban/", {"type": "luat", "issuer": "bo-chinh-tri"})
    assert codes(response) == []


@pytest.mark.parametrize(
    "params",
    [
        {"issued_from": "31/02/2024"},
        {"issued_from": "2024/13/45"},
        {"issued_to": "hôm qua"},
        {"issued_from": "01/01/2024", "issued_to": "01/01/2020"},
        {"type": "khong-co"},
        {"status": "bogus"},
        {"page": "9999"},
        {"page": "abc"},
    ],
)
def test_bad_filters_give_a_vietnamese_error_never_a_500(client, library, params):
    response = client.get("/van-ban/", params)
    assert response.status_code == 200
    if "page" not in params:
        content = response.content.decode()
        assert "errorlist" in content
        assert any(
            text in content
            for text in (
                "Hãy nhập ngày theo dạng dd/mm/yyyy",
                "Ngày kết thúc đứng trước ngày bắt đầu",
                "không có trong danh sách lựa chọn",
            )
        )


def test_a_bad_filter_is_ignored_and_the_others_still_apply(client, library):
    response = client.get("/van-ban/", {"issued_from": "99/99/9999", "type": "luat"})
    assert codes(response) == ["50/2024/QH15"]


def test_filter_state_survives_in_pagination_links(client, library):
    LegalDocumentFactory.create_batch(25, issuer=library["law"].issuer)
    response = client.get("/van-ban/", {"issuer": "quoc-hoi"})
    assert response.context["page_obj"].paginator.count == 26
    assert "?issuer=quoc-hoi&amp;page=2" in response.content.decode()
    second = client.get("/van-ban/?issuer=quoc-hoi&page=2")
    assert len(second.context["documents"]) == 6


@pytest.mark.parametrize("query", ["!!!", "\u0301", "—", "🙂"])
def test_a_query_with_nothing_number_like_lists_without_error(client, home_page, library, query):
    """Found by fuzzing: only symbols made an empty number condition and a 500."""
    assert list(LegalDocument.objects.listing().matching(query)) == []
    assert client.get("/van-ban/", {"q": query}).status_code == 200
