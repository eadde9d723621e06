from urllib.parse import urlparse

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_facade_requests_nothing_from_third_parties_until_clicked(
    open_page, live_server, youtube_video
):
    local_host = urlparse(live_server.url).netloc
    external = []

    def route(route):
        if urlparse(route.request.url).netloc not in {local_host, ""}:
            external.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page = open_page()
    page.route("**/*", route)
    page.goto(live_server.url + youtube_video.url, wait_until="networkidle")
    assert external == []
    assert page.locator("iframe").count() == 0
    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.click("[data-video-play]")
    src = page.locator("iframe").get_attribute("src")
    assert src.startswith("https://www.youtube-nocookie.com/embed/")
    assert any("youtube-nocookie.com" in url for url in external)
