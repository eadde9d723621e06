"""Cached news pages: each kind is served from the page cache, and each page event clears it.

Every event goes through Wagtail (publish, unpublish, move, delete, `publish_scheduled`) with
its commit callbacks run, as in production; nothing calls the generation bump directly.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.move_page import MovePageAction

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

NEW_TITLE = "Công đoàn tỉnh trao 500 suất quà Tết Sum vầy cho công nhân khó khăn"
NEW_SLUG = "cong-doan-tinh-trao-500-suat-qua-tet-sum-vay-cho-cong-nhan-kho-khan"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def parent_section(home_page):
    return SectionPageFactory(parent=home_page, title="Tin tức", slug="tin-tuc")


@pytest.fixture
def subsection(parent_section):
    return SectionPageFactory(parent=parent_section, title="Hoạt động", slug="hoat-dong")


@pytest.fixture
def other_section(home_page):
    return SectionPageFactory(parent=home_page, title="Pháp luật", slug="phap-luat")


@pytest.fixture
def existing_article(subsection):
    return ArticlePageFactory(parent=subsection, title="Hội nghị Ban Chấp hành lần thứ 5")


def list_urls(parent_section, subsection):
    """Every page that lists an article of the subsection (each links to it by its slug)."""
    return [
        "/",
        parent_section.url,
        subsection.url,
        "/rss/",
        subsection.url + "rss/",
        "/sitemap-pages.xml",
    ]


def warm(client, urls):
    """Render each page once and check the next reader gets it from the cache."""
    for url in urls:
        assert client.get(url).status_code == 200, url
        assert client.get(url)["X-Page-Cache"] == "hit", url


def fresh_text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["X-Page-Cache"] == "miss", url
    return response.content.decode()


def test_every_kind_of_public_news_page_is_cached(
    client, page_cache, parent_section, subsection, existing_article
):
    urls = [
        *list_urls(parent_section, subsection),
        existing_article.url,
        existing_article.url + "in/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss", url
        hit = client.get(url)
        assert hit.status_code == 200
        assert hit["X-Page-Cache"] == "hit", url


def test_the_send_form_with_its_csrf_token_is_never_cached(client, page_cache, existing_article):
    for _ in range(2):
        response = client.get(existing_article.url + "gui/")
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response["X-Page-Cache"] == "bypass"


def test_publishing_an_article_shows_it_on_every_page_listing_it(
    client,
    page_cache,
    parent_section,
    subsection,
    existing_article,
    django_capture_on_commit_callbacks,
):
    urls = list_urls(parent_section, subsection)
    warm(client, urls)
    article = ArticlePageFactory(parent=subsection, title=NEW_TITLE, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    for url in urls:
        assert NEW_SLUG in fresh_text(client, url), url
    assert client.get(article.url).status_code == 200


def test_unpublishing_removes_it_from_every_list_and_its_address(
    client,
    page_cache,
    parent_section,
    subsection,
    existing_article,
    django_capture_on_commit_callbacks,
):
    urls = [*list_urls(parent_section, subsection), existing_article.url]
    warm(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        existing_article.unpublish()
    for url in list_urls(parent_section, subsection):
        assert existing_article.slug not in fresh_text(client, url), url
    assert client.get(existing_article.url).status_code == 404


def test_deleting_removes_it_from_every_list(
    client,
    page_cache,
    parent_section,
    subsection,
    existing_article,
    django_capture_on_commit_callbacks,
):
    urls = list_urls(parent_section, subsection)
    warm(client, [*urls, existing_article.url])
    article_url = existing_article.url
    with django_capture_on_commit_callbacks(execute=True):
        DeletePageAction(existing_article).execute(skip_permission_checks=True)
    for url in urls:
        assert existing_article.slug not in fresh_text(client, url), url
    assert client.get(article_url).status_code == 404


def test_moving_changes_both_sections_and_the_address(
    client,
    page_cache,
    parent_section,
    subsection,
    other_section,
    existing_article,
    django_capture_on_commit_callbacks,
):
    old_url = existing_article.url
    warm(client, [subsection.url, other_section.url, old_url])
    with django_capture_on_commit_callbacks(execute=True):
        MovePageAction(existing_article, other_section, pos="last-child").execute(
            skip_permission_checks=True
        )
    existing_article.refresh_from_db()
    assert existing_article.slug not in fresh_text(client, subsection.url)
    assert existing_article.slug in fresh_text(client, other_section.url)
    # Wagtail leaves a redirect at the old address; the cached page there is gone.
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == existing_article.url
    assert client.get(existing_article.url).status_code == 200


def test_scheduled_publishing_shows_the_article_on_every_list(
    client,
    page_cache,
    parent_section,
    subsection,
    existing_article,
    django_capture_on_commit_callbacks,
):
    urls = list_urls(parent_section, subsection)
    warm(client, urls)
    article = ArticlePageFactory(parent=subsection, title=NEW_TITLE, live=False)
    revision = article.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    assert NEW_SLUG not in client.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)
    for url in urls:
        assert NEW_SLUG in fresh_text(client, url), url


def test_editing_a_published_article_shows_the_change_on_its_page_and_lists(
    client,
    page_cache,
    parent_section,
    subsection,
    existing_article,
    django_capture_on_commit_callbacks,
):
    urls = [existing_article.url, existing_article.url + "in/", subsection.url]
    warm(client, urls)
    existing_article.title = NEW_TITLE
    with django_capture_on_commit_callbacks(execute=True):
        existing_article.save_revision().publish()
    for url in urls:
        assert NEW_TITLE in fresh_text(client, url), url


def test_the_main_menu_is_read_once_and_shows_a_new_or_hidden_section_at_once(
    client, page_cache, parent_section, subsection, django_capture_on_commit_callbacks
):
    """The menu's pages are cached per content generation (`core.site_cache`), behind the page
    cache: a page-cache miss reads no menu pages, and publishing or hiding a section shows."""
    menu_link = '<a href="/phap-luat/">Pháp luật</a>'
    headers = {"Authorization": "Bearer reader"}  # bypasses the page cache: a render each time
    assert menu_link not in client.get("/", headers=headers).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        section = SectionPageFactory(parent=parent_section.get_parent(), title="Pháp luật")
        section.save_revision().publish()
    assert menu_link in client.get("/", headers=headers).content.decode()
    # Which item is active is worked out per page, not cached with the menu.
    html = client.get(subsection.url, headers=headers).content.decode()
    assert '<a href="/tin-tuc/" aria-current="page">Tin tức</a>' in html
    assert menu_link in html
    with django_capture_on_commit_callbacks(execute=True):
        section.show_in_menus = False
        section.save_revision().publish()
    assert menu_link not in client.get("/", headers=headers).content.decode()


def test_related_articles_are_cached_per_generation_and_never_in_a_preview(
    client,
    admin_client,
    page_cache,
    subsection,
    existing_article,
    django_capture_on_commit_callbacks,
):
    """The related block is a fragment cached per article and content generation: a newly
    published sibling shows at once, and a preview shows the draft's chosen articles."""
    chosen = ArticlePageFactory(parent=subsection, title="Bài được chọn làm bài liên quan")
    fresh_text(client, existing_article.url)  # fills the related fragment
    with django_capture_on_commit_callbacks(execute=True):
        sibling = ArticlePageFactory(parent=subsection, title="Bài mới cùng chuyên mục")
        sibling.save_revision().publish()
    assert f">{sibling.title}</a>" in fresh_text(client, existing_article.url)

    existing_article.related_articles.set([chosen])
    draft = existing_article.save_revision().as_object()
    # An editor's preview (signed in, here by an Authorization header) never uses the page cache.
    editor_request = RequestFactory().get("/admin/", HTTP_AUTHORIZATION="Bearer editor")
    preview = draft.make_preview_request(editor_request).content.decode()
    related = preview[preview.index('id="related-heading"') :]
    assert related.index(chosen.title) < related.index(sibling.title)
