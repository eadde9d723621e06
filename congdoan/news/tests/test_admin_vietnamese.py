"""The Wagtail admin editors use every day speaks Vietnamese (congdoan/locale completes Wagtail)."""

import json
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

ENGLISH_LABELS = ["Save draft", "Site summary", "Images", "Promote", "Show in menus"]


class VisibleText(HTMLParser):
    """Text a reader sees: no scripts, styles or templates; JSON props kept apart."""

    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__()
        self.parts, self.json_props, self.hidden_depth, self.in_json = [], [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden_depth += 1
            self.in_json = dict(attrs).get("type") == "application/json"
        for name, value in attrs:
            if name in {"placeholder", "aria-label", "title"} and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
            self.in_json = False

    def handle_data(self, data):
        if self.in_json:
            self.json_props.append(data)
        elif not self.hidden_depth and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(response):
    assert response.status_code == 200
    parser = VisibleText()
    parser.feed(response.content.decode())
    return "\n".join(parser.parts), "\n".join(parser.json_props)


def sidebar_labels(json_props):
    """Menu labels of the sidebar, which Wagtail renders in JavaScript from JSON props."""
    labels = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("label"), str):
                labels.append(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for props in json_props.split("\n"):
        if props.strip().startswith(("{", "[")):
            walk(json.loads(props))
    return labels


@pytest.fixture
def article(home_page):
    section = SectionPageFactory(parent=home_page, title="Tin tức – Sự kiện")
    return ArticlePageFactory(parent=section)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("quantri", "qt@example.vn", "mat-khau")


@pytest.fixture
def editor(django_user_model, home_page):
    """A Biên tập viên (editor role) who may also publish under the home page."""
    group = Group.objects.get(role__code="editor")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=home_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    user = django_user_model.objects.create_user(
        "bientap", "bt@example.vn", "mat-khau", is_staff=True
    )
    user.groups.add(group)
    return user


@pytest.fixture(params=["superuser", "editor"])
def admin_client(request, client):
    client.force_login(request.getfixturevalue(request.param))
    # The browser asks for English: the admin stays Vietnamese.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-US,en;q=0.9"
    return client


def assert_no_english(text):
    lines = text.split("\n")
    for label in ENGLISH_LABELS:
        assert label not in lines, label


def test_dashboard_and_sidebar_are_vietnamese(admin_client, article):
    text, json_props = visible_text(admin_client.get(reverse("wagtailadmin_home")))

    for label in ["Tổng quan trang web", "Tài liệu", "Chuyển đến nội dung chính"]:
        assert label in text, label
    assert "Tìm trong tất cả các trang…" in text
    menu = sidebar_labels(json_props)
    for label in ["Trang", "Hình ảnh", "Tài liệu", "Báo cáo", "Trợ giúp", "Hướng dẫn quản trị"]:
        assert label in menu, label
    assert menu.count("Văn bản") <= 1  # our legal library only; Wagtail's documents are Tài liệu
    for label in ["Images", "Documents", "Reports", "Help", "Editor Guide"]:
        assert label not in menu, label
    assert_no_english(text)


def test_page_explorer_is_vietnamese(admin_client, article):
    url = reverse("wagtailadmin_explore", args=[article.get_parent().pk])
    text, _ = visible_text(admin_client.get(url))

    for label in ["Đang hiển thị", "Cập nhật", "Loại", "Trạng thái", "Trang 1 / 1"]:
        assert label in text, label
    for label in ["Live", "Updated", "Type", "Page 1 of 1", "Add child page"]:
        assert label not in text.split("\n"), label
    assert_no_english(text)


def test_article_editor_is_vietnamese(admin_client, article):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    text, _ = visible_text(response)

    for label in [
        "Nội dung",
        "Quảng bá",
        "Lưu nháp",
        "Xuất bản",
        "Cho công cụ tìm kiếm",
        "Hiển thị trong menu",
        "Tiêu đề trang mà bạn đọc sẽ thấy",
        "Chưa đặt lịch xuất bản",
        "Xem lịch sử",
    ]:
        assert label in text, label
    # The scheduling dialog is a <template> until opened.
    for label in ["Đặt lịch xuất bản", "Lưu lịch", "Ngày giờ bắt đầu hiển thị"]:
        assert label in response.content.decode(), label
    for label in ["Content", "More actions", "Set schedule", "No publishing schedule set"]:
        assert label not in text.split("\n"), label
    assert_no_english(text)


def test_page_history_says_lich_su(admin_client, article):
    url = reverse("wagtailadmin_pages:history", args=[article.pk])
    text, _ = visible_text(admin_client.get(url))

    assert "Lịch sử" in text
    assert "Bản ghi nhớ" not in text


def test_admin_javascript_catalog_is_vietnamese(admin_client):
    response = admin_client.get(reverse("wagtailadmin_javascript_catalog"))

    catalog = response.content.decode()
    assert response.status_code == 200
    for label in ["Chèn khối nội dung", "Thu gọn tất cả", "(1 mục mới trong menu này)"]:
        assert json.dumps(label)[1:-1] in catalog or label in catalog, label
