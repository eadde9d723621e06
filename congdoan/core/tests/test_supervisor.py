"""run_portal's supervisor: a child that exits is started again, after a growing delay."""

import sys

import pytest

from congdoan.core.management.commands.run_portal import (
    LONGEST_RESTART_DELAY,
    STABLE_RUN_SECONDS,
    Child,
    Supervisor,
)

EXITS_AT_ONCE = [sys.executable, "-c", "raise SystemExit(3)"]


@pytest.fixture
def crashing():
    child = Child("crashing", EXITS_AT_ONCE)
    messages = []
    supervisor = Supervisor([child], log=messages.append)
    supervisor.start_all()
    yield child, supervisor, messages
    supervisor.stop_all()


def exits(child: Child):
    child.process.wait(timeout=30)


def test_a_child_that_exits_is_restarted_after_a_doubling_delay(crashing):
    child, supervisor, messages = crashing
    delays = []
    now = 1000.0
    for _ in range(7):
        exits(child)
        supervisor.check(now)
        delays.append(child.restart_at - now)
        first_pid = child.process.pid
        supervisor.check(child.restart_at - 0.01)
        assert child.process.pid == first_pid  # not before its delay
        now = child.restart_at
        supervisor.check(now)
        assert child.process.pid != first_pid
        child.started_at = now  # started "now" on the supervisor's clock
    assert delays == [1, 2, 4, 8, 16, 30, 30]
    assert LONGEST_RESTART_DELAY == 30
    assert child.restarts == 7
    assert messages[0].startswith("crashing (pid ")
    assert messages[0].endswith(") exited with status 3; restarting in 1 s.")


def test_a_child_that_ran_a_while_is_restarted_after_the_first_delay_again(crashing):
    child, supervisor, _ = crashing
    child.restart_delay = LONGEST_RESTART_DELAY
    exits(child)
    child.started_at = 0.0
    supervisor.check(STABLE_RUN_SECONDS)
    assert child.restart_at == STABLE_RUN_SECONDS + 1
