"""Users in the tracker's roles, and two units with a task each."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from congdoan.core.models import Role
from congdoan.tracking.factories import ProgramFactory, TaskFactory, UnitFactory
from congdoan.tracking.roles import LEADER, STAFF


def user_in_role(username, code=None, **extra):
    extra.setdefault("email", f"{username}@congdoan.test")
    user = get_user_model().objects.create_user(username=username, password="x", **extra)
    if code:
        user.groups.add(Role.objects.get(code=code).group)
    return user


@pytest.fixture
def leader(db):
    return user_in_role("lanh_dao_thu", LEADER)


@pytest.fixture
def two_units(db):
    """Unit A (with staff `can_bo_a`) and unit B, one task each in one program."""
    staff_a = user_in_role("can_bo_a", STAFF)
    unit_a = UnitFactory(name="Ban Tổ chức", short_name="BTC", members=[staff_a])
    unit_b = UnitFactory(name="Ban Tuyên giáo", short_name="BTG")
    program = ProgramFactory(code="CTHD-02", owner_unit=unit_a)
    deadline = datetime.date(2021, 11, 30)
    task_a = TaskFactory(
        program=program, lead_unit=unit_a, title="Nhiệm vụ của BTC", deadline=deadline
    )
    task_b = TaskFactory(
        program=program, lead_unit=unit_b, title="Nhiệm vụ của BTG", deadline=deadline
    )
    return {
        "staff_a": staff_a,
        "unit_a": unit_a,
        "unit_b": unit_b,
        "program": program,
        "task_a": task_a,
        "task_b": task_b,
    }


# The demo's day: every demo date is counted from it.
DEMO_DAY = datetime.date(2026, 6, 15)


@pytest.fixture
def demo_program(home_page, settings, tmp_path):
    """The tracker's demo (only its own loader), loaded on DEMO_DAY and seen on that day."""
    import io

    import time_machine

    from congdoan.legal.factories import LegalDocumentFactory
    from congdoan.tracking import demo

    settings.VAR_DIR = tmp_path
    LegalDocumentFactory(code="02-NQ/TW", issued_on=datetime.date(2021, 6, 12))
    with time_machine.travel(datetime.datetime(2026, 6, 15, 8, 0), tick=False):
        demo.load(io.StringIO())
        yield demo.Program.objects.get(code=demo.PROGRAM_CODE)
