"""The newsroom in a real browser: a *Phóng viên* writes an article with a photo, a *Biên tập
viên* and then the *Tổng biên tập* approve it, and readers see it live.

Everyone signs in through the real login form; the chief editor, whose role must use two-factor
sign-in, types one of the backup codes (a django-otp static token) the test gives them.

The screenshots of `docs/huong-dan-bien-tap.md` are taken here, at desktop size: they are written
to `docs/screenshots/editor/` with `UPDATE_SCREENSHOTS=1`, and to a temporary folder otherwise
(so that a test run leaves the checkout as it was).
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from conftest import DESKTOP, PHONE

from .conftest import PASSWORD, REPO

pytestmark = [pytest.mark.browser, pytest.mark.django_db, pytest.mark.xdist_group("demo_site")]

GUIDE_SCREENSHOTS = REPO / "docs" / "screenshots" / "editor"
EDIT_FORM_URL = re.compile(r"/admin/pages/\d+/edit/$")
ALT_TEXT = "Đoàn viên công đoàn nhận quà Tết tại nhà văn hóa khu công nghiệp"
CAPTION = "Trao quà Tết cho đoàn viên có hoàn cảnh khó khăn. Ảnh: Phóng viên"


@pytest.fixture
def screenshots(request, tmp_path):
    """`screenshots(page, name)`: a screenshot for the guide (desktop runs only)."""
    folder = GUIDE_SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    callspec = getattr(request.node, "callspec", None)
    viewport = callspec.params["viewport"] if callspec else DESKTOP

    def take(page, name, *, full_page=False):
        if viewport is DESKTOP:
            page.screenshot(path=str(folder / f"{name}.png"), full_page=full_page)

    return take


def photo_file(tmp_path) -> Path:
    """A JPEG photo of its own (Wagtail refuses an upload identical to a stored image)."""
    image = Image.new("RGB", (1200, 800), (23, 92, 160))
    draw = ImageDraw.Draw(image)
    for x in range(0, 1200, 60):
        draw.line([(x, 0), (1200 - x, 800)], fill=(230, 180, 40), width=8)
    draw.ellipse([450, 250, 750, 550], fill=(200, 30, 40))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    path = tmp_path / "trao-qua-tet.jpg"
    path.write_bytes(buffer.getvalue())
    return path


def sign_in(page, site_url, username, *, code=None):
    """Through the admin's own login form, then the code step when the user has a device."""
    page.goto(site_url + reverse("wagtailadmin_login"))
    page.get_by_label("Tên đăng nhập").fill(username)
    # Wagtail 8's Vietnamese catalogue leaves this one label in English.
    page.get_by_label(re.compile("Mật khẩu|Password")).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    if code is not None:
        expect(page.get_by_role("heading", level=1)).to_have_text("Xác thực hai bước")
        page.get_by_role("main").get_by_role("textbox").fill(code)
        page.get_by_role("button", name="Xác nhận").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def more_actions(page):
    """The page editor's action menu (Save draft and the workflow actions behind it)."""
    page.get_by_role("button", name="Thao tác khác").click()


def is_page_form_post(response) -> bool:
    """The editor's form sent (not the editing-session pings Wagtail sends every few seconds)."""
    return response.request.method == "POST" and bool(EDIT_FORM_URL.search(response.url))


def approve_from_dashboard(page, title):
    """An approver finds the article under *Awaiting your review* and approves it."""
    page.get_by_role("link", name=title, exact=True).click()
    more_actions(page)
    with page.expect_response(is_page_form_post) as sent:
        # "Duyệt", or on the last step "Duyệt và xuất bản"; not "Duyệt kèm nhận xét".
        page.get_by_role("button", name=re.compile(r"^Duyệt(?! kèm)")).first.click()
    assert sent.value.status == 302
    page.wait_for_load_state()


def forgive_autosave_of_the_unfinished_new_page(page):
    """Wagtail autosaves a new page while it is typed; until the photo has its alt text the
    form is invalid and that autosave answers 400 (the editor shows it as paused, and saving
    works once the form is complete). Requests cut short by leaving a page are not failures."""
    add_page = re.compile(r" http://[^/]+/admin/pages/add/news/articlepage/\d+/$")
    problems = page.problems
    problems.failed_requests = [
        failure
        for failure in problems.failed_requests
        if not (failure.startswith("400") and add_page.search(failure))
        and not failure.endswith("net::ERR_ABORTED")
    ]
    if not any(failure.startswith("400") for failure in problems.failed_requests):
        problems.console_errors = [
            error for error in problems.console_errors if "status of 400" not in error
        ]


@pytest.mark.parametrize(
    "viewport", [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
)
def test_an_article_with_a_photo_goes_through_both_approvals_to_the_public_site(
    site_url, open_page, viewport, screenshots, tmp_path
):
    from django.contrib.auth import get_user_model

    from congdoan.accounts.two_factor import new_backup_codes
    from congdoan.news.models import ArticlePage, SectionPage

    section = SectionPage.objects.get(title="Tin trong tỉnh")
    title = f"Công đoàn tỉnh trao 500 suất quà Tết cho đoàn viên ({viewport['width']} px)"

    # The reporter writes the article and submits it.
    reporter = open_page(viewport)
    sign_in(reporter, site_url, "phongvien")
    screenshots(reporter, "01-bang-dieu-khien")
    reporter.goto(site_url + reverse("wagtailadmin_pages:add_subpage", args=(section.pk,)))
    screenshots(reporter, "02-chon-loai-trang")
    reporter.get_by_role("link", name=re.compile("^Bài viết")).click()
    reporter.get_by_role("textbox", name="Tiêu đề*").fill(title)
    reporter.get_by_role("textbox", name="Sapo (tóm tắt)*").fill(
        "Sáng nay, Liên đoàn Lao động tỉnh trao 500 suất quà Tết cho đoàn viên khó khăn."
    )
    screenshots(reporter, "03-viet-bai")

    reporter.get_by_role("button", name="Chọn một hình ảnh").click()
    chooser = reporter.get_by_role("dialog")
    chooser.get_by_role("tab", name="Tải lên").click()
    chooser.get_by_label("Tệp").set_input_files(photo_file(tmp_path))
    chooser.get_by_role("textbox", name="Tiêu đề*").fill("Trao quà Tết cho đoàn viên")
    screenshots(reporter, "04-tai-anh-len")
    chooser.get_by_role("button", name="Tải lên").click()
    # Renditions are made while the upload is answered: slow on a busy machine.
    expect(chooser).to_be_hidden(timeout=30_000)
    reporter.get_by_label("Văn bản thay thế của ảnh đại diện").fill(ALT_TEXT)
    reporter.get_by_label("Chú thích ảnh đại diện").fill(CAPTION)
    reporter.get_by_label("Văn bản thay thế của ảnh đại diện").scroll_into_view_if_needed()
    screenshots(reporter, "05-anh-va-van-ban-thay-the")

    more_actions(reporter)
    screenshots(reporter, "06-gui-duyet")
    reporter.get_by_role("button", name=re.compile("^Gửi duyệt")).click()
    submitted = reporter.get_by_text(re.compile(f"gửi duyệt trang '{re.escape(title)}'"))
    expect(submitted.first).to_be_visible()
    forgive_autosave_of_the_unfinished_new_page(reporter)
    reporter.problems.assert_none()
    article = ArticlePage.objects.get(title=title)
    assert article.live is False

    # The editor approves the first step.
    editor = open_page(viewport)
    sign_in(editor, site_url, "bientap")
    expect(editor.get_by_role("link", name=title, exact=True)).to_be_visible()
    screenshots(editor, "07-cho-duyet", full_page=True)
    approve_from_dashboard(editor, title)
    editor.problems.assert_none()
    article.refresh_from_db()
    assert article.live is False

    # The chief editor signs in with a backup code and approves the last step: it goes live.
    chief = get_user_model().objects.get(username="tongbientap")
    code = new_backup_codes(chief)[0]
    chief_page = open_page(viewport)
    sign_in(chief_page, site_url, "tongbientap", code=code)
    approve_from_dashboard(chief_page, title)
    chief_page.problems.assert_none()
    article.refresh_from_db()
    assert article.live is True

    # Readers see it, photo and alt text included.
    reader = open_page(viewport)
    reader.goto(site_url + article.url)
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)
    expect(reader.get_by_role("img", name=ALT_TEXT)).to_be_visible()
    expect(reader.get_by_text(CAPTION)).to_be_visible()
    screenshots(reader, "08-bai-da-dang")
    reader.problems.assert_none()


def test_the_editor_screens_the_guide_shows(site_url, open_page, screenshots):
    """Albums, videos, documents and scheduling, as the guide shows them to an editor."""
    from congdoan.gallery.models import AlbumIndexPage, AlbumPage, VideoIndexPage
    from congdoan.legal.models import LegalDocument
    from congdoan.news.models import ArticlePage

    page = open_page(DESKTOP)
    sign_in(page, site_url, "bientap")
    album_index = AlbumIndexPage.objects.first()
    screens = {
        "09-them-album": reverse(
            "wagtailadmin_pages:add", args=("gallery", "albumpage", album_index.pk)
        ),
        "10-sua-album": reverse("wagtailadmin_pages:edit", args=(AlbumPage.objects.first().pk,)),
        "11-them-video": reverse(
            "wagtailadmin_pages:add",
            args=("gallery", "videopage", VideoIndexPage.objects.first().pk),
        ),
        "12-them-van-ban": reverse(LegalDocument.snippet_viewset.get_url_name("add")),
    }
    for name, path in screens.items():
        response = page.goto(site_url + path)
        assert response.status == 200, path
        screenshots(page, name)

    # Scheduling: the go-live and expiry times, in the status panel's scheduling dialog.
    article = ArticlePage.objects.live().first()
    page.goto(site_url + reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    page.get_by_role("button", name="Mở/đóng trạng thái").click()
    page.get_by_role("button", name="Đặt lịch").click()
    expect(page.get_by_label("Ngày giờ bắt đầu hiển thị")).to_be_visible()
    expect(page.get_by_label("Ngày giờ hết hạn")).to_be_visible()
    screenshots(page, "13-len-lich-dang")
    page.problems.assert_none()
