import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from congdoan.gallery.demo import generated_mp4
from congdoan.gallery.factories import VideoPageFactory
from congdoan.gallery.validators import validate_video_file
from congdoan.gallery.video_sources import parse_external_video

URL_ATTRIBUTES = ("src", "srcset", "poster", "data", "action")
FETCHED_LINK_TYPES = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "preconnect"}
OWN_HOST = "testserver"


def external_requests(html: str) -> list[str]:
    """Every URL in the page that a browser would fetch on load from another host."""
    page = BeautifulSoup(html, "html.parser")
    found = []
    for tag in page.find_all(True):
        for attribute in URL_ATTRIBUTES:
            for candidate in re.split(r",\s*", tag.get(attribute, "") or ""):
                url = candidate.strip().split(" ")[0]
                if urlparse(url).netloc not in ("", OWN_HOST):
                    found.append(url)
        fetched_link = tag.name == "link" and FETCHED_LINK_TYPES & set(tag.get("rel", []))
        if fetched_link and urlparse(tag.get("href", "")).netloc not in ("", OWN_HOST):
            found.append(tag["href"])
    return found


@pytest.mark.django_db
def test_youtube_facade_makes_no_third_party_request_before_the_click(client, youtube_video):
    html = client.get(youtube_video.url).content.decode()
    assert external_requests(html) == []
    page = BeautifulSoup(html, "html.parser")
    assert not page.find("iframe")
    facade = page.select_one("[data-video-facade]")
    assert facade["data-embed-src"].startswith("https://www.youtube-nocookie.com/embed/Xb2p6tSgXU0")
    assert facade.select_one("[data-video-play]")["href"] == (
        "https://www.youtube.com/watch?v=Xb2p6tSgXU0"
    )
    assert facade.find("picture")


@pytest.mark.parametrize(
    ("url", "provider"),
    [
        ("https://youtu.be/Xb2p6tSgXU0", "youtube"),
        ("https://www.youtube.com/shorts/Xb2p6tSgXU0", "youtube"),
        ("https://www.facebook.com/congdoanvietnam/videos/123456789/", "facebook"),
        ("https://example.com/video.mp4", None),
    ],
)
def test_external_links_are_recognised(url, provider):
    parsed = parse_external_video(url)
    assert (parsed.provider if parsed else None) == provider


@pytest.mark.django_db
def test_uploaded_video_plays_and_its_related_videos_show(client, video_index, youtube_video):
    video = VideoPageFactory(
        parent=video_index,
        external_url="",
        video_file=ContentFile(generated_mp4("Thử", seconds=1), name="thu.mp4"),
        description="Giới thiệu Đại hội",
    )
    video.save_revision().publish()
    page = BeautifulSoup(client.get(video.url).content, "html.parser")
    source = page.select_one("video source")
    assert source["type"] == "video/mp4" and source["src"].endswith(".mp4")
    assert youtube_video.title in page.select_one(".related").get_text()


@pytest.mark.django_db
def test_range_requests_on_uploaded_video(client, video_index):
    data = generated_mp4("Thử", seconds=1)
    video = VideoPageFactory(
        parent=video_index, external_url="", video_file=ContentFile(data, name="tua.mp4")
    )
    url = video.video_file.url
    full = client.get(url)
    assert full.status_code == 200 and full["Accept-Ranges"] == "bytes"
    assert b"".join(full.streaming_content) == data

    partial = client.get(url, HTTP_RANGE="bytes=100-199")
    assert partial.status_code == 206
    assert partial["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert partial["Content-Length"] == "100"
    assert partial["Content-Type"] == "video/mp4"
    assert b"".join(partial.streaming_content) == data[100:200]

    tail = client.get(url, HTTP_RANGE="bytes=-50")
    assert tail.status_code == 206 and b"".join(tail.streaming_content) == data[-50:]
    open_ended = client.get(url, HTTP_RANGE=f"bytes={len(data) - 10}-")
    assert b"".join(open_ended.streaming_content) == data[-10:]

    beyond = client.get(url, HTTP_RANGE=f"bytes={len(data) + 5}-")
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{len(data)}"
    assert client.get(url, HTTP_RANGE="bytes=50-10").status_code == 416
    assert client.get(url, HTTP_RANGE="items=1-2").status_code == 200


def test_duration_is_read_from_an_uploaded_mp4(db):
    from congdoan.gallery.validators import probe_duration

    upload = SimpleUploadedFile("a.mp4", generated_mp4("Thử", seconds=2), "video/mp4")
    assert probe_duration(upload) == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("phong-su.mp4", b"<html>not a video</html>" * 20, "không phải là video"),
        ("anh.webm", b"\x89PNG\r\n\x1a\n" + b"\0" * 300, "không phải là video"),
        ("bai.pdf", b"%PDF-1.4", "MP4 hoặc WebM"),
    ],
)
def test_content_that_is_not_video_is_refused_in_vietnamese(settings, name, content, message):
    settings.LANGUAGE_CODE = "vi"
    with pytest.raises(ValidationError) as error:
        validate_video_file(SimpleUploadedFile(name, content))
    assert message in " ".join(error.value.messages)


@pytest.mark.django_db
def test_admin_refuses_a_fake_video_and_keeps_the_form(client, video_index):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_superuser("a", "a@example.vn", "p"))
    url = f"/admin/pages/add/gallery/videopage/{video_index.pk}/"
    form = BeautifulSoup(client.get(url).content, "html.parser")
    data = {
        field["name"]: field.get("value", "")
        for field in form.select("form#page-edit-form input[name]")
        if field.get("type") not in {"file", "checkbox", "submit"}
    }
    data.update(
        {
            "title": "Phóng sự Đại hội",
            "slug": "phong-su-dai-hoi",
            "date": "2024-05-01",
            "video_file": SimpleUploadedFile("phong-su.mp4", b"khong phai video" * 30),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert "không phải là video" in text
    assert "Phóng sự Đại hội" in text


def test_video_in_an_article_body_is_the_same_click_to_load_facade(client, home_page):
    from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

    article = ArticlePageFactory(
        parent=SectionPageFactory(parent=home_page),
        body=[
            (
                "video",
                {"video": "https://youtu.be/Xb2p6tSgXU0", "caption": "Đại hội Công đoàn tỉnh"},
            ),
            ("video", {"video": "https://vimeo.com/123456", "caption": ""}),
        ],
    )
    html = client.get(article.url).content.decode()
    assert external_requests(html) == []
    facade = BeautifulSoup(html, "html.parser").select_one("[data-video-facade]")
    assert facade["data-embed-src"].startswith("https://www.youtube-nocookie.com/embed/Xb2p6tSgXU0")
    assert "Xem video" in html  # an unknown provider is a plain link, never an iframe
    assert "<iframe" not in html
