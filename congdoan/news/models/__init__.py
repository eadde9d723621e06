from .article_page import ArticlePage, ArticlePageTag
from .home_page import HomePage
from .section_page import SectionPage

__all__ = ["ArticlePage", "ArticlePageTag", "HomePage", "SectionPage"]
