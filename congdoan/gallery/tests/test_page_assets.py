"""The gallery's stylesheet is linked once per page, and its HTML has no escaped attributes."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Rendition

from congdoan.core.factories import make_image
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

GALLERY_CSS = re.compile(r'<link[^>]+href="[^"]*gallery/gallery\.css"')


def article_with_gallery_and_video(home_page):
    photo = make_image("Ảnh bài viết")
    article = ArticlePageFactory(
        parent=SectionPageFactory(parent=home_page, title="Tin tức"),
        body=[
            (
                "gallery",
                {
                    "title": "Hình ảnh",
                    "photos": [
                        {"image": photo, "alt_text": "Ảnh 1", "caption": "", "credit": ""},
                        {"image": photo, "alt_text": "Ảnh 2", "caption": "", "credit": ""},
                    ],
                },
            ),
        ],
    )
    article.save_revision().publish()
    return article


def test_gallery_css_is_linked_exactly_once_per_page(client, home_page, album, youtube_video):
    article = article_with_gallery_and_video(home_page)
    for url in ["/", "/anh-hoat-dong/", album.url, f"{album.url}anh/1/", youtube_video.url]:
        html = client.get(url).content.decode()
        assert len(GALLERY_CSS.findall(html)) == 1, url
    html = client.get(article.url).content.decode()
    assert len(GALLERY_CSS.findall(html)) == 1
    head = BeautifulSoup(html, "html.parser").head
    assert head.find("link", href=re.compile(r"gallery/gallery\.css$")) is not None


def test_photos_without_renditions_keep_a_real_loading_attribute(client, album):
    # Without renditions yet, photos are shown from their original file: their attributes
    # must not be escaped.
    Rendition.objects.all().delete()

    html = client.get(album.url).content.decode()

    assert "=&quot;" not in html
    originals = BeautifulSoup(html, "html.parser").select('img[src*="/original_images/"]')
    assert len(originals) == 3
    assert [img.get("loading") for img in originals] == [None, "lazy", "lazy"]
