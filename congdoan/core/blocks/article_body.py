from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from congdoan.core import registry

from .captioned_image import CaptionedImageBlock
from .document_link import DocumentLinkBlock
from .quote import QuoteBlock
from .table import TableBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class ArticleBodyBlock(blocks.StreamBlock):
    """The blocks every article body offers; installed apps add theirs (core.registry).

    Built as `ArticleBodyBlock(registry.article_body_blocks())`: the contributed blocks are read
    when the model using it is imported, which is when app configs exist and hooks do not yet.
    """

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=RICH_TEXT_FEATURES, template="core/blocks/paragraph.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock()
    document = DocumentLinkBlock()


def article_body_block() -> ArticleBodyBlock:
    """The article body with every installed app's blocks after the core ones."""
    return ArticleBodyBlock(registry.article_body_blocks())
