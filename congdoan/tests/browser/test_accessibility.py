"""Accessibility of every public page type (Thông tư 26/2020/TT-BTTTT follows WCAG 2.1).

axe-core, injected through Playwright, checks each page at WCAG 2.1 A and AA on a phone and on
a desktop; the keyboard checks axe cannot make (skip link, visible focus, labels, errors tied to
their fields) are made here by hand.
"""

import pytest
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE

from .public_pages import NOT_FOUND, public_page_urls, send_article_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.xdist_group("demo_site")]

VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]

RUN_AXE = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
  });
  return result.violations.map((violation) => ({
    rule: violation.id,
    nodes: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")),
  }));
}"""

# Form controls a person fills in, with the name assistive technology reads for each.
UNLABELLED_CONTROLS = """() => Array.from(document.querySelectorAll(
    "input:not([type=hidden]), select, textarea"))
  .filter((control) => control.closest("[aria-hidden=true]") === null)
  .filter((control) => control.labels.length === 0 && !control.getAttribute("aria-label")
    && !control.getAttribute("aria-labelledby"))
  .map((control) => control.name || control.id)"""

# Each control marked invalid, and the text of the elements its aria-describedby names.
INVALID_CONTROLS = """() => Array.from(document.querySelectorAll("[aria-invalid=true]"))
  .map((control) => [control.name, (control.getAttribute("aria-describedby") || "").split(" ")
    .map((id) => document.getElementById(id)).filter(Boolean)
    .map((element) => element.textContent.trim()).join(" ")])"""


def axe_violations(page, axe_script):
    page.evaluate(axe_script)  # evaluated by DevTools: the page's CSP does not apply to it
    return page.evaluate(RUN_AXE)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_public_page_type_passes_axe_at_wcag21_aa(site_url, open_page, axe_script, viewport):
    page = open_page(viewport, allowed_statuses={404})
    violations = {}
    for page_type, path in public_page_urls().items():
        response = page.goto(site_url + path)
        assert response.status == (404 if path == NOT_FOUND else 200), path
        if found := axe_violations(page, axe_script):
            violations[page_type] = found
        if unlabelled := page.evaluate(UNLABELLED_CONTROLS):
            violations[page_type + " unlabelled"] = unlabelled

    # Gửi bài viết with its errors shown: the error state must be as accessible.
    page.goto(site_url + send_article_url())
    page.get_by_role("button", name="Gửi", exact=True).click()
    expect(page.get_by_role("alert").first).to_be_visible()
    if found := axe_violations(page, axe_script):
        violations["send article errors"] = found
    invalid = dict(page.evaluate(INVALID_CONTROLS))
    page.problems.assert_none()

    assert violations == {}
    assert invalid == {
        "recipient": "Vui lòng nhập địa chỉ email người nhận.",
        "sender_name": "Vui lòng nhập họ tên của bạn.",
    }


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_skip_link_comes_first_and_moves_focus_to_the_content(site_url, open_page, viewport):
    page = open_page(viewport)
    page.goto(site_url + public_page_urls()["article"])
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    # The next Tab lands inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    page.problems.assert_none()


def focus_outline(locator):
    return locator.evaluate(
        "(element) => { const style = getComputedStyle(element);"
        " return [style.outlineStyle, parseFloat(style.outlineWidth)]; }"
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_keyboard_focus_is_visible_on_links_and_buttons(site_url, open_page, viewport):
    page = open_page(viewport)
    page.goto(site_url + "/")
    seen = {"a": [], "button": []}
    # Walk the page by keyboard: every link and button reached shows an outline.
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.locator("*:focus")
        tag = focused.evaluate("(element) => element.tagName.toLowerCase()")
        if tag in seen:
            style, width = focus_outline(focused)
            seen[tag].append((focused.evaluate("(e) => e.textContent.trim()"), style, width))
        if seen["a"] and seen["button"] and len(seen["a"]) > 10:
            break

    assert seen["a"] and seen["button"]
    invisible = [item for items in seen.values() for item in items if item[1] == "none"]
    assert invisible == []
    assert all(width >= 2 for items in seen.values() for _, _, width in items)
    page.problems.assert_none()
