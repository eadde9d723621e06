"""Generated media for the demo site: no binary files in the repository.

`demo_image` paints a photograph-like scene (`core.demo_scenes`); `placeholder_jpeg` is the
plain labelled gradient that tests use as a small, quick picture.
"""

import hashlib
import io
import os
import tempfile
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from congdoan.core.demo_scenes import SCENES_VERSION, bold_font, paint_scene


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
    font = bold_font(max(24, width // 28))
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


def scene_jpeg(title: str, caption: str, width: int, height: int) -> bytes:
    """The painted scene as a JPEG, kept in the temporary folder: painting takes about a second
    and every `load_demo` (tests, `make run`, backups) asks for the same pictures again."""
    key = hashlib.sha256(
        f"{SCENES_VERSION}|{title}|{caption}|{width}x{height}".encode()
    ).hexdigest()
    cached = Path(tempfile.gettempdir()) / "congdoan-demo-scenes" / f"{key}.jpg"
    if cached.exists():
        return cached.read_bytes()
    buffer = io.BytesIO()
    paint_scene(title, caption, width, height).save(buffer, "JPEG", quality=84, optimize=True)
    data = buffer.getvalue()
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(cached)
    return data


def demo_image(title: str, label: str | None = None, width: int = 1600, height: int = 900) -> Image:
    """The demo image with this title, generated once."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = scene_jpeg(title, label or title, width, height)
    file_name = f"demo-{hashlib.sha1(title.encode()).hexdigest()[:12]}.jpg"  # noqa: S324
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(data), name=file_name)
    image.save()
    return image
