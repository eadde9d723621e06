from datetime import date

import pytest

from congdoan.core.factories import make_image
from congdoan.gallery.factories import (
    AlbumIndexPageFactory,
    AlbumPageFactory,
    VideoIndexPageFactory,
    VideoPageFactory,
)
from congdoan.gallery.models import AlbumPhoto


@pytest.fixture
def album_index(home_page):
    return AlbumIndexPageFactory(parent=home_page)


@pytest.fixture
def video_index(home_page):
    return VideoIndexPageFactory(parent=home_page)


def add_album(index, photo_count=3, image=None, **kwargs):
    album = AlbumPageFactory.build(**kwargs)
    image = image or make_image()
    for number in range(photo_count):
        album.photos.add(
            AlbumPhoto(
                image=image,
                alt_text=f"Mô tả ảnh {number + 1}",
                caption=f"Chú thích ảnh {number + 1}",
                photographer="Minh Đức",
                sort_order=number,
            )
        )
    index.add_child(instance=album)
    album.save_revision().publish()
    return album


@pytest.fixture
def album(album_index):
    return add_album(album_index, 3, event_date=date(2024, 5, 1), title="Tháng Công nhân")


@pytest.fixture
def youtube_video(video_index):
    video = VideoPageFactory(parent=video_index, poster=make_image("Poster"))
    video.save_revision().publish()
    return video


@pytest.fixture(autouse=True)
def clear_cache():
    """Rendition lookups are cached; in-memory test databases reuse primary keys."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
