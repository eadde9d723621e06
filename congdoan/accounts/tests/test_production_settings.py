"""Production settings: secret key length, HSTS preload, the proxy's HTTPS header."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

# Prints what the production settings decided and the headers of a request over HTTPS.
PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/csp-report/", secure=True, HTTP_HOST="localhost")
print(json.dumps({
    "proxy_ssl_header": settings.SECURE_PROXY_SSL_HEADER,
    "hsts": response.get("Strict-Transport-Security"),
    "csp": response.get("Content-Security-Policy"),
    "permissions": response.get("Permissions-Policy"),
}))
"""


def run_production(tmp_path, code, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "HTTPS", "DEBUG", "TRUSTED_PROXY_COUNT"}
    }
    environment.update(
        VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="congdoan.settings.production", **env
    )
    environment.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    return subprocess.run(  # noqa: S603 - our own interpreter and fixed code
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=environment,
        cwd=Path(settings.BASE_DIR),
        timeout=120,
        check=False,
    )


def probe(tmp_path, **env) -> dict:
    result = run_production(tmp_path, PROBE, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_short_secret_key_is_refused_with_a_clear_message(tmp_path):
    result = run_production(tmp_path, PROBE, SECRET_KEY="k" * 49)
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is 49 characters long" in result.stderr
    assert "at least 50 random characters" in result.stderr


def test_hsts_has_no_preload_unless_asked_for(tmp_path):
    assert probe(tmp_path)["hsts"] == "max-age=31536000; includeSubDomains"
    preloaded = probe(tmp_path, HSTS_PRELOAD="true")["hsts"]
    assert preloaded == "max-age=31536000; includeSubDomains; preload"


def test_the_forwarded_proto_header_is_trusted_only_behind_a_configured_proxy(tmp_path):
    assert probe(tmp_path)["proxy_ssl_header"] is None
    behind_proxy = probe(tmp_path, TRUSTED_PROXY_COUNT="1")["proxy_ssl_header"]
    assert behind_proxy == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_production_responses_carry_csp_and_permissions_policy(tmp_path):
    headers = probe(tmp_path)
    assert "script-src 'self' 'nonce-" in headers["csp"]
    assert "camera=()" in headers["permissions"]
