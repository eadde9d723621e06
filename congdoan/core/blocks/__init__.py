from .article_body import ArticleBodyBlock
from .captioned_image import CaptionedImageBlock
from .document_link import DocumentLinkBlock
from .quote import QuoteBlock
from .table import TableBlock

__all__ = [
    "ArticleBodyBlock",
    "CaptionedImageBlock",
    "DocumentLinkBlock",
    "QuoteBlock",
    "TableBlock",
]
