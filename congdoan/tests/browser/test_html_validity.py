"""The Nu HTML Checker (vnu.jar, on Debian's Java) finds no error in any public page type."""

import json
import subprocess

import pytest
from django.test import Client

from .public_pages import NOT_FOUND, public_page_urls, send_article_url

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_site")]


def saved_pages(tmp_path) -> dict[str, str]:
    """{file path: page type}: the HTML of every public page type, written to files."""
    client = Client()
    responses = {
        page_type: client.get(path, follow=False) for page_type, path in public_page_urls().items()
    }
    responses["send article"] = client.get(send_article_url())
    # Its error state too: the form sent empty.
    responses["send article errors"] = client.post(send_article_url(), {})
    files = {}
    for page_type, response in responses.items():
        expected = 404 if response.wsgi_request.path == NOT_FOUND else 200
        assert response.status_code == expected, page_type
        file = tmp_path / (page_type.replace(" ", "-") + ".html")
        file.write_bytes(response.content)
        files[str(file)] = page_type
    return files


def test_every_public_page_type_is_valid_html(site_url, vnu_command, tmp_path):
    files = saved_pages(tmp_path)
    assert "Vui lòng nhập" in (tmp_path / "send-article-errors.html").read_text()

    # One JVM for all the files: starting Java costs more than checking a page.
    run = subprocess.run(  # noqa: S603 - a fixed command on files this test wrote
        [*vnu_command, *files], capture_output=True, text=True, timeout=300, check=False
    )
    report = json.loads(run.stderr or run.stdout)
    errors = [
        f"{files[message['url'].removeprefix('file:')]}:{message.get('lastLine')}: "
        f"{message['message']}"
        for message in report["messages"]
    ]
    assert errors == []
