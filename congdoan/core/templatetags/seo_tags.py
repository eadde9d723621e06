"""Absolute URLs for canonical links and social cards."""

from django import template

from congdoan.core.images import SHARE_IMAGE_SPEC, existing_rendition

register = template.Library()


@register.simple_tag
def share_image(image):
    """The social share rendition if the background task has made it, else None."""
    return existing_rendition(image, SHARE_IMAGE_SPEC)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    request = context.get("request")
    return request.build_absolute_uri(url) if request and url else url


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own URL, keeping only a listing's page number."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    path = page.get_url(request) if page is not None else request.path
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        path = f"{path}?page={int(number)}"
    return request.build_absolute_uri(path)
