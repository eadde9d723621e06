"""Articles in and out as JSON Lines, for sites moving from an old portal.

One JSON object a line: id, title, sapo, body_html, section, published_at, tags, author,
source, image (path relative to the file), image_alt, image_caption. Reading the file, line
numbers, transactions and confining file paths are the import runner's
(`congdoan.core.jsonl_import`); this module maps one record to an article.
"""

import hashlib
import json
import os
import re
from datetime import datetime
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from django.core.exceptions import ValidationError
from django.utils.html import escape, format_html
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.images.models import Image
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from congdoan.core.blocks.article_body import RICH_TEXT_FEATURES
from congdoan.core.dates import to_vietnam_time
from congdoan.core.image_checks import UNREADABLE_IMAGE_CODES, check_uploaded_image
from congdoan.core.jsonl_import import ImportFolder, ImportReport, LineError, run_import
from congdoan.core.models import HomePage
from congdoan.core.text import normalize, vietnamese_slugify
from congdoan.news.models import ArticlePage, SectionPage

# Tags the rich-text editor has no feature for, mapped to the nearest one it has.
RENAMED_TAGS = {"h1": "h2", "h5": "h4", "h6": "h4", "strong": "b", "em": "i"}
DROPPED_TAGS = ["script", "style", "iframe", "object", "embed", "noscript", "template", "form"]
CELL_TAGS = ["td", "th", "caption", "figcaption", "dt", "dd", "address", "pre"]
CONTAINER_TAGS = [
    "div", "section", "article", "header", "footer", "main", "aside", "figure", "center",
    "table", "thead", "tbody", "tfoot", "tr", "dl", "nav",
]  # fmt: skip
IMAGE_PLACEHOLDER = "congdoan-image"
BLOCK_TAGS = {
    "p", "h2", "h3", "h4", "ul", "ol", "hr", "blockquote", IMAGE_PLACEHOLDER,
    *CONTAINER_TAGS, *CELL_TAGS,
}  # fmt: skip
REMOTE_PREFIXES = ("http://", "https://", "//", "data:", "/")


# Body HTML -> StreamField blocks


def _extract_images(soup: BeautifulSoup) -> list[dict]:
    """Replace each body image (a figure with an img, or a bare img) by a placeholder."""
    found = []

    def replace(element, img, caption=""):
        found.append(
            {
                "src": (img.get("src") or "").strip(),
                "alt": normalize(img.get("alt") or "").strip(),
                "caption": normalize(caption).strip(),
                "credit": normalize(element.get("data-credit") or "").strip(),
            }
        )
        placeholder = soup.new_tag(IMAGE_PLACEHOLDER, attrs={"data-index": str(len(found) - 1)})
        element.replace_with(placeholder)

    for figure in soup.find_all("figure"):
        img = figure.find("img")
        if img is not None:
            caption = figure.find("figcaption")
            replace(figure, img, caption.get_text(" ", strip=True) if caption else "")
    for img in soup.find_all("img"):
        replace(img, img)
    return found


def _hoist_images(soup: BeautifulSoup):
    """An image inside a paragraph goes right after that paragraph, in order."""
    last_placed = {}
    for placeholder in soup.find_all(IMAGE_PLACEHOLDER):
        top = placeholder
        while top.parent is not soup:
            top = top.parent
        if top is not placeholder:
            anchor = last_placed.get(id(top), top)
            anchor.insert_after(placeholder.extract())
            last_placed[id(top)] = placeholder


def _clean_soup(soup: BeautifulSoup) -> BeautifulSoup:
    for tag in soup(DROPPED_TAGS):
        tag.decompose()
    for quote in soup("blockquote"):
        for credit in quote.find_all(["footer", "cite"]):
            if not quote.get("data-attribution"):
                quote["data-attribution"] = credit.get_text(" ", strip=True).lstrip("—–- ")
            credit.decompose()
    for name, new_name in RENAMED_TAGS.items():
        for tag in soup(name):
            tag.name = new_name
    for tag in soup(CELL_TAGS):
        tag.name = "p"
    for tag in soup(CONTAINER_TAGS):
        if any(isinstance(child, Tag) and child.name in BLOCK_TAGS for child in tag.children):
            tag.unwrap()
        else:
            tag.name = "p"
    return soup


def _quote_block(tag: Tag) -> tuple[str, dict] | None:
    attribution = tag.get("data-attribution", "").strip()
    for line_break in tag.find_all("br"):
        line_break.replace_with("\n")
    lines = [part.get_text("", strip=False).strip() for part in tag.find_all("p")]
    if not lines:
        lines = [tag.get_text("", strip=False).strip()]
    text = "\n".join(line for line in lines if line)
    if not text:
        return None
    return ("quote", {"text": text, "attribution": attribution[:255]})


def _rich_text(converter: ContentstateConverter, html: str) -> str:
    if not html.strip():
        return ""
    cleaned = converter.to_database_format(converter.from_database_format(html))
    soup = BeautifulSoup(cleaned, "html.parser")
    for paragraph in soup.find_all(["p", "h2", "h3", "h4", "li"]):
        if not paragraph.get_text(strip=True) and not paragraph.find("br"):
            paragraph.decompose()
    for list_tag in soup.find_all(["ul", "ol"]):
        if not list_tag.find("li"):
            list_tag.decompose()
    return str(soup).strip()


def html_to_blocks(html: str, load_image=None, default_alt: str = "") -> list[tuple[str, object]]:
    """Sanitize to what the editor allows: paragraph blocks, top-level quotes as quote blocks,
    and images with a local path (through `load_image(src)`) as image blocks."""
    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    soup = BeautifulSoup(normalize(html), "html.parser")
    images = _extract_images(soup)
    _clean_soup(soup)
    _hoist_images(soup)
    for nested_quote in soup.find_all("blockquote"):
        if nested_quote.parent is not soup:
            nested_quote.name = "p"
    blocks, pending = [], []

    def flush():
        text = _rich_text(converter, "".join(pending))
        if text:
            blocks.append(("paragraph", text))
        pending.clear()

    for node in list(soup.children):
        if isinstance(node, Tag) and node.name == IMAGE_PLACEHOLDER:
            flush()
            found = images[int(node["data-index"])]
            image = None
            if load_image and found["src"] and not found["src"].startswith(REMOTE_PREFIXES):
                image = load_image(found["src"])
            if image is not None:
                value = {
                    "image": image,
                    "alt_text": (found["alt"] or default_alt)[:255],
                    "caption": found["caption"][:500],
                    "credit": found["credit"][:255],
                }
                blocks.append(("image", value))
        elif isinstance(node, Tag) and node.name == "blockquote":
            flush()
            quote = _quote_block(node)
            if quote:
                blocks.append(quote)
        elif isinstance(node, Tag) and node.name in BLOCK_TAGS:
            pending.append(str(node))
        elif isinstance(node, NavigableString | Tag) and str(node).strip():
            # Loose inline content between blocks becomes its own paragraph.
            pending.append(f"<p>{node}</p>")
    flush()
    return blocks


def blocks_to_html(body, image_path=None) -> str:
    """The article body as HTML that `html_to_blocks` reads back to the same blocks;
    `image_path(image)` gives the exported file's path for image blocks."""
    parts = []
    for block in body:
        if block.block_type == "image" and image_path and block.value["image"]:
            value = block.value
            credit = value.get("credit")
            caption = value.get("caption")
            parts.append(
                format_html(
                    '<figure{}><img src="{}" alt="{}">{}</figure>',
                    format_html(' data-credit="{}"', credit) if credit else "",
                    image_path(value["image"]),
                    value["alt_text"],
                    format_html("<figcaption>{}</figcaption>", caption) if caption else "",
                )
            )
        elif block.block_type == "paragraph":
            parts.append(expand_db_html(block.value.source))
        elif block.block_type == "quote":
            lines = "".join(f"<p>{escape(line)}</p>" for line in block.value["text"].splitlines())
            credit = block.value.get("attribution")
            footer = f"<footer>{escape(credit)}</footer>" if credit else ""
            parts.append(f"<blockquote>{lines}{footer}</blockquote>")
    return "\n".join(parts)


# One line -> one article


def _text(data: dict, key: str, *, required: bool = False, max_length: int = 255) -> str:
    value = data.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise LineError(_("“%(key)s” must be text.") % {"key": key})
    value = normalize(str(value)).strip()
    if required and not value:
        raise LineError(_("“%(key)s” is missing or empty.") % {"key": key})
    if len(value) > max_length:
        raise LineError(
            _("“%(key)s” is longer than %(max)d characters.") % {"key": key, "max": max_length}
        )
    return value


def _published_at(data: dict) -> datetime:
    raw = data.get("published_at")
    if not raw or not isinstance(raw, str):
        raise LineError(_("“published_at” is missing."))
    try:
        value = datetime.fromisoformat(raw.strip())
    except ValueError:
        raise LineError(
            _("“published_at” is not an ISO 8601 time: %(value)s") % {"value": raw}
        ) from None
    if value.tzinfo is None:
        raise LineError(
            _("“published_at” needs a UTC offset, e.g. 2021-11-10T07:00:00+07:00: %(value)s")
            % {"value": raw}
        )
    return value


def _tags(data: dict) -> list[str]:
    raw = data.get("tags") or []
    if not isinstance(raw, list) or not all(isinstance(tag, str) for tag in raw):
        raise LineError(_("“tags” must be a list of texts."))
    tags = []
    for tag in raw:
        tag = normalize(tag).strip()
        if len(tag) > 100:
            raise LineError(_("A tag is longer than 100 characters: %(tag)s") % {"tag": tag})
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _image(data: dict, folder: ImportFolder, title: str) -> Image | None:
    relative = data.get("image")
    if not relative:
        return None
    if not isinstance(relative, str):
        raise LineError(_("“image” must be a file path."))
    return load_image_file(folder, relative, title)


def _check_image(relative: str):
    """The site's image check, refusing what is not an image with this importer's message."""

    def check(file):
        try:
            check_uploaded_image(file)
        except ValidationError as error:
            if error.code in UNREADABLE_IMAGE_CODES:
                raise LineError(
                    _("Not a readable image (JPEG, PNG, GIF or WebP): %(path)s")
                    % {"path": relative}
                ) from None
            raise

    return check


def load_image_file(folder: ImportFolder, relative: str, title: str) -> Image:
    """The image at `relative` (to the JSONL file), checked like an upload; an identical
    file already in the library is reused."""
    with folder.open_file(
        relative, check=_check_image(relative), not_found=_("Image file not found: %(path)s")
    ) as upload:
        file_hash = hashlib.file_digest(upload.file, "sha1").hexdigest()  # Wagtail's file_hash
        existing = Image.objects.filter(file_hash=file_hash).first()
        if existing:
            return existing
        upload.seek(0)
        image = Image(title=title[:255], file_hash=file_hash, file_size=upload.size, file=upload)
        image.save()
    return image


def import_home_page() -> HomePage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        raise LineError(_("The site has no home page: run “manage.py load_demo” first."))
    return home


def find_or_create_section(home: HomePage, title: str) -> SectionPage:
    existing = (
        SectionPage.objects.descendant_of(home).filter(title=title).order_by("depth", "path")
    ).first()
    if existing:
        return existing
    section = SectionPage(title=title, slug=_free_slug(home, title), show_in_menus=True)
    home.add_child(instance=section)
    section.save_revision().publish()
    return section


def _free_slug(parent: Page, title: str, exclude_pk: int | None = None) -> str:
    base = vietnamese_slugify(title, max_length=240) or "bai-viet"
    taken = set(parent.get_children().exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def import_article(data: dict, folder: ImportFolder, home: HomePage) -> tuple[ArticlePage, bool]:
    """Create or update the article keyed by `id`; publish it. Returns (article, created)."""
    external_id = _text(data, "id", required=True)
    title = _text(data, "title", required=True)
    sapo = _text(data, "sapo", required=True, max_length=5000)
    section_title = _text(data, "section", required=True)
    published_at = _published_at(data)
    tags = _tags(data)
    author = _text(data, "author")
    source = _text(data, "source")
    caption = _text(data, "image_caption", max_length=500)
    alt = _text(data, "image_alt") or title
    body_html = data.get("body_html") or ""
    if not isinstance(body_html, str):
        raise LineError(_("“body_html” must be text."))
    body = html_to_blocks(
        body_html,
        load_image=lambda src: load_image_file(folder, src, title),
        default_alt=title,
    )
    image = _image(data, folder, title)
    section = find_or_create_section(home, section_title)

    article = ArticlePage.objects.filter(external_id=external_id).first()
    created = article is None
    if created:
        article = ArticlePage(external_id=external_id, slug=_free_slug(section, title))
    elif article.get_parent().pk != section.pk:
        article.slug = _free_slug(section, article.slug, exclude_pk=article.pk)
        article.save(update_fields=["slug"], clean=False)
        article.move(section, pos="last-child")
        article = ArticlePage.objects.get(pk=article.pk)
    article.title = title
    article.sapo = sapo
    article.body = body
    article.published_at = published_at
    article.first_published_at = published_at
    article.author = author
    article.source = source
    article.cover_image = image
    article.cover_alt = alt if image else ""
    article.cover_caption = caption if image else ""
    if created:
        section.add_child(instance=article)
    article.tags.set(tags)
    article.save_revision().publish()
    ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published_at)
    return article, created


def import_record(data: dict, folder: ImportFolder) -> bool:
    """The import runner's hook: one line to one published article; True when created."""
    _article, created = import_article(data, folder, import_home_page())
    return created


def import_articles(path: Path) -> ImportReport:
    """Import every line it can; the others are reported by number and reason."""
    return run_import(Path(path), import_record)


# Export


EXPORT_ID_PREFIX = "congdoan-"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def export_record(article: ArticlePage, image_name: str | None, image_path=None) -> dict:
    record = {
        "id": article.external_id or f"{EXPORT_ID_PREFIX}{article.pk}",
        "title": article.title,
        "sapo": article.sapo,
        "body_html": blocks_to_html(article.body, image_path),
        "section": article.get_parent().title,
        "published_at": to_vietnam_time(article.published_at).isoformat(),
        "tags": sorted(item.tag.name for item in article.tagged_items.all()),
        "author": article.author,
        "source": article.source,
    }
    if image_name:
        record["image"] = image_name
        record["image_alt"] = article.cover_alt
        record["image_caption"] = article.cover_caption
    return record


def export_image(image: Image, images_dir: Path, base_dir: Path) -> str:
    """Copy the original file next to the export once; returns its path relative to base_dir."""
    name = _UNSAFE_NAME.sub("-", Path(image.file.name).name)
    target = images_dir / f"{image.pk}-{name}"
    if not target.exists():
        images_dir.mkdir(parents=True, exist_ok=True)
        with image.open_file() as source:
            target.write_bytes(source.read())
    return Path(os.path.relpath(target, base_dir)).as_posix()


def export_articles(output, base_dir: Path, images_dir: Path) -> int:
    """Write every live article as one JSON line; returns how many."""
    count = 0
    articles = (
        ArticlePage.objects.live()
        .select_related("cover_image")
        .prefetch_related("tagged_items__tag")
        .order_by("published_at", "pk")
    )
    for article in articles.iterator(chunk_size=500):
        image_name = (
            export_image(article.cover_image, images_dir, base_dir) if article.cover_image else None
        )
        record = export_record(
            article, image_name, lambda image: export_image(image, images_dir, base_dir)
        )
        output.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
