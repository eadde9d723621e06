"""Who sees which tasks: staff their units' tasks (lead or cooperating), leaders all."""

import pytest

from congdoan.tracking.factories import TaskFactory
from congdoan.tracking.permissions import reporting_units, visible_programs, visible_tasks

from .conftest import user_in_role

pytestmark = pytest.mark.django_db


@pytest.mark.postgres  # the subquery keeps one row per task on PostgreSQL too
def test_staff_see_the_tasks_their_unit_leads_or_cooperates_on(two_units):
    shared = TaskFactory(
        program=two_units["program"],
        lead_unit=two_units["unit_b"],
        cooperating_units=[two_units["unit_a"], two_units["unit_b"]],
    )

    visible = visible_tasks(two_units["staff_a"])

    assert set(visible) == {two_units["task_a"], shared}
    assert visible.count() == 2  # no duplicate row for a task joined twice
    assert list(reporting_units(two_units["staff_a"], shared)) == [two_units["unit_a"]]
    assert list(reporting_units(two_units["staff_a"], two_units["task_b"])) == []


def test_leaders_and_superusers_see_every_task(two_units, leader):
    superuser = user_in_role("admin", is_superuser=True)

    for user in (leader, superuser):
        assert set(visible_tasks(user)) == {two_units["task_a"], two_units["task_b"]}
        assert list(visible_programs(user)) == [two_units["program"]]
    assert set(reporting_units(leader, two_units["task_b"])) == {two_units["unit_b"]}


def test_a_unit_member_without_the_tracker_permission_sees_nothing(two_units):
    outsider = user_in_role("bien_tap")
    two_units["unit_a"].members.add(outsider)

    assert list(visible_tasks(outsider)) == []
    assert list(reporting_units(outsider, two_units["task_a"])) == []
