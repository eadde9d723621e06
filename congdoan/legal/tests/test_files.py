import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import translation

from congdoan.legal.factories import LegalDocumentFactory
from congdoan.legal.models import ExtractionStatus, LegalDocument, LegalDocumentFile
from congdoan.legal.validators import validate_document_file

pytestmark = pytest.mark.django_db


def attach(document, name, content):
    item = LegalDocumentFile()
    item.file.save(name, ContentFile(content), save=False)
    document.files.add(item)
    document.save()
    return LegalDocument.objects.get(pk=document.pk)


def test_text_is_extracted_from_a_pdf_and_searchable(pdf_bytes):
    document = attach(LegalDocumentFactory(), "nghi-quyet.pdf", pdf_bytes)
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Nguoi lao dong duoc bao ve" in document.extracted_text
    assert document in LegalDocument.objects.all().matching("người lao động được bảo vệ")


def test_text_is_extracted_from_a_docx(docx_bytes):
    document = attach(LegalDocumentFactory(), "huong-dan.docx", docx_bytes)
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Đoàn phí công đoàn bằng một phần trăm tiền lương" in document.extracted_text
    assert document in LegalDocument.objects.all().matching("doan phi")


def test_text_is_extracted_from_an_odt(odt_bytes):
    document = attach(LegalDocumentFactory(), "thong-bao.odt", odt_bytes)
    assert "Thông báo lịch tiếp đoàn viên" in document.extracted_text


def test_a_failing_extraction_keeps_the_document_and_can_be_retried(pdf_bytes):
    broken = b"%PDF-1.4\n this is not really a PDF \n%%EOF"
    document = attach(LegalDocumentFactory(code="99/QĐ-TLĐ"), "hong.pdf", broken)
    assert LegalDocument.objects.filter(pk=document.pk).exists()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert "hong.pdf" in document.extraction_error
    assert document.files.count() == 1
    # The file is repaired in storage; a retry reads it.
    item = document.files.get()
    with item.file.storage.open(item.file.name, "wb") as stream:
        stream.write(pdf_bytes)
    call_command("extract_documents", "--retry", stdout=open("/dev/null", "w"))  # noqa: SIM115
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extraction_error == ""


def test_a_document_without_readable_files_needs_no_extraction():
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    document = attach(LegalDocumentFactory(), "bang-luong.xls", ole2)
    assert document.extraction_status == ExtractionStatus.NOT_NEEDED


def test_saving_again_without_file_changes_keeps_the_text(pdf_bytes):
    document = attach(LegalDocumentFactory(), "nghi-quyet.pdf", pdf_bytes)
    document.summary = "Trích yếu mới"
    document.save()
    document.refresh_from_db()
    assert "Nguoi lao dong" in document.extracted_text


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("toan-van.pdf", b"PK\x03\x04 a zip, not a pdf"),
        ("toan-van.docx", b"%PDF-1.4 a pdf, not a docx"),
        ("toan-van.doc", b"plain text pretending"),
        ("toan-van.xlsx", None),  # a DOCX renamed to .xlsx
        ("toan-van.odt", None),
    ],
)
def test_content_that_is_not_what_the_extension_claims_is_refused(name, content, docx_bytes):
    upload = SimpleUploadedFile(name, content if content is not None else docx_bytes)
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        validate_document_file(upload)
    assert error.value.code == "content"
    assert "không phải là tệp" in error.value.messages[0]


@pytest.mark.parametrize("fixture", ["pdf_bytes", "docx_bytes", "odt_bytes"])
def test_real_files_pass(request, fixture):
    extension = {"pdf_bytes": "pdf", "docx_bytes": "docx", "odt_bytes": "odt"}[fixture]
    validate_document_file(SimpleUploadedFile(f"a.{extension}", request.getfixturevalue(fixture)))


def test_unknown_extension_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_document_file(SimpleUploadedFile("virus.exe", b"MZ\x90\x00"))
    assert error.value.code == "extension"


def test_size_limit_is_a_setting(settings, pdf_bytes):
    settings.LEGAL_DOCUMENT_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("lon.pdf", pdf_bytes + b"\0" * (1024 * 1024))
    with pytest.raises(ValidationError) as error:
        validate_document_file(big)
    assert error.value.code == "size"
    settings.LEGAL_DOCUMENT_MAX_UPLOAD_MB = 2
    validate_document_file(big)


def test_default_size_limit_is_50_mb():
    from django.conf import settings

    assert settings.LEGAL_DOCUMENT_MAX_UPLOAD_MB == 50
