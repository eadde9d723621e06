"""What search engines and social networks read about an article: share image and JSON-LD."""

from django.templatetags.static import static

from congdoan.core.dates import to_vietnam_time
from congdoan.core.images import PUBLISHER_LOGO_SPEC, SHARE_IMAGE_SPEC, existing_rendition
from congdoan.core.models import SiteSettings

FEED_LENGTH = 50


def share_rendition(image):
    """The 1200x630 share card (Facebook, Zalo, Twitter), once the background task made it."""
    return existing_rendition(image, SHARE_IMAGE_SPEC)


def absolute(request, url: str) -> str:
    return request.build_absolute_uri(url)


def publisher(request) -> dict:
    site_settings = SiteSettings.for_request(request)
    logo = existing_rendition(site_settings.logo, PUBLISHER_LOGO_SPEC)
    logo_url = logo.url if logo else static("news/img/publisher-logo.png")
    return {
        "@type": "Organization",
        "name": site_settings.display_name,
        "url": absolute(request, "/"),
        "logo": {"@type": "ImageObject", "url": absolute(request, logo_url)},
    }


def article_json_ld(article, request) -> dict:
    """schema.org NewsArticle, with times in GMT+7 as the page shows them."""
    url = absolute(request, article.get_url(request))
    modified = max(filter(None, [article.published_at, article.last_published_at]))
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.sapo,
        "datePublished": to_vietnam_time(article.published_at).isoformat(),
        "dateModified": to_vietnam_time(modified).isoformat(),
        "author": (
            {"@type": "Person", "name": article.author}
            if article.author
            else {"@type": "Organization", "name": SiteSettings.for_request(request).display_name}
        ),
        "publisher": publisher(request),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "inLanguage": "vi",
        "articleSection": article.get_parent().title,
    }
    keywords = list(article.tag_names)
    if keywords:
        data["keywords"] = keywords
    rendition = share_rendition(article.cover_image)
    if rendition:
        data["image"] = {
            "@type": "ImageObject",
            "url": absolute(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
        }
    return data
