from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    """An image with a caption and required alt text (never a bare file name).

    The alt text is required to publish or submit for moderation; saving a draft (and autosave)
    defers it, as Wagtail defers every required block field, so no work is lost meanwhile.
    """

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        max_length=255,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("photo credit"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "core/blocks/captioned_image.html"
