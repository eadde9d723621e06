import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from congdoan.legal.factories import AreaFactory, DocumentTypeFactory, IssuerFactory
from congdoan.legal.models import ExtractionStatus, LegalDocument

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/legal/legaldocument/add/"


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.vn", "mat-khau-123")
    client.force_login(user)
    return client


def form_data(**overrides):
    data = {
        "code": "02-NQ/TW",
        "document_type": DocumentTypeFactory(name="Nghị quyết").pk,
        "issuer": IssuerFactory(name="Bộ Chính trị").pk,
        "signer": "Nguyễn Phú Trọng",
        "summary": "Về đổi mới tổ chức và hoạt động của Công đoàn Việt Nam",
        "areas": [AreaFactory(name="Công đoàn").pk],
        "issued_on": "2021-06-12",
        "effective_on": "",
        "expires_on": "",
        "note": "",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-title": "Toàn văn",
        "files-0-ORDER": "1",
        "files-0-DELETE": "",
    }
    data.update(overrides)
    return data


def test_admin_menu_and_list(admin_client):
    response = admin_client.get("/admin/snippets/legal/legaldocument/")
    assert response.status_code == 200
    assert "legal-documents" in admin_client.get("/admin/").content.decode()


def test_admin_create_with_a_file_extracts_text(admin_client, pdf_bytes):
    data = form_data()
    data["files-0-file"] = SimpleUploadedFile("nghi-quyet.pdf", pdf_bytes)
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["form"].errors
    document = LegalDocument.objects.get()
    assert document.code == "02-NQ/TW"
    assert document.areas.count() == 1
    assert document.files.get().title == "Toàn văn"
    assert document.extraction_status == ExtractionStatus.DONE
    assert "cong doan" in document.extracted_text.lower()


def test_admin_refuses_a_file_whose_content_does_not_match(admin_client, docx_bytes):
    data = form_data()
    data["files-0-file"] = SimpleUploadedFile("nghi-quyet.pdf", docx_bytes)
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "không phải là tệp PDF" in response.content.decode()
    assert not LegalDocument.objects.exists()


def test_admin_edit(admin_client):
    admin_client.post(ADD_URL, form_data(**{"files-TOTAL_FORMS": "0"}))
    document = LegalDocument.objects.get()
    url = f"/admin/snippets/legal/legaldocument/edit/{document.pk}/"
    assert admin_client.get(url).status_code == 200
    data = form_data(
        summary="Trích yếu đã sửa",
        expires_on="2031-01-01",
        is_replaced="on",
        **{"files-TOTAL_FORMS": "0"},
    )
    data["document_type"] = document.document_type_id
    data["issuer"] = document.issuer_id
    data["areas"] = [document.areas.get().pk]
    response = admin_client.post(url, data)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.summary == "Trích yếu đã sửa"
    assert document.expires_on == datetime.date(2031, 1, 1)
    assert document.is_replaced


def test_admin_search_finds_a_number_in_any_spelling(admin_client):
    admin_client.post(ADD_URL, form_data(**{"files-TOTAL_FORMS": "0"}))
    response = admin_client.get("/admin/snippets/legal/legaldocument/", {"q": "nq 02"})
    assert "02-NQ/TW" in response.content.decode()


def test_admin_bulk_action_extracts_again(admin_client):
    admin_client.post(ADD_URL, form_data(**{"files-TOTAL_FORMS": "0"}))
    document = LegalDocument.objects.get()
    url = f"/admin/bulk/legal/legaldocument/extract_text/?next=/admin/&id={document.pk}"
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url).status_code == 302


def test_admin_list_shows_issue_dates_as_dates(admin_client):
    from congdoan.legal.factories import LegalDocumentFactory

    LegalDocumentFactory(code="02-NQ/TW", issued_on=datetime.date(2021, 6, 12))
    html = admin_client.get("/admin/snippets/legal/legaldocument/").content.decode()
    assert "12/06/2021" in html
