import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from wagtail.images.models import Rendition

from congdoan.core.factories import make_image
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

from .conftest import add_album


def assert_every_image_is_responsive(html: str, url: str):
    page = BeautifulSoup(html, "html.parser")
    # The visitor-counting pixel inside <noscript> is a beacon, not a picture.
    images = [img for img in page.find_all("img") if not img.find_parent("noscript")]
    assert images, url
    for img in images:
        picture = img.find_parent("picture")
        assert picture is not None, (url, str(img))
        modern = picture.find("source", type=lambda t: t in {"image/avif", "image/webp"})
        assert modern is not None and modern.get("srcset"), (url, str(picture))
        assert " 400w" in modern["srcset"] or "w," in modern["srcset"], (url, modern["srcset"])
        assert img.get("width") and img.get("height"), (url, str(img))
        assert "original_images" not in str(picture), url


@pytest.mark.django_db
def test_every_public_image_is_a_picture_with_a_modern_format(
    client, home_page, album, youtube_video
):
    section = SectionPageFactory(parent=home_page, title="Tin tức")
    photo = make_image("Ảnh bài viết")
    article = ArticlePageFactory(
        parent=section,
        cover_image=make_image("Ảnh bìa"),
        cover_alt="Ảnh bìa bài viết",
        body=[
            ("image", {"image": photo, "alt_text": "Hội nghị", "caption": "Hội nghị"}),
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
    urls = [
        "/",
        section.url,
        article.url,
        "/anh-hoat-dong/",
        album.url,
        f"{album.url}anh/1/",
        "/video/",
        youtube_video.url,
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_every_image_is_responsive(response.content.decode(), url)
    home = BeautifulSoup(client.get("/").content, "html.parser")
    assert home.select(".home-gallery .card-title a")
    # Each shown once on the home page: in its main column, not again in the sidebar.
    assert not home.select(".widget-albums") and not home.select(".widget-videos")
    article_soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert article_soup.select(".widget-albums") and article_soup.select(".widget-videos")
    first, *rest = article_soup.select("main img")
    assert first.get("loading") != "lazy"
    assert all(img.get("loading") == "lazy" for img in rest)


@pytest.mark.django_db
def test_publishing_a_page_generates_the_renditions_in_a_task(album):
    image = album.photos.first().image
    Rendition.objects.filter(image=image).delete()
    album.save_revision().publish()
    specs = set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))
    assert "width-800|format-avif" in specs
    assert "fill-200x200-c100|format-webp" in specs


@pytest.mark.django_db
def test_rendering_with_brand_new_images_creates_no_rendition_in_the_request(
    client, album_index, monkeypatch
):
    from wagtail.images.models import Image

    dummy_backend = {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": settings.TASK_QUEUES,
    }
    with override_settings(TASKS={"default": dummy_backend}):
        album = add_album(album_index, 4, image=make_image("Ảnh mới"))
        before = Rendition.objects.count()

        def forbidden(*args, **kwargs):
            raise AssertionError("a rendition was generated during the request")

        monkeypatch.setattr(Image, "create_renditions", forbidden)
        monkeypatch.setattr(Image, "create_rendition", forbidden)
        monkeypatch.setattr(Image, "generate_rendition_file", forbidden)
        from django_tasks import default_task_backend

        default_task_backend.clear()
        cache.clear()
        response = client.get(album.url)
        assert response.status_code == 200
        assert Rendition.objects.count() == before
        html = BeautifulSoup(response.content, "html.parser")
        photos = html.select("main picture img")
        assert len(photos) == 4
        assert not html.select("img.image-pending")
        # The JPEG sizes made when the image was saved, until the task makes AVIF and WebP.
        for img in photos:
            assert img["width"] and img["height"] and img["alt"]
            assert img["src"].endswith(".jpg") and "original_images" not in img["src"]
        queued = [result.task.name for result in default_task_backend.results]
        assert queued == ["generate_renditions"]
