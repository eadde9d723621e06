"""Security headers on public pages and the admin, the CSP of a cached page, CSP reports."""

import json
import logging
import re

import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_public_pages_carry_a_nonce_based_policy_matching_their_scripts(client, home_page):
    response = client.get("/")
    policy = directives(response["Content-Security-Policy"])
    nonce = re.fullmatch(r"'nonce-([^']+)'", policy["script-src"][1]).group(1)

    assert policy["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert "'unsafe-inline'" not in policy["style-src"] + policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["report-uri"] == ["/csp-report/"]
    html = response.content.decode()
    assert f'src="/static/core/js/site.js" nonce="{nonce}"' in html
    # Each response draws its own nonce.
    assert nonce not in client.get("/")["Content-Security-Policy"]


def test_the_admin_has_its_own_policy(admin_client):
    policy = directives(admin_client.get("/admin/")["Content-Security-Policy"])
    # Wagtail 8's own inline scripts and styles (see test_csp_browser's admin test).
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


def test_powerful_browser_features_are_switched_off(client, home_page):
    header = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header


def test_a_cached_page_replays_the_policy_of_its_first_render(client, home_page, settings):
    """A page cache around the CSP middleware stores the header with the HTML it belongs to.

    Django's own full-page cache stands in for the portal's: the outermost middleware stores
    the response, the innermost serves it.
    """
    settings.MIDDLEWARE = [
        "django.middleware.cache.UpdateCacheMiddleware",
        *django_settings.MIDDLEWARE,
        "django.middleware.cache.FetchFromCacheMiddleware",
    ]
    settings.CACHE_MIDDLEWARE_SECONDS = 60
    first, second = client.get("/"), client.get("/")
    assert second.get("Age") is not None or second.has_header("Expires")

    header = second["Content-Security-Policy"]
    assert header == first["Content-Security-Policy"]
    nonce = re.search(r"'nonce-([^']+)'", header).group(1)
    assert f'nonce="{nonce}"' in second.content.decode()


def csp_report(client, body, address="203.0.113.5", **extra):
    return client.post(
        "/csp-report/",
        body if isinstance(body, bytes | str) else json.dumps(body),
        content_type="application/csp-report",
        REMOTE_ADDR=address,
        **extra,
    )


VIOLATION = {
    "csp-report": {
        "document-uri": "https://congdoan.example.vn/tin-tuc/",
        "blocked-uri": "inline",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "x" * 500,
    }
}


def test_a_violation_report_is_logged(client, caplog):
    with caplog.at_level(logging.WARNING, logger="congdoan.csp"):
        response = csp_report(client, VIOLATION)
    assert response.status_code == 204
    assert "script-src-elem" in caplog.text
    assert "https://congdoan.example.vn/tin-tuc/" in caplog.text
    assert "original-policy" not in caplog.text


def test_reporting_api_format_is_accepted(client, caplog):
    body = [
        {
            "type": "csp-violation",
            "body": {"documentURL": "https://congdoan.example.vn/", "blockedURL": "eval"},
        }
    ]
    with caplog.at_level(logging.WARNING, logger="congdoan.csp"):
        assert csp_report(client, body).status_code == 204
    assert '"blocked-uri": "eval"' in caplog.text


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"csp-report": 3}', b"\xff\xfe"])
def test_malformed_reports_are_refused(client, body):
    assert csp_report(client, body).status_code == 400


def test_oversized_reports_are_refused_unread(client):
    assert csp_report(client, b"x" * (9 * 1024)).status_code == 413


def test_reports_are_rate_limited_per_client_address(client, settings):
    statuses = [csp_report(client, VIOLATION).status_code for _ in range(21)]
    assert statuses == [204] * 20 + [429]
    assert csp_report(client, VIOLATION, address="203.0.113.6").status_code == 204


def test_only_posts_are_reports(client):
    assert client.get("/csp-report/").status_code == 405
