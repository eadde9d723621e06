from .article_body import ArticleBodyBlock
from .captioned_image import CaptionedImageBlock
from .document_link import DocumentLinkBlock
from .gallery import GalleryBlock
from .quote import QuoteBlock
from .table import TableBlock
from .video_embed import VideoEmbedBlock

__all__ = [
    "ArticleBodyBlock",
    "CaptionedImageBlock",
    "DocumentLinkBlock",
    "GalleryBlock",
    "QuoteBlock",
    "TableBlock",
    "VideoEmbedBlock",
]
