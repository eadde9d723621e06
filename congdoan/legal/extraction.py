"""Full text from attached files: PDF (pypdf), DOCX (word/document.xml) and ODT (content.xml).

Every read is bounded, because an attachment can be a zip bomb (a 735 KB .docx holding a 300 MB
`word/document.xml` once took a worker to 4.9 GB):

- a zip whose members declare more than `MAX_UNCOMPRESSED_BYTES` in all, or one member more
  than `MAX_COMPRESSION_RATIO` times its compressed size, is refused before anything is
  inflated (zipfile never inflates past a member's declared size, so the declaration binds);
- the XML is parsed as a stream, a chunk at a time, at most `MAX_XML_BYTES`, never whole;
- at most `MAX_TEXT_CHARS` characters of text are kept per document; a longer text is cut and
  the cut is reported, in Vietnamese, as the document's extraction message in the admin;
- a PDF is read page by page up to the same number of characters, and `MAX_PDF_PAGES` pages.
"""

import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import ParseError, XMLPullParser

from django.utils.translation import gettext as _
from pypdf import PdfReader

EXTRACTABLE_EXTENSIONS = {"pdf", "docx", "odt"}
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
# Bytes of XML inflated and parsed per file at most; beyond, the text is cut.
MAX_XML_BYTES = 30 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_TEXT_CHARS = 1_000_000
MAX_PDF_PAGES = 2_000
READ_CHUNK_BYTES = 64 * 1024
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")

# The text-bearing XML member of each zip format and its paragraph elements.
_ZIP_TEXT = {"docx": ("word/document.xml", {"p"}), "odt": ("content.xml", {"p", "h"})}


class ExtractionError(Exception):
    """A file could not be read or was refused; the message says why, in Vietnamese."""


@dataclass
class Extracted:
    text: str
    # True when the text was cut at MAX_TEXT_CHARS.
    cut: bool = False


class _TextBudget:
    """Collects text up to a number of characters; says when it is full."""

    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[str] = []
        self.size = 0
        self.full = False

    def add(self, text: str) -> None:
        if self.full or not text:
            return
        room = self.limit - self.size
        if len(text) > room:
            text, self.full = text[:room], True
        self.parts.append(text)
        self.size += len(text)

    def text(self) -> str:
        return "".join(self.parts)


def check_zip_members(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse a zip whose declared sizes make it a bomb (total or compression ratio)."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
            raise ExtractionError(
                _(
                    "“%(name)s” was refused: its member %(member)s expands %(ratio)s times "
                    "(at most %(limit)s), which is how a zip bomb looks."
                )
                % {
                    "name": name,
                    "member": info.filename,
                    "ratio": f"{ratio:,.0f}".replace(",", "."),
                    "limit": MAX_COMPRESSION_RATIO,
                }
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ExtractionError(
            _("“%(name)s” was refused: it expands to %(size)s MB, more than %(limit)s MB.")
            % {
                "name": name,
                "size": total // (1024 * 1024),
                "limit": MAX_UNCOMPRESSED_BYTES // (1024 * 1024),
            }
        )


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _zip_xml_text(stream, extension: str, name: str, budget: _TextBudget) -> None:
    member, paragraph_tags = _ZIP_TEXT[extension]
    with zipfile.ZipFile(stream) as archive:
        check_zip_members(archive, name)
        parser = XMLPullParser(events=("start", "end"))
        open_elements: list = []
        read = 0
        with archive.open(member) as xml:
            while not budget.full:
                chunk = xml.read(READ_CHUNK_BYTES)
                if not chunk:
                    parser.close()
                    _drain(parser, paragraph_tags, open_elements, budget)
                    break
                read += len(chunk)
                if read > MAX_XML_BYTES:
                    budget.full = True
                    break
                parser.feed(chunk)
                _drain(parser, paragraph_tags, open_elements, budget)


def _drain(parser, paragraph_tags, open_elements: list, budget: _TextBudget) -> None:
    """Text of the paragraphs parsed so far. A finished paragraph is emptied, and a finished
    element outside any paragraph is dropped from its parent, so memory holds only the
    elements still open (and the runs of the paragraph being read)."""
    for event, element in parser.read_events():
        if event == "start":
            open_elements.append(element)
            continue
        open_elements.pop()
        if _local(element.tag) in paragraph_tags:
            budget.add("".join(element.itertext()) + "\n")
            tail = element.tail
            element.clear()
            element.tail = tail
        inside_paragraph = any(_local(e.tag) in paragraph_tags for e in open_elements)
        if open_elements and not inside_paragraph:
            open_elements[-1].remove(element)


def _pdf_text(stream, budget: _TextBudget) -> None:
    reader = PdfReader(stream)
    if reader.is_encrypted:
        reader.decrypt("")
    for number, page in enumerate(reader.pages):
        if budget.full or number >= MAX_PDF_PAGES:
            budget.full = budget.full or number >= MAX_PDF_PAGES
            return
        budget.add((page.extract_text() or "") + "\n")


def clean_text(text: str) -> str:
    text = _SPACES.sub(" ", text.replace("\x00", ""))
    return _BLANK_LINES.sub("\n\n", text).strip()


def extract_text(stream, extension: str, name: str = "", max_chars: int = MAX_TEXT_CHARS):
    """The text of one file, at most `max_chars` characters; raises ExtractionError when the
    file cannot be read or is refused."""
    if extension not in EXTRACTABLE_EXTENSIONS:
        return Extracted("")
    budget = _TextBudget(max_chars)
    try:
        if extension == "pdf":
            _pdf_text(stream, budget)
        else:
            _zip_xml_text(stream, extension, name, budget)
    except ExtractionError:
        raise
    except (ParseError, KeyError, zipfile.BadZipFile) as error:
        raise ExtractionError(
            _("“%(name)s” could not be read (%(reason)s).") % {"name": name, "reason": error}
        ) from error
    except Exception as error:  # noqa: BLE001 - any library failure means an unreadable file
        raise ExtractionError(
            _("“%(name)s” could not be read (%(reason)s).")
            % {"name": name, "reason": f"{type(error).__name__}: {error}"}
        ) from error
    return Extracted(clean_text(budget.text()), cut=budget.full)
