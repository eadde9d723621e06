"""The default Wagtail Site follows SITE_URL, so every absolute address carries the served one."""

import http.cookiejar
import json
import re
import urllib.parse
import urllib.request

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from congdoan.core.factories import HomePageFactory
from congdoan.core.sites import served_url, site_address, sync_default_site
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory


@pytest.mark.parametrize(
    ("url", "address"),
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("https://congdoan.example.vn", ("congdoan.example.vn", 443)),
        ("http://congdoan.example.vn/", ("congdoan.example.vn", 80)),
        ("http://[::1]:8080", ("::1", 8080)),
    ],
)
def test_site_address_of_a_base_url(url, address):
    assert site_address(url) == address


def test_served_url_names_an_address_a_browser_can_open():
    assert served_url("127.0.0.1", 8000) == "http://127.0.0.1:8000"
    assert served_url("0.0.0.0", 8080) == "http://127.0.0.1:8080"  # noqa: S104
    assert served_url("::1", 8000) == "http://[::1]:8000"
    assert served_url("congdoan.example.vn", 80) == "http://congdoan.example.vn:80"


@pytest.mark.django_db
def test_migrate_gives_the_default_site_the_address_of_site_url():
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    with override_settings(WAGTAILADMIN_BASE_URL="https://congdoan.example.vn"):
        call_command("migrate", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("congdoan.example.vn", 443)
    assert site.root_url == "https://congdoan.example.vn"


@pytest.mark.django_db
def test_an_address_taken_by_another_site_is_left_alone():
    default = Site.objects.get(is_default_site=True)
    Site.objects.create(hostname="congdoan.example.vn", port=443, root_page=default.root_page)
    with override_settings(WAGTAILADMIN_BASE_URL="https://congdoan.example.vn"):
        site = sync_default_site()
    assert (site.hostname, site.port) == (default.hostname, default.port)


class Browser:
    """A cookie-keeping HTTP client for the live server (the CSRF cookie of the send form)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base_url + path, timeout=30) as response:
            return response.read().decode()

    def post(self, path: str, fields: dict) -> str:
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base_url + path, data=data, timeout=30) as response:
            return response.read().decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_absolute_address_is_the_served_one(live_server):
    served = live_server.url  # http://localhost:<port>, not localhost:80
    home = HomePageFactory.create_as_site_root()
    section = SectionPageFactory(parent=home, title="Tin tức")
    article = ArticlePageFactory(parent=section, title="Hội nghị Ban Chấp hành Công đoàn tỉnh")
    article.save_revision().publish()
    # As `make run` does: SITE_URL (defaulting to the served address) then migrate.
    with override_settings(WAGTAILADMIN_BASE_URL=served, WAGTAILAPI_BASE_URL=served):
        call_command("migrate", verbosity=0)
        article_url = served + article.url
        browser = Browser(served)

        printed = browser.get(article.url + article.reverse_subpage("print"))
        assert f'<a href="{article_url}">Quay lại bài viết</a>' in printed
        assert f"<span>{article_url}</span>" in printed

        assert f"<link>{article_url}</link>" in browser.get("/rss/")
        assert f"<loc>{article_url}</loc>" in browser.get("/sitemap-pages.xml")

        listing = json.loads(browser.get("/api/v2/pages/?type=news.ArticlePage"))
        meta = listing["items"][0]["meta"]
        assert meta["html_url"] == article_url
        assert meta["detail_url"] == f"{served}/api/v2/pages/{article.pk}/"

        send_path = article.url + article.reverse_subpage("send")
        form = browser.get(send_path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        browser.post(
            send_path,
            {
                "csrfmiddlewaretoken": token,
                "recipient": "ban.lan@example.com",
                "sender_name": "Nguyễn Văn Minh",
                "message": "",
                "website": "",
            },
        )
    assert len(mail.outbox) == 1
    assert article_url in mail.outbox[0].body
    assert "http://localhost/" not in mail.outbox[0].body
