from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .captioned_image import CaptionedImageBlock


class GalleryBlock(blocks.StructBlock):
    """A grid of photos in an article body, opened in the full-screen viewer."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=255)
    photos = blocks.ListBlock(CaptionedImageBlock(), label=_("photos"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Photo gallery")
        template = "core/blocks/gallery.html"
