"""`/favicon.ico` is served (it was a 404 on every visit) and every page links its icons."""

import io
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from PIL import Image

ICO_SIGNATURE = b"\x00\x00\x01\x00"


def test_favicon_is_an_icon_with_the_usual_sizes(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response["Cache-Control"] == "public, max-age=86400"
    body = b"".join(response.streaming_content)
    assert body.startswith(ICO_SIGNATURE)
    assert Image.open(io.BytesIO(body)).info["sizes"] == {(16, 16), (32, 32), (48, 48)}


def test_favicon_refuses_posts(client):
    assert client.post("/favicon.ico").status_code == 405


def test_pages_link_the_icon_and_its_svg_version(client, home_page):
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    icons = {link["href"]: link for link in soup.select('head link[rel="icon"]')}
    assert icons["/favicon.ico"]["sizes"] == "16x16 32x32 48x48"
    assert icons["/static/core/img/favicon.svg"]["type"] == "image/svg+xml"
    assert finders.find("core/img/favicon.svg") is not None


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_running_portal_serves_the_favicon(live_server):
    with urlopen(f"{live_server.url}/favicon.ico", timeout=10) as response:  # noqa: S310 - local test server
        assert response.status == 200
        assert response.headers["Content-Type"] == "image/x-icon"
        assert response.read().startswith(ICO_SIGNATURE)
