"""Small, valid PDF files written by hand: for the demo and for tests of text extraction.

The page shows the text rendered as an image (so Vietnamese letters look right) and carries
the same text, folded to ASCII, as an invisible text layer that text extraction reads."""

import io
import unicodedata
import zlib

from PIL import Image, ImageDraw

from congdoan.core.demo_scenes import bold_font

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
SCALE = 2  # image pixels per point


def _plain_ascii(text: str) -> str:
    """Text without Vietnamese marks, keeping its case (the built-in PDF fonts lack them)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)
    )
    return stripped.encode("ascii", "replace").decode("ascii")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _page_image(lines: list[str]) -> Image.Image:
    picture = Image.new("L", (PAGE_WIDTH * SCALE, PAGE_HEIGHT * SCALE), 255)
    draw = ImageDraw.Draw(picture)
    font = bold_font(13 * SCALE)
    y = 60 * SCALE
    for line in lines:
        draw.text((50 * SCALE, y), line, font=font, fill=0)
        y += 20 * SCALE
    return picture


def text_pdf(lines: list[str], with_image: bool = True) -> bytes:
    """A one-page A4 PDF with these lines."""
    objects: list[bytes] = []
    text_ops = ["BT", "/F1 12 Tf", "3 Tr" if with_image else "0 Tr", "14 TL", "50 782 Td"]
    for line in lines:
        text_ops.append(f"({_escape(_plain_ascii(line))}) Tj T*")
    text_ops.append("ET")
    content = "\n".join(text_ops).encode("ascii")
    if with_image:
        picture = _page_image(lines)
        raw = zlib.compress(picture.tobytes())
        image = (
            (
                f"<< /Type /XObject /Subtype /Image /Width {picture.width} /Height {picture.height}"
                f" /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
                f" /Length {len(raw)} >>\nstream\n"
            ).encode()
            + raw
            + b"\nendstream"
        )
        content = f"q {PAGE_WIDTH} 0 0 {PAGE_HEIGHT} 0 0 cm /Im1 Do Q\n".encode() + content
    resources = "/Font << /F1 4 0 R >>" + (" /XObject << /Im1 6 0 R >>" if with_image else "")
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    objects.append(
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}]"
        f" /Resources << {resources} >> /Contents 5 0 R >>".encode()
    )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects.append(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
    if with_image:
        objects.append(image)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()
