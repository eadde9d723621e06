from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from congdoan.core.models import HomePage
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.news.models import ArticlePage, SectionPage
from congdoan.news.models.section_page import ARTICLES_PER_PAGE

from .conftest import SEED_TITLE

pytestmark = pytest.mark.django_db

SEED_SLUG = "nghi-quyet-02-thuc-day-doi-moi-to-chuc-va-hoat-dong-cong-doan-viet-nam"


def test_factories_build_the_page_tree(home_page):
    section = SectionPageFactory(parent=home_page, title="Tin tức – Sự kiện")
    subsection = SectionPageFactory(parent=section, title="Tin trong tỉnh")
    article = ArticlePageFactory(parent=subsection, title=SEED_TITLE)

    assert isinstance(Page.objects.get(pk=home_page.pk).specific, HomePage)
    assert section.slug == "tin-tuc-su-kien"
    assert subsection.get_parent().specific == section
    assert article.slug == SEED_SLUG
    assert article.live
    assert article.url == f"/tin-tuc-su-kien/tin-trong-tinh/{SEED_SLUG}/"


def test_slug_folds_d_with_stroke(section):
    article = ArticlePageFactory(parent=section, title="Đại hội Công đoàn Đà Nẵng đổi mới")

    assert article.slug == "dai-hoi-cong-doan-da-nang-doi-moi"


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.vn", "mat-khau")
    client.force_login(user)
    return client


def admin_article_data(**overrides):
    data = {
        "title": SEED_TITLE,
        # What the admin's slug script sends for the title (see test_admin_slug_script.py).
        "slug": SEED_SLUG,
        "sapo": "Hội nghị kiểm điểm tiến độ triển khai các nghị quyết về công nhân, công đoàn.",
        "cover_alt": "",
        "cover_caption": "",
        "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
        "published_at": "10/11/2021 07:00",
        "author": "Hoàng Anh",
        "source": "",
        "tags": "công đoàn, nghị quyết 02",
        "seo_title": "",
        "search_description": "",
        "allow_print": "on",
        "allow_send": "on",
        "comments": {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0"},
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_an_article_in_the_admin_with_a_folded_slug(editor_client, section):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))

    response = editor_client.post(url, admin_article_data())

    assert response.status_code == 302, response.context["form"].errors
    article = ArticlePage.objects.get()
    assert article.live
    assert article.slug == SEED_SLUG
    assert article.get_parent().specific == section
    # The editor typed Vietnamese time: 07:00 in Hà Nội is 00:00 UTC.
    assert article.published_at == datetime(2021, 11, 10, 0, 0, tzinfo=UTC)
    assert sorted(tag.name for tag in article.tags.all()) == ["công đoàn", "nghị quyết 02"]


def test_admin_slug_field_folds_vietnamese_in_the_browser(editor_client, section):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))

    html = editor_client.get(url).content.decode()

    assert "data-w-slug-formatters-value" in html
    assert "\\u0111" in html or b"\\u0111".decode("unicode_escape") in html


def test_admin_refuses_a_slug_with_marks_in_vietnamese(editor_client, section):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))

    response = editor_client.post(url, admin_article_data(slug="Đổi mới công đoàn"))

    assert response.status_code == 200
    assert not ArticlePage.objects.exists()


def test_admin_requires_alt_text_with_a_cover_image(editor_client, section, image):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))

    response = editor_client.post(url, admin_article_data(cover_image=image.pk))

    assert response.status_code == 200
    assert not ArticlePage.objects.exists()
    assert "Cần nhập văn bản thay thế cho ảnh đại diện" in response.content.decode()


def test_sapo_is_required(section):
    article = ArticlePage(title="Không có sapo", sapo="")
    section.add_child(instance=ArticlePageFactory.build(title="Có sapo"))
    with pytest.raises(ValidationError) as error:
        section.add_child(instance=article)
    assert "sapo" in error.value.message_dict


def make_articles(parent, count, start=datetime(2024, 1, 1, tzinfo=UTC)):
    return [
        ArticlePageFactory(parent=parent, published_at=start + timedelta(hours=number))
        for number in range(count)
    ]


def test_section_lists_its_and_its_subsections_articles_newest_first(client, section):
    subsection = SectionPageFactory(parent=section, title="Chăm lo đời sống")
    other_section = SectionPageFactory(parent=section.get_parent(), title="Tin cơ sở")
    oldest = ArticlePageFactory(
        parent=section, title="Bài cũ nhất", published_at=datetime(2024, 1, 1, tzinfo=UTC)
    )
    newest = ArticlePageFactory(
        parent=subsection, title="Bài mới nhất", published_at=datetime(2024, 3, 1, tzinfo=UTC)
    )
    middle = ArticlePageFactory(
        parent=section, title="Bài ở giữa", published_at=datetime(2024, 2, 1, tzinfo=UTC)
    )
    elsewhere = ArticlePageFactory(parent=other_section, title="Bài chuyên mục khác")
    draft = ArticlePageFactory(parent=section, title="Bài nháp", live=False)

    response = client.get(section.url)

    assert list(response.context["articles"]) == [newest, middle, oldest]
    listing = response.content.decode().split('class="card-list"')[1]
    assert listing.index(newest.title) < listing.index(middle.title) < listing.index(oldest.title)
    assert elsewhere.title not in listing
    assert draft.title not in listing
    assert "Chăm lo đời sống" in response.content.decode()


def test_section_pages_hold_twenty_articles_with_numbered_pages(client, section):
    articles = make_articles(section, 45)
    newest_first = articles[::-1]

    first = client.get(section.url)
    second = client.get(section.url, {"page": 2})
    third = client.get(section.url, {"page": 3})

    assert ARTICLES_PER_PAGE == 20
    assert list(first.context["articles"]) == newest_first[:20]
    assert list(second.context["articles"]) == newest_first[20:40]
    assert list(third.context["articles"]) == newest_first[40:]
    html = second.content.decode()
    assert '<span aria-current="page">2</span>' in html
    assert 'href="?page=1"' in html
    assert 'href="?page=3"' in html
    assert 'rel="next"' in html and 'rel="prev"' in html


@pytest.mark.parametrize(("page", "shown"), [("99", 3), ("0", 3), ("abc", 1), ("-1", 3)])
def test_out_of_range_page_numbers_do_not_fail(client, section, page, shown):
    articles = make_articles(section, 41)[::-1]

    response = client.get(section.url, {"page": page})

    assert response.status_code == 200
    assert response.context["page_obj"].number == shown
    assert list(response.context["articles"])[0] == articles[(shown - 1) * 20]


def test_empty_section_says_so(client, section):
    assert "Chuyên mục này chưa có bài viết." in client.get(section.url).content.decode()


def test_home_page_lists_the_newest_articles(client, section):
    articles = make_articles(section, 20)

    html = client.get("/").content.decode()

    featured, latest = html.split('id="latest-heading"')
    newest_first = articles[::-1]
    positions = [featured.find(f'href="{article.url}"') for article in newest_first[:5]]
    assert -1 not in positions and positions == sorted(positions)
    positions = [latest.find(f'href="{article.url}"') for article in newest_first[5:17]]
    assert -1 not in positions and positions == sorted(positions)
    assert all(f'href="{article.url}"' not in html for article in newest_first[17:])


def test_article_page_renders_its_parts(client, article):
    response = client.get(article.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h1 class="article-title">{article.title}</h1>' in html
    assert "10/11/2021 07:00 GMT+7" in html
    assert article.sapo in html
    assert "Phó Chủ tịch Tổng Liên đoàn Ngọ Duy Hiểu phát biểu kết luận Hội nghị." in html
    assert "Pho-Chu-Tich (1).jpg" not in html
    assert SectionPage.objects.get().title in html


@pytest.mark.postgres
def test_related_articles_chosen_then_same_section_then_shared_tags(section):
    other_section = SectionPageFactory(parent=section.get_parent(), title="Tin cơ sở")
    article = ArticlePageFactory(parent=section, title="Bài chính")
    article.tags.add("an toàn lao động")
    article.save()
    chosen = ArticlePageFactory(parent=other_section, title="Bài được chọn")
    article.related_articles.add(chosen)
    article.save()
    old_sibling = ArticlePageFactory(
        parent=section, title="Cùng mục cũ", published_at=datetime(2020, 1, 1, tzinfo=UTC)
    )
    new_sibling = ArticlePageFactory(
        parent=section, title="Cùng mục mới", published_at=datetime(2020, 6, 1, tzinfo=UTC)
    )
    shared_tag = ArticlePageFactory(parent=other_section, title="Cùng thẻ")
    shared_tag.tags.add("an toàn lao động")
    shared_tag.save()
    ArticlePageFactory(parent=other_section, title="Không liên quan")
    ArticlePageFactory(parent=section, title="Bản nháp", live=False)

    related = article.get_related_articles()

    assert related == [chosen, new_sibling, old_sibling, shared_tag]
    assert article.get_related_articles(limit=2) == [chosen, new_sibling]


def test_related_articles_are_kept_in_revisions_and_previews(section):
    article = ArticlePageFactory(parent=section, title="Bài chính")
    first = ArticlePageFactory(parent=section, title="Bài liên quan thứ nhất")
    second = ArticlePageFactory(parent=section, title="Bài liên quan thứ hai")
    article.related_articles.set([first])
    article.save_revision().publish()

    article.related_articles.set([second])
    draft = article.save_revision()

    live = ArticlePage.objects.get(pk=article.pk)
    assert list(live.related_articles.values_list("id", flat=True)) == [first.pk]
    assert list(draft.as_object().related_articles.values_list("id", flat=True)) == [second.pk]
    assert draft.as_object().get_related_articles(limit=1) == [second]

    draft.publish()
    live = ArticlePage.objects.get(pk=article.pk)
    assert list(live.related_articles.values_list("id", flat=True)) == [second.pk]
