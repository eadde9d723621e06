"""The dashboard's numbers against the demo data (statuses worked out by hand below)."""

import datetime

import pytest
from django.urls import reverse

from congdoan.tracking import dashboard
from congdoan.tracking.models import Task, Unit
from congdoan.tracking.permissions import visible_tasks

from .conftest import DEMO_DAY

pytestmark = pytest.mark.django_db

# The demo's 16 tasks on its load day (see tracking/demo.py): 2 not started (no report),
# 4 in progress, 3 overdue (the plans' parent, the inspection committee's plan, online
# training), 5 completed on time and 2 late (the policy department's plan, Mai Châu's task).
EXPECTED_COUNTS = {
    "not_started": 2,
    "in_progress": 4,
    "overdue": 3,
    "done_on_time": 5,
    "done_late": 2,
}


def test_counts_units_overdue_and_chart_match_the_data(demo_program, leader):
    board = dashboard.build(visible_tasks(leader), demo_program, DEMO_DAY)

    assert {status.value: count for status, count in board.counts} == EXPECTED_COUNTS
    assert board.total == 16
    office = next(row for row in board.unit_rows if row.unit.name == "Văn phòng")
    # Đề án chuyển đổi số (in progress), the plans' parent (overdue), its own plan and the
    # 6-month review (on time).
    assert office.counts == [0, 1, 1, 2, 0]
    assert office.total == 4
    assert sum(row.total for row in board.unit_rows) == 16
    assert [task.title for task in board.overdue] == [
        "Các ban, Văn phòng xây dựng kế hoạch tiến độ triển khai nhiệm vụ",
        "Ủy ban Kiểm tra xây dựng kế hoạch tiến độ triển khai nhiệm vụ được phân công",
        "Tổ chức đào tạo trực tuyến cho cán bộ công đoàn cơ sở",
    ]
    completed = {point.month: point.completed for point in board.chart.months}
    assert len(board.chart.months) == 12
    assert board.chart.months[-1].month == datetime.date(2026, 6, 1)
    assert completed[datetime.date(2025, 12, 1)] == 1
    assert completed[datetime.date(2026, 1, 1)] == 4
    assert completed[datetime.date(2026, 3, 1)] == 1
    assert completed[datetime.date(2026, 5, 1)] == 1
    assert sum(completed.values()) == 7
    # Latest percents: 55 40 70 100 60 100 100 100 100 60 0 0 10 100 25 100 → 1020 / 16.
    assert board.chart.months[-1].average_percent == 64


def test_staff_dashboard_counts_only_their_units_tasks(demo_program, django_user_model):
    staff = django_user_model.objects.get(username="bantochuc")
    board = dashboard.build(visible_tasks(staff), demo_program, DEMO_DAY)

    assert board.total == 6
    assert {row.unit.name for row in board.unit_rows} == {
        "Ban Tổ chức",
        "Ủy ban Kiểm tra",
        "LĐLĐ huyện Lương Sơn",
        "Văn phòng",
    }


def test_the_dashboard_page_renders_the_numbers_and_an_svg_chart(
    client, demo_program, leader, django_assert_max_num_queries
):
    client.force_login(leader)
    with django_assert_max_num_queries(40):
        response = client.get(reverse("tracking_admin:dashboard"), {"program": demo_program.pk})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<strong data-status="done_on_time">5</strong>' in html
    assert '<strong data-status="overdue">3</strong>' in html
    assert 'role="img" aria-labelledby="tracking-chart-title"' in html
    assert "<polyline points=" in html
    assert "Nhiệm vụ theo đơn vị chủ trì" in html
    assert Task.objects.filter(lead_unit__in=Unit.objects.filter(name="Văn phòng")).count() == 4


def test_a_program_without_tasks_shows_an_empty_dashboard(client, leader):
    from congdoan.tracking.factories import ProgramFactory

    program = ProgramFactory()
    client.force_login(leader)

    response = client.get(reverse("tracking_admin:dashboard"), {"program": "x"})

    assert response.status_code == 200
    assert response.context["program"] == program
    assert response.context["board"].total == 0
    assert "Không có nhiệm vụ quá hạn." in response.content.decode()


def test_without_any_program_the_dashboard_says_so(client, leader):
    client.force_login(leader)

    response = client.get(reverse("tracking_admin:dashboard"))

    assert response.status_code == 200
    assert "Chưa có chương trình nào để bạn theo dõi." in response.content.decode()
