"""RSS 2.0 feeds: the whole site and each section, newest articles first."""

import mimetypes

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Site

from congdoan.core.dates import to_vietnam_time
from congdoan.core.images import SHARE_IMAGE_SPEC
from congdoan.core.models import SiteSettings
from congdoan.news.models import ArticlePage
from congdoan.news.seo import FEED_LENGTH, share_rendition


class VietnameseRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:atom": "http://www.w3.org/2005/Atom"}


class ArticleFeed(Feed):
    """The site's latest articles; `SectionArticleFeed` narrows it to one section."""

    feed_type = VietnameseRssFeed
    language = "vi"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        site = Site.find_for_request(request)
        return site.root_page.specific if site else None

    def site_name(self):
        return SiteSettings.for_request(self.request).display_name

    def title(self, obj):
        return self.site_name()

    def link(self, obj):
        return obj.get_url(self.request) if obj else "/"

    def description(self, obj):
        slogan = SiteSettings.for_request(self.request).slogan
        return slogan or _("Latest articles from %(site)s") % {"site": self.site_name()}

    def feed_copyright(self, obj):
        return SiteSettings.for_request(self.request).copyright_text

    def articles(self, obj):
        articles = ArticlePage.objects.live().public()
        return articles.descendant_of(obj) if obj else articles

    def items(self, obj):
        images = get_image_model().objects.prefetch_renditions(SHARE_IMAGE_SPEC)
        return (
            self.articles(obj)
            .prefetch_related(Prefetch("cover_image", queryset=images))
            .order_by("-published_at", "-pk")
        )[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.sapo

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        return to_vietnam_time(item.published_at)

    def item_updateddate(self, item):
        return to_vietnam_time(item.last_published_at) if item.last_published_at else None

    def item_author_name(self, item):
        return item.author or None

    def item_enclosures(self, item):
        from django.utils.feedgenerator import Enclosure

        rendition = share_rendition(item.cover_image)
        if rendition is None:
            return []
        mime_type = mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg"
        url = self.request.build_absolute_uri(rendition.url)
        return [Enclosure(url, str(rendition.file.size), mime_type)]


class SectionArticleFeed(ArticleFeed):
    def get_object(self, request, section):
        return section

    def title(self, obj):
        return f"{obj.title} | {self.site_name()}"

    def description(self, obj):
        return obj.intro or _("Latest articles in %(section)s") % {"section": obj.title}
