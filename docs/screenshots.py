"""Take the admin guide's screenshots from a running portal (make run) with Playwright and chromium.

.venv/bin/python docs/screenshots.py http://127.0.0.1:8000
"""

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
USERNAME, PASSWORD = "bientap", "congdoan2024"

PUBLIC_PAGES = [
    ("trang-chu-dien-thoai", "/", {"width": 390, "height": 844}),
    ("trang-chu", "/", {"width": 1366, "height": 900}),
]
ADMIN_PAGES = [
    ("quan-tri-bang-dieu-khien", "/admin/"),
    ("quan-tri-cay-trang", "/admin/pages/"),
]


def shoot(base_url: str, extra_admin_pages=(), extra_public_pages=()):
    IMAGES_DIR.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        for name, path, viewport in [*PUBLIC_PAGES, *extra_public_pages]:
            page = browser.new_page(viewport=viewport)
            page.goto(base_url + path, wait_until="networkidle")
            page.screenshot(path=IMAGES_DIR / f"{name}.png")
            page.close()
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        page = context.new_page()
        page.goto(base_url + "/admin/login/")
        page.fill("input[name=username]", USERNAME)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        for name, path in [*ADMIN_PAGES, *extra_admin_pages]:
            page.goto(base_url + path, wait_until="networkidle")
            page.screenshot(path=IMAGES_DIR / f"{name}.png")
        browser.close()


if __name__ == "__main__":
    shoot(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000")
