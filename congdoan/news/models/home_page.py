from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from congdoan.core.pages import VietnameseSlugMixin


class HomePage(VietnameseSlugMixin, Page):
    """The portal's front page: latest news and every sidebar block."""

    max_count = 1
    subpage_types = [
        "news.SectionPage",
        "gallery.AlbumIndexPage",
        "gallery.VideoIndexPage",
        "wagtailcore.Page",
    ]
    template = "news/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .article_page import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.live().public().descendant_of(self).listing()
        context["featured_articles"] = articles[:5]
        context["latest_articles"] = articles[5:17]
        return context
