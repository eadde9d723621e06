"""Gzip for rendered text; photos, videos and byte ranges left as they are."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from congdoan.core.compression import TextGZipMiddleware

BODY = "<p>Công đoàn Việt Nam</p>" * 200


def respond(content_type: str, **headers) -> HttpResponse:
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    response = HttpResponse(BODY.encode(), content_type=content_type, headers=headers)
    return TextGZipMiddleware(lambda request: response)(request)


@pytest.mark.django_db
def test_the_home_page_is_gzip_encoded_when_the_browser_accepts_it(client, home_page):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Trang chủ" in gzip.decompress(response.content).decode()


@pytest.mark.django_db
def test_the_home_page_is_plain_without_accept_encoding(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


@pytest.mark.parametrize(
    "content_type", ["text/html; charset=utf-8", "application/rss+xml", "application/json"]
)
def test_text_responses_are_compressed(content_type):
    response = respond(content_type)
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).decode() == BODY


@pytest.mark.parametrize("content_type", ["image/jpeg", "video/mp4", "application/pdf"])
def test_media_is_not_compressed_again(content_type):
    response = respond(content_type)
    assert not response.has_header("Content-Encoding")
    assert response.content == BODY.encode()


def test_a_byte_range_is_left_as_it_is():
    response = respond("text/plain", **{"Content-Range": "bytes 0-9/100"})
    assert not response.has_header("Content-Encoding")
