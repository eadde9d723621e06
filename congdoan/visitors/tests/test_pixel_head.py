"""HEAD on the <noscript> pixel answers like GET, without a body and without counting."""

import http.client
from urllib.parse import urlsplit

import pytest

from congdoan.visitors import stats
from congdoan.visitors.views import PIXEL

from .conftest import HUMAN_UA


@pytest.mark.django_db
def test_head_on_the_pixel_answers_like_get_and_counts_nothing(client, home_page):
    url = f"/api/visitors/hit.gif?page={home_page.pk}"
    head = client.head(url, HTTP_USER_AGENT=HUMAN_UA)
    assert head.status_code == 200
    assert head["Content-Type"] == "image/gif"
    assert head["Content-Length"] == str(len(PIXEL))
    assert head["Cache-Control"] == "no-store, private"
    assert head.content == b""
    assert stats.counts()["total"] == 0
    get = client.get(url, HTTP_USER_AGENT=HUMAN_UA)
    assert get.status_code == 200 and get.content == PIXEL
    assert stats.counts()["total"] == 1
    assert client.post(url).status_code == 405


# The live server needs committed rows; the flush after it must restore migrated data.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_running_portal_answers_head_on_the_pixel(live_server, home_page):
    connection = http.client.HTTPConnection(urlsplit(live_server.url).netloc, timeout=10)
    connection.request("HEAD", "/api/visitors/hit.gif", headers={"User-Agent": HUMAN_UA})
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "image/gif"
    assert response.getheader("Content-Length") == str(len(PIXEL))
    assert response.read() == b""
    connection.close()
    assert stats.counts()["total"] == 0
