from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from congdoan.core.pages import BasePage

ARTICLES_PER_PAGE = 20


class SectionPage(RoutablePageMixin, BasePage):
    """A chuyên mục: lists its own and its subsections' articles, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage", "news.SectionPage"]
    subpage_types = ["news.SectionPage", "news.ArticlePage"]
    template = "news/section_page.html"

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def articles(self):
        from .article_page import ArticlePage

        return ArticlePage.objects.live().public().descendant_of(self).listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            self.listing_context(request, self.articles(), ARTICLES_PER_PAGE, "articles")
        )
        # Titles and links only: plain pages, no query per page type.
        context["subsections"] = self.get_children().live().public()
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        from congdoan.news.feeds import SectionArticleFeed

        return SectionArticleFeed()(request, section=self)

    def get_cached_paths(self):
        """What the frontend caches (nginx, a CDN) purge when the section changes: its feed too."""
        return ["/", self.reverse_subpage("rss")]

    def rss_url(self):
        return self.url + self.reverse_subpage("rss")
