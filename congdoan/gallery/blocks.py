"""Article body blocks the gallery contributes (see `GalleryConfig.portal` and core.registry).

Their names in the article body, `gallery` and `video`, are what stored articles refer to.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from congdoan.core.blocks import CaptionedImageBlock


class GalleryBlock(blocks.StructBlock):
    """A grid of photos in an article body, opened in the full-screen viewer."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=255)
    photos = blocks.ListBlock(CaptionedImageBlock(), label=_("photos"), min_num=2)

    class Meta:
        icon = "image"
        label = _("Photo gallery")
        template = "gallery/blocks/gallery.html"


class VideoEmbedBlock(blocks.StructBlock):
    """A YouTube or Facebook video, shown behind the same click-to-load facade as video pages."""

    video = EmbedBlock(label=_("video URL"), help_text=_("A YouTube or Facebook video link."))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "media"
        label = _("Embedded video")
        template = "gallery/blocks/video_embed.html"
