from urllib.parse import urlparse

import pytest

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_facade_requests_nothing_from_third_parties_until_clicked(
    chromium_path, live_server, youtube_video, monkeypatch
):
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    local_host = urlparse(live_server.url).netloc
    external = []

    def route(route):
        if urlparse(route.request.url).netloc not in {local_host, ""}:
            external.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=BROWSER_ARGS)
        page = browser.new_page()
        page.route("**/*", route)
        page.goto(live_server.url + youtube_video.url, wait_until="networkidle")
        assert external == []
        assert page.locator("iframe").count() == 0
        with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
            page.click("[data-video-play]")
        src = page.locator("iframe").get_attribute("src")
        browser.close()
    assert src.startswith("https://www.youtube-nocookie.com/embed/")
    assert any("youtube-nocookie.com" in url for url in external)
