import io

import factory
import wagtail_factories
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image

from congdoan.core.text import vietnamese_slugify
from congdoan.gallery.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage


def jpeg_bytes(width=64, height=48, colour=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def make_image(title="Ảnh thử", width=64, height=48) -> Image:
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(jpeg_bytes(width, height)), name="anh-thu.jpg")
    image.save()
    return image


class AlbumIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ảnh hoạt động"
    slug = "anh-hoat-dong"

    class Meta:
        model = AlbumIndexPage


class AlbumPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Album hoạt động số {n}")
    slug = factory.LazyAttribute(lambda page: vietnamese_slugify(page.title))
    event_date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = AlbumPage


class VideoIndexPageFactory(wagtail_factories.PageFactory):
    title = "Video"
    slug = "video"

    class Meta:
        model = VideoIndexPage


class VideoPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Video công đoàn số {n}")
    slug = factory.LazyAttribute(lambda page: vietnamese_slugify(page.title))
    external_url = "https://www.youtube.com/watch?v=Xb2p6tSgXU0"

    class Meta:
        model = VideoPage
