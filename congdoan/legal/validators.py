"""Checks on uploaded files: the content must be what the extension says, and not too big."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ALLOWED_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt"]
OLE2_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_HEADER = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def max_upload_bytes() -> int:
    return settings.LEGAL_DOCUMENT_MAX_UPLOAD_MB * 1024 * 1024


def _read_head(uploaded, size: int = 1024) -> bytes:
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(position)
    return head


def _zip_members(uploaded) -> list[str] | None:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                names.append("mimetype=" + archive.read("mimetype").decode("ascii", "replace"))
            return names
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)


def content_matches_extension(uploaded, extension: str) -> bool:
    """True when the file's first bytes (and, for zip formats, its members) fit the extension."""
    head = _read_head(uploaded)
    if extension == "pdf":
        return b"%PDF-" in head
    if extension in ("doc", "xls"):
        return head.startswith(OLE2_HEADER)
    if not head.startswith(ZIP_HEADER):
        return False
    members = _zip_members(uploaded)
    if members is None:
        return False
    if extension == "docx":
        return "[Content_Types].xml" in members and any(m.startswith("word/") for m in members)
    if extension == "xlsx":
        return "[Content_Types].xml" in members and any(m.startswith("xl/") for m in members)
    if extension == "odt":
        return f"mimetype={ODT_MIMETYPE.decode()}" in members
    return False


def validate_document_file(uploaded) -> None:
    """Refuse a file with a wrong extension, content that is not what the extension says,
    or a size over LEGAL_DOCUMENT_MAX_UPLOAD_MB."""
    name = getattr(uploaded, "name", "") or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("File type “%(extension)s” is not accepted. Accepted types: %(allowed)s.")
            % {"extension": extension or "?", "allowed": ", ".join(ALLOWED_EXTENSIONS).upper()},
            code="extension",
        )
    size = getattr(uploaded, "size", None)
    if size is None:
        size = len(_read_head(uploaded, max_upload_bytes() + 1))
    if size > max_upload_bytes():
        raise ValidationError(
            _("The file is %(size)s MB, larger than the %(limit)s MB limit.")
            % {
                "size": f"{size / 1024 / 1024:.1f}".replace(".", ","),
                "limit": settings.LEGAL_DOCUMENT_MAX_UPLOAD_MB,
            },
            code="size",
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if not content_matches_extension(uploaded, extension):
        raise ValidationError(
            _(
                "The content of “%(name)s” is not a %(extension)s file. "
                "Save it again in the right format, or give it the right extension."
            )
            % {"name": PurePath(name).name, "extension": extension.upper()},
            code="content",
        )
