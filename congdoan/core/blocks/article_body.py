from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .captioned_image import CaptionedImageBlock
from .document_link import DocumentLinkBlock
from .gallery import GalleryBlock
from .quote import QuoteBlock
from .table import TableBlock
from .video_embed import VideoEmbedBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="core/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock()
    video = VideoEmbedBlock()
    document = DocumentLinkBlock()
    gallery = GalleryBlock()
