"""The admin's slug script and the print view's dialog, in a real browser."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from conftest import session_cookie

from .conftest import SEED_TITLE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def is_autosave(response):
    return response.request.method == "POST" and "/edit/" in response.url


COUNT_PRINT_CALLS = "window.print = () => { window.printCalls = (window.printCalls || 0) + 1; };"


def test_admin_fills_an_ascii_folded_slug_from_the_title(
    live_server, django_user_model, section, open_page
):
    editor = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau")
    client = Client()
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))

    page = open_page(cookies=[session_cookie(client, live_server.url)])
    page.goto(live_server.url + add_url)
    page.locator("#id_title").press_sequentially(SEED_TITLE)
    page.locator("#id_title").blur()
    # A locator assertion, not wait_for_function: the admin's CSP forbids the eval that needs.
    expect(page.locator("#id_slug")).to_have_value(re.compile(r"viet-nam$"))
    slug = page.input_value("#id_slug")

    assert slug == "nghi-quyet-02-thuc-day-doi-moi-to-chuc-va-hoat-dong-cong-doan-viet-nam"


def test_print_view_opens_the_print_dialog(live_server, article, open_page):
    page = open_page()
    page.add_init_script(COUNT_PRINT_CALLS)
    page.goto(live_server.url + article.url + "in/")
    page.wait_for_function("window.printCalls === 1")
    page.click("text=In")
    calls = page.evaluate("window.printCalls")
    page.emulate_media(media="print")
    toolbar_display = page.eval_on_selector(".print-toolbar", "el => getComputedStyle(el).display")
    page.problems.assert_none()

    assert calls == 2
    assert toolbar_display == "none"


def test_autosave_keeps_a_draft_whose_cover_image_has_no_alt_text_yet(
    live_server, django_user_model, section, image, open_page
):
    """Issue 15: autosave answered 400 ("Đã tạm dừng tự động lưu") for such a draft."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    from congdoan.news.factories import ArticlePageFactory
    from congdoan.news.models import ArticlePage

    draft = ArticlePageFactory.build(
        title="Bản nháp có ảnh", sapo="Tóm tắt.", cover_image=image, cover_alt="", live=False
    )
    section.add_child(instance=draft)
    draft.save_revision()
    editor = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau")
    client = Client()
    client.force_login(editor)
    page = open_page(cookies=[session_cookie(client, live_server.url)])
    page.goto(
        live_server.url + reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
        wait_until="networkidle",
    )

    # The unsaved-changes watcher snapshots the form once the editor's scripts have started;
    # an edit made before that is part of the snapshot, so edit again until autosave runs.
    autosave = None
    for attempt in range(1, 7):
        try:
            with page.expect_response(is_autosave, timeout=5_000) as response:
                page.locator("#id_sapo").fill(f"Tóm tắt đã sửa lần {attempt}.")
            autosave = response.value
            break
        except PlaywrightTimeoutError:
            continue
    assert autosave is not None, "the editor never autosaved"
    status = autosave.status
    result = autosave.json()

    assert status == 200
    assert result["success"] is True
    saved = ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert saved.sapo.startswith("Tóm tắt đã sửa lần ")
    assert saved.cover_image == image
    assert saved.cover_alt == ""
