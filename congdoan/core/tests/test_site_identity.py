"""The union's identity from site settings: colours, banner, footer, icons and asset budgets."""

import gzip
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.test import override_settings

from congdoan.core.models import SiteSettings, WebsiteLink
from congdoan.core.registry import PortalContributions
from congdoan.core.theme import darker
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

# What a reader's phone downloads: every stylesheet and script a public page links, compressed.
COMPRESSED_BUDGET_BYTES = 50 * 1024


def site_settings(home_page) -> SiteSettings:
    return SiteSettings.for_site(home_page.get_site())


def soup_of(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_default_colours_link_no_theme_stylesheet(client, home_page):
    soup = soup_of(client)
    assert [
        link["href"] for link in soup.select("link[rel=stylesheet]") if "theme" in link["href"]
    ] == []


def test_chosen_colours_reach_pages_through_theme_css(client, home_page):
    settings = site_settings(home_page)
    settings.primary_color, settings.accent_color = "#1F5E3A", "#b3261e"
    settings.save()

    soup = soup_of(client)
    theme_links = [
        link["href"] for link in soup.select("link[rel=stylesheet]") if "theme" in link["href"]
    ]
    assert theme_links == ["/theme.css?p=1F5E3A&a=b3261e"]
    response = client.get(theme_links[0])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.content.decode() == (
        ":root{--brand:#1f5e3a;--brand-dark:#17462c;--accent:#b3261e;--accent-dark:#861c16}\n"
    )


def test_darker_scales_each_channel():
    assert darker("#ffffff") == "#bfbfbf"
    assert darker("#0b4ea2") == "#083a7a"


@pytest.mark.parametrize("value", ["red", "#12345", "#1234567", "#12345g", "0b4ea2", "#0b4ea2;}"])
def test_colours_must_be_hex(home_page, value):
    settings = site_settings(home_page)
    settings.primary_color = value
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "primary_color" in error.value.message_dict


def test_without_logo_the_header_shows_the_neutral_mark_with_initials(client, home_page):
    settings = site_settings(home_page)
    settings.short_name = "LĐLĐ tỉnh Hòa Bình"
    settings.save()

    mark = soup_of(client).select_one("header.site-header .brand-link svg.brand-mark")
    assert mark["aria-hidden"] == "true"
    assert mark.text == "LT"


def test_footer_names_the_responsible_person_licence_links_and_social_icons(client, home_page):
    settings = site_settings(home_page)
    settings.responsible_title = "Trưởng Ban Tuyên giáo"
    settings.responsible_name = "Nguyễn Thị Minh Hằng"
    settings.licence_text = "Giấy phép số 05/GP-TTĐT"
    settings.facebook_url = "https://www.facebook.com/congdoan"
    settings.website_links.add(WebsiteLink(title="Báo Lao Động", url="https://laodong.vn/"))
    settings.save()

    footer = soup_of(client).select_one("footer.site-footer")
    responsible = footer.select_one(".footer-responsible")
    assert " ".join(responsible.text.split()) == (
        "Chịu trách nhiệm nội dung: Trưởng Ban Tuyên giáo Nguyễn Thị Minh Hằng"
    )
    assert footer.select_one(".footer-licence").text == "Giấy phép số 05/GP-TTĐT"
    assert footer.select_one("#website-links-title").text == "Liên kết website"
    assert [(a.text, a["href"]) for a in footer.select(".footer-links a")] == [
        ("Báo Lao Động", "https://laodong.vn/")
    ]
    facebook = footer.select_one(".social a")
    assert facebook["aria-label"] == "Facebook"
    assert facebook.select_one("svg")["aria-hidden"] == "true"


def test_header_and_footer_templates_of_apps_are_rendered(client, home_page, monkeypatch):
    from django.apps import apps

    config = apps.get_app_config("news")
    monkeypatch.setattr(
        config,
        "portal",
        PortalContributions(
            header_templates=("core/includes/default_mark.html",),
            footer_templates=("core/blocks/paragraph.html",),
        ),
    )
    soup = soup_of(client)
    assert soup.select_one(".topbar svg.brand-mark") is not None
    assert soup.select_one(".footer-extra .rich-text") is not None


def test_the_menu_button_controls_the_menu(client, home_page):
    soup = soup_of(client)
    button = soup.select_one("nav.main-nav button#nav-toggle")
    assert button["aria-expanded"] == "false"
    assert button["aria-controls"] == "main-menu"
    assert soup.select_one("ul#main-menu.menu") is not None
    # Without JavaScript the menu is a plain list: nojs.css, linked only inside <noscript>.
    assert "core/css/nojs" in soup.select_one("head noscript").decode_contents()
    assert soup.select_one("nav.main-nav a[href='/van-ban/']").text == "Văn bản"


def test_apple_touch_icon_is_served(client):
    response = client.get("/apple-touch-icon.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_section_lists_subsections_as_chips(client, home_page):
    section = SectionPageFactory(parent=home_page, title="Hoạt động")
    SectionPageFactory(parent=section, title="Thi đua")
    chips = soup_of(client, section.url).select("nav.subsections a.chip")
    assert [chip.text for chip in chips] == ["Thi đua"]


def test_article_has_share_links_text_size_and_linked_tags(client, home_page):
    section = SectionPageFactory(parent=home_page)
    article = ArticlePageFactory(parent=section, title="Tin thử")
    article.tags.add("an toàn lao động", "lương")
    article.save_revision().publish()
    neighbour = ArticlePageFactory(parent=section, title="Tin bên cạnh")

    soup = soup_of(client, article.url)
    full_url = r"http%3A%2F%2F[a-z0-9.:-]+%2Fchuyen-muc-[0-9]+%2Ftin-thu%2F$"
    zalo = soup.select_one("a.share-zalo")["href"]
    facebook = soup.select_one("a.share-facebook")["href"]
    assert re.match(r"https://sp\.zalo\.me/plugins/share\?url=" + full_url, zalo)
    assert re.match(r"https://www\.facebook\.com/sharer/sharer\.php\?u=" + full_url, facebook)
    # No script from Zalo or Facebook: the links are plain until a reader clicks.
    assert [
        s["src"] for s in soup.select("script[src]") if "zalo" in s["src"] or "facebook" in s["src"]
    ] == []
    # Each button's name starts with what it shows (axe: label-content-name-mismatch).
    assert [" ".join(b.text.split()) for b in soup.select("[data-text-size] button")] == [
        "A− Thu nhỏ chữ",
        "A+ Phóng to chữ",
    ]
    tags = soup.select(".tag-list a.tag")
    assert sorted((tag.text, tag["href"]) for tag in tags) == [
        ("an toàn lao động", "/tim-kiem/?q=an%20to%C3%A0n%20lao%20%C4%91%E1%BB%99ng"),
        ("lương", "/tim-kiem/?q=l%C6%B0%C6%A1ng"),
    ]
    assert "," not in soup.select_one(".tags").text
    same_section = soup.select(".same-section .headline-list a")
    assert [a.text for a in same_section] == [neighbour.title]


def linked_assets(client, paths) -> dict[str, set[str]]:
    assets = {"css": set(), "js": set()}
    for path in paths:
        soup = soup_of(client, path)
        assets["css"] |= {link["href"] for link in soup.select("link[rel=stylesheet]")}
        assets["css"] |= {
            link["href"]
            for noscript in soup.select("noscript")
            for link in BeautifulSoup(noscript.decode_contents(), "html.parser").select("link")
        }
        assets["js"] |= {script["src"] for script in soup.select("script[src]")}
    return assets


@override_settings(
    STORAGES={"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
)
def test_css_and_js_of_public_pages_each_stay_under_50_kb_compressed(client, home_page):
    section = SectionPageFactory(parent=home_page)
    article = ArticlePageFactory(parent=section)
    assets = linked_assets(client, ["/", section.url, article.url, "/van-ban/", "/tim-kiem/?q=a"])
    assert {"/static/core/css/site.css", "/static/core/js/site.js"} <= assets["css"] | assets["js"]
    for kind, urls in assets.items():
        total = 0
        for url in urls:
            path = finders.find(url.removeprefix("/static/"))
            assert path, url
            with open(path, "rb") as asset:
                total += len(gzip.compress(asset.read(), 9))
        assert 0 < total < COMPRESSED_BUDGET_BYTES, (kind, total)
