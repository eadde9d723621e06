from django import template

from congdoan.core.images import existing_renditions
from congdoan.gallery.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage
from congdoan.gallery.video_sources import parse_external_video

register = template.Library()


@register.filter
def external_video(url):
    """A YouTube or Facebook link as a click-to-load video, or None."""
    return parse_external_video(url or "")


@register.simple_tag
def latest_albums(count=4):
    return list(AlbumPage.objects.live().public().listing()[:count])


@register.simple_tag
def latest_videos(count=4):
    return list(VideoPage.objects.live().public().listing()[:count])


@register.simple_tag
def album_index():
    return AlbumIndexPage.objects.live().public().first()


@register.simple_tag
def video_index():
    return VideoIndexPage.objects.live().public().first()


@register.simple_tag
def large_sources(image):
    """srcset strings per format of the existing "wide" renditions, for the lightbox viewer."""
    sources = {"avif": [], "webp": [], "jpeg": []}
    fallback = ""
    for spec, rendition in existing_renditions(image, "wide").items():
        fmt = spec.rsplit("format-", 1)[-1]
        sources[fmt].append(f"{rendition.url} {rendition.width}w")
        if fmt == "jpeg":
            fallback = rendition.url
    result = {fmt: ", ".join(items) for fmt, items in sources.items()}
    result["fallback"] = fallback or "#"
    return result


@register.simple_tag
def poster_url(image):
    """URL of an existing 800px JPEG of the poster, or "" while it is being made."""
    if not image:
        return ""
    rendition = existing_renditions(image, "wide").get("width-800|format-jpeg")
    return rendition.url if rendition else ""
