"""Take the admin guide's screenshots from a running portal (make run) with Playwright and chromium.

.venv/bin/python docs/screenshots.py http://127.0.0.1:8000

The demo editor shoots the pages and editing screens: its password is random per install (printed
by `make run`, kept in var/demo_editor_password), read from that file or given as
SCREENSHOT_EDITOR=bientap:password. The settings and legal documents
screens are shot as SCREENSHOT_ADMIN=username:password (a superuser), if given.
Page ids and addresses are those of the demo content loaded by `make run`.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

IMAGES_DIR = Path(__file__).resolve().parent / "images"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEMO_PASSWORD_FILE = Path(__file__).resolve().parents[1] / "var" / "demo_editor_password"
ADMIN_VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
ARTICLE = (
    "/tin-tuc-su-kien/tin-trong-tinh/"
    "hon-3000-nguoi-lao-dong-duoc-ho-tro-kip-thoi-trong-dot-dich-covid-19/"
)
ARTICLE_ID, SECTION_ID, ALBUM_ID, VIDEO_ID, LEGAL_DOCUMENT_ID = 13, 4, 28, 32, 2

PUBLIC_PAGES = [
    ("trang-chu-dien-thoai", "/", PHONE),
    ("trang-chu", "/", DESKTOP),
    ("bai-viet-dien-thoai", ARTICLE, PHONE),
    ("in-bai", ARTICLE + "in/", ADMIN_VIEWPORT),
    ("tim-kiem", "/tim-kiem/?q=luong+toi+thieu", DESKTOP),
    ("van-ban-cong-khai", "/van-ban/", DESKTOP),
]
ADMIN_PAGES = [
    ("quan-tri-bang-dieu-khien", "/admin/"),
    ("quan-tri-cay-trang", "/admin/pages/3/"),
    ("quan-tri-sua-bai-viet", f"/admin/pages/{ARTICLE_ID}/edit/"),
    ("quan-tri-lich-su", f"/admin/pages/{ARTICLE_ID}/history/"),
    ("quan-tri-album", f"/admin/pages/{ALBUM_ID}/edit/"),
    ("quan-tri-tai-anh-hang-loat", f"/admin/gallery/albums/{ALBUM_ID}/upload/"),
    ("quan-tri-video", f"/admin/pages/{VIDEO_ID}/edit/"),
]
SUPERUSER_PAGES = [
    ("quan-tri-van-ban", "/admin/snippets/legal/legaldocument/"),
    ("quan-tri-sua-van-ban", f"/admin/snippets/legal/legaldocument/edit/{LEGAL_DOCUMENT_ID}/"),
    ("quan-tri-cai-dat-trang", "/admin/settings/core/sitesettings/"),
    ("quan-tri-bo-dem-truy-cap", "/admin/settings/visitors/visitorcountersettings/"),
]


def editor_login() -> tuple[str, str]:
    """SCREENSHOT_EDITOR=username:password, else the demo editor with the password make run kept."""
    given = os.environ.get("SCREENSHOT_EDITOR", "")
    if ":" in given:
        username, password = given.split(":", 1)
        return username, password
    if not DEMO_PASSWORD_FILE.exists():
        sys.exit("Set SCREENSHOT_EDITOR=username:password (no demo editor password in var/).")
    return "bientap", DEMO_PASSWORD_FILE.read_text(encoding="utf-8").strip()


def show_visitor_stats(page):
    page.get_by_text("Thống kê truy cập", exact=True).first.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -80)")


def open_block_menu(page):
    page.locator("button.c-sf-add-button").last.click()
    page.wait_for_timeout(300)


def open_schedule(page):
    page.click("[data-side-panel-toggle=status]")
    page.get_by_role("button", name="Đặt lịch").click()
    page.wait_for_timeout(300)


def open_preview(page):
    page.click("[data-side-panel-toggle=preview]")
    page.wait_for_timeout(1500)


def open_more_actions(page):
    page.locator("footer .w-dropdown__toggle").first.click()
    page.wait_for_timeout(300)


def show_promote_tab(page):
    page.get_by_role("tab", name="Quảng bá").click()


# (name, path, what to do on the page before shooting it)
ADMIN_ACTIONS = [
    ("quan-tri-thong-ke-truy-cap", "/admin/", show_visitor_stats),
    ("quan-tri-chen-khoi", f"/admin/pages/{ARTICLE_ID}/edit/", open_block_menu),
    ("quan-tri-len-lich-dang", f"/admin/pages/{ARTICLE_ID}/edit/", open_schedule),
    ("quan-tri-xem-truoc", f"/admin/pages/{ARTICLE_ID}/edit/", open_preview),
    ("quan-tri-xuat-ban", f"/admin/pages/{ARTICLE_ID}/edit/", open_more_actions),
    ("quan-tri-chuyen-muc-menu", f"/admin/pages/{SECTION_ID}/edit/", show_promote_tab),
]


def log_in(browser, base_url: str, username: str, password: str):
    context = browser.new_context(viewport=ADMIN_VIEWPORT, locale="vi-VN")
    page = context.new_page()
    page.goto(base_url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    return page


def shoot_admin(page, base_url: str, pages, actions=()):
    for name, path in pages:
        page.goto(base_url + path, wait_until="networkidle")
        page.screenshot(path=IMAGES_DIR / f"{name}.png", type="png")
    for name, path, action in actions:
        page.goto(base_url + path, wait_until="networkidle")
        action(page)
        page.screenshot(path=IMAGES_DIR / f"{name}.png", type="png")


def shoot(base_url: str, extra_admin_pages=(), extra_public_pages=()):
    IMAGES_DIR.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for name, path, viewport in [*PUBLIC_PAGES, *extra_public_pages]:
            page = browser.new_page(viewport=viewport)
            page.goto(base_url + path, wait_until="networkidle")
            page.screenshot(path=IMAGES_DIR / f"{name}.png", type="png")
            page.close()
        page = log_in(browser, base_url, *editor_login())
        shoot_admin(page, base_url, [*ADMIN_PAGES, *extra_admin_pages], ADMIN_ACTIONS)
        superuser = os.environ.get("SCREENSHOT_ADMIN", "")
        if ":" in superuser:
            username, password = superuser.split(":", 1)
            shoot_admin(log_in(browser, base_url, username, password), base_url, SUPERUSER_PAGES)
        else:
            print("SCREENSHOT_ADMIN not set: settings and legal documents not shot.")
        browser.close()


if __name__ == "__main__":
    shoot(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
