"""Pictures right after an image is saved: JPEG sizes made on save, never a placeholder."""

import io

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from wagtail.images.models import Image, Rendition

from congdoan.core.factories import make_image
from congdoan.core.images import AVIF_ENCODER_SPEED, first_shown_specs
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

QUEUE_ONLY = {
    "default": {
        "BACKEND": "django_tasks.backends.dummy.DummyBackend",
        "QUEUES": django_settings.TASK_QUEUES,
    }
}


@pytest.fixture
def no_background_work(settings):
    """Tasks are queued and never run, as when the worker is busy with other work."""
    settings.TASKS = QUEUE_ONLY
    from django_tasks import default_task_backend

    default_task_backend.clear()
    return default_task_backend


def forbid_rendering(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("a rendition was generated during the request")

    for name in ("create_renditions", "create_rendition", "generate_rendition_file"):
        monkeypatch.setattr(Image, name, forbidden)


def test_saving_an_image_makes_the_first_shown_jpeg_sizes(no_background_work):
    image = make_image("Ảnh mới", 1600, 900)

    specs = set(image.renditions.values_list("filter_spec", flat=True))
    assert specs == set(first_shown_specs())
    assert "width-800|format-jpeg" in specs and "fill-400x225-c100|format-jpeg" in specs
    queued = [result.task.name for result in no_background_work.results]
    assert "generate_renditions" in queued  # AVIF, WebP and the rest wait for the worker


def test_article_page_right_after_saving_shows_an_existing_jpeg(
    client, home_page, no_background_work, monkeypatch
):
    section = SectionPageFactory(parent=home_page, title="Tin tức")
    article = ArticlePageFactory(
        parent=section, cover_image=make_image("Ảnh bìa", 1600, 900), cover_alt="Hội nghị"
    )
    article.save_revision().publish()
    forbid_rendering(monkeypatch)
    before = Rendition.objects.count()

    response = client.get(article.url)

    assert response.status_code == 200
    assert Rendition.objects.count() == before
    cover = BeautifulSoup(response.content, "html.parser").select_one("main picture img")
    assert cover["alt"] == "Hội nghị"
    assert "image-pending" not in response.content.decode()
    assert not cover["src"].startswith("data:")
    assert cover["src"].endswith(".jpg")
    rendition = Rendition.objects.get(file=cover["src"].removeprefix("/media/"))
    assert rendition.filter_spec.endswith("|format-jpeg")
    assert default_storage.exists(rendition.file.name)
    for candidate in cover["srcset"].split(","):
        url = candidate.split()[0]
        assert default_storage.exists(url.removeprefix("/media/")), url


def test_image_without_any_rendition_is_shown_from_its_original(
    client, home_page, no_background_work, monkeypatch
):
    section = SectionPageFactory(parent=home_page, title="Tin tức")
    image = make_image("Ảnh cũ", 640, 360)
    Rendition.objects.filter(image=image).delete()  # as for an image saved before this release
    article = ArticlePageFactory(parent=section, cover_image=image, cover_alt="Ảnh cũ")
    article.save_revision().publish()
    forbid_rendering(monkeypatch)

    html = client.get(article.url).content.decode()

    cover = BeautifulSoup(html, "html.parser").select_one("main picture img")
    assert cover["src"] == image.file.url
    assert (cover["width"], cover["height"], cover["alt"]) == ("640", "360", "Ảnh cũ")
    assert "image-pending" not in html


def test_avif_is_encoded_at_the_configured_speed():
    picture = PillowImage.effect_mandelbrot((96, 64), (-2, -1.2, 1, 1.2), 64).convert("RGB")

    def avif(**options) -> bytes:
        buffer = io.BytesIO()
        picture.save(buffer, "AVIF", quality=61, **options)
        return buffer.getvalue()

    assert AVIF_ENCODER_SPEED > 6  # faster than Pillow's default
    assert avif() == avif(speed=AVIF_ENCODER_SPEED)
    assert avif() != avif(speed=0)
