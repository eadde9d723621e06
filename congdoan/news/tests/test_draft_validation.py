"""Editors never lose a draft: alt text is required to publish or submit, not to save (#15).

Before, `ArticlePage.clean()` refused any save of an article with a cover image and no alt
text, so autosave answered 400 ("Đã tạm dừng tự động lưu") and the draft kept neither the image
nor the body.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from congdoan.news.factories import ArticlePageFactory
from congdoan.news.models import ArticlePage

pytestmark = pytest.mark.django_db

COVER_ALT_REQUIRED = (
    "Cần nhập văn bản thay thế cho ảnh đại diện trước khi xuất bản hoặc gửi duyệt "
    "(bản nháp vẫn lưu được khi chưa có)."
)
BODY_WORDS = "Nội dung bài viết chưa xong."
JSON_ONLY = "application/json"


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mat-khau")
    client.force_login(editor)
    return client


def article_form(image, *, cover_alt="", block_alt="Toàn cảnh Hội nghị", **actions):
    """What the article editor posts: a cover image and a body with an image block."""
    return nested_form_data(
        {
            "title": "Hội nghị người lao động năm 2026",
            "slug": "hoi-nghi-nguoi-lao-dong-nam-2026",
            "sapo": "Công đoàn cơ sở tổ chức Hội nghị người lao động.",
            "cover_image": image.pk,
            "cover_alt": cover_alt,
            "cover_caption": "",
            "body": streamfield(
                [
                    ("paragraph", rich_text(f"<p>{BODY_WORDS}</p>")),
                    (
                        "image",
                        {"image": image.pk, "alt_text": block_alt, "caption": "", "credit": ""},
                    ),
                ]
            ),
            "published_at": "10/11/2026 07:00",
            "author": "",
            "source": "",
            "tags": "",
            "seo_title": "",
            "search_description": "",
            "allow_print": "on",
            "allow_send": "on",
            "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0"},
            **actions,
        }
    )


def add_url(section):
    return reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def assert_draft_keeps_image_and_body(image):
    article = ArticlePage.objects.get()
    draft = article.get_latest_revision_as_object()
    assert not article.live
    assert draft.cover_image == image
    assert draft.cover_alt == ""
    assert [block.block_type for block in draft.body] == ["paragraph", "image"]
    assert BODY_WORDS in draft.body[0].value.source
    assert draft.body[1].value["image"] == image
    return draft


@pytest.fixture
def draft_without_alt(section, image):
    """An article saved as a draft with a cover image chosen and no alt text yet."""
    article = ArticlePageFactory.build(
        title="Bản nháp có ảnh", sapo="Tóm tắt.", cover_image=image, cover_alt="", live=False
    )
    section.add_child(instance=article)
    article.save_revision()
    return article


def test_saving_a_new_draft_without_alt_text_keeps_the_image_and_the_body(
    editor_client, section, image
):
    response = editor_client.post(add_url(section), article_form(image, cover_alt="", block_alt=""))

    assert response.status_code == 302
    assert_draft_keeps_image_and_body(image)


def test_publishing_without_cover_alt_text_is_refused_in_vietnamese(editor_client, section, image):
    response = editor_client.post(
        add_url(section), article_form(image, cover_alt="", **{"action-publish": "publish"})
    )

    assert response.status_code == 200
    assert response.context["form"].errors["cover_alt"] == [COVER_ALT_REQUIRED]
    assert COVER_ALT_REQUIRED in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_publishing_with_a_blank_cover_alt_text_is_refused(editor_client, section, image):
    response = editor_client.post(
        add_url(section), article_form(image, cover_alt="   ", **{"action-publish": "publish"})
    )

    assert response.status_code == 200
    assert response.context["form"].errors["cover_alt"] == [COVER_ALT_REQUIRED]


def test_publishing_with_alt_text_everywhere_succeeds(editor_client, section, image):
    response = editor_client.post(
        add_url(section),
        article_form(image, cover_alt="Đoàn viên dự Hội nghị", **{"action-publish": "publish"}),
    )

    assert response.status_code == 302
    assert ArticlePage.objects.get().live


def test_publishing_an_image_block_without_alt_text_is_refused_in_vietnamese(
    editor_client, section, image
):
    response = editor_client.post(
        add_url(section),
        article_form(image, cover_alt="Đoàn viên", block_alt="", **{"action-publish": "publish"}),
    )

    assert response.status_code == 200
    body_error = response.context["form"].errors.as_data()["body"][0]
    assert body_error.as_json_data()["blockErrors"] == {
        1: {"blockErrors": {"alt_text": {"messages": ["Trường này là bắt buộc."]}}}
    }
    assert not ArticlePage.objects.exists()


def test_submitting_for_moderation_without_alt_text_is_refused(
    editor_client, draft_without_alt, image
):
    response = editor_client.post(
        edit_url(draft_without_alt), article_form(image, **{"action-submit": "submit"})
    )

    assert response.status_code == 200
    assert response.context["form"].errors["cover_alt"] == [COVER_ALT_REQUIRED]
    assert not WorkflowState.objects.filter(base_content_type__isnull=False).exists()


def test_submitting_for_moderation_with_alt_text_starts_the_workflow(
    editor_client, draft_without_alt, image
):
    response = editor_client.post(
        edit_url(draft_without_alt),
        article_form(image, cover_alt="Đoàn viên", **{"action-submit": "submit"}),
    )

    assert response.status_code == 302
    state = WorkflowState.objects.get()
    assert state.content_object.pk == draft_without_alt.pk
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_autosave_of_a_new_article_without_alt_text_succeeds(editor_client, section, image):
    response = editor_client.post(
        add_url(section),
        article_form(image, cover_alt="", block_alt=""),
        HTTP_ACCEPT=JSON_ONLY,
    )

    assert response.status_code == 200
    result = json.loads(response.content)
    assert result["success"] is True
    draft = assert_draft_keeps_image_and_body(image)
    assert result["pk"] == draft.pk


def test_autosave_of_an_existing_draft_without_alt_text_succeeds(
    editor_client, draft_without_alt, image
):
    response = editor_client.post(
        edit_url(draft_without_alt), article_form(image, block_alt=""), HTTP_ACCEPT=JSON_ONLY
    )

    assert response.status_code == 200
    assert json.loads(response.content)["success"] is True
    assert_draft_keeps_image_and_body(image)


def test_reopened_draft_shows_its_cover_image_and_body(editor_client, draft_without_alt, image):
    editor_client.post(edit_url(draft_without_alt), article_form(image), HTTP_ACCEPT=JSON_ONLY)

    response = editor_client.get(edit_url(draft_without_alt))

    assert response.status_code == 200
    form = response.context["form"]
    assert form["cover_image"].value() == image.pk
    assert form["cover_alt"].value() == ""
    body = form["body"].value()
    assert [block.block_type for block in body] == ["paragraph", "image"]
    assert BODY_WORDS in body[0].value.source


def test_a_draft_without_alt_text_is_valid_for_the_model(section, image):
    article = ArticlePage(title="Bài có ảnh", sapo="Tóm tắt.", cover_image=image, cover_alt="")
    section.add_child(instance=article)

    assert Page.objects.get(pk=article.pk).specific.cover_image == image


def bulk_publish_url(*pages, next_url="/admin/pages/"):
    ids = "&".join(f"id={page.pk}" for page in pages)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    return f"{url}?{ids}&next={next_url}"


def test_bulk_publishing_a_draft_without_cover_alt_text_is_refused(
    editor_client, section, draft_without_alt
):
    complete = ArticlePageFactory.build(title="Bài đầy đủ", sapo="Tóm tắt.", live=False)
    section.add_child(instance=complete)
    complete.save_revision()

    response = editor_client.post(
        bulk_publish_url(draft_without_alt, complete), {"include_descendants": ""}, follow=True
    )

    assert response.redirect_chain == [("/admin/pages/", 302)]
    assert [str(message) for message in response.context["messages"]] == [
        "Chưa xuất bản bài nào: “Bản nháp có ảnh” có ảnh đại diện nhưng chưa có văn bản "
        "thay thế. Hãy bổ sung trong trình soạn thảo rồi xuất bản."
    ]
    assert not ArticlePage.objects.filter(live=True).exists()


def test_bulk_publishing_a_section_with_such_a_draft_below_is_refused(
    editor_client, section, draft_without_alt
):
    response = editor_client.post(bulk_publish_url(section), {"include_descendants": "on"})

    assert response.status_code == 302
    assert not ArticlePage.objects.get(pk=draft_without_alt.pk).live


def test_bulk_publishing_drafts_with_alt_text_still_works(editor_client, draft_without_alt):
    draft_without_alt.cover_alt = "Đoàn viên dự Hội nghị"
    draft_without_alt.save_revision()

    response = editor_client.post(bulk_publish_url(draft_without_alt), {"include_descendants": ""})

    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=draft_without_alt.pk).live
