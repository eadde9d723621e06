from .article_page import ArticlePage, ArticlePageTag
from .article_send_log import ArticleSendLog
from .section_page import SectionPage

__all__ = ["ArticlePage", "ArticlePageTag", "ArticleSendLog", "SectionPage"]
