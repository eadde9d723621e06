import io
import zipfile

import docx
import pytest
from django.core.cache import cache

from congdoan.legal.sample_files import text_pdf


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pdf_bytes():
    return text_pdf(["Nghị quyết về công đoàn", "Người lao động được bảo vệ"], with_image=False)


@pytest.fixture
def docx_bytes():
    document = docx.Document()
    document.add_paragraph("Hướng dẫn thu kinh phí công đoàn")
    document.add_paragraph("Đoàn phí công đoàn bằng một phần trăm tiền lương")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            "<office:body><office:text><text:p>Thông báo lịch tiếp đoàn viên</text:p>"
            "</office:text></office:body></office:document-content>",
        )
    return buffer.getvalue()
