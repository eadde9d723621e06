from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from congdoan.core import content_version, registry, site_cache
from congdoan.core.dates import format_date_vn, format_datetime_vn, format_number_vn
from congdoan.core.text import fold
from congdoan.core.theme import theme_stylesheet_url

register = template.Library()

register.filter("vn_datetime", format_datetime_vn)
register.filter("vn_date", format_date_vn)
register.filter("vn_number", format_number_vn)
register.filter("fold", fold)


PLACED_FIELDS = {"sidebar_templates", "home_templates", "header_templates", "footer_templates"}


@register.simple_tag
def portal_contributions(name):
    """What installed apps contribute under `name` (see core.registry), e.g. sidebar templates.

    `{% portal_contributions "sidebar_templates" as widgets %}{% for t in widgets %}{% include t %}`
    """
    if name in PLACED_FIELDS:
        return registry.placed_templates(name)
    return registry.contributions(name)


@dataclass(frozen=True)
class FragmentCache:
    """How long a side block is cached and the content generation its key includes."""

    seconds: int
    generation: int


@register.simple_tag
def page_cache_fragment() -> FragmentCache:
    """For `{% cache %}` around a side block that lists content, renewed on any content change:

    `{% page_cache_fragment as fragment %}{% cache fragment.seconds "name" fragment.generation %}`

    With the page cache off (`PAGE_CACHE_ENABLED`, e.g. in tests) the timeout is 0: not cached.
    """
    if not settings.PAGE_CACHE_ENABLED:
        return FragmentCache(seconds=0, generation=0)
    return FragmentCache(seconds=settings.PAGE_CACHE_SECONDS, generation=content_version.current())


@register.filter(is_safe=True)
def portal_rich_text(html):
    """Rendered rich text after the filters apps contribute (e.g. links to cited documents)."""
    return mark_safe(registry.filter_rich_text(str(html)))  # noqa: S308 - filters keep it safe


def contributed_menu_items(request) -> list[dict]:
    path = request.path if request else ""
    items = []
    for entry in registry.contributions("menu_entries"):
        url = reverse(entry.url_name)
        items.append(
            {"title": entry.label, "url": url, "active": path.startswith(url), "children": []}
        )
    return items


def _menu_pages(site) -> list[dict]:
    """The site's menu pages two levels deep, in tree order: what the menu shows of each."""
    root = site.root_page
    pages = (
        Page.objects.live()
        .public()
        .in_menu()
        .descendant_of(root)
        .filter(depth__in=[root.depth + 1, root.depth + 2])
        .order_by("path")
        .only("id", "title", "path", "depth", "url_path", "slug")
    )
    return [
        {
            "title": menu_page.title,
            "url": "/" + menu_page.url_path[len(root.url_path) :],
            "path": menu_page.path,
            "top_level": menu_page.depth == root.depth + 1,
        }
        for menu_page in pages
    ]


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Sections marked "show in menus" under the home page, with one level of sub-menus.

    The pages are read once per content generation (`core.site_cache`); only which item is
    active depends on the page shown.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    if site is None:
        return {"menu_items": [], "request": request}
    pages = site_cache.cached(f"main-menu:{site.pk}", lambda: _menu_pages(site))
    items, by_path = [], {}
    for menu_page in pages:
        item = {
            "title": menu_page["title"],
            "url": menu_page["url"],
            "active": bool(current and current.path.startswith(menu_page["path"])),
            "children": [],
        }
        if menu_page["top_level"]:
            by_path[menu_page["path"]] = item
            items.append(item)
        elif parent := by_path.get(menu_page["path"][: -Page.steplen]):
            parent["children"].append(item)
    return {"menu_items": items + contributed_menu_items(request), "request": request}


@register.simple_tag
def theme_stylesheet(site_settings) -> str:
    """The address of the site's colour stylesheet, "" when it keeps the default colours."""
    return theme_stylesheet_url(site_settings)
