import factory
import wagtail_factories
from django.utils import timezone

from congdoan.core.text import vietnamese_slugify
from congdoan.gallery.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage


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
