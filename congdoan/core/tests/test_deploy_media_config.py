"""deploy/'s nginx never serves a document or an original image without asking Django first."""

import re
from pathlib import Path

from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"


def locations(config: str) -> dict[str, str]:
    """Each `location PATH { ... }` of the config (outer blocks, nested ones kept inside)."""
    found = {}
    for match in re.finditer(r"location\s+(\S+)\s*\{", config):
        depth, end = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(config[end], 0)
            end += 1
        found.setdefault(match.group(1), config[match.end() : end - 1])
    return found


def env_example() -> dict[str, str]:
    lines = (DEPLOY / "env.example").read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


def test_protected_folders_go_to_django_and_files_come_from_an_internal_location():
    config = locations((DEPLOY / "nginx" / "congdoan.conf").read_text(encoding="utf-8"))
    media_alias = re.search(r"alias\s+(\S+);", config["/media/"]).group(1)
    for folder in ("documents", "original_images"):
        block = config[f"/media/{folder}/"]
        assert "proxy_pass http://congdoan;" in block
        assert "alias" not in block
    internal_location = env_example()["MEDIA_ACCEL_REDIRECT_LOCATION"]
    internal = config[internal_location]
    assert re.search(r"^\s*internal;", internal, re.MULTILINE)
    assert re.search(r"alias\s+(\S+);", internal).group(1) == media_alias
    assert "add_header X-Frame-Options SAMEORIGIN;" in config["/media/"]


def test_deploy_lets_nginx_send_the_checked_files():
    env = env_example()
    assert env["SERVE_MEDIA"] == "false"
    assert env["MEDIA_ACCEL_REDIRECT_LOCATION"].startswith("/")
    assert env["MEDIA_ACCEL_REDIRECT_LOCATION"].endswith("/")
