"""The Vietnamese guides in the repository's `docs/`, served inside the admin.

Wagtail's help menu links English guides on wagtail.org; the portal's editors get the guide
written for them instead (`docs/huong-dan-quan-tri.md`, with its screenshots), rendered from
the same Markdown file the repository shows, so there is one text to keep up to date.
"""

import mimetypes
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

DOCS_DIR = Path(settings.BASE_DIR) / "docs"
GUIDE_PATH = DOCS_DIR / "huong-dan-quan-tri.md"
GUIDE_TITLE = _("Admin guide")
IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*\.(png|jpe?g|webp|gif|svg)$")


@lru_cache(maxsize=8)
def render_guide(path: Path, modified: float) -> str:
    """HTML of a guide; cached per file version (`modified` is part of the key)."""
    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
    return markdown.render(path.read_text(encoding="utf-8"))


def guide(request):
    if not GUIDE_PATH.is_file():
        raise Http404
    html = render_guide(GUIDE_PATH, GUIDE_PATH.stat().st_mtime)
    return render(
        request,
        "newsroom/guide.html",
        {
            "page_title": GUIDE_TITLE,
            "header_title": GUIDE_TITLE,
            "header_icon": "help",
            # Our own file, rendered with raw HTML turned off.
            "guide_html": mark_safe(html),  # noqa: S308
        },
    )


def guide_image(request, name):
    """A screenshot the guide shows (`images/…` next to the guide), and nothing else."""
    if not IMAGE_NAME.match(name):
        raise Http404
    path = DOCS_DIR / "images" / name
    if not path.is_file():
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(path.open("rb"), content_type=content_type)
