"""Generated placeholder media for the demo site: no binary files in the repository."""

import hashlib
import io
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
]


def _font(size: int):
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def placeholder_jpeg(label: str, width: int = 1600, height: int = 900) -> bytes:
    """A JPEG with a colour gradient chosen from the label and the label written on it."""
    digest = hashlib.sha256(label.encode()).digest()
    start, end = digest[:3], digest[3:6]
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        ratio = y / height
        colour = tuple(int(start[i] * (1 - ratio) + end[i] * ratio * 0.6) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    font = _font(max(24, width // 28))
    words, lines, line = label.split(), [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > width * 0.8 and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    line_height = font.size * 1.3
    top = (height - line_height * len(lines)) / 2
    for index, text in enumerate(lines):
        left = (width - draw.textlength(text, font=font)) / 2
        draw.text((left, top + index * line_height), text, font=font, fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def demo_image(title: str, label: str | None = None, width: int = 1600, height: int = 900) -> Image:
    """The demo image with this title, generated once."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = placeholder_jpeg(label or title, width, height)
    file_name = f"demo-{hashlib.sha1(title.encode()).hexdigest()[:12]}.jpg"  # noqa: S324
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=file_name)
    image.save()
    return image
