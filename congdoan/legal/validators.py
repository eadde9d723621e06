"""Checks on uploaded files: the content must be what the extension says, and not too big."""

import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader

from .extraction import ExtractionError, check_zip_members

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
    """Member names of a zip upload, plus `mimetype=<its first bytes>`. Refuses a zip bomb
    (sizes declared by its members) before inflating anything; reads at most a few dozen
    bytes of `mimetype` (an .odt with a 400 MB `mimetype` once took 970 MB here)."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            check_zip_members(archive, PurePath(getattr(uploaded, "name", "") or "").name)
            names = archive.namelist()
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    head = member.read(len(ODT_MIMETYPE) + 1)
                names.append("mimetype=" + head.decode("ascii", "replace"))
            return names
    except ExtractionError as error:
        raise ValidationError(str(error), code="zip_bomb") from error
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)


def is_readable_pdf(uploaded) -> bool:
    """Whether pypdf opens the file and finds at least one page (a file beginning
    `<html><script>` with `%PDF-` further on is not a PDF). The upload is at most
    LEGAL_DOCUMENT_MAX_UPLOAD_MB, so parsing it is bounded by that size."""
    uploaded.seek(0)
    try:
        reader = PdfReader(uploaded, strict=False)
        if reader.is_encrypted:
            return True  # pages of a password-protected PDF cannot be read without it
        return len(reader.pages) > 0
    except Exception:  # noqa: BLE001 - any parser failure means not a PDF
        return False
    finally:
        uploaded.seek(0)


def content_matches_extension(uploaded, extension: str) -> bool:
    """True when the file's first bytes (and, for zip formats, its members) fit the extension."""
    head = _read_head(uploaded)
    if extension == "pdf":
        return b"%PDF-" in head and is_readable_pdf(uploaded)
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
