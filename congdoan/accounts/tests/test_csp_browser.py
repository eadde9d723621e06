"""Every public page type of the demo site, in Chromium, without a single CSP violation."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

# Collected in the page before any of its scripts run.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


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


def test_no_public_page_type_violates_the_content_security_policy(live_server, chromium_path):
    from playwright.sync_api import sync_playwright

    call_command("load_demo", stdout=io.StringIO())
    urls = public_urls()
    assert len(urls) >= 10

    violations = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        console_errors = []
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and "Content Security Policy" in message.text
                and console_errors.append(message.text)
            ),
        )
        for url in urls:
            response = page.goto(live_server.url + url, wait_until="networkidle")
            assert "'nonce-" in response.headers["content-security-policy"], url
            found = page.evaluate("window.cspViolations") + console_errors
            if found:
                violations[url] = list(found)
            console_errors.clear()
        browser.close()

    assert violations == {}


def test_the_admin_policy_lets_wagtail_work(live_server, chromium_path, django_user_model):
    """Listings, the page editor and the image editor run under the admin's policy."""
    from playwright.sync_api import sync_playwright
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

    violations = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        for path in paths:
            response = page.goto(live_server.url + path, wait_until="networkidle")
            assert response.status == 200, path
            found = page.evaluate("window.cspViolations")
            if found:
                violations[path] = found
        browser.close()

    assert violations == {}
