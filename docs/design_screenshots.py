"""Screenshots of every public page type at phone and desktop size, for design review.

.venv/bin/python docs/design_screenshots.py http://127.0.0.1:8000 [output folder] [names]

Run against a portal with DEBUG off (`make run` is), or the 404 shot is Django's debug page.
`names`, comma-separated (e.g. `trang-khong-ton-tai`), shoots only those pages.

Run against a portal with the demo content (`make run`). Each page is shot full height at 390×844
(`-dien-thoai`) and 1366×768, into docs/screenshots/design/ unless another folder is given; the
PNGs are reduced to 256 colours (Pillow) so that the committed set stays small.
"""

import re
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

OUTPUT_DIR = Path(__file__).resolve().parent / "screenshots" / "design"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 600) {
    window.scrollTo(0, y);
    await new Promise((done) => setTimeout(done, 60));
  }
  window.scrollTo(0, 0);
}"""
# (file name, path, or a link pattern found on the home page / a listing)
PAGES = [
    ("trang-chu", "/"),
    ("chuyen-muc", "/tin-tuc-su-kien/"),
    ("bai-viet", "first:/tin-tuc-su-kien/tin-trong-nuoc/[a-z0-9-]+/"),
    ("in-bai", "print:"),
    ("tim-kiem", "/tim-kiem/?q=cong+doan"),
    ("van-ban", "/van-ban/"),
    ("van-ban-chi-tiet", "first:/van-ban/[0-9]+-[a-z0-9-]+/"),
    ("album", "first:/anh-hoat-dong/[a-z0-9-]+/"),
    ("video", "first:/video/[a-z0-9-]+/"),
    ("trang-khong-ton-tai", "/khong-co-trang-nay/"),
]


def first_link(page, base_url: str, pattern: str) -> str:
    page.goto(base_url + "/")
    hrefs = page.eval_on_selector_all(
        "a[href]", "links => links.map(link => link.getAttribute('href'))"
    )
    for href in hrefs:
        if re.fullmatch(pattern, href):
            return href
    raise SystemExit(f"no link matching {pattern} on the home page")


def shoot(base_url: str, output_dir: Path, only: set[str] = frozenset()) -> list[Path]:
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        finder = browser.new_page()
        paths, article = {}, ""
        for name, target in PAGES:
            if only and name not in only and name != "bai-viet":
                continue
            if target.startswith("first:"):
                paths[name] = first_link(finder, base_url, target[len("first:") :])
            elif target == "print:":
                paths[name] = article + "in/"
            else:
                paths[name] = target
            if name == "bai-viet":
                article = paths[name]
        for viewport, suffix in ((PHONE, "-dien-thoai"), (DESKTOP, "")):
            context = browser.new_context(viewport=viewport, locale="vi-VN")
            page = context.new_page()
            for name, path in paths.items():
                if only and name not in only:
                    continue
                page.goto(base_url + path, wait_until="networkidle")
                # Lazy pictures load only near the viewport: scroll through the page first.
                page.evaluate(SCROLL_THROUGH)
                page.wait_for_load_state("networkidle")
                target = output_dir / f"{name}{suffix}.png"
                page.screenshot(path=str(target), full_page=True)
                Image.open(target).convert("RGB").quantize(256).save(target, optimize=True)
                written.append(target)
            context.close()
        browser.close()
    return written


if __name__ == "__main__":
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else OUTPUT_DIR
    names = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else set()
    for written_path in shoot(base, folder, names):
        print(written_path)
