"""The public program page: opt-in per program, progress only, cached, few queries."""

import datetime
import urllib.request

import pytest
import time_machine

from congdoan.tests.realistic_site import MAX_QUERIES, warm_queries
from congdoan.tracking.factories import ProgramFactory, ProgressReportFactory, TaskFactory
from congdoan.tracking.models import ProgramPage

pytestmark = pytest.mark.django_db

TODAY = datetime.datetime(2021, 12, 10, 9, 0)
INTERNAL_TEXT = "Biên bản họp nội bộ, không công bố"
INTERNAL_REASON = "Chưa bố trí được kinh phí"


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def program_page(home_page):
    program = ProgramFactory(
        code="CTHD-02", is_public=True, public_intro="Đoàn viên cùng theo dõi."
    )
    done = TaskFactory(program=program, title="Xây dựng kế hoạch tiến độ", overdue_reason="")
    ProgressReportFactory(task=done, reported_on=datetime.date(2021, 11, 29), percent=100)
    late = TaskFactory(
        program=program,
        title="Đề án chuyển đổi số",
        overdue_reason=INTERNAL_REASON,
        deadline=datetime.date(2021, 12, 1),
    )
    ProgressReportFactory(
        task=late,
        reported_on=datetime.date(2021, 11, 20),
        percent=45,
        text=INTERNAL_TEXT,
        evidence="theo-doi/minh-chung/2021/abc/bien-ban.pdf",
    )
    TaskFactory(program=program, title="Đào tạo trực tuyến", deadline=datetime.date(2022, 3, 1))
    page = ProgramPage(title="Tiến độ Chương trình 02", slug="tien-do", program=program)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_shows_each_tasks_progress_and_status_but_nothing_internal(client, program_page):
    response = client.get("/tien-do/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Đoàn viên cùng theo dõi." in html
    assert '<strong data-status="done_on_time">1</strong>' in html
    assert '<strong data-status="overdue">1</strong>' in html
    assert '<strong data-status="not_started">1</strong>' in html
    assert '<progress max="100" value="45"' in html
    assert "Quá hạn chưa hoàn thành" in html
    assert "30/11/2021" in html
    for internal in (INTERNAL_TEXT, INTERNAL_REASON, "bien-ban.pdf", "minh-chung"):
        assert internal not in html


def test_a_program_not_public_is_a_404(client, program_page):
    program_page.program.is_public = False
    program_page.program.save()

    assert client.get("/tien-do/").status_code == 404


def test_a_page_without_a_program_is_a_404(client, program_page):
    program_page.program.delete()

    assert client.get("/tien-do/").status_code == 404


def test_the_page_stays_within_its_query_budget(client, program_page):
    for title in ("Nhiệm vụ thêm 1", "Nhiệm vụ thêm 2", "Nhiệm vụ thêm 3"):
        task = TaskFactory(program=program_page.program, title=title)
        ProgressReportFactory(task=task, percent=30)

    # A page-cache miss with the side data warm (settings, menu, side blocks, hotlines, English
    # link: cached per content generation behind the page cache), as for every reader after the
    # first; with the page cache off every one of them would be read again.
    measured = warm_queries(client, "/tien-do/")
    assert measured.count <= MAX_QUERIES, measured.sql

    response = measured.response
    assert response.status_code == 200
    assert "Nhiệm vụ thêm 3" in response.content.decode()


def test_cached_and_refreshed_when_a_report_is_added(
    client, settings, program_page, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    assert client.get("/tien-do/")["X-Page-Cache"] == "miss"
    assert client.get("/tien-do/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        ProgressReportFactory(
            task=program_page.program.tasks.get(title="Đào tạo trực tuyến"),
            reported_on=datetime.date(2021, 12, 9),
            percent=35,
        )

    response = client.get("/tien-do/")
    assert response["X-Page-Cache"] == "miss"
    assert '<progress max="100" value="35"' in response.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reader_opens_the_page_on_the_running_portal(live_server, program_page):
    with urllib.request.urlopen(f"{live_server.url}/tien-do/", timeout=30) as response:  # noqa: S310
        html = response.read().decode()
        assert response.status == 200
    assert "Tiến độ Chương trình 02" in html
    assert "Hoàn thành đúng hạn" in html
    assert "tracking/program_page.css" in html
