"""The *Ảnh hoạt động* and *Video* side blocks: cached as fragments, renewed on any change."""

import pytest

from congdoan.core.factories import make_image
from congdoan.gallery.factories import VideoPageFactory
from congdoan.gallery.models import AlbumPage

from .conftest import add_album

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    return settings


def test_the_album_block_is_one_fragment_for_every_page_until_an_album_changes(
    client, page_cache, album, album_index, video_index, django_capture_on_commit_callbacks
):
    # The home page shows albums in its main column, not in the side block: the fragment is
    # stored by the first other page with the side block.
    html = client.get(album_index.url).content.decode()
    assert "Tháng Công nhân" in html[html.index('class="widget widget-albums"') :]
    # Changed behind Wagtail's back (no signal): other pages still get the stored fragment.
    AlbumPage.objects.filter(pk=album.pk).update(title="Tên chưa xuất bản")
    sidebar = client.get(video_index.url)
    assert sidebar["X-Page-Cache"] == "miss"
    assert "Tháng Công nhân" in sidebar.content.decode()

    album.title = "Ngày hội Công nhân 2024"
    with django_capture_on_commit_callbacks(execute=True):
        album.save_revision().publish()
    for url in ("/", video_index.url):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Ngày hội Công nhân 2024" in response.content.decode()


def test_a_new_album_shows_on_the_home_page_and_in_the_side_block(
    client, page_cache, album, album_index, video_index, django_capture_on_commit_callbacks
):
    client.get("/")
    client.get(video_index.url)
    with django_capture_on_commit_callbacks(execute=True):
        add_album(album_index, 2, title="Hội thao công nhân khu công nghiệp")
    for url in ("/", video_index.url, album_index.url):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Hội thao công nhân khu công nghiệp" in response.content.decode(), url


def test_a_new_video_shows_on_the_home_page_and_in_the_side_block(
    client, page_cache, youtube_video, video_index, album, django_capture_on_commit_callbacks
):
    pages = ("/", album.url, video_index.url)
    for url in pages:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        video = VideoPageFactory(
            parent=video_index, title="Phóng sự Mái ấm Công đoàn", poster=make_image("Poster")
        )
        video.save_revision().publish()
    for url in pages:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "Phóng sự Mái ấm Công đoàn" in response.content.decode(), url


def test_replacing_an_image_clears_the_cached_album(
    client, page_cache, album, django_capture_on_commit_callbacks
):
    client.get(album.url)
    assert client.get(album.url)["X-Page-Cache"] == "hit"
    image = album.photos.first().image
    with django_capture_on_commit_callbacks(execute=True):
        image.title = "Ảnh đã thay"
        image.save()
    assert client.get(album.url)["X-Page-Cache"] == "miss"
