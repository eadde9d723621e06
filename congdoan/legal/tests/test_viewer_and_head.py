"""“Xem trực tuyến” shows the site's own PDF; HEAD on a download answers without counting."""

import http.client
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.test.testcases import _MediaFilesHandler

from congdoan.legal.factories import LegalDocumentFactory
from congdoan.legal.models import LegalDocumentFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def document_with_pdf(pdf_bytes):
    document = LegalDocumentFactory()
    item = LegalDocumentFile()
    item.file.save("nghi-quyet.pdf", ContentFile(pdf_bytes), save=False)
    document.files.add(item)
    document.save()
    return document


def viewer_url(client, document):
    page = BeautifulSoup(client.get(document.get_absolute_url()).content, "html.parser")
    return page.select_one("object.legal-pdf")["data"].split("#")[0]


def test_the_online_viewer_may_frame_the_pdf_but_the_page_stays_deny(
    client, home_page, document_with_pdf, pdf_bytes
):
    page = client.get(document_with_pdf.get_absolute_url())
    assert page["X-Frame-Options"] == "DENY"
    pdf = client.get(viewer_url(client, document_with_pdf))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["X-Frame-Options"] == "SAMEORIGIN"
    assert b"".join(pdf.streaming_content) == pdf_bytes


def test_head_on_a_download_redirects_like_get_and_counts_nothing(client, document_with_pdf):
    url = document_with_pdf.files.get().get_download_url()
    head = client.head(url)
    assert head.status_code == 302
    assert head["Location"] == document_with_pdf.files.get().file.url
    document_with_pdf.refresh_from_db()
    assert document_with_pdf.download_count == 0
    assert client.get(url).status_code == 302
    document_with_pdf.refresh_from_db()
    assert document_with_pdf.download_count == 1
    assert client.post(url).status_code == 405


# The live server needs committed rows; the flush after it must restore migrated data.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_running_portal_frames_the_pdf_and_answers_head(
    live_server, monkeypatch, client, home_page, document_with_pdf, pdf_bytes
):
    # Django's test-only media handler would answer /media/ itself, before the portal's view.
    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda handler, path: False)
    connection = http.client.HTTPConnection(urlsplit(live_server.url).netloc, timeout=10)
    connection.request("GET", viewer_url(client, document_with_pdf))
    pdf = connection.getresponse()
    assert pdf.status == 200 and pdf.read() == pdf_bytes
    assert pdf.getheader("X-Frame-Options") == "SAMEORIGIN"
    connection.request("HEAD", document_with_pdf.files.get().get_download_url())
    head = connection.getresponse()
    assert head.status == 302 and head.read() == b""
    connection.close()
