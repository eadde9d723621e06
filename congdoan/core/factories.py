import io

import wagtail_factories
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from congdoan.core.models import HomePage
from congdoan.core.sites import site_address


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Trang chủ"

    class Meta:
        model = HomePage

    @classmethod
    def create_as_site_root(cls, **kwargs):
        """A home page under the tree root, made the default site's root."""
        root = Page.get_first_root_node()
        home = cls(parent=root, **kwargs)
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page = home
            site.save()
        else:
            hostname, port = site_address(settings.WAGTAILADMIN_BASE_URL)
            Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
        return home


def jpeg_bytes(width=64, height=48, colour=(200, 40, 40)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def make_image(title="Ảnh thử", width=64, height=48) -> Image:
    """A saved Wagtail image holding a small solid JPEG."""
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(jpeg_bytes(width, height)), name="anh-thu.jpg")
    image.save()
    return image
