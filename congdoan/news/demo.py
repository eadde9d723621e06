"""Demo news: the home page, the sections of a provincial federation, the seed article and
more articles from demo_content/articles/ (one JSON file each, in the same shape)."""

import json
from datetime import datetime
from pathlib import Path

from django.utils.html import escape
from wagtail.models import Page, Site

from congdoan.core.demo_media import demo_image
from congdoan.core.models import HomePage
from congdoan.news.models import ArticlePage, SectionPage

CONTENT_DIR = Path(__file__).resolve().parent / "demo_content"

SECTIONS = [
    ("Tin tức – Sự kiện", ["Tin trong tỉnh", "Tin trong nước"]),
    ("Hoạt động công đoàn", ["Chăm lo đời sống", "Thi đua – Khen thưởng"]),
    ("Chính sách – Pháp luật", []),
    ("Tin cơ sở", []),
]


def ensure_home_page() -> HomePage:
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    site = Site.objects.filter(is_default_site=True).first()
    old_root = site.root_page if site else None
    if site:
        site.root_page = home
        site.site_name = "Cổng Công đoàn"
        site.save()
    else:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if old_root and old_root.specific_class is Page and old_root.pk != home.pk:
        old_root.delete()
    return home


def ensure_section(parent: Page, title: str) -> SectionPage:
    existing = SectionPage.objects.child_of(parent).filter(title=title).first()
    if existing:
        return existing
    section = SectionPage(title=title, show_in_menus=True)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


def ensure_sections(home: HomePage) -> dict[str, SectionPage]:
    sections = {}
    for title, children in SECTIONS:
        section = ensure_section(home, title)
        sections[title] = section
        for child_title in children:
            sections[child_title] = ensure_section(section, child_title)
    return sections


def body_block(item: str | dict) -> tuple[str, object]:
    """A paragraph, or `{"quote": ..., "attribution": ...}` for a quote block."""
    if isinstance(item, dict):
        return ("quote", {"text": item["quote"], "attribution": item.get("attribution", "")})
    return ("paragraph", f"<p>{escape(item)}</p>")


def ensure_article(section: SectionPage, data: dict) -> ArticlePage:
    existing = ArticlePage.objects.filter(title=data["title"]).first()
    if existing:
        return existing
    image = (
        demo_image(data["image_title"], data.get("image_label"))
        if data.get("image_title")
        else None
    )
    article = ArticlePage(
        title=data["title"],
        sapo=data["sapo"],
        published_at=datetime.fromisoformat(data["published_at"]),
        first_published_at=datetime.fromisoformat(data["published_at"]),
        cover_image=image,
        cover_alt=data.get("image_alt", ""),
        cover_caption=data.get("image_caption", ""),
        author=data.get("author", ""),
        source=data.get("source", ""),
        body=[body_block(item) for item in data["body"]],
    )
    section.add_child(instance=article)
    for tag in data.get("tags", []):
        article.tags.add(tag)
    revision = article.save_revision()
    revision.publish()
    return article


def load(stdout):
    home = ensure_home_page()
    if not home.live:
        home.save_revision().publish()
    sections = ensure_sections(home)
    seed = json.loads((CONTENT_DIR / "seed_article.json").read_text(encoding="utf-8"))
    ensure_article(sections["Tin trong nước"], seed)
    for path in sorted((CONTENT_DIR / "articles").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        ensure_article(sections[data["section"]], data)
