"""Gửi bài viết through a served portal: several processes, a file database, the file outbox."""

import os
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest
import requests

from congdoan.core.factories import HomePageFactory
from congdoan.core.tests.processes import free_port, shared_database_url
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

REPO_DIR = Path(__file__).resolve().parents[3]
CONCURRENT_POSTS = 20
PER_IP_LIMIT = 10


@contextmanager
def served_portal_for(tmp_path):
    """Three gunicorn worker processes; mail to var/outbox/ as make run sends it without SMTP."""
    port = free_port()
    outbox = tmp_path / "outbox"
    env = {
        **os.environ,
        # dev settings: static URLs without a collectstatic manifest.
        "DJANGO_SETTINGS_MODULE": "congdoan.settings.dev",
        "SECRET_KEY": "served-portal-test-" + "x" * 50,
        "DATABASE_URL": shared_database_url(tmp_path),
        "VAR_DIR": str(tmp_path),
        "EMAIL_BACKEND": "congdoan.core.outbox.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "SEND_ARTICLE_PER_IP_PER_HOUR": str(PER_IP_LIMIT),
        "VISITORS_ENABLED": "false",
        "REDIS_URL": "",
    }
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "congdoan.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "3",
        ],
        cwd=REPO_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                requests.get(f"{url}/robots.txt", timeout=30)
                break
            except requests.RequestException:
                assert server.poll() is None, "gunicorn exited"
                assert time.monotonic() < deadline, "the portal did not start"
                time.sleep(0.5)
        yield url, outbox
    finally:
        server.terminate()
        server.wait(timeout=30)


def ready_to_post(form_url: str) -> tuple[requests.Session, str]:
    session = requests.Session()
    html = session.get(form_url, timeout=60).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return session, token


def subject(path: Path) -> str:
    return str(make_header(decode_header(message_from_bytes(path.read_bytes())["Subject"])))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_posts_from_one_address_send_exactly_the_limit(tmp_path):
    home = HomePageFactory.create_as_site_root()
    article = ArticlePageFactory(parent=SectionPageFactory(parent=home), title="Bài gửi đồng thời")
    form_path = article.url + article.reverse_subpage("send")
    with served_portal_for(tmp_path) as (url, outbox):
        readers = [ready_to_post(url + form_path) for _ in range(CONCURRENT_POSTS)]
        start = threading.Barrier(CONCURRENT_POSTS)

        def send(number: int) -> int:
            session, token = readers[number]
            start.wait(timeout=60)
            response = session.post(
                url + form_path,
                {
                    "csrfmiddlewaretoken": token,
                    "recipient": f"nguoi{number:02d}@example.com",
                    "sender_name": "Bạn đọc",
                    "message": "",
                    "website": "",
                },
                allow_redirects=False,
                timeout=120,
            )
            if response.status_code == 302:
                # The page the reader is sent back to says what happened.
                page = session.get(url + response.headers["Location"], timeout=60)
                assert "Bài viết đã được gửi tới" in page.text
            return response.status_code

        with ThreadPoolExecutor(max_workers=CONCURRENT_POSTS) as pool:
            statuses = list(pool.map(send, range(CONCURRENT_POSTS)))

        assert sorted(statuses) == [302] * PER_IP_LIMIT + [429] * (CONCURRENT_POSTS - PER_IP_LIMIT)
        # Each accepted email is a file in the outbox, the one README names for make run.
        files = sorted(outbox.glob("*.log"))
        assert len(files) == PER_IP_LIMIT
        assert {subject(path) for path in files} == {"Bạn đọc gửi bạn bài viết: Bài gửi đồng thời"}


def make_run_email_backend(email_host: str | None) -> str:
    """The EMAIL_BACKEND the Makefile's run target gives the portal."""
    recipe = subprocess.run(
        ["make", "--no-print-directory", "-n", "run"],  # noqa: S607
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assignment = next(line for line in recipe.splitlines() if line.startswith("EMAIL_BACKEND="))
    env = {key: value for key, value in os.environ.items() if not key.startswith("EMAIL_")}
    if email_host:
        env["EMAIL_HOST"] = email_host
    assignment = assignment.removesuffix("\\").rstrip()
    shell = f"export {assignment}; echo $EMAIL_BACKEND"
    return subprocess.run(  # noqa: S603
        ["/bin/bash", "-c", shell], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_make_run_writes_mail_to_the_outbox_unless_smtp_is_configured():
    assert make_run_email_backend(None) == "congdoan.core.outbox.EmailBackend"
    assert (
        make_run_email_backend("smtp.example.vn") == "django.core.mail.backends.smtp.EmailBackend"
    )
