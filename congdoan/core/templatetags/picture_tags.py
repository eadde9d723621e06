"""`{% responsive_picture %}`: Wagtail's <picture> markup from renditions that already exist.

Unlike `{% picture %}`, it never generates a rendition during the request: missing ones are
queued for the background task and a light placeholder of the right shape is shown meanwhile.
"""

from urllib.parse import quote

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture

from congdoan.core.images import RENDITION_SETS, existing_renditions, request_renditions

register = template.Library()


def _placeholder_size(image, kind: str) -> tuple[int, int]:
    operation, size = RENDITION_SETS[kind][0].split("-")[:2]
    if operation == "height":
        height = int(size)
        if image.width and image.height:
            return max(1, round(height * image.width / image.height)), height
        return height, height
    if "x" in size:
        width, height = (int(part) for part in size.split("x"))
        return width, height
    width = int(size)
    if image.width and image.height:
        return width, max(1, round(width * image.height / image.width))
    return width, round(width * 9 / 16)


@register.simple_tag
def responsive_picture(image, kind="wide", *, alt="", sizes="100vw", lazy=True, css_class=""):
    """A <picture> with AVIF, WebP and JPEG sources of `kind` (see core.images.RENDITION_SETS).

    `lazy=False` for the first, largest image of a page (it is the LCP element).
    """
    if not image:
        return ""
    lazy = lazy not in (False, "False", "false", 0, "0")
    renditions = existing_renditions(image, kind)
    if len(renditions) < len(RENDITION_SETS[kind]) * 3:
        request_renditions([image.pk])
    attrs = {"alt": alt, "sizes": sizes, "decoding": "async"}
    if lazy:
        attrs["loading"] = "lazy"
    else:
        attrs["fetchpriority"] = "high"
    if css_class:
        attrs["class"] = css_class
    if renditions:
        return Picture(renditions, attrs).__html__()
    width, height = _placeholder_size(image, kind)
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'>"
        f"<rect width='100%' height='100%' fill='#e8edf3'/></svg>"
    )
    return format_html(
        '<img class="image-pending{}" src="data:image/svg+xml,{}" width="{}" height="{}" alt="{}"'
        "{}>",
        f" {css_class}" if css_class else "",
        quote(svg),
        width,
        height,
        alt,
        mark_safe(' loading="lazy"') if lazy else "",
    )
