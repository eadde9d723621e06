"""The reader's layout in Chromium, on the demo site: phone height budgets, each side block once,
the sidebar beside the content on a desktop, the menu button and the article's text size."""

import io

import pytest
from django.core.management import call_command

from conftest import DESKTOP, PHONE
from congdoan.news.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The side blocks' titles, and the home blocks that would repeat one of them.
BLOCK_TITLES = """() => [...document.querySelectorAll(
  'main h2.block-title, aside .widget-title, aside .widget[aria-label]'
)].map((title) => (title.getAttribute('aria-label') || title.textContent).trim().toUpperCase())"""
HEIGHTS = """() => ({
  document: document.documentElement.scrollHeight,
  main: document.querySelector('main').getBoundingClientRect().height,
  aside: document.querySelector('aside.sidebar').getBoundingClientRect().height,
})"""


def test_reader_layout_on_phone_and_desktop(live_server, open_page):
    call_command("load_demo", stdout=io.StringIO())
    article = ArticlePage.objects.live().order_by("-published_at").first()

    phone = open_page(PHONE)
    phone.goto(live_server.url + "/", wait_until="networkidle")
    heights = phone.evaluate(HEIGHTS)
    assert heights["document"] <= 5 * PHONE["height"], heights
    assert heights["aside"] <= heights["main"], heights
    titles = phone.evaluate(BLOCK_TITLES)
    assert len(titles) == len(set(titles)), titles
    assert {"VĂN BẢN MỚI", "ẢNH HOẠT ĐỘNG", "VIDEO", "THÔNG TIN TRUY CẬP"} <= set(titles)
    # Condensed sidebar: no picture in it on a phone.
    assert phone.locator("aside.sidebar img:visible").count() == 0

    # The menu opens and closes from its button, which says so.
    toggle = phone.locator("#nav-toggle")
    assert phone.locator("#main-menu").is_hidden()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert phone.locator("#main-menu a", has_text="Văn bản").is_visible()
    phone.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert phone.locator("#main-menu").is_hidden()

    phone.goto(live_server.url + article.url, wait_until="networkidle")
    heights = phone.evaluate(HEIGHTS)
    assert heights["aside"] <= 2 * PHONE["height"], heights
    assert heights["aside"] <= heights["main"], heights
    titles = phone.evaluate(BLOCK_TITLES)
    assert len(titles) == len(set(titles)), titles

    # A+ by keyboard makes the article text larger, and the next article remembers it.
    body = phone.locator(".article-body")
    before = body.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    phone.locator("[data-text-size-step='1']").focus()
    phone.keyboard.press("Enter")
    after = body.evaluate("element => parseFloat(getComputedStyle(element).fontSize)")
    assert after > before
    phone.reload(wait_until="networkidle")
    assert body.evaluate("element => parseFloat(getComputedStyle(element).fontSize)") == after
    phone.problems.assert_none()

    desktop = open_page(DESKTOP)
    for path in ("/", article.url):
        desktop.goto(live_server.url + path, wait_until="networkidle")
        main = desktop.locator("main").bounding_box()
        aside = desktop.locator("aside.sidebar").bounding_box()
        assert aside["x"] >= main["x"] + main["width"], path
        assert aside["y"] < main["y"] + 200, path
        titles = desktop.evaluate(BLOCK_TITLES)
        assert len(titles) == len(set(titles)), (path, titles)
    desktop.problems.assert_none()
