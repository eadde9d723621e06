"""Which uploaded files may be fetched by whom, and how they are sent.

Most uploads are public and are served straight from the disk or the bucket: renditions
(`images/`), videos, the attachments of other apps. Two folders hold files whose owner can be
private, because Wagtail lets an editor restrict a collection (password, login or groups):

- `documents/`: Wagtail documents. Wagtail's own view (`/documents/<id>/<name>`) checks the
  restriction; the file's plain media URL must not be a way around it.
- `original_images/`: the originals of Wagtail images. Wagtail applies no restriction to images,
  so the same collection rule is applied here. Renditions stay public: an editor who places a
  private image on a public page publishes that rendition.

A file in these folders is sent only when it belongs to a document or image whose collection's
restrictions all accept the request (a logged-in user, a passed password, a group member), else
404. How it is sent depends on where media live:

- on the file system under `make run`, Django streams it (with byte ranges);
- behind nginx (`MEDIA_ACCEL_REDIRECT_LOCATION` set), Django answers with `X-Accel-Redirect` and
  nginx sends the file from an `internal` location no client can request;
- on S3 (`congdoan.core.s3_storage`), those folders are never public in the bucket: Django
  redirects to a signed URL valid `MEDIA_SIGNED_URL_SECONDS`.
"""

import mimetypes
import posixpath
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

# Wagtail's upload folders for documents and for original images.
PROTECTED_FOLDERS = ("documents/", "original_images/")
# Content types a browser may show inside the site's own pages (the PDF viewer of a document).
FRAMEABLE_CONTENT_TYPES = getattr(
    settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf", "text/plain"]
)


def normalized_name(path: str) -> str:
    """The storage name a media path points to, with `..`, `.` and repeated slashes resolved.

    `/media/images/../documents/x.pdf` and `/media//documents/x.pdf` name `documents/x.pdf`:
    the protection must see the same name the file system or nginx would.
    """
    return posixpath.normpath("/" + path).lstrip("/")


def is_protected(name: str) -> bool:
    return name.startswith(PROTECTED_FOLDERS)


def protected_media_url(name: str) -> str:
    """The checking view's URL for a file of a protected folder."""
    return settings.PROTECTED_MEDIA_URL + quote(name)


def owner_of(name: str):
    """The document or image whose file this is, or None."""
    model = get_document_model() if name.startswith("documents/") else get_image_model()
    return model.objects.select_related("collection").filter(file=name).first()


def is_restricted(owner) -> bool:
    return bool(owner.collection.get_view_restrictions())


def accepts(owner, request) -> bool:
    """True when every view restriction of the owner's collection (and its ancestors) lets
    this request through: Wagtail's rule for documents, applied to images too."""
    return all(
        restriction.accept_request(request)
        for restriction in owner.collection.get_view_restrictions()
    )


def content_type_of(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def accel_redirect(name: str) -> HttpResponse:
    """An empty response telling nginx to send the file from its internal location."""
    response = HttpResponse(content_type=content_type_of(name))
    response["X-Accel-Redirect"] = settings.MEDIA_ACCEL_REDIRECT_LOCATION + quote(name)
    return response


def sendfile(request, filename, **kwargs):
    """Wagtail's SENDFILE_BACKEND behind nginx: `/documents/<id>/<name>` hands the file to nginx.

    Wagtail calls it with the absolute path of a file under MEDIA_ROOT after checking the
    document's restrictions, then adds the content type and disposition headers itself.
    """
    name = Path(filename).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
    return accel_redirect(name.as_posix())
