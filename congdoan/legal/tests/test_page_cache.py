"""The document library under the page cache, and the *Văn bản mới* side block on every page."""

import pytest

from congdoan.legal.factories import LegalDocumentFactory

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Hướng dẫn thu, chi kinh phí công đoàn năm 2025"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def document(home_page):
    return LegalDocumentFactory(code="15/2024/QĐ-TLĐ")


def test_the_list_and_a_document_are_cached_a_filtered_list_is_not(client, page_cache, document):
    for url in ("/van-ban/", "/van-ban/?page=1", document.get_absolute_url()):
        assert client.get(url)["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url
    for _ in range(2):
        filtered = client.get("/van-ban/?q=c%C3%B4ng+%C4%91o%C3%A0n&type=1")
        assert filtered.status_code == 200
        assert filtered["X-Page-Cache"] == "bypass"


def test_saving_a_document_shows_it_in_the_side_block_the_list_and_its_page(
    client, page_cache, document, django_capture_on_commit_callbacks
):
    urls = ("/", "/van-ban/", document.get_absolute_url())
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        LegalDocumentFactory(code="22/2025/HD-TLĐ", summary=NEW_SUMMARY)
        document.summary = "Về việc sửa đổi quy chế hoạt động"
        document.save()
    home = client.get("/")
    assert home["X-Page-Cache"] == "miss"
    assert "22/2025/HD-TLĐ" in home.content.decode()
    assert "22/2025/HD-TLĐ" in client.get("/van-ban/").content.decode()
    assert (
        "Về việc sửa đổi quy chế hoạt động"
        in client.get(document.get_absolute_url()).content.decode()
    )


def test_deleting_a_document_removes_it_from_the_side_block(
    client, page_cache, document, django_capture_on_commit_callbacks
):
    assert "15/2024/QĐ-TLĐ" in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    home = client.get("/")
    assert home["X-Page-Cache"] == "miss"
    assert "15/2024/QĐ-TLĐ" not in home.content.decode()
