"""The demo program: linked to Nghị quyết 02-NQ/TW, every status, accounts per unit, a page."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from congdoan.core import demo as core_demo
from congdoan.tracking.demo import DEMO_ACCOUNTS, PLAN_PARENT
from congdoan.tracking.models import ProgramPage, Task, Unit
from congdoan.tracking.permissions import visible_tasks
from congdoan.tracking.status import TaskStatus, statuses

from .conftest import DEMO_DAY

pytestmark = pytest.mark.django_db


def test_the_demo_program_holds_the_seed_tasks_in_every_status(demo_program):
    assert demo_program.name == "Chương trình hành động số 02 thực hiện Nghị quyết 02-NQ/TW"
    assert demo_program.resolution.code == "02-NQ/TW"
    assert demo_program.is_public
    titles = set(demo_program.tasks.values_list("title", flat=True))
    for seed_task in (
        "Thí điểm thành lập công đoàn cấp trên trực tiếp cơ sở",
        "Xây dựng đề án chuyển đổi số trong hoạt động công đoàn",
        "Tổ chức đào tạo trực tuyến cho cán bộ công đoàn cơ sở",
        "Xây dựng quy trình hướng dẫn giới thiệu, kết nạp đảng viên là công nhân",
        PLAN_PARENT,
    ):
        assert seed_task in titles
    plans = Task.objects.filter(parent__title=PLAN_PARENT)
    assert plans.count() == 5
    assert set(statuses(demo_program.tasks.all(), DEMO_DAY).values()) == set(TaskStatus)
    assert {"Ban Tổ chức", "Ban Tuyên giáo", "Văn phòng", "Ủy ban Kiểm tra"} <= set(
        Unit.objects.values_list("name", flat=True)
    )
    assert Unit.objects.filter(kind=Unit.Kind.DISTRICT).count() == 2


def test_the_demo_stays_alive_its_dates_follow_the_load_day(demo_program):
    deadlines = sorted(demo_program.tasks.values_list("deadline", flat=True))
    assert deadlines[0] == DEMO_DAY - datetime.timedelta(days=180)
    assert deadlines[-1] == DEMO_DAY + datetime.timedelta(days=300)


def test_demo_accounts_see_their_unit_and_are_printed(demo_program):
    users = get_user_model().objects
    staff = users.get(username="bantochuc")
    assert list(staff.tracking_units.values_list("name", flat=True)) == ["Ban Tổ chức"]
    assert visible_tasks(staff).count() == 6  # led by or cooperating with Ban Tổ chức
    assert visible_tasks(users.get(username="lanhdao")).count() == demo_program.tasks.count()
    lines = core_demo.demo_login_lines()
    for account in DEMO_ACCOUNTS:
        password = core_demo.stored_password(account)
        assert f"{account.username} / {password}" in "\n".join(lines)
    assert any(
        line.startswith("Tài khoản mẫu (Cán bộ theo dõi – Ban Tổ chức): bantochuc / ")
        for line in lines
    )


def test_the_demo_adds_the_public_page_under_home(demo_program, home_page):
    page = ProgramPage.objects.get(program=demo_program)
    assert page.get_parent().pk == home_page.pk
    assert page.live
