from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class NewsConfig(AppConfig):
    name = "congdoan.news"
    label = "news"
    verbose_name = _("News")
    portal = PortalContributions(
        head_templates=("news/includes/feed_link.html",),
        home_templates=("news/includes/home_news.html",),
        article_models=("news.ArticlePage",),
        page_text_sources=("congdoan.news.page_text.live_article_texts",),
        demo_loader="congdoan.news.demo.load",
    )

    def ready(self):
        from congdoan.news import page_text

        page_text.connect()
