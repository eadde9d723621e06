"""Whatever is typed or pasted into a URL: a 200 or a 400 in Vietnamese, never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

NASTY = [
    "",
    "x" * 10_000,
    "!!!???...",
    '"',
    '"công đoàn',
    "*",
    "cong*",
    "NEAR(a b)",
    "a AND OR NOT b",
    "((((",
    "🙂👷‍♀️🇻🇳",
    "\x00",
    "công\x00đoàn",
    "'; DROP TABLE x; --",
    "\\",
    "%",
    "{title}: x",
    "title:x",
]
FIELDS = ["q", "kind", "section", "date_from", "date_to", "sort", "page"]

query_text = st.one_of(st.sampled_from(NASTY), st.text(max_size=300))


@pytest.fixture
def indexed(make_article):
    make_article("Công đoàn cơ sở tổ chức hội thao", sapo="Nghị quyết 02-NQ/TW.")


def assert_no_error(response):
    assert response.status_code in (200, 400), response.status_code
    if response.status_code == 400 and response["Content-Type"].startswith("text/html"):
        assert 'class="errorlist"' in response.content.decode()


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(params=st.dictionaries(st.sampled_from(FIELDS), query_text, max_size=4))
def test_search_page_survives_any_parameters(client, indexed, params):
    assert_no_error(client.get("/tim-kiem/", params))


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=query_text)
def test_suggestions_and_api_survive_any_query(client, indexed, q):
    response = client.get("/tim-kiem/goi-y/", {"q": q})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
    assert_no_error(client.get("/api/v2/pages/", {"search": q}))


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["%FF%FE", "%C3%28", "%00", "%ED%A0%80", "%F0%9F%99"])
@pytest.mark.parametrize("path", ["/tim-kiem/?q=", "/tim-kiem/goi-y/?q=", "/api/v2/pages/?search="])
def test_invalid_utf8_in_url(client, indexed, path, raw):
    assert_no_error(client.get(path + raw + "c%C3%B4ng"))
