from django import template
from wagtail.models import Site

from congdoan.core import site_cache

register = template.Library()


def _english_home_url(site) -> str:
    """The relative URL of the site's top English page, "" when there is none."""
    from congdoan.about.models import EnglishPage

    root = site.root_page
    url_path = (
        EnglishPage.objects.live()
        .public()
        .filter(depth=root.depth + 1, path__startswith=root.path)
        .order_by("path")
        .values_list("url_path", flat=True)
        .first()
    )
    return "/" + url_path[len(root.url_path) :] if url_path else ""


@register.simple_tag(takes_context=True)
def english_home_url(context) -> str:
    """Where the header's "English" link goes: the English pages at /en/, read once per
    content generation (`core.site_cache`)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    return site_cache.cached(f"english-home:{site.pk}", lambda: _english_home_url(site))
