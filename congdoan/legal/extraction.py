"""Full text from attached files: PDF (pypdf), DOCX (python-docx) and ODT (its content.xml)."""

import re
import zipfile
from xml.etree import ElementTree

import docx
from pypdf import PdfReader

EXTRACTABLE_EXTENSIONS = {"pdf", "docx", "odt"}
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


class ExtractionError(Exception):
    """A file could not be read; the message says which and why."""


def _pdf_text(stream) -> str:
    reader = PdfReader(stream)
    if reader.is_encrypted:
        reader.decrypt("")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(stream) -> str:
    document = docx.Document(stream)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odt_text(stream) -> str:
    with zipfile.ZipFile(stream) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))  # noqa: S314 - zip from our storage
    paragraphs = []
    for element in root.iter():
        if element.tag.endswith("}p") or element.tag.endswith("}h"):
            paragraphs.append("".join(element.itertext()))
    return "\n".join(paragraphs)


READERS = {"pdf": _pdf_text, "docx": _docx_text, "odt": _odt_text}


def clean_text(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("\x00", ""))
    return _BLANK_LINES.sub("\n\n", text).strip()


def extract_text(stream, extension: str) -> str:
    """The text of one file; raises ExtractionError when the file cannot be read."""
    reader = READERS.get(extension)
    if reader is None:
        return ""
    try:
        return clean_text(reader(stream))
    except Exception as error:  # noqa: BLE001 - any library failure means an unreadable file
        raise ExtractionError(f"{type(error).__name__}: {error}") from error
