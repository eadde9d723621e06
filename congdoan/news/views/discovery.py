"""Feeds, the sitemap index and robots.txt."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from congdoan.core.page_cache import cache_public_page
from congdoan.news.feeds import ArticleFeed
from congdoan.news.sitemaps import PageSitemap

SITEMAP_SECTIONS = {"pages": PageSitemap}


def _sitemaps(request):
    return {name: sitemap(request) for name, sitemap in SITEMAP_SECTIONS.items()}


@require_GET
@cache_public_page
def sitemap_index(request):
    return sitemap_views.index(request, _sitemaps(request), sitemap_url_name="news:sitemap-section")


@require_GET
@cache_public_page
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, _sitemaps(request), section=section)


@require_GET
@cache_public_page
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('news:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_public_page
def site_feed(request):
    return ArticleFeed()(request)
