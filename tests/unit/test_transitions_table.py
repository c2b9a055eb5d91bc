"""The transition table (tracker/services/workflow/transitions.py) read without an app or database:
what each kind of user may do on a task in each status, and what a 完成状态 field may reach."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from tracker.models import AssignmentRole, Role, TaskStatus
from tracker.services.errors import InvalidInput, PermissionDenied
from tracker.services.workflow.transitions import (
    TABLE, Action, action_names, settable_statuses, started_by_report, transition_for_status,
)

S = TaskStatus
LEAD_UNIT, SUPPORTING_UNIT = 1, 2
USERS = {
    "supervisor": SimpleNamespace(role=Role.SUPERVISOR, unit_id=9),
    "lead": SimpleNamespace(role=Role.LIAISON, unit_id=LEAD_UNIT),
    "supporting": SimpleNamespace(role=Role.LIAISON, unit_id=SUPPORTING_UNIT),
    "viewer": SimpleNamespace(role=Role.VIEWER, unit_id=None),
    "leader": SimpleNamespace(role=Role.LEADER, unit_id=SUPPORTING_UNIT),  # 单位负责人 of the supporting unit
    "outside_leader": SimpleNamespace(role=Role.LEADER, unit_id=7),
}


def task(status: TaskStatus, signed: bool = False, withdrawn: bool = False):
    """A task led by unit 1 and supported by unit 2 (signed: both have signed)."""
    when = "2026-01-01" if signed else None
    return SimpleNamespace(status=status, withdrawn_at="2026-02-01" if withdrawn else None, assignments=[
        SimpleNamespace(unit_id=LEAD_UNIT, role=AssignmentRole.LEAD, acknowledged_at=when),
        SimpleNamespace(unit_id=SUPPORTING_UNIT, role=AssignmentRole.SUPPORTING, acknowledged_at=when)])


OPEN_EXTRAS = {"remind"}
# (user, status) → the actions available on an unsigned task.
EXPECTED = {
    # close_task: the office's own 办结 button (workflow.close_task), while no lead unit has asked to close;
    # decide_extension: the office decides a 延期申请 on an open task (on a district's part, the splitting unit may too).
    ("supervisor", S.ASSIGNED): {"report", "start", "set_status", "remind", "close_task", "decide_extension"},
    ("supervisor", S.ACKNOWLEDGED): {"report", "start", "set_status", "remind", "close_task", "decide_extension"},
    ("supervisor", S.IN_PROGRESS): {"report", "set_status", "remind", "close_task", "decide_extension"},
    ("supervisor", S.CLOSE_REQUESTED): {"report", "accept_close", "return_close", "set_status", "remind",
                                        "decide_extension"},
    ("supervisor", S.CLOSED): {"report", "reopen", "set_status"},
    ("lead", S.ASSIGNED): {"acknowledge", "report", "start", "request_close", "request_extension"},
    ("lead", S.ACKNOWLEDGED): {"acknowledge", "report", "start", "request_close", "request_extension"},
    ("lead", S.IN_PROGRESS): {"acknowledge", "report", "request_close", "request_extension"},
    ("lead", S.CLOSE_REQUESTED): {"acknowledge", "report", "withdraw_close", "request_extension"},
    ("lead", S.CLOSED): {"report"},
    ("supporting", S.ASSIGNED): {"acknowledge", "report"},
    ("supporting", S.ACKNOWLEDGED): {"acknowledge", "report"},
    ("supporting", S.IN_PROGRESS): {"acknowledge", "report"},
    ("supporting", S.CLOSE_REQUESTED): {"acknowledge", "report"},
    ("supporting", S.CLOSED): {"report"},
    **{("viewer", s): set() for s in TaskStatus},
    # The unit leader (issue 18) signs off or returns its unit's drafts, whatever the status; nothing else.
    **{("leader", s): {"sign_off", "return_draft"} for s in TaskStatus},
    **{("outside_leader", s): set() for s in TaskStatus},
}


@pytest.mark.parametrize("user,status", sorted(EXPECTED, key=str), ids=lambda v: getattr(v, "value", v))
def test_table_available_actions_by_user_and_status(user, status):
    assert set(action_names(USERS[user], task(status))) == EXPECTED[(user, status)]


def test_table_a_unit_that_signed_is_not_offered_to_sign_again_and_nothing_on_a_withdrawn_task():
    assert "acknowledge" not in action_names(USERS["lead"], task(S.ASSIGNED, signed=True))
    assert action_names(USERS["supervisor"], task(S.IN_PROGRESS, withdrawn=True)) == frozenset()


@pytest.mark.parametrize("user,status,expected", [
    ("supervisor", S.ASSIGNED, [S.ACKNOWLEDGED, S.IN_PROGRESS, S.CLOSE_REQUESTED, S.CLOSED]),
    ("lead", S.ASSIGNED, [S.IN_PROGRESS]),
    ("lead", S.IN_PROGRESS, []),
    ("lead", S.CLOSE_REQUESTED, [S.IN_PROGRESS]),
    ("supporting", S.ASSIGNED, []),
    ("viewer", S.IN_PROGRESS, []),
])
def test_table_status_field_offers_only_reachable_statuses(user, status, expected):
    assert settable_statuses(USERS[user], task(status)) == expected


@pytest.mark.parametrize("user,status,wanted,error,words", [
    ("lead", S.IN_PROGRESS, S.ASSIGNED, PermissionDenied, "只有督办部门"),
    ("lead", S.IN_PROGRESS, S.CLOSED, PermissionDenied, "申请办结"),
    ("lead", S.ASSIGNED, S.ACKNOWLEDGED, InvalidInput, "签收"),
    ("lead", S.IN_PROGRESS, S.CLOSE_REQUESTED, InvalidInput, "办结说明"),
    ("supporting", S.ASSIGNED, S.IN_PROGRESS, PermissionDenied, "牵头单位或督办部门"),
    ("lead", S.CLOSED, S.IN_PROGRESS, PermissionDenied, "只有督办部门"),
])
def test_table_status_field_refusals_say_why(user, status, wanted, error, words):
    with pytest.raises(error, match=words):
        transition_for_status(USERS[user], task(status), wanted)


def test_table_ledger_done_is_a_close_request_with_the_progress_as_its_note():
    lead = USERS["lead"]
    row = transition_for_status(lead, task(S.IN_PROGRESS), S.CLOSED, note="检查完毕。", done_means_request=True)
    assert (row.action, row.target) == (Action.REQUEST_CLOSE, S.CLOSE_REQUESTED)
    with pytest.raises(InvalidInput, match="办结说明"):
        transition_for_status(lead, task(S.IN_PROGRESS), S.CLOSED, note="", done_means_request=True)
    row = transition_for_status(USERS["supervisor"], task(S.IN_PROGRESS), S.CLOSED, note="", done_means_request=True)
    assert (row.action, row.target) == (Action.SET_STATUS, S.CLOSED)


def test_table_only_a_lead_unit_or_the_office_starts_a_task_by_reporting():
    assert started_by_report(USERS["lead"], task(S.ASSIGNED)) is S.IN_PROGRESS
    assert started_by_report(USERS["supervisor"], task(S.ACKNOWLEDGED)) is S.IN_PROGRESS
    assert started_by_report(USERS["supporting"], task(S.ASSIGNED)) is None
    assert started_by_report(USERS["lead"], task(S.IN_PROGRESS)) is None


def test_table_every_status_change_has_one_row_per_action_and_source():
    keys = [(t.source, t.action, t.target) for t in TABLE]
    assert len(keys) == len(set(keys))
    assert all(t.target is not t.source for t in TABLE if t.target is not None)


@pytest.mark.parametrize("user,action", [("lead", Action.ACKNOWLEDGE), ("lead", Action.REQUEST_CLOSE),
                                         ("lead", Action.REQUEST_EXTENSION), ("supervisor", Action.REMIND),
                                         ("leader", Action.SIGN_OFF)])
def test_table_check_refuses_every_action_on_a_withdrawn_task(user, action):
    """已撤销 is refused by ``check`` itself, the one check every use case calls (not only by an empty page)."""
    from tracker.services.workflow.transitions import check

    with pytest.raises(InvalidInput, match="已在方案修订中撤销"):
        check(USERS[user], task(S.IN_PROGRESS, withdrawn=True), action)


def test_table_only_a_leader_of_an_assigned_unit_signs_off():
    from tracker.services.workflow.transitions import check

    assert check(USERS["leader"], task(S.IN_PROGRESS), Action.SIGN_OFF).target is None
    for user in ("lead", "supervisor", "outside_leader", "viewer"):
        with pytest.raises(PermissionDenied, match="单位负责人"):
            check(USERS[user], task(S.IN_PROGRESS), Action.SIGN_OFF)
    assert check(USERS["leader"], task(S.IN_PROGRESS), Action.RETURN_DRAFT).note == "退回理由"
