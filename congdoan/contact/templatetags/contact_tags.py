from django import template
from wagtail.models import Site

from congdoan.core import site_cache

register = template.Library()


def _hotlines(site) -> list[dict]:
    from congdoan.contact.models import Hotline

    return [
        {"label": hotline.label, "number": hotline.number, "tel": hotline.tel}
        for hotline in Hotline.objects.filter(settings__site=site).order_by("sort_order", "pk")
    ]


@register.simple_tag(takes_context=True)
def hotlines(context) -> list[dict]:
    """The site's *Đường dây nóng* numbers, read once per content generation (one query)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return site_cache.cached(f"hotlines:{site.pk}", lambda: _hotlines(site))
