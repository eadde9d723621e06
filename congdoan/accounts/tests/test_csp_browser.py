"""Every public page type of the demo site, in Chromium, without a single CSP violation."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from conftest import session_cookie

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def public_urls() -> list[str]:
    """One page of each page type, the print view, the document library and search."""
    urls = []
    seen_types = set()
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        if type(page) not in seen_types:
            seen_types.add(type(page))
            urls.append(page.url)
        if type(page).__name__ == "ArticlePage" and not any(u.endswith("/in/") for u in urls):
            urls.append(page.url + "in/")
    from congdoan.legal.models import LegalDocument

    urls += [
        reverse("legal:list"),
        LegalDocument.objects.order_by("pk").first().get_absolute_url(),
        reverse("site_search") + "?q=công+đoàn",
        "/trang-khong-ton-tai/",
    ]
    return urls


def test_no_public_page_type_violates_the_content_security_policy(live_server, open_page):
    call_command("load_demo", stdout=io.StringIO())
    urls = public_urls()
    assert len(urls) >= 10

    violations = {}
    for url in urls:
        page = open_page()
        response = page.goto(live_server.url + url, wait_until="networkidle")
        assert "'nonce-" in response.headers["content-security-policy"], url
        found = page.problems.csp_violations() + [
            text for text in page.problems.console_errors if "Content Security Policy" in text
        ]
        if found:
            violations[url] = found

    assert violations == {}


def test_the_admin_policy_lets_wagtail_work(live_server, open_page, django_user_model):
    """Listings, the page editor and the image editor run under the admin's policy."""
    from wagtail_factories import ImageFactory

    from congdoan.core.factories import HomePageFactory
    from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

    home = HomePageFactory.create_as_site_root()
    article = ArticlePageFactory(parent=SectionPageFactory(parent=home, title="Tin tức"))
    image = ImageFactory(title="Hội nghị")
    admin = django_user_model.objects.create_superuser("quantri", "qt@example.vn", "x")
    client = Client()
    client.force_login(admin)
    paths = [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/images/{image.pk}/",
        "/admin/users/",
        "/admin/locked-accounts/",
    ]

    page = open_page(cookies=[session_cookie(client, live_server.url)])
    violations = {}
    for path in paths:
        response = page.goto(live_server.url + path, wait_until="networkidle")
        assert response.status == 200, path
        found = page.problems.csp_violations()
        if found:
            violations[path] = found

    assert violations == {}
