"""API v2 answers hostile query parameters with a 400 and a Vietnamese message, never a 500."""

import json
import random
import urllib.error
import urllib.request

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from congdoan.search.api import MAX_OFFSET, whole_number

ENDPOINTS = ["pages", "images", "documents"]
OFFSET_MESSAGE = "“offset” phải là số nguyên từ 0 đến 1.000.000.000."
LIMIT_MESSAGE = "“limit” phải là số nguyên từ 0 đến 20."
OPERATOR_MESSAGE = "“search_operator” chỉ nhận “and” hoặc “or”."
ID_MESSAGE = "“id” phải là số nguyên dương."


@pytest.fixture
def api(client, home_page):
    """The test client, raising nothing so a 500 shows as a status instead of an exception."""
    client.raise_request_exception = False
    return client


def assert_refused(response, message):
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": message}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_three_reported_queries_are_refused(api, endpoint):
    assert_refused(
        api.get(f"/api/v2/{endpoint}/", {"offset": "9223372036854775808"}), OFFSET_MESSAGE
    )
    assert_refused(
        api.get(f"/api/v2/{endpoint}/", {"search": "x", "search_operator": "xxx"}),
        OPERATOR_MESSAGE,
    )
    assert_refused(api.get(f"/api/v2/{endpoint}/find/", {"id": "abc"}), ID_MESSAGE)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"offset": "-1"}, OFFSET_MESSAGE),
        ({"offset": "abc"}, OFFSET_MESSAGE),
        ({"offset": "1e3"}, OFFSET_MESSAGE),
        ({"offset": ""}, OFFSET_MESSAGE),
        ({"offset": "١٢"}, OFFSET_MESSAGE),  # Arabic-Indic digits: int() takes them, we do not
        ({"offset": str(MAX_OFFSET + 1)}, OFFSET_MESSAGE),
        ({"offset": "9" * 5000}, OFFSET_MESSAGE),
        ({"limit": "-1"}, LIMIT_MESSAGE),
        ({"limit": "abc"}, LIMIT_MESSAGE),
        ({"limit": "21"}, LIMIT_MESSAGE),
        ({"limit": "99999999999999999999999"}, LIMIT_MESSAGE),
        ({"limit": " 5"}, LIMIT_MESSAGE),
        ({"search": "x", "search_operator": ""}, OPERATOR_MESSAGE),
        ({"search": "x", "search_operator": "AND"}, OPERATOR_MESSAGE),
    ],
)
def test_bad_offset_limit_and_operator_are_refused(api, endpoint, params, message):
    assert_refused(api.get(f"/api/v2/{endpoint}/", params), message)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("value", ["", "-1", "1.5", "0x10", "1" * 20, "²"])
def test_bad_find_ids_are_refused(api, endpoint, value):
    assert_refused(api.get(f"/api/v2/{endpoint}/find/", {"id": value}), ID_MESSAGE)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_good_parameters_still_answer(api, endpoint):
    response = api.get(
        f"/api/v2/{endpoint}/",
        {"offset": str(MAX_OFFSET), "limit": "20", "search": "x", "search_operator": "or"},
    )
    assert response.status_code == 200
    assert response.json()["items"] == []
    missing = api.get(f"/api/v2/{endpoint}/find/", {"id": "9" * 19})
    assert missing.status_code == 404
    assert missing.json() == {"message": "Không tìm thấy."}


def test_find_by_id_still_redirects_to_the_item(api):
    document = get_document_model().objects.create(
        title="Điều lệ", file=ContentFile(b"%PDF-1.4\n", name="dieu-le.pdf")
    )
    response = api.get("/api/v2/documents/find/", {"id": str(document.pk)})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/documents/{document.pk}/?")


def test_wagtails_own_refusals_are_introduced_in_vietnamese(api):
    response = api.get("/api/v2/pages/", {"order": "nope"})
    assert_refused(response, "Yêu cầu không hợp lệ: cannot order by 'nope' (unknown field)")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_fuzzed_offsets_and_limits_answer_200_or_a_clear_400(api, endpoint):
    rng = random.Random(f"api-fuzz-{endpoint}")
    alphabet = "0123456789-+. e_xé٣\x00"
    for _ in range(40):
        offset = "".join(rng.choices(alphabet, k=rng.randint(0, 24)))
        limit = "".join(rng.choices(alphabet, k=rng.randint(0, 4)))
        response = api.get(f"/api/v2/{endpoint}/", {"offset": offset, "limit": limit})
        if whole_number(offset, MAX_OFFSET) is None:
            assert_refused(response, OFFSET_MESSAGE)
        elif whole_number(limit, 20) is None:
            assert_refused(response, LIMIT_MESSAGE)
        else:
            assert response.status_code == 200


# The live server needs committed rows; the flush after it must restore migrated data.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_running_portal_answers_400_in_vietnamese(live_server, home_page):
    url = f"{live_server.url}/api/v2/pages/?offset=9223372036854775808"
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(url, timeout=10)  # noqa: S310 - the test's own server
    assert raised.value.code == 400
    assert json.loads(raised.value.read()) == {"message": OFFSET_MESSAGE}
