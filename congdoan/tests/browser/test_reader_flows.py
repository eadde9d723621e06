"""What a reader does on the demo site, in Chromium, on a phone and on a desktop.

Every flow ends with `page.problems.assert_none()`: a console error, a failed or 4xx/5xx request
or a Content-Security-Policy violation anywhere along the way fails it. Elements are found by
role, label and text, as a reader (or a screen reader) finds them, not by CSS class.
"""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.core import mail
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.xdist_group("demo_site")]

VIEWPORTS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]

# window.print() stubbed: the print view calls it on load, which would open a dialog.
COUNT_PRINT_CALLS = "window.print = () => { window.printCalls = (window.printCalls || 0) + 1; };"


def main_menu(page):
    return page.get_by_role("navigation", name="Menu chính")


def open_main_menu(page, viewport):
    """On a phone the menu is folded behind its button; on a desktop it is always shown."""
    menu = main_menu(page)
    if viewport is PHONE:
        toggle = menu.get_by_role("button").or_(menu.get_by_text("Chuyên mục"))
        expect(menu.get_by_role("link", name="Trang chủ")).to_be_hidden()
        toggle.first.click()
    expect(menu.get_by_role("link", name="Trang chủ")).to_be_visible()
    return menu


def first_article_link(page):
    """The link of the first article card in the main content."""
    return (
        page.get_by_role("main")
        .get_by_role("article")
        .first.get_by_role("heading")
        .get_by_role("link")
    )


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_home_menu_section_article_print(site_url, open_page, viewport):
    page = open_page(viewport)
    page.context.add_init_script(COUNT_PRINT_CALLS)
    page.goto(site_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_count(1)

    menu = open_main_menu(page, viewport)
    menu.get_by_role("link", name="Tin tức – Sự kiện", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tin tức – Sự kiện")
    expect(page).to_have_url(site_url + "/tin-tuc-su-kien/")

    article_link = first_article_link(page)
    title = article_link.inner_text().strip()
    article_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    print_link = page.get_by_role("link", name="In bài")
    # The print view opens in a new tab; followed here in the same tab to watch it.
    expect(print_link).to_have_attribute("target", "_blank")
    page.goto(site_url + print_link.get_attribute("href"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    page.wait_for_function("window.printCalls === 1")
    page.problems.assert_none()


@pytest.mark.parametrize(
    "viewport, recipient",
    [
        pytest.param(PHONE, "ban.cua.toi.dien.thoai@example.vn", id="phone"),
        pytest.param(DESKTOP, "ban.cua.toi.may.tinh@example.vn", id="desktop"),
    ],
)
def test_send_article_shows_errors_by_their_field_then_sends(
    site_url, open_page, viewport, recipient
):
    page = open_page(viewport)
    page.goto(site_url + "/tin-tuc-su-kien/")
    first_article_link(page).click()
    title = page.get_by_role("heading", level=1).inner_text().strip()
    page.get_by_role("link", name="Gửi bài viết").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gửi bài viết")

    email = page.get_by_label("Email người nhận")
    email.fill("khong-phai-email")
    page.get_by_label("Họ tên của bạn").fill("Nguyễn Văn An")
    page.get_by_role("button", name="Gửi", exact=True).click()

    # The error is Vietnamese, announced, and tied to its field for screen readers.
    email = page.get_by_label("Email người nhận")
    expect(email).to_have_attribute("aria-invalid", "true")
    error_id = email.get_attribute("aria-describedby").split()[0]
    expect(page.locator(f"#{error_id}")).to_have_text(re.compile("địa chỉ email hợp lệ"))
    assert mail.outbox == []

    email.fill(recipient)
    page.get_by_role("button", name="Gửi", exact=True).click()
    expect(page.get_by_role("status").filter(has_text=recipient)).to_have_text(
        f"Bài viết đã được gửi tới {recipient}."
    )
    page.problems.assert_none()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [recipient]
    assert title in message.subject
    assert "Nguyễn Văn An" in message.body


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_search_without_diacritics_and_autocomplete_by_keyboard(site_url, open_page, viewport):
    page = open_page(viewport)
    page.goto(site_url + "/")
    search_box = page.get_by_role("banner").get_by_role("combobox", name="Tìm kiếm")
    search_box.fill("cong doan")
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q=cong\+doan$"))
    main = page.get_by_role("main")
    expect(main.get_by_role("status").filter(has_text="kết quả")).to_contain_text(
        re.compile(r"^\d+ kết quả cho “cong doan”")
    )
    first_result = main.get_by_role("heading", level=2).first
    expect(first_result).to_contain_text(re.compile("công đoàn", re.IGNORECASE))

    search_box = page.get_by_role("banner").get_by_role("combobox", name="Tìm kiếm")
    search_box.fill("")
    search_box.press_sequentially("nghi quyet", delay=30)
    suggestions = page.get_by_role("listbox")
    expect(suggestions.get_by_role("option").first).to_be_visible()
    suggestion = suggestions.get_by_role("option").first.inner_text().strip()
    search_box.press("ArrowDown")
    expect(suggestions.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    search_box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(suggestion.splitlines()[0])
    page.problems.assert_none()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_album_lightbox_by_keyboard(site_url, open_page, viewport):
    page = open_page(viewport)
    page.goto(site_url + "/anh-hoat-dong/")
    first_article_link(page).click()
    photos = page.get_by_role("main").get_by_role("listitem").get_by_role("link")
    first_photo = photos.first
    first_photo.focus()
    page.keyboard.press("Enter")

    viewer = page.get_by_role("dialog", name="Xem ảnh")
    expect(viewer).to_be_visible()
    expect(viewer).to_contain_text(re.compile(r"\b1 / \d+"))
    expect(viewer.get_by_role("button", name="Đóng")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(viewer).to_contain_text(re.compile(r"\b2 / \d+"))
    page.keyboard.press("Escape")
    expect(viewer).to_be_hidden()
    expect(first_photo).to_be_focused()
    page.problems.assert_none()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_video_facade_asks_nothing_of_youtube_before_the_click(site_url, open_page, viewport):
    page = open_page(viewport)
    local_host = urlparse(site_url).netloc
    third_party = []

    def keep_local(route):
        if urlparse(route.request.url).netloc == local_host:
            route.continue_()
        else:
            # This closed network has no YouTube: record and stop the request.
            third_party.append(route.request.url)
            route.fulfill(
                status=200, content_type="text/html", body="<!DOCTYPE html><title>.</title>"
            )

    page.route("**/*", keep_local)
    page.goto(site_url + "/video/")
    page.get_by_role("main").get_by_role("link", name=re.compile("^Phóng sự")).first.click()
    page.wait_for_load_state("networkidle")
    assert third_party == []
    expect(page.locator("iframe")).to_have_count(0)

    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.get_by_role("link", name=re.compile("Phát video")).click()
    expect(page.locator("iframe")).to_have_attribute(
        "src", re.compile(r"^https://www\.youtube-nocookie\.com/embed/")
    )
    assert all("youtube-nocookie.com" in url for url in third_party)
    page.problems.assert_none()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_document_filters_change_the_results_and_stay_in_the_url(site_url, open_page, viewport):
    page = open_page(viewport)
    page.goto(site_url + "/van-ban/")
    filters = page.get_by_role("search", name="Tra cứu văn bản")
    before = document_codes(page)
    assert len(before) > 1

    filters.get_by_label("Loại văn bản").select_option(label="Luật")
    filters.get_by_role("button", name="Tìm kiếm").click()

    expect(page).to_have_url(re.compile(r"[?&]type="))
    chosen = parse_qs(urlparse(page.url).query)["type"]
    assert chosen != [""]
    expect(filters.get_by_label("Loại văn bản")).to_have_value(chosen[0])
    after = document_codes(page)
    assert after and set(after) < set(before)
    # The results table (cards on a phone) gives each document's type in its own column.
    assert document_types(page) == ["Luật"] * len(after)
    page.problems.assert_none()


def document_rows(page):
    """The results table's rows that list a document (the header row has no link)."""
    table = page.get_by_role("main").get_by_role("table")
    return table.get_by_role("row").filter(has=page.get_by_role("link"))


def document_codes(page):
    """The document codes (số ký hiệu) listed in the results: each row's header, a link."""
    rows = document_rows(page)
    return [text.strip() for text in rows.get_by_role("rowheader").all_inner_texts()]


def document_types(page):
    """The document types (loại văn bản) listed in the results: each row's last cell."""
    return [row.get_by_role("cell").last.inner_text().strip() for row in document_rows(page).all()]
