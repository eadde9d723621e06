"""404 and 500 are the site's own Vietnamese pages, not Django's bare English ones (#12)."""

from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client

from congdoan.news.factories import SectionPageFactory

MISSING_URL = "/khong-ton-tai/"
FAILING_URL = "/loi-co-so-du-lieu/"


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page, title="Tin tức – Sự kiện", show_in_menus=True)


def assert_site_page_in_vietnamese(soup):
    assert soup.html["lang"] == "vi"
    assert (
        soup.select_one('meta[name="viewport"]')["content"] == "width=device-width, initial-scale=1"
    )
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    search = soup.select_one("header.site-header form[role=search]")
    assert search["action"] == "/tim-kiem/"
    assert search.select_one('input[name="q"]') is not None
    assert soup.select_one("nav.main-nav a[href='/']").get_text(strip=True) == "Trang chủ"
    assert soup.select_one("main a.error-home")["href"] == "/"
    assert soup.select_one("main a.error-home").get_text(strip=True) == "Về trang chủ"


@pytest.mark.django_db
def test_missing_page_is_the_site_404_in_vietnamese(client, section):
    response = client.get(MISSING_URL, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert_site_page_in_vietnamese(soup)
    assert soup.title.get_text(strip=True).startswith("Không tìm thấy trang |")
    assert soup.select_one("main h1").get_text(strip=True) == "Không tìm thấy trang"
    # The whole site header: the menu from the database and a search form in the page too.
    assert section.title in soup.select_one("nav.main-nav").get_text()
    assert soup.select_one("main form.error-search")["action"] == "/tim-kiem/"
    assert "Not Found" not in response.content.decode()


@pytest.mark.django_db
def test_missing_page_under_a_section_is_the_site_404(client, section):
    response = client.get(section.url + "khong-ton-tai/")

    assert response.status_code == 404
    assert (
        BeautifulSoup(response.content, "html.parser").select_one("main h1").get_text(strip=True)
        == "Không tìm thấy trang"
    )


@pytest.mark.django_db
def test_server_error_is_the_site_500_without_any_database_query(settings, home_page):
    settings.ROOT_URLCONF = "congdoan.core.tests.error_urls"
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    queries = []

    def database_is_down(execute, sql, params, many, context):
        queries.append(sql)
        raise connection.OperationalError("database is down")

    with connection.execute_wrapper(database_is_down):
        response = client.get(FAILING_URL)

    assert response.status_code == 500
    assert queries == []
    soup = BeautifulSoup(response.content, "html.parser")
    assert_site_page_in_vietnamese(soup)
    assert soup.title.get_text(strip=True) == "Lỗi máy chủ | Cổng Công đoàn"
    assert soup.select_one(".brand-name").get_text(strip=True) == "Cổng Công đoàn"
    assert soup.select_one("main h1").get_text(strip=True) == "Hệ thống đang gặp sự cố"
    assert "Server Error" not in response.content.decode()


@pytest.mark.django_db
def test_database_down_gives_the_site_500_page(home_page):
    """Every page needs the database; when it is down the reader still gets the site's page."""
    client = Client(raise_request_exception=False)

    def database_is_down(execute, sql, params, many, context):
        raise connection.OperationalError("database is down")

    with connection.execute_wrapper(database_is_down):
        response = client.get(MISSING_URL)

    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert_site_page_in_vietnamese(soup)
    assert soup.select_one("main h1").get_text(strip=True) == "Hệ thống đang gặp sự cố"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_running_portal_answers_missing_pages_with_the_site_404(live_server, section):
    with pytest.raises(HTTPError) as error:
        urlopen(live_server.url + MISSING_URL, timeout=20)  # noqa: S310 - local test server

    assert error.value.code == 404
    soup = BeautifulSoup(error.value.read(), "html.parser")
    assert_site_page_in_vietnamese(soup)
    assert section.title in soup.select_one("nav.main-nav").get_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.urls("congdoan.core.tests.error_urls")
def test_running_portal_answers_failures_with_the_site_500(live_server):
    with pytest.raises(HTTPError) as error:
        urlopen(live_server.url + FAILING_URL, timeout=20)  # noqa: S310 - local test server

    assert error.value.code == 500
    soup = BeautifulSoup(error.value.read(), "html.parser")
    assert_site_page_in_vietnamese(soup)
    assert soup.select_one("main h1").get_text(strip=True) == "Hệ thống đang gặp sự cố"


def assert_standalone_page_in_vietnamese(soup):
    """400 and CSRF pages, like 500, trust nothing in the request and query nothing."""
    assert soup.html["lang"] == "vi"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup.select_one(".brand-name").get_text(strip=True) == "Cổng Công đoàn"
    assert soup.select_one("main a.error-home").get_text(strip=True) == "Về trang chủ"


@pytest.mark.django_db
def test_forged_host_gets_the_vietnamese_400_page(settings, home_page):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    response = Client().get("/", HTTP_HOST="ke-gia-mao.example")

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert_standalone_page_in_vietnamese(soup)
    assert soup.title.get_text(strip=True) == "Yêu cầu không hợp lệ | Cổng Công đoàn"
    assert soup.select_one("main h1").get_text(strip=True) == "Không hiểu được yêu cầu"
    assert "Bad Request" not in response.content.decode()


@pytest.mark.django_db
def test_form_without_csrf_token_gets_the_vietnamese_403_page(home_page):
    response = Client(enforce_csrf_checks=True).post("/", {"q": "công đoàn"})

    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert_standalone_page_in_vietnamese(soup)
    assert soup.select_one("main h1").get_text(strip=True) == "Biểu mẫu đã hết hạn"
    assert "CSRF verification failed" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("congdoan.core.tests.error_urls")
def test_permission_denied_is_the_site_403_page(client, section):
    response = client.get("/khong-duoc-phep/")

    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert_site_page_in_vietnamese(soup)
    assert soup.select_one("main h1").get_text(strip=True) == "Không có quyền truy cập"
    assert section.title in soup.select_one("nav.main-nav").get_text()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_running_portal_refuses_a_forged_form_in_vietnamese(live_server, home_page):
    request = Request(live_server.url + "/", data=b"q=x", method="POST")  # noqa: S310
    with pytest.raises(HTTPError) as error:
        urlopen(request, timeout=20)  # noqa: S310 - local test server

    assert error.value.code == 403
    soup = BeautifulSoup(error.value.read(), "html.parser")
    assert soup.select_one("main h1").get_text(strip=True) == "Biểu mẫu đã hết hạn"
