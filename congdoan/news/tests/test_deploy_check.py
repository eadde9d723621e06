import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def run_manage(tmp_path, *args, **env):
    # DJANGO_ALLOW_ASYNC_UNSAFE: set for the test process by the browser fixture (conftest.py),
    # never in a deployment, and `check --deploy` rightly warns about it.
    excluded = {"DATABASE_URL", "REDIS_URL", "HTTPS", "DEBUG", "SECURE_HSTS_SECONDS"}
    excluded.add("DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {key: value for key, value in os.environ.items() if key not in excluded}
    environment.update(VAR_DIR=str(tmp_path), **env)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = run_manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="congdoan.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage(
        tmp_path, "check", DJANGO_SETTINGS_MODULE="congdoan.settings.production", SECRET_KEY=""
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
