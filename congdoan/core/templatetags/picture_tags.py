"""`{% responsive_picture %}`: Wagtail's <picture> markup from renditions that already exist.

Unlike `{% picture %}`, it never generates a rendition during the request: missing ones are
queued for the background task. The JPEG sizes are made when an image is saved, so until the
AVIF and WebP sizes are ready the picture is a JPEG alone; an image older than that, with no
rendition at all yet, is shown from its original file. Never a placeholder.
"""

from django import template
from django.forms.utils import flatatt
from django.utils.html import format_html
from wagtail.images.models import Picture

from congdoan.core.images import RENDITION_SETS, existing_renditions, request_renditions

register = template.Library()


def _original_picture(image, attrs: dict) -> str:
    """The original file, for the rare image whose renditions were never made."""
    return format_html(
        '<picture><img src="{}" width="{}" height="{}"{}></picture>',
        image.file.url,
        image.width,
        image.height,
        flatatt(attrs),
    )


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
    del attrs["sizes"]  # no srcset to choose from
    return _original_picture(image, attrs)
