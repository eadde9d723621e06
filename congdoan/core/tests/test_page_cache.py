"""The full-page cache: what anonymous readers get from it, who never does, and what clears it.

Feature apps test their own invalidation events (articles: publish, unpublish, move, delete,
scheduled publishing; the other apps: their side blocks) in their own `test_page_cache.py`.
"""

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction, Site

from congdoan.core import content_version
from congdoan.core.factories import HomePageFactory
from congdoan.core.models import SiteSettings

ORGANIZATION = "Liên đoàn Lao động tỉnh Hòa Bình"
RENAMED = "Liên đoàn Lao động tỉnh Phú Thọ"
CDN_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_S_MAXAGE = 60
    settings.PAGE_CACHE_STALE_WHILE_REVALIDATE = 300
    return settings


@pytest.fixture
def site_settings(home_page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organization_name = ORGANIZATION
    site_settings.save()
    return site_settings


def rename_organization(site_settings, commit_callbacks, name=RENAMED):
    with commit_callbacks(execute=True):
        site_settings.organization_name = name
        site_settings.save()


pytestmark = pytest.mark.django_db


def test_second_anonymous_get_is_served_from_the_cache(client, page_cache, site_settings):
    first = client.get("/")
    second = client.get("/")
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert ORGANIZATION in second.content.decode()
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["Cache-Control"] == CDN_CACHE_CONTROL
    assert "Cookie" in [name.strip() for name in second["Vary"].split(",")]


def test_head_is_answered_from_the_page_a_get_stored(client, page_cache, site_settings):
    client.get("/")
    head = client.head("/")
    assert head.status_code == 200
    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""


def test_a_cached_page_is_served_again_without_a_single_query(
    client, page_cache, site_settings, django_assert_num_queries
):
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/")["X-Page-Cache"] == "hit"


def test_tracking_parameters_share_the_page_other_parameters_bypass(
    client, page_cache, site_settings
):
    client.get("/")
    shared = client.get("/?fbclid=IwAR3x&utm_source=zalo&utm_medium=social&zarsrc=30")
    assert shared["X-Page-Cache"] == "hit"
    assert client.get("/?page=2")["X-Page-Cache"] == "miss"
    assert client.get("/?page=2&fbclid=abc")["X-Page-Cache"] == "hit"
    for query in ("?q=cong+doan", "?page=abc", "?page=1&page=2", "?page=12345678"):
        response = client.get("/" + query)
        assert response["X-Page-Cache"] == "bypass", query
        assert "Cache-Control" not in response


def test_post_is_never_served_from_the_cache(client, page_cache, site_settings):
    client.get("/")
    response = client.post("/", {})
    assert response["X-Page-Cache"] == "bypass"


def test_a_request_with_authorization_bypasses_the_cache(client, page_cache, site_settings):
    client.get("/")
    response = client.get("/", HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    assert response["X-Page-Cache"] == "bypass"


def test_a_flash_message_to_show_bypasses_the_cache(client, page_cache, site_settings):
    client.get("/")
    client.cookies["messages"] = "pending"
    assert client.get("/")["X-Page-Cache"] == "bypass"


def test_off_switch_turns_the_cache_off(client, settings, site_settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/")
    response = client.get("/")
    assert response["X-Page-Cache"] == "bypass"
    assert "Cache-Control" not in response


def test_editor_never_gets_a_cached_page_and_sees_a_change_at_once(
    client, page_cache, site_settings, admin_user
):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get("/")
    assert response["X-Page-Cache"] == "bypass"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    # Saved without the commit callbacks: the generation is not bumped, the editor still sees it.
    site_settings.organization_name = RENAMED
    site_settings.save()
    assert RENAMED in editor.get("/").content.decode()
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_view_draft_and_preview_are_never_cached_nor_shown_to_readers(
    client, page_cache, site_settings, home_page, admin_user
):
    client.get("/")
    home_page.seo_title = "Bản nháp chưa xuất bản"
    home_page.save_revision()
    editor = Client()
    editor.force_login(admin_user)
    for _ in range(2):
        draft = editor.get(f"/admin/pages/{home_page.pk}/view_draft/")
        assert draft.status_code == 200
        assert "Bản nháp chưa xuất bản" in draft.content.decode()
        assert draft["X-Page-Cache"] == "bypass"
        preview = editor.get(f"/admin/pages/{home_page.pk}/edit/preview/")
        assert preview["X-Page-Cache"] == "bypass"
    reader = client.get("/")
    assert reader["X-Page-Cache"] == "hit"
    assert "Bản nháp chưa xuất bản" not in reader.content.decode()


def test_a_session_without_a_user_still_gets_cached_pages(client, page_cache, site_settings):
    client.get("/")
    session = client.session
    session["seen"] = True
    session.save()
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_site_settings_change_clears_every_cached_page(
    client, page_cache, site_settings, django_capture_on_commit_callbacks
):
    client.get("/")
    rename_organization(site_settings, django_capture_on_commit_callbacks)
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert RENAMED in response.content.decode()
    assert ORGANIZATION not in response.content.decode()


def test_publishing_a_page_clears_the_cache(
    client, page_cache, site_settings, home_page, django_capture_on_commit_callbacks
):
    client.get("/")
    home_page.seo_title = "Cổng thông tin Công đoàn tỉnh"
    with django_capture_on_commit_callbacks(execute=True):
        home_page.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Cổng thông tin Công đoàn tỉnh" in response.content.decode()


def test_the_generation_is_never_reused_when_the_cache_loses_it(client, page_cache, site_settings):
    client.get("/")
    before = content_version.current()
    cache.delete(content_version.GENERATION_KEY)
    assert content_version.current() != before
    assert client.get("/")["X-Page-Cache"] == "miss"


class TestPasswordProtectedPage:
    """Wagtail issue #5074: a private page's content must never be stored and shown to others."""

    PASSWORD = "bi-mat-2024"

    @pytest.fixture
    def private_home(self, home_page, site_settings):
        return PageViewRestriction.objects.create(
            page=home_page, restriction_type=PageViewRestriction.PASSWORD, password=self.PASSWORD
        )

    def unlock(self, reader, restriction, page):
        form = reader.get("/")
        assert form.status_code == 200
        assert 'name="password"' in form.content.decode()
        response = reader.post(
            f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
            {"password": self.PASSWORD, "return_url": "/"},
        )
        assert response.status_code == 302
        assert response["Location"] == "/"

    def test_the_form_works_and_the_content_is_never_cached(
        self, client, page_cache, private_home, home_page
    ):
        reader = Client()
        self.unlock(reader, private_home, home_page)
        for _ in range(2):
            content = reader.get("/")
            assert content.status_code == 200
            assert ORGANIZATION in content.content.decode()
            assert 'name="password"' not in content.content.decode()
            assert content["X-Page-Cache"] == "bypass"
        stranger = client.get("/")
        assert stranger["X-Page-Cache"] == "bypass"
        assert 'name="password"' in stranger.content.decode()
        assert "private" in stranger["Cache-Control"]

    def test_a_page_made_private_leaves_the_cache_at_once(
        self, client, page_cache, site_settings, home_page, django_capture_on_commit_callbacks
    ):
        client.get("/")
        assert client.get("/")["X-Page-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.create(
                page=home_page,
                restriction_type=PageViewRestriction.PASSWORD,
                password=self.PASSWORD,
            )
        response = client.get("/")
        assert response["X-Page-Cache"] == "bypass"
        assert 'name="password"' in response.content.decode()


def test_a_page_restricted_to_signed_in_readers_is_never_cached(client, page_cache, home_page):
    PageViewRestriction.objects.create(page=home_page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 302
        assert response["X-Page-Cache"] == "bypass"


def test_an_admin_page_is_never_stored(client, page_cache, home_page):
    for _ in range(2):
        assert client.get("/admin/login/")["X-Page-Cache"] == "bypass"


def test_a_not_found_page_is_not_stored(client, page_cache, home_page):
    for _ in range(2):
        response = client.get("/khong-co-trang-nay/")
        assert response.status_code == 404
        assert response["X-Page-Cache"] == "bypass"


def file_cache(request, tmp_path):
    return {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(tmp_path / "cache"),
    }


def redis_cache(request, tmp_path):
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": request.getfixturevalue("redis_url"),
        "KEY_PREFIX": "test-page-cache",
    }


@pytest.mark.parametrize(
    "cache_settings",
    [pytest.param(file_cache, id="file"), pytest.param(redis_cache, marks=pytest.mark.redis)],
)
def test_pages_are_cached_and_cleared_on_the_file_cache_and_redis(
    request,
    tmp_path,
    client,
    page_cache,
    site_settings,
    cache_settings,
    django_capture_on_commit_callbacks,
):
    page_cache.CACHES = {"default": cache_settings(request, tmp_path)}
    cache.clear()
    try:
        assert client.get("/")["X-Page-Cache"] == "miss"
        assert client.get("/")["X-Page-Cache"] == "hit"
        rename_organization(site_settings, django_capture_on_commit_callbacks)
        response = client.get("/")
        assert response["X-Page-Cache"] == "miss"
        assert RENAMED in response.content.decode()
        assert client.get("/")["X-Page-Cache"] == "hit"
    finally:
        cache.clear()


def frontend_cache_settings(**env) -> dict:
    """WAGTAILFRONTENDCACHE as the settings build it from these environment variables."""
    code = (
        "import json; from congdoan.settings import base; "
        "print(json.dumps(base.WAGTAILFRONTENDCACHE))"
    )
    clean = {key: value for key, value in os.environ.items() if key not in FRONTEND_CACHE_VARIABLES}
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


FRONTEND_CACHE_VARIABLES = (
    "FRONTEND_CACHE_NGINX_URL",
    "CLOUDFLARE_ZONE_ID",
    "CLOUDFLARE_API_TOKEN",
)


def test_frontend_caches_are_off_unless_configured():
    assert frontend_cache_settings() == {}
    assert frontend_cache_settings(CLOUDFLARE_ZONE_ID="zone-only") == {}


def test_nginx_and_cloudflare_purges_are_wired_by_settings():
    assert frontend_cache_settings(
        FRONTEND_CACHE_NGINX_URL="http://127.0.0.1:8080",
        CLOUDFLARE_ZONE_ID="0123abcd",
        CLOUDFLARE_API_TOKEN="token-123",
    ) == {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:8080",
        },
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "0123abcd",
            "BEARER_TOKEN": "token-123",
        },
    }


class PurgeRecorder(BaseHTTPRequestHandler):
    """A stand-in for nginx's cache-purge location: it records each PURGE it receives."""

    received: list[tuple[str, str]] = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    PurgeRecorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_publishing_purges_the_page_and_its_ancestors_from_nginx(
    settings, purge_server, home_page, django_capture_on_commit_callbacks
):
    port = purge_server.server_address[1]
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    child = HomePageFactory(parent=home_page, title="Giới thiệu", slug="gioi-thieu")
    child.seo_title = "Giới thiệu Liên đoàn"
    with django_capture_on_commit_callbacks(execute=True):
        child.save_revision().publish()
    assert sorted(PurgeRecorder.received) == [("testserver", "/"), ("testserver", "/gioi-thieu/")]


def test_without_frontend_cache_settings_nothing_is_purged(
    settings, purge_server, home_page, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    with django_capture_on_commit_callbacks(execute=True):
        home_page.save_revision().publish()
    assert PurgeRecorder.received == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_running_portal_serves_anonymous_readers_from_the_cache(
    live_server, page_cache, admin_user
):
    HomePageFactory.create_as_site_root()
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    site_settings.organization_name = ORGANIZATION
    site_settings.save()

    def fetch(cookies=None):
        response = requests.get(live_server.url + "/", cookies=cookies, timeout=10)
        assert response.status_code == 200
        return response.headers["X-Page-Cache"], response.text

    assert fetch()[0] == "miss"
    state, html = fetch()
    assert state == "hit"
    assert ORGANIZATION in html

    # Outside a test transaction the save commits at once: the next reader sees it.
    site_settings.organization_name = RENAMED
    site_settings.save()
    state, html = fetch()
    assert state == "miss"
    assert RENAMED in html

    editor = Client()
    editor.force_login(admin_user)
    state, html = fetch({"sessionid": editor.cookies["sessionid"].value})
    assert state == "bypass"
    assert RENAMED in html
