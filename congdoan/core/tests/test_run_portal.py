"""`make run` end to end: demo site served from a fresh data directory, SIGTERM stops all."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

REPO_DIR = Path(__file__).resolve().parents[3]
SEED_ARTICLE_URL = (
    "/tin-tuc-su-kien/tin-trong-nuoc/"
    "nghi-quyet-02-thuc-day-doi-moi-to-chuc-va-hoat-dong-cong-doan-viet-nam/"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.read().decode()


def wait_for(url: str, process: subprocess.Popen, timeout: float = 240) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"run_portal exited early with {process.returncode}")
        try:
            return fetch(url)
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {timeout} s")


@pytest.fixture
def portal(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "congdoan.settings.production",
        "HTTPS": "false",
        "SECRET_KEY": "run-portal-test-" + "x" * 50,
        "VAR_DIR": str(tmp_path),
        "WEB_CONCURRENCY": "1",
    }
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "run_portal", "--port", str(port), "--workers", "1"],
        cwd=REPO_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield process, f"http://127.0.0.1:{port}"
    if process.poll() is None:
        process.kill()
        process.wait()


def test_run_portal_serves_the_seed_article_and_stops_everything(portal, tmp_path):
    process, base_url = portal
    home = wait_for(base_url + "/", process)
    assert SEED_ARTICLE_URL.split("/")[1] in home  # the menu links the article's section

    article = fetch(base_url + SEED_ARTICLE_URL)
    assert "Nghị quyết 02 thúc đẩy đổi mới tổ chức và hoạt động Công đoàn Việt Nam" in article
    assert "10/11/2021 07:00 GMT+7" in article
    assert "Sáng 10.11, Tổng Liên đoàn Lao động Việt Nam tổ chức Hội nghị kiểm điểm" in article
    assert "Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam Ngọ Duy Hiểu" in article  # caption
    assert "In bài" in article
    assert "Gửi bài viết" in article
    assert "Pho-Chu-Tich (1).jpg" not in article
    # SITE_URL defaults to the served address, so feeds link there, not to http://localhost/.
    assert f"<link>{base_url}{SEED_ARTICLE_URL}</link>" in fetch(base_url + "/rss/")

    children = psutil.Process(process.pid).children(recursive=True)
    assert children, "the web server and the worker run as child processes"
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert "/admin/" in output
    password = (tmp_path / "demo_editor_password").read_text(encoding="utf-8").strip()
    assert f"\nTài khoản biên tập mẫu: bientap / {password}\n" in output
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == []
