import re
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.utils._os import safe_join
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe
from django.views.static import serve
from wagtail.documents.views.serve import serve as serve_wagtail_document

from . import media

RANGE_PATTERN = re.compile(r"^bytes=(\d*)-(\d*)$")
CACHE_CONTROL = "public, max-age=2592000"
IMAGES_DIR = Path(__file__).resolve().parent / "static" / "core" / "img"
FAVICON_PATH = IMAGES_DIR / "favicon.ico"
APPLE_TOUCH_ICON_PATH = IMAGES_DIR / "apple-touch-icon.png"
# A document or original image may turn private at any time: caches must ask again each time.
CHECKED_CACHE_CONTROL = "public, no-cache"
# Files of a restricted collection: no shared cache may keep them.
PRIVATE_CACHE_CONTROL = "private, no-store"


class RangeFile:
    """A file object that reads `length` bytes from `start`, for a 206 response."""

    def __init__(self, path, start: int, length: int):
        self.handle = open(path, "rb")  # noqa: SIM115 - closed by FileResponse
        self.handle.seek(start)
        self.remaining = length

    def read(self, size=-1):
        if self.remaining <= 0:
            return b""
        size = self.remaining if size is None or size < 0 else min(size, self.remaining)
        data = self.handle.read(size)
        self.remaining -= len(data)
        return data

    def close(self):
        self.handle.close()


def parse_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """(first, last) byte for a single `bytes=` range; None to ignore it; False if unsatisfiable."""
    match = RANGE_PATTERN.match(header.strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        suffix = int(last)
        if suffix == 0 or size == 0:
            return False
        return max(0, size - suffix), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        return False
    return start, end


def serve_media(request, path):
    """Uploaded files for the embedded setup (`SERVE_MEDIA`), with byte ranges so videos can seek.

    Files of the protected folders go through `serve_protected_media` whatever the spelling of
    their path. nginx or S3 serve the public ones when scaled out.
    """
    name = media.normalized_name(path)
    if media.is_protected(name):
        return serve_protected_media(request, name)
    return send_local_file(request, name, CACHE_CONTROL)


def serve_protected_media(request, path):
    """A document or original image, only if its collection's restrictions accept the request.

    Always routed (also behind nginx and with S3): see `congdoan.core.media` for the rule and
    for how the file is sent. Anything refused or unknown is a 404, which tells nothing.
    """
    name = media.normalized_name(path)
    if not media.is_protected(name):
        raise Http404
    owner = media.owner_of(name)
    if owner is None or not media.accepts(owner, request):
        raise Http404
    cache_control = PRIVATE_CACHE_CONTROL if media.is_restricted(owner) else CHECKED_CACHE_CONTROL
    signed_url = getattr(default_storage, "signed_url", None)
    if signed_url is not None:
        response = HttpResponseRedirect(signed_url(name))
        # The signed URL expires: neither the browser nor a proxy may keep this redirect.
        response["Cache-Control"] = "private, no-store"
        return response
    if settings.MEDIA_ACCEL_REDIRECT_LOCATION:
        response = media.accel_redirect(name)
        response["Cache-Control"] = cache_control
        allow_same_origin_framing(response)
        return response
    response = send_local_file(request, name, cache_control)
    if name.startswith("documents/") and getattr(
        settings, "WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT", True
    ):
        # As Wagtail's own document view does: no script runs inside a served document.
        response["Content-Security-Policy"] = "default-src 'none'"
    return response


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (`/documents/<id>/<name>`), letting the site frame a PDF."""
    response = serve_wagtail_document(request, document_id, document_filename)
    allow_same_origin_framing(response)
    return response


def allow_same_origin_framing(response):
    """A PDF may be shown inside the site's own pages ("Xem trực tuyến"); the rest stays DENY."""
    if response.get("Content-Type", "").split(";")[0] in media.FRAMEABLE_CONTENT_TYPES:
        response["X-Frame-Options"] = "SAMEORIGIN"


def send_local_file(request, name, cache_control):
    """A file under MEDIA_ROOT, whole or one byte range, with conditional GET support."""
    response = local_file_response(request, name)
    response["Accept-Ranges"] = "bytes"
    if response.status_code != 416:
        response["Cache-Control"] = cache_control
    allow_same_origin_framing(response)
    return response


def local_file_response(request, name):
    range_header = request.headers.get("Range", "")
    if not range_header or request.method not in {"GET", "HEAD"}:
        return serve(request, name, document_root=settings.MEDIA_ROOT)
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, name))
    except ValueError as error:
        raise Http404 from error
    if not full_path.is_file():
        raise Http404
    stat = full_path.stat()
    if_range = request.headers.get("If-Range")
    if if_range and parse_http_date_safe(if_range) != int(stat.st_mtime):
        return serve(request, name, document_root=settings.MEDIA_ROOT)
    byte_range = parse_range(range_header, stat.st_size)
    if byte_range is None:
        return serve(request, name, document_root=settings.MEDIA_ROOT)
    if byte_range is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{stat.st_size}"
        return response
    start, end = byte_range
    length = end - start + 1
    response = FileResponse(
        RangeFile(full_path, start, length), status=206, content_type=media.content_type_of(name)
    )
    response["Content-Length"] = str(length)
    response["Content-Range"] = f"bytes {start}-{end}/{stat.st_size}"
    response["Last-Modified"] = http_date(stat.st_mtime)
    return response


@require_safe
def favicon(request):
    """`/favicon.ico`, which browsers, feed readers and crawlers ask for whatever a page links.

    Served from the app's own file (16, 32 and 48 px), so it works before `collectstatic`.
    """
    response = FileResponse(FAVICON_PATH.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def apple_touch_icon(request):
    """`/apple-touch-icon.png` (180 px), which iPhones and iPads ask for at the site's root."""
    response = FileResponse(APPLE_TOUCH_ICON_PATH.open("rb"), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_safe
def theme_css(request):
    """The site's colours from its settings, as CSS custom properties over site.css's defaults.

    A stylesheet rather than inline CSS, which the Content-Security-Policy forbids. Pages link
    it with the colours in the query string (`{% theme_stylesheet_url %}`), so each address
    never changes and browsers keep it for a year; a site with the default colours links none.
    """
    from wagtail.models import Site

    from congdoan.core.models import SiteSettings
    from congdoan.core.theme import theme_css as render_theme

    site_settings = SiteSettings.for_site(Site.find_for_request(request))
    response = HttpResponse(render_theme(site_settings), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def render_without_request(template_name: str) -> str:
    """An error page rendered without touching the database or trusting the request.

    The failure may be the database itself, or a request Django refused (a forged Host, a bad
    CSRF token), so the template gets no request (hence no context processors: no site settings,
    no user, no menu) and the site name comes from settings.
    """
    return loader.render_to_string(template_name, {"site_name": settings.WAGTAIL_SITE_NAME})


def server_error(request):
    """The 500 page in Vietnamese."""
    return HttpResponseServerError(render_without_request("500.html"))


def bad_request(request, exception):
    """The 400 page in Vietnamese (a forged Host header, a malformed upload…)."""
    return HttpResponseBadRequest(render_without_request("400.html"))


def csrf_failure(request, reason=""):
    """A refused form (`CSRF_FAILURE_VIEW`): the reader learns what to do, in Vietnamese."""
    return HttpResponseForbidden(render_without_request("403_csrf.html"))
