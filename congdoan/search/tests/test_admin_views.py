"""The editors' report of top searches: its two lists, its window, and who may see it."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from conftest import force_login_verified, session_cookie
from congdoan.core.permissions import CHIEF_EDITOR, CONTRIBUTOR, EDITOR
from congdoan.search import stats
from congdoan.search.models import SearchQueryStat

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/search-terms/"


def user_with_role(django_user_model, role):
    user = django_user_model.objects.create_user(role, f"{role}@example.vn", "mat-khau-dai-123")
    user.groups.add(Group.objects.get(role__code=role))
    return user


def rows(html: str, table: str) -> list[list[str]]:
    """The cells of one report table, row by row, as text."""
    body = html.split(f'data-search-terms="{table}"', 1)[1].split("</table>", 1)[0]
    return [
        [re.sub(r"\s+", " ", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1], re.S)
    ]


@pytest.fixture
def searches():
    today = timezone.localdate()

    def add(query, days_ago, searches, results):
        SearchQueryStat.objects.create(
            day=today - dt.timedelta(days=days_ago),
            query=query,
            searches=searches,
            results=results,
        )

    add("cong doan", 0, 5, 120)
    add("cong doan", 3, 4, 118)
    add("bhxh mot lan", 1, 6, 0)
    add("bhxh mot lan", 2, 1, 3)
    add("luong toi thieu", 29, 2, 8)
    add("ddoanf vieen", 10, 3, 0)
    add("tet sum vay", stats.REPORT_DAYS, 50, 0)  # one day too old for the report


def test_editors_see_the_top_searches_and_those_that_found_nothing(
    client, django_user_model, home_page, searches
):
    force_login_verified(client, user_with_role(django_user_model, EDITOR))

    response = client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Từ khóa tìm kiếm" in html
    assert "50 từ khóa được tìm nhiều nhất mà không có kết quả" in html
    assert rows(html, "top") == [
        ["cong doan", "9", "120"],
        ["bhxh mot lan", "7", "0"],
        ["ddoanf vieen", "3", "0"],
        ["luong toi thieu", "2", "8"],
    ]
    assert rows(html, "without-results") == [["bhxh mot lan", "6"], ["ddoanf vieen", "3"]]


def test_each_list_holds_fifty_searches(client, django_user_model, home_page):
    today = timezone.localdate()
    SearchQueryStat.objects.bulk_create(
        SearchQueryStat(day=today, query=f"tu khoa {n:02d}", searches=100 - n, results=n % 2)
        for n in range(60)
    )
    force_login_verified(client, user_with_role(django_user_model, EDITOR))

    html = client.get(REPORT_URL).content.decode()

    top = rows(html, "top")
    assert len(top) == 50 and top[0] == ["tu khoa 00", "100", "0"] and top[-1][0] == "tu khoa 49"
    without_results = rows(html, "without-results")
    assert len(without_results) == 30 and without_results[0] == ["tu khoa 00", "100"]


def test_an_empty_report_says_so(client, django_user_model, home_page):
    force_login_verified(client, user_with_role(django_user_model, EDITOR))

    html = client.get(REPORT_URL).content.decode()

    assert "Chưa có ai tìm kiếm trên trang trong 30 ngày qua." in html


@pytest.mark.parametrize(
    ("role", "listed"), [(EDITOR, True), (CHIEF_EDITOR, True), (CONTRIBUTOR, False)]
)
def test_the_reports_menu_lists_it_for_editors(client, django_user_model, home_page, role, listed):
    force_login_verified(client, user_with_role(django_user_model, role))

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert (REPORT_URL in response.content.decode()) is listed


def test_readers_and_roles_without_the_right_are_refused(client, django_user_model, home_page):
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))

    force_login_verified(client, user_with_role(django_user_model, CONTRIBUTOR))
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_editor_reads_the_report_in_a_browser(
    client, django_user_model, home_page, live_server, open_page, searches
):
    force_login_verified(client, user_with_role(django_user_model, EDITOR))
    page = open_page(cookies=[session_cookie(client, live_server.url)])

    page.goto(f"{live_server.url}{REPORT_URL}")

    assert page.locator("h1").inner_text().strip() == "Từ khóa tìm kiếm"
    top = page.locator('[data-search-terms="top"] tbody tr')
    assert top.count() == 4
    assert top.first.locator("td").all_inner_texts() == ["cong doan", "9", "120"]
    without_results = page.locator('[data-search-terms="without-results"] tbody tr')
    assert without_results.all_inner_texts() == ["bhxh mot lan\t6", "ddoanf vieen\t3"]
    page.problems.assert_none()
