from django import template
from wagtail.models import Page

from congdoan.core.images import attach_renditions, existing_renditions
from congdoan.core.request_memo import remember
from congdoan.gallery.models import AlbumIndexPage, AlbumPage, VideoIndexPage, VideoPage
from congdoan.gallery.video_sources import parse_external_video

register = template.Library()

# The sidebar shows three albums and videos and the home page four: one query for both.
LATEST_READ = 4


@register.filter
def external_video(url):
    """A YouTube or Facebook link as a click-to-load video, or None."""
    return parse_external_video(url or "")


def _latest_media() -> dict:
    """{model: its LATEST_READ newest live pages} for albums and videos, once per request.

    The album covers' and video posters' renditions come in one query for both.
    """

    def read():
        latest = {
            model: list(
                model.objects.live().public().listing().prefetch_related(None)[:LATEST_READ]
            )
            for model in (AlbumPage, VideoPage)
        }
        attach_renditions(
            [album.cover_image for album in latest[AlbumPage]]
            + [video.poster for video in latest[VideoPage]]
        )
        return latest

    return remember("gallery:latest-media", read)


def _latest(model, count: int) -> list:
    """The newest `count` live pages of `model` (more than LATEST_READ: a query of their own)."""
    if count > LATEST_READ:
        return list(model.objects.live().public().listing()[:count])
    return _latest_media()[model][:count]


@register.simple_tag
def latest_albums(count=4, exclude=0):
    """The newest albums but the one whose pk is `exclude` (the album being viewed)."""
    albums = [album for album in _latest(AlbumPage, count + 1) if album.pk != exclude]
    return albums[:count]


@register.simple_tag
def viewed_album_pk(page) -> int:
    """The pk of the album a page shows, 0 for any other page: what the sidebar leaves out."""
    return page.pk if isinstance(getattr(page, "specific", None), AlbumPage) else 0


@register.simple_tag
def latest_videos(count=4):
    return _latest(VideoPage, count)


def _index_pages() -> dict:
    """{model: its first live index page} for albums and videos, in one query per request."""

    def read():
        first = {}
        pages = (
            Page.objects.live()
            .public()
            .type(AlbumIndexPage, VideoIndexPage)
            .order_by("pk")
            .only("id", "path", "depth", "url_path", "title", "content_type_id")
        )
        for page in pages:
            first.setdefault(page.specific_class, page)
        return first

    return remember("gallery:index-pages", read)


@register.simple_tag
def album_index():
    return _index_pages().get(AlbumIndexPage)


@register.simple_tag
def video_index():
    return _index_pages().get(VideoIndexPage)


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
