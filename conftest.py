"""Project-wide test fixtures."""

import os
import re
import shutil

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_configure(config):
    # The live server's listen backlog (10) resets connections when dozens of concurrent
    # visitors connect at once on a busy machine; real servers (gunicorn) use 2048.
    from django.core.servers.basehttp import WSGIServer

    WSGIServer.request_queue_size = 256


# A test's `record_property(TERMINAL_REPORT, text)` is printed in the summary of the run.
TERMINAL_REPORT = "terminal_report"


def pytest_terminal_summary(terminalreporter):
    """Print the texts tests recorded as TERMINAL_REPORT (e.g. the search quality scores), with
    or without `-s` and under xdist (recorded properties travel with the workers' reports)."""
    shown = []
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", "") != "call":
                continue
            for name, text in getattr(report, "user_properties", ()):
                if name == TERMINAL_REPORT and text not in shown:
                    shown.append(text)
    for text in shown:
        terminalreporter.write_sep("-", "report")
        terminalreporter.write_line(text)


def require_service(name: str, available: bool, how: str):
    """Needed service missing: fail in CI; elsewhere skip, saying why."""
    if available:
        return
    message = f"{name} is not available: {how}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def chromium_path():
    path = "/usr/bin/chromium"
    require_service("chromium", shutil.which(path) is not None, "apt-get install chromium")
    return path


# As the workplace's probe starts Chromium: without the background-networking flags it keeps
# trying Google's hosts, which this closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Collected in the page before any of its own scripts run.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="session")
def browser(django_db_setup, django_db_blocker):
    """One headless Debian Chromium per test process, driven by Playwright.

    While Playwright runs, its event loop makes Django hand out other connection objects
    (asgiref's Local sees an async context). The test databases are set up first, and what
    `serialized_rollback` restores is handed to those objects too: without it, a transactional
    test after the first found an empty database (`Locale.DoesNotExist`)."""
    require_service(
        "chromium", shutil.which("/usr/bin/chromium") is not None, "apt-get install chromium"
    )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    # The ORM calls made while Playwright's loop runs are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


class PageProblems:
    """What went wrong in a page while a test drove it: console errors, failed or 4xx/5xx
    requests and CSP violations. `assert_none()` fails the test listing them all."""

    def __init__(self, page, allowed_statuses=()):
        self.page = page
        self.allowed_statuses = set(allowed_statuses)
        self.console_errors = []
        self.failed_requests = []
        page.add_init_script(RECORD_CSP_VIOLATIONS)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _on_console(self, message):
        if message.type != "error":
            return
        # Chromium logs every 4xx/5xx response as a console error too: an allowed status
        # (the 404 page itself) is not a problem there either.
        status = re.search(r"responded with a status of (\d+)", message.text)
        if status and int(status.group(1)) in self.allowed_statuses:
            return
        self.console_errors.append(message.text)

    def _on_request_failed(self, request):
        # net::ERR_ABORTED is the page itself cancelling a request it no longer needs (a
        # navigation, a newer autocomplete fetch), not a failure of the portal.
        if request.failure != "net::ERR_ABORTED":
            self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def _on_response(self, response):
        if response.status >= 400 and response.status not in self.allowed_statuses:
            self.failed_requests.append(f"{response.status} {response.url}")

    def csp_violations(self):
        try:
            return self.page.evaluate("window.cspViolations || []")
        except Exception:  # noqa: BLE001 - a page that is closing has nothing more to report
            return []

    def assert_none(self):
        problems = {
            "console errors": self.console_errors,
            "failed requests": self.failed_requests,
            "CSP violations": self.csp_violations(),
        }
        assert {kind: found for kind, found in problems.items() if found} == {}


@pytest.fixture
def open_page(browser):
    """`open_page(viewport, cookies=..., allowed_statuses=...)` gives a new page in its own
    context, watched by `PageProblems` (as `page.problems`); every context closes after the test."""
    contexts = []

    def open_page(viewport=DESKTOP, *, cookies=(), allowed_statuses=()):
        context = browser.new_context(viewport=viewport, locale="vi-VN")
        if cookies:
            context.add_cookies(list(cookies))
        contexts.append(context)
        page = context.new_page()
        page.problems = PageProblems(page, allowed_statuses)
        return page

    yield open_page
    for context in contexts:
        context.close()


def session_cookie(client, live_server_url):
    """The Django test client's session, as a cookie for a Playwright context."""
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server_url}


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        available = True
    except Exception:  # noqa: BLE001 - any failure means no usable server
        available = False
    require_service("Redis", available, f"start redis-server or set REDIS_TEST_URL ({url})")
    return url


@pytest.fixture
def home_page(db):
    from congdoan.core.factories import HomePageFactory

    return HomePageFactory.create_as_site_root()


@pytest.fixture(autouse=True)
def clear_caches():
    """Each test starts with empty caches: rolled-back rows must not live on in a cache."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def force_login_verified(client, user):
    """Sign `user` in as after the password *and* the second factor (django-otp), so that roles
    that must use two-factor sign-in reach the admin; tests of the two-factor steps themselves
    sign in with `client.force_login` instead."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    client.force_login(user)
    device, _ = StaticDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
