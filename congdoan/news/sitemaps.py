"""A sitemap index over every live public page, at most 10,000 URLs a sitemap page."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from wagtail.models import Page, Site

SITEMAP_PAGE_SIZE = 10_000


class PageSitemap(Sitemap):
    limit = SITEMAP_PAGE_SIZE

    def __init__(self, request):
        self.request = request
        self.site = Site.find_for_request(request)

    def items(self):
        if self.site is None:
            return Page.objects.none()
        return (
            Page.objects.live()
            .public()
            .descendant_of(self.site.root_page, inclusive=True)
            .order_by("path")
            .only("id", "path", "depth", "url_path", "last_published_at")
        )

    def location(self, page):
        return "/" + page.url_path[len(self.site.root_page.url_path) :]

    def lastmod(self, page):
        return page.last_published_at

    def get_latest_lastmod(self):
        # One query instead of Django's walk over every item.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]
