"""What the task page tells each person about closing a task (办结), read from the transition table and the journal
without an app or database (workflow56).

A supporting unit's liaison looks for 申请办结 and is told that the lead unit asks; the lead unit's liaison, whose
request the office sent back, is told so with the reason at the top of the page; once the task is closed, a
liaison is told that only the supervising office may reopen it. Each sentence comes from where the rule lives:
transitions.refusal_now (who may, from TABLE) and history.close_returned (the journal's 办结审核 line).
"""
from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest

from tracker.models import AssignmentRole, Role, TaskStatus
from tracker.services.workflow.history import HistoryLine, close_returned
from tracker.services.workflow.transitions import Action, refusal_now

LEAD_UNIT, SUPPORTING_UNIT = 3, 4
lead = SimpleNamespace(role=Role.LIAISON, unit_id=LEAD_UNIT)
supporting = SimpleNamespace(role=Role.LIAISON, unit_id=SUPPORTING_UNIT)
office = SimpleNamespace(role=Role.SUPERVISOR, unit_id=11)


def task(status: TaskStatus):
    """A task led by one unit and supported by another, both signed."""
    return SimpleNamespace(status=status, withdrawn_at=None, assignments=[
        SimpleNamespace(unit_id=LEAD_UNIT, role=AssignmentRole.LEAD, acknowledged_at="2026-11-02"),
        SimpleNamespace(unit_id=SUPPORTING_UNIT, role=AssignmentRole.SUPPORTING, acknowledged_at="2026-11-03")])


def test_a_supporting_liaison_is_told_that_the_lead_unit_asks_to_close():
    assert refusal_now(supporting, task(TaskStatus.IN_PROGRESS), Action.REQUEST_CLOSE) == "只有牵头单位的联络员可以申请办结。"


@pytest.mark.parametrize("status", [TaskStatus.IN_PROGRESS, TaskStatus.ACKNOWLEDGED])
def test_the_lead_liaison_who_may_ask_is_told_nothing(status):
    assert refusal_now(lead, task(status), Action.REQUEST_CLOSE) is None


@pytest.mark.parametrize("status", [TaskStatus.CLOSE_REQUESTED, TaskStatus.CLOSED])
def test_nobody_is_told_who_asks_when_no_one_may_ask_now(status):
    assert refusal_now(supporting, task(status), Action.REQUEST_CLOSE) is None


def test_a_closed_task_tells_a_liaison_only_the_office_reopens_it_and_tells_the_office_nothing():
    closed = task(TaskStatus.CLOSED)
    assert refusal_now(lead, closed, Action.REOPEN) == "只有督办部门可以重新办理。"
    assert refusal_now(supporting, closed, Action.REOPEN) == "只有督办部门可以重新办理。"
    assert refusal_now(office, closed, Action.REOPEN) is None
    assert refusal_now(lead, task(TaskStatus.IN_PROGRESS), Action.REOPEN) is None  # open: nothing to reopen


def line(field: str, new: str, hour: int) -> HistoryLine:
    return HistoryLine(id=hour, when=datetime(2026, 11, 20, hour), who="督办科", unit="区金融办", what=field, old=None,
                       new=new, channel="网页", field=field, version=hour)


ASKED = line("close_request", "摸排台账已建立。", 9)
RETURNED = line("review", "退回：请附上整改验收单。", 10)


def test_the_lead_unit_sees_the_return_and_its_reason_while_the_task_is_back_in_progress():
    lines = [line("status", "推进中", 8), ASKED, RETURNED, line("status", "推进中", 10)]
    assert close_returned(lines, TaskStatus.IN_PROGRESS) is RETURNED


def test_the_return_is_no_longer_said_once_she_asks_again_or_the_task_is_closed():
    again = line("close_request", "已附整改验收单。", 11)
    assert close_returned([ASKED, RETURNED, again], TaskStatus.CLOSE_REQUESTED) is None
    assert close_returned([ASKED, RETURNED, again], TaskStatus.IN_PROGRESS) is None  # withdrawn: her own request last
    accepted = line("review", "同意办结", 12)
    assert close_returned([ASKED, RETURNED, again, accepted], TaskStatus.CLOSED) is None


def test_a_task_reopened_after_it_was_accepted_is_not_said_to_be_returned():
    assert close_returned([ASKED, line("review", "同意办结：材料齐全。", 10)], TaskStatus.IN_PROGRESS) is None


def test_a_task_never_asked_to_close_says_nothing():
    assert close_returned([line("status", "推进中", 8)], TaskStatus.IN_PROGRESS) is None
