"""Issue 10 #1 and #10: zip bombs and fake PDFs. The bombs are built here, streaming, so
the test itself stays small in memory; every read of them must stay bounded too."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from congdoan.legal import extraction
from congdoan.legal.extraction import ExtractionError, extract_text
from congdoan.legal.factories import LegalDocumentFactory
from congdoan.legal.models import ExtractionStatus, LegalDocument, LegalDocumentFile
from congdoan.legal.validators import validate_document_file

pytestmark = pytest.mark.django_db

MB = 1024 * 1024
WORD_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zip_with(member: str, megabytes: int, piece: bytes, prefix: bytes = b"", suffix: bytes = b""):
    """A zip holding `member` of about `megabytes` MB of `piece` repeated, written a chunk at
    a time (deflate makes it a few hundred KB), plus what a .docx/.odt also needs."""
    buffer = io.BytesIO()
    chunk = piece * (MB // len(piece))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w", force_zip64=True) as stream:
            stream.write(prefix)
            for _ in range(megabytes):
                stream.write(chunk)
            stream.write(suffix)
    return buffer.getvalue()


def docx_bomb(megabytes=64):
    paragraph = b"<w:p><w:r><w:t>Cong doan co so </w:t></w:r></w:p>"
    return zip_with(
        "word/document.xml",
        megabytes,
        paragraph,
        prefix=f"<w:document {WORD_NS}><w:body>".encode(),
        suffix=b"</w:body></w:document>",
    )


def peak_memory(function):
    tracemalloc.start()
    try:
        result = function()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_docx_bomb_is_refused_without_inflating_it():
    bomb = docx_bomb(64)
    assert len(bomb) < MB  # 64 MB of XML in a small file

    def extract():
        with pytest.raises(ExtractionError) as error:
            extract_text(io.BytesIO(bomb), "docx", "bom.docx")
        return error.value

    with translation.override("vi"):
        error, peak = peak_memory(extract)
    assert "bom.docx" in str(error) and "bom nén" in str(error)
    assert peak < 5 * MB


def test_a_docx_bomb_attached_to_a_document_is_reported_in_the_admin_list(admin_client):
    document = LegalDocumentFactory(code="77/QĐ-TLĐ")
    item = LegalDocumentFile()
    item.file.save("bom.docx", ContentFile(docx_bomb(64)), save=False)
    document.files.add(item)
    document.save()
    document = LegalDocument.objects.get(pk=document.pk)
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extracted_text == ""
    assert "bom nén" in document.extraction_error
    html = admin_client.get("/admin/snippets/legal/legaldocument/").content.decode()
    assert "bom nén" in html


def test_a_long_text_is_cut_at_the_limit_and_the_cut_is_reported(monkeypatch):
    # Ratio under the bomb limit: varied text, 3 MB of XML.
    words = b"".join(
        f"<w:p><w:r><w:t>Dieu {n} quy dinh ve cong doan co so</w:t></w:r></w:p>".encode()
        for n in range(2000)
    )
    docx = zip_with(
        "word/document.xml",
        3,
        words,
        prefix=f"<w:document {WORD_NS}><w:body>".encode(),
        suffix=b"</w:body></w:document>",
    )
    monkeypatch.setattr(extraction, "MAX_TEXT_CHARS", 5_000)
    document = LegalDocumentFactory(code="78/QĐ-TLĐ")
    item = LegalDocumentFile()
    item.file.save("dai.docx", ContentFile(docx), save=False)
    document.files.add(item)
    document.save()
    document = LegalDocument.objects.get(pk=document.pk)
    assert document.extraction_status == ExtractionStatus.DONE
    assert document.extracted_text.startswith("Dieu 0 quy dinh ve cong doan co so")
    assert len(document.extracted_text) <= 5_000
    assert document.extraction_error == (
        "Văn bản quá dài: chỉ giữ lại 5.000 ký tự đầu tiên của tệp “dai.docx” để tìm kiếm."
    )
    with translation.override("vi"):
        assert document.extraction_report() == f"đã trích xuất: {document.extraction_error}"


def test_an_odt_with_a_huge_mimetype_member_is_refused_at_upload_in_bounded_memory():
    bomb = zip_with("content.xml", 1, b"<x/>")
    # Rebuild with a 64 MB `mimetype` member: the validator must not read it whole.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as stream:
            stream.write(b"application/vnd.oasis.opendocument.text")
            for _ in range(64):
                stream.write(b" " * MB)
        with zipfile.ZipFile(io.BytesIO(bomb)) as source:
            archive.writestr("content.xml", source.read("content.xml")[:100])
    upload = SimpleUploadedFile("thong-bao.odt", buffer.getvalue())

    def validate():
        with pytest.raises(ValidationError) as error:
            validate_document_file(upload)
        return error.value

    with translation.override("vi"):
        error, peak = peak_memory(validate)
    assert error.code == "zip_bomb"
    assert "thong-bao.odt" in error.messages[0] and "bom nén" in error.messages[0]
    assert peak < 5 * MB


def test_a_small_odt_mimetype_is_read_within_its_first_bytes(odt_bytes):
    validate_document_file(SimpleUploadedFile("thong-bao.odt", odt_bytes))


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script>%PDF-1.4 not a pdf</html>",
        b"%PDF-1.7\n<html><script>alert(1)</script></html>\n%%EOF",
    ],
)
def test_a_file_that_only_looks_like_a_pdf_is_refused(content):
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        validate_document_file(SimpleUploadedFile("nghi-quyet.pdf", content))
    assert error.value.code == "content"
    assert error.value.messages[0] == (
        "Nội dung của “nghi-quyet.pdf” không phải là tệp PDF. "
        "Hãy lưu lại đúng định dạng hoặc đặt đúng phần mở rộng."
    )


def test_a_real_pdf_passes_the_structure_check(pdf_bytes):
    validate_document_file(SimpleUploadedFile("nghi-quyet.pdf", pdf_bytes))
