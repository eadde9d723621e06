"""*Gửi tin*: a contributor's story becomes a draft in the workflow, never a live page."""

import re
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Workflow

from conftest import force_login_verified
from congdoan.news.models import ArticlePage
from congdoan.newsroom import submissions
from congdoan.newsroom.forms import MemberStoryForm
from congdoan.newsroom.tests.conftest import png_bytes

pytestmark = pytest.mark.django_db
URL = "/gui-tin/"


def story(**extra):
    data = {
        "title": "Công đoàn Công ty May Hòa Bình tổ chức hội thao",
        "sapo": "Hơn 300 công nhân tham gia hội thao chào mừng ngày thành lập Công đoàn.",
        "body": "Sáng 20/11, hội thao khai mạc.\n\nCác môn thi gồm kéo co, bóng chuyền.",
        "unit_name": "Công đoàn cơ sở Công ty May Hòa Bình",
    }
    data.update(extra)
    return data


def photo(name="anh.png", content=None):
    return SimpleUploadedFile(name, content or png_bytes(), content_type="image/png")


def stored_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def test_anonymous_visitor_is_sent_to_the_login_page(client, member_section):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('wagtailadmin_login')}?next={URL}"


def test_only_contributors_may_send(client, member_section, users):
    force_login_verified(client, users["reporter"])
    response = client.get(URL)
    assert response.status_code == 403
    assert "Chỉ cộng tác viên được gửi tin ở đây." in response.content.decode()


def test_story_with_photos_arrives_as_a_draft_in_the_workflow(client, member_section, users):
    contributor = users["contributor"]
    force_login_verified(client, contributor)
    form_page = client.get(URL)
    assert form_page.status_code == 200
    assert "Gửi tin" in form_page.content.decode()

    response = client.post(
        URL,
        story(
            photo_1=photo("hoi-thao.png"),
            alt_1="Công nhân kéo co",
            photo_2=photo("bong-chuyen.png", png_bytes(color=(0, 90, 200))),
            alt_2="Trận bóng chuyền nữ",
        ),
    )

    assert response.status_code == 302
    article = ArticlePage.objects.child_of(member_section).get()
    assert article.title == "Công đoàn Công ty May Hòa Bình tổ chức hội thao"
    assert not article.live and article.has_unpublished_changes
    assert article.first_published_at is None
    assert article.owner == contributor
    assert article.source == "Công đoàn cơ sở Công ty May Hòa Bình"
    assert article.cover_alt == "Công nhân kéo co"
    blocks = [(block.block_type, block.value) for block in article.body]
    assert [kind for kind, _value in blocks] == ["paragraph", "paragraph", "image"]
    assert blocks[0][1].source == "<p>Sáng 20/11, hội thao khai mạc.</p>"
    assert blocks[2][1]["alt_text"] == "Trận bóng chuyền nữ"
    state = article.current_workflow_state
    assert state.requested_by == contributor
    assert article.current_workflow_task.name == "Biên tập viên duyệt"
    # The contributor cannot approve their own story.
    assert article.current_workflow_task.get_actions(article, contributor) == []
    thanks = client.get(URL).content.decode()
    assert "đã được gửi tới ban biên tập" in thanks


@pytest.mark.parametrize(
    ("upload", "alt", "field", "message"),
    [
        (
            ("bao-cao.png", b"%PDF-1.7 not an image"),
            "Ảnh",
            "photo_1",
            "Tệp này không phải là ảnh",
        ),
        (("anh.exe", png_bytes()), "Ảnh", "photo_1", "Định dạng ảnh không được hỗ trợ"),
        (("anh.png", png_bytes()), "", "alt_1", "Vui lòng mô tả ảnh này thể hiện gì"),
    ],
)
def test_bad_photos_are_refused_in_vietnamese_and_nothing_is_written(
    client, member_section, users, upload, alt, field, message
):
    force_login_verified(client, users["contributor"])
    files_before = stored_files()
    response = client.post(URL, story(photo_1=photo(*upload), alt_1=alt))
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert not ArticlePage.objects.exists()
    assert not get_image_model().objects.exists()
    assert stored_files() == files_before


def test_hostile_text_fields_get_vietnamese_errors(client, member_section, users):
    force_login_verified(client, users["contributor"])
    response = client.post(
        URL, story(title="Tiêu đề\r\nBcc: x@example.com", sapo="", unit_name="x" * 300)
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["sapo"] == ["Vui lòng nhập đoạn mở đầu ngắn."]
    assert errors["unit_name"] == ["Tên đơn vị quá dài: tối đa 255 ký tự."]
    assert "title" in errors
    assert not ArticlePage.objects.exists()


def test_failure_midway_leaves_no_rows_and_no_files(member_section, users, monkeypatch):
    form = MemberStoryForm(story(alt_1="Công nhân kéo co"), {"photo_1": photo()})
    assert form.is_valid(), form.errors
    files_before = stored_files()

    def broken_start(self, page, user):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Workflow, "start", broken_start)
    with pytest.raises(RuntimeError):
        submissions.create_story(member_section, users["contributor"], form)
    assert not ArticlePage.objects.exists()
    assert not get_image_model().objects.exists()
    assert stored_files() == files_before


def test_without_a_workflow_the_story_is_refused(client, member_section, users):
    Workflow.objects.update(active=False)
    force_login_verified(client, users["contributor"])
    response = client.post(URL, story())
    assert response.status_code == 400
    assert "chưa có quy trình duyệt" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_contributors_write_only_in_the_member_section(member_section, province_section, users):
    contributor = users["contributor"]
    assert member_section.permissions_for_user(contributor).can_add_subpage()
    assert not province_section.permissions_for_user(contributor).can_add_subpage()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_story_sent_through_the_running_portal(live_server, client, member_section, users):
    force_login_verified(client, users["contributor"])
    browser = requests.Session()
    session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
    browser.cookies.set(settings.SESSION_COOKIE_NAME, session_id)
    form_page = browser.get(f"{live_server.url}{URL}", timeout=30)
    assert form_page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page.text).group(1)

    response = browser.post(
        f"{live_server.url}{URL}",
        data={**story(), "csrfmiddlewaretoken": token, "alt_1": "Lễ khai mạc"},
        files={"photo_1": ("khai-mac.png", png_bytes(), "image/png")},
        headers={"Referer": f"{live_server.url}{URL}"},
        timeout=60,
    )

    assert response.status_code == 200  # followed the redirect back to the form
    assert "đã được gửi tới ban biên tập" in response.text
    article = ArticlePage.objects.get()
    assert not article.live
    assert article.cover_image.title == "Lễ khai mạc"
    assert article.current_workflow_task.name == "Biên tập viên duyệt"
    public = requests.get(f"{live_server.url}{article.url_path}", timeout=30)
    assert public.status_code == 404
