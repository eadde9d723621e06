import mimetypes
import os
import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.utils._os import safe_join
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe
from django.views.static import serve

RANGE_PATTERN = re.compile(r"^bytes=(\d*)-(\d*)$")
CACHE_CONTROL = "public, max-age=2592000"
FAVICON_PATH = Path(__file__).resolve().parent / "static" / "core" / "img" / "favicon.ico"


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
    """Uploaded files for the embedded setup, with byte ranges so videos can seek.

    nginx or S3 serve them when scaled out.
    """
    range_header = request.headers.get("Range", "")
    if not range_header or request.method not in {"GET", "HEAD"}:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
        response["Accept-Ranges"] = "bytes"
        response["Cache-Control"] = CACHE_CONTROL
        return response
    try:
        full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    except ValueError as error:
        raise Http404 from error
    if not full_path.is_file():
        raise Http404
    stat = full_path.stat()
    if_range = request.headers.get("If-Range")
    if if_range and parse_http_date_safe(if_range) != int(stat.st_mtime):
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    byte_range = parse_range(range_header, stat.st_size)
    if byte_range is None:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
        response["Accept-Ranges"] = "bytes"
        response["Cache-Control"] = CACHE_CONTROL
        return response
    if byte_range is False:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{stat.st_size}"
        response["Accept-Ranges"] = "bytes"
        return response
    start, end = byte_range
    length = end - start + 1
    content_type = mimetypes.guess_type(os.fspath(full_path))[0] or "application/octet-stream"
    response = FileResponse(
        RangeFile(full_path, start, length), status=206, content_type=content_type
    )
    response["Content-Length"] = str(length)
    response["Content-Range"] = f"bytes {start}-{end}/{stat.st_size}"
    response["Accept-Ranges"] = "bytes"
    response["Last-Modified"] = http_date(stat.st_mtime)
    response["Cache-Control"] = CACHE_CONTROL
    return response


@require_safe
def favicon(request):
    """`/favicon.ico`, which browsers, feed readers and crawlers ask for whatever a page links.

    Served from the app's own file (16, 32 and 48 px), so it works before `collectstatic`.
    """
    response = FileResponse(FAVICON_PATH.open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def server_error(request):
    """The 500 page in Vietnamese, rendered without touching the database.

    The failure may be the database itself, so the template gets no request (hence no context
    processors: no site settings, no user, no menu) and the site name comes from settings.
    """
    html = loader.render_to_string("500.html", {"site_name": settings.WAGTAIL_SITE_NAME})
    return HttpResponseServerError(html)
