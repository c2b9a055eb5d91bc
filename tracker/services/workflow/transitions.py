"""Who may move a task to which 办理状态: the 督办 workflow's one transition table (issue 12).

TABLE lists every ``(status, action) → (next status, who may)`` of the workflow, once. The task
page, the progress form's 完成状态 drop-down, services/workflow/progress.py, the ledger import
(services/ledger/changes.py, ledger_import.py), the JSON API and the workflow use cases
(services/workflow/__init__.py, extension_requests.py, reminders.py) all read it through
``check``, ``available_actions``, ``settable_statuses``, ``transition_for_status`` and
``started_by_report``; none of them writes a status rule of its own.

The workflow: 交办 (已交办) → 签收 (已签收, when every lead unit has signed) → 推进中 (the first
report of a lead unit or the supervising office) → 申请办结 (the lead unit, with a 办结说明) →
已办结 (the supervising office accepts) or back to 推进中 (退回, with a reason). The supervising
office and admins may also set any status (SET_STATUS); a lead unit may withdraw its close
request. Supporting units sign and report, but never move the status.

"Who may" is one of the predicates of services/permissions.py (the unit role of the user in the
task); this module adds none. The functions read only ``user.role``, ``user.unit_id``,
``task.status``, ``task.assignments`` (``unit_id``, ``role``, ``acknowledged_at``) and
``task.withdrawn_at``, so plain objects (the ledger import's TaskRow, test doubles) work as well
as ORM rows; nothing here touches the database.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Callable

from ...models import AssignmentRole, TaskStatus
from ..errors import InvalidInput, PermissionDenied
from ..permissions import (can_acknowledge, can_decide_extension, can_report, can_set_status, is_lead_liaison,
                           is_supervisor, is_unit_leader)


class Action(str, enum.Enum):
    """What a user does to a task. ``label``: the Chinese verb shown in messages."""

    ACKNOWLEDGE = "acknowledge"            # 签收 (each assigned unit for itself)
    REPORT = "report"                      # 报送进展 (the status unchanged)
    START = "start"                        # 开始推进: the first report of a lead unit, or 推进中 chosen
    REQUEST_CLOSE = "request_close"        # 申请办结, with a 办结说明
    WITHDRAW_CLOSE = "withdraw_close"      # 撤回办结申请: the lead unit takes its request back
    ACCEPT_CLOSE = "accept_close"          # 同意办结
    RETURN_CLOSE = "return_close"          # 退回, with a reason
    CLOSE_TASK = "close_task"              # 办结: the supervising office closes an open task itself (no request)
    REOPEN = "reopen"                      # 重新办理 a closed task
    SET_STATUS = "set_status"              # 督办部门 sets any status
    REQUEST_EXTENSION = "request_extension"  # 申请延期 (the status unchanged)
    DECIDE_EXTENSION = "decide_extension"  # 审批延期申请: the office, or for a sub-task the unit that split it
    REMIND = "remind"                      # 催办 (the status unchanged)
    SIGN_OFF = "sign_off"                  # 审核签发: the unit leader sends a draft on (issue 18)
    RETURN_DRAFT = "return_draft"          # 退回修改: the unit leader returns a draft, with a reason

    @property
    def label(self) -> str:
        """The action's name in the UI and in refusals (ACTION_LABELS, e.g. 申请办结)."""
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.ACKNOWLEDGE: "签收", Action.REPORT: "报送进展", Action.START: "开始推进",
    Action.REQUEST_CLOSE: "申请办结", Action.WITHDRAW_CLOSE: "撤回办结申请", Action.ACCEPT_CLOSE: "审核办结申请",
    Action.RETURN_CLOSE: "审核办结申请", Action.CLOSE_TASK: "办结任务", Action.REOPEN: "重新办理", Action.SET_STATUS: "修改完成状态",
    Action.REQUEST_EXTENSION: "申请延期", Action.DECIDE_EXTENSION: "审批延期申请", Action.REMIND: "发出催办",
    Action.SIGN_OFF: "审核签发", Action.RETURN_DRAFT: "退回本单位的待签发报送",
}


@dataclass(frozen=True)
class Who:
    """Who may take a transition: ``label`` for messages, ``allows(user, task)`` from permissions.py."""

    label: str
    allows: Callable[[object, object], bool]


SUPERVISOR = Who("督办部门", lambda user, task: is_supervisor(user))
LEAD_LIAISON = Who("牵头单位的联络员", is_lead_liaison)
LEAD_OR_SUPERVISOR = Who("牵头单位或督办部门", can_set_status)
ASSIGNED_LIAISON = Who("本任务牵头或配合单位的联络员", can_acknowledge)
REPORTER = Who("本任务的牵头单位、配合单位和督办部门", can_report)
UNIT_LEADER = Who("本任务承办单位的单位负责人", is_unit_leader)
# 审批延期 (workflow47): the office; on a sub-task also the lead unit that split its task (permissions.can_decide_extension)
EXTENSION_DECIDER = Who("督办部门（子任务的延期申请：分解该任务的牵头单位）", can_decide_extension)


@dataclass(frozen=True)
class Transition:
    """One row of TABLE.

    ``source``: the status the task is in; ``action``; ``target``: the status it moves to (None:
    unchanged); ``who``: who may; ``note``: the caption of the text the action requires (办结说明,
    退回理由) or None; ``by_status``: True when choosing ``target`` as 完成状态 (progress form, API,
    ledger) takes this action.
    """

    source: TaskStatus
    action: Action
    target: TaskStatus | None
    who: Who
    note: str | None = None
    by_status: bool = False

    def allows(self, user, task) -> bool:
        """True when ``user`` may take this transition on ``task`` (who may, and the action's own condition)."""
        return self.who.allows(user, task) and _ready(self.action, user, task)


S = TaskStatus
OPEN = (S.ASSIGNED, S.ACKNOWLEDGED, S.IN_PROGRESS, S.CLOSE_REQUESTED)
NOT_STARTED = (S.ASSIGNED, S.ACKNOWLEDGED)

TABLE: tuple[Transition, ...] = (
    # 签收: each assigned unit signs for itself; 已交办 → 已签收 once every lead unit has signed.
    *(Transition(s, Action.ACKNOWLEDGE, S.ACKNOWLEDGED if s is S.ASSIGNED else None, ASSIGNED_LIAISON)
      for s in OPEN),
    # 报送进展: anyone of the task; a report moves nothing by itself (START follows for a lead unit).
    *(Transition(s, Action.REPORT, None, REPORTER) for s in TaskStatus),
    *(Transition(s, Action.START, S.IN_PROGRESS, LEAD_OR_SUPERVISOR, by_status=True) for s in NOT_STARTED),
    # 申请办结 and its review.
    *(Transition(s, Action.REQUEST_CLOSE, S.CLOSE_REQUESTED, LEAD_LIAISON, note="办结说明", by_status=True)
      for s in (S.ASSIGNED, S.ACKNOWLEDGED, S.IN_PROGRESS)),
    Transition(S.CLOSE_REQUESTED, Action.WITHDRAW_CLOSE, S.IN_PROGRESS, LEAD_LIAISON, by_status=True),
    Transition(S.CLOSE_REQUESTED, Action.ACCEPT_CLOSE, S.CLOSED, SUPERVISOR),
    Transition(S.CLOSE_REQUESTED, Action.RETURN_CLOSE, S.IN_PROGRESS, SUPERVISOR, note="退回理由"),
    Transition(S.CLOSED, Action.REOPEN, S.IN_PROGRESS, SUPERVISOR),
    # The supervising office may set any status.
    *(Transition(s, Action.SET_STATUS, t, SUPERVISOR, by_status=True) for s in TaskStatus for t in TaskStatus
      if s is not t),
    # 办结 by the supervising office itself, on its task page (workflow.close_task): an open task no lead unit has
    # asked to close; a task waiting for review is closed by 审核 (ACCEPT_CLOSE), with the lead unit's note.
    # After SET_STATUS: a status refused in a 完成状态 field is explained by that row (transition_for_status).
    *(Transition(s, Action.CLOSE_TASK, S.CLOSED, SUPERVISOR) for s in (S.ASSIGNED, S.ACKNOWLEDGED, S.IN_PROGRESS)),
    # Actions on an open task that leave its status.
    *(Transition(s, Action.REQUEST_EXTENSION, None, LEAD_LIAISON) for s in OPEN),
    *(Transition(s, Action.DECIDE_EXTENSION, None, EXTENSION_DECIDER) for s in OPEN),
    *(Transition(s, Action.REMIND, None, SUPERVISOR) for s in OPEN),
    # Sign-off inside a unit (issue 18): the unit leader signs or returns the unit's drafts (a report,
    # 申请办结, 延期申请; services/workflow/signoff.py); the status moves only by what a signed draft asks.
    *(Transition(s, Action.SIGN_OFF, None, UNIT_LEADER) for s in TaskStatus),
    *(Transition(s, Action.RETURN_DRAFT, None, UNIT_LEADER, note="退回理由") for s in TaskStatus),
)

# Said when an action exists but not in the task's status (else: "任务当前为“…”，不能…").
NOT_NOW = {
    (Action.REQUEST_CLOSE, S.CLOSED): "该任务已办结，无需再申请。",
    (Action.REQUEST_CLOSE, S.CLOSE_REQUESTED): "该任务已申请办结，正在等待督办部门审核。",
    (Action.ACCEPT_CLOSE, None): "该任务没有待审核的办结申请。",
    (Action.RETURN_CLOSE, None): "该任务没有待审核的办结申请。",
    (Action.ACKNOWLEDGE, S.CLOSED): "该任务已办结，无需签收。",
    (Action.REQUEST_EXTENSION, S.CLOSED): "该任务已办结，不能再申请延期。",
    (Action.DECIDE_EXTENSION, S.CLOSED): "该任务已办结，延期申请不再审核。",
    # a closed task that still owes this period's report is urged (workflow/reminders.remind_check); this is the other
    (Action.REMIND, S.CLOSED): "该任务已办结，且办结在本期报送日之前，本期无需报送进展，无需催办。",
    (Action.CLOSE_TASK, S.CLOSED): "该任务已办结，无需再办结。",
    (Action.CLOSE_TASK, S.CLOSE_REQUESTED): "牵头单位已申请办结：请在“审核办结申请”中同意办结。",
}
# Where a status reached by its own form is asked for in the 完成状态 field, say which form.
USE_FORM = {
    Action.ACKNOWLEDGE: "“已签收”由签收产生：请点击“签收”，所有牵头单位签收后任务自动变为“已签收”。",
    Action.REQUEST_CLOSE: "申请办结须写明办结说明：请使用本页的“申请办结”表单填写办结说明后提交。",
    Action.ACCEPT_CLOSE: "请在“审核办结申请”中同意办结。",
    Action.RETURN_CLOSE: "请在“审核办结申请”中退回并填写退回理由。",
}


def _ready(action: Action, user, task) -> bool:
    """The action's own condition beyond who may: a unit signs for a task once."""
    if action is Action.ACKNOWLEDGE:
        own = next((a for a in task.assignments if a.unit_id == user.unit_id), None)
        return own is not None and getattr(own, "acknowledged_at", None) is None
    return True


def refusal(transition: Transition) -> str:
    """The Chinese sentence refusing ``transition`` to someone who may not take it."""
    if transition.action is Action.SET_STATUS and transition.target is not None:
        return f"只有督办部门可以把完成状态改为“{transition.target.label}”。"
    if transition.action is Action.REPORT:
        return f"您不能报送进展：只有{transition.who.label}可以报送。"
    return f"只有{transition.who.label}可以{transition.action.label}。"


def rows(status: TaskStatus, action: Action | None = None) -> list[Transition]:
    """The rows of TABLE leaving ``status`` (of ``action`` only, when given), in table order."""
    return [t for t in TABLE if t.source is status and (action is None or t.action is action)]


def check(user, task, action: Action) -> Transition:
    """Return the row of TABLE ``user`` takes doing ``action`` on ``task`` now.

    Raises PermissionDenied (Chinese: who may) when ``user`` may not take ``action`` at all;
    InvalidInput when the task's status has no such action (e.g. 申请办结 of a closed task) or the
    action's own condition fails (a unit signs once), and on a task withdrawn by a plan revision
    (已撤销: every use case refuses it here, not only the task page that offers no action). The caller checks the row's ``note`` with its
    own caption. Callers refuse with these messages; they never test roles or statuses themselves.
    """
    check_who(user, task, action)
    if getattr(task, "withdrawn_at", None) is not None:
        raise InvalidInput(f"该任务已在方案修订中撤销（仅供查阅），不能{action.label}。")
    row = next((t for t in rows(task.status, action)), None)
    if row is None:
        message = NOT_NOW.get((action, task.status)) or NOT_NOW.get((action, None))
        raise InvalidInput(message or f"任务当前为“{task.status.label}”，不能{action.label}。")
    if action is Action.ACKNOWLEDGE and not _ready(action, user, task):
        raise InvalidInput("本单位已签收该任务，无需重复签收。")
    return row


def check_who(user, task, action: Action) -> None:
    """Raise PermissionDenied (Chinese: who may) unless ``user`` may ever take ``action`` on ``task``.

    The first half of ``check``, without the task's status: a form of someone without the right is
    refused before its version is compared (services/concurrency.task_change), while a stale form
    of someone with the right gets the conflict page rather than a status message.
    """
    every = [t for t in TABLE if t.action is action]
    row = next((t for t in every if t.source is task.status), every[0])
    if not row.who.allows(user, task):
        raise PermissionDenied(refusal(row))


def refusal_now(user, task, action: Action) -> str | None:
    """Why ``user`` may not take ``action`` on ``task`` in its present status, as ``refusal`` says it to someone else
    of the task ("只有牵头单位的联络员可以申请办结。"); None when the status has no such row (nothing to explain: a
    closed task is asked to close by no one) or ``user`` may take it. What the task page tells a supporting unit's
    liaison beside the forms it has, so that she does not look for a 申请办结 that is not hers (workflow56)."""
    row = next(iter(rows(task.status, action)), None)
    return None if row is None or row.allows(user, task) else refusal(row)


def available_actions(user, task) -> list[Transition]:
    """Return the rows of TABLE ``user`` may take on ``task`` now, in table order.

    Empty for a task withdrawn by a plan revision (已撤销: kept for reading only). The task page
    shows a form for each action listed; ``settable_statuses`` gives the 完成状态 choices.
    """
    if getattr(task, "withdrawn_at", None) is not None:
        return []
    return [t for t in rows(task.status) if t.allows(user, task)]


def action_names(user, task) -> frozenset[str]:
    """The codes (Action values) of ``available_actions(user, task)``: what the task page tests with ``in``."""
    return frozenset(t.action.value for t in available_actions(user, task))


def settable_statuses(user, task, with_note: bool = False) -> list[TaskStatus]:
    """The statuses ``user`` may choose as 完成状态 for ``task`` now without another form's note.

    These are the targets of the rows ``by_status`` that need no note (a close request needs its
    办结说明 and has its own form), in TaskStatus order; empty when ``user`` may change nothing.
    ``with_note``: the channel carries a text for the note (a ledger row's 进展情况), so the rows needing one
    (申请办结) count too.
    """
    targets = {t.target for t in available_actions(user, task)
               if t.by_status and (with_note or t.note is None) and t.target}
    return [status for status in TaskStatus if status in targets]


def ledger_statuses(user, task) -> list[TaskStatus]:
    """The 完成状态 values ``user`` may write in a ledger row of ``task`` (TaskStatus order): the task's own status,
    which changes nothing, and the statuses ``user`` may move it to with the row's 进展情况 as the note
    (``settable_statuses(..., with_note=True)``). A liaison's 已办结 is read as 申请办结 (``transition_for_status``'s
    ``done_means_request``) and so is not listed: 已办结 is the supervising office's. What an import's refusal of
    an unknown value offers (TaskStatus.unknown_label_reason)."""
    reachable = set(settable_statuses(user, task, with_note=True)) | {task.status}
    return [status for status in TaskStatus if status in reachable]


def unit_copy_statuses() -> list[TaskStatus]:
    """The 完成状态 a unit's own copy of the ledger offers in its drop-down (services/ledger/export.py), in TaskStatus
    order: the targets of the rows ``by_status`` a unit may take, i.e. not the supervising office's alone (推进中, and
    申请办结 with the row's 进展情况 as its 办结说明). 已签收 comes from 签收 and 已办结 is the office's, so a liaison is not
    offered them; a row whose own status is one of them keeps it (the drop-down checks only what is typed)."""
    targets = {t.target for t in TABLE if t.by_status and t.who is not SUPERVISOR and t.target}
    return [status for status in TaskStatus if status in targets]


def transition_for_status(user, task, wanted: TaskStatus, note: str | None = None,
                          done_means_request: bool = False) -> Transition | None:
    """Return the row of TABLE that moves ``task`` to ``wanted`` for ``user``; None when already there.

    ``wanted`` comes from a 完成状态 field (progress form, API, ledger cell). ``note``: the text
    standing for a required note (a ledger row's 进展情况), None when the channel has none (the web
    form and the API: a close request there needs its own form). ``done_means_request``: a ledger
    convention, a unit's 已办结/已完成 asks to close (申请办结) when it may not close.
    Raises PermissionDenied (who may) or InvalidInput (which form to use, or that the status cannot
    be reached from the current one), with a Chinese message saying what to do instead.
    """
    if wanted is task.status:
        return None
    if getattr(task, "withdrawn_at", None) is not None:
        raise InvalidInput("该任务已在方案修订中撤销，不能再修改完成状态。")
    leaving = [t for t in rows(task.status) if t.target is wanted]
    chosen = [t for t in leaving if t.by_status and t.allows(user, task)]
    if not chosen and done_means_request and wanted is S.CLOSED:
        return transition_for_status(user, task, S.CLOSE_REQUESTED, note)
    for row in chosen:
        if row.note is None or (note is not None and note.strip()):
            check_subtasks_closed(task, row.target)  # no 审核意见 here to override with (issue 18)
            return row
        if note is not None:  # the channel has a text for the note, left blank
            raise InvalidInput(f"“{wanted.label}”须写明{row.note}（完成情况），请填写后再提交。")
    own_form = [t for t in leaving if t.action in USE_FORM and t.who.allows(user, task)]
    if own_form or chosen:
        raise InvalidInput(USE_FORM[(own_form or chosen)[0].action])
    if leaving:
        message = refusal(leaving[0])
        if wanted is S.CLOSED and any(t.allows(user, task) for t in rows(task.status, Action.REQUEST_CLOSE)):
            message += "牵头单位办结任务，请使用“申请办结”表单填写办结说明，由督办部门审核。"
        raise PermissionDenied(message)
    raise InvalidInput(f"任务当前为“{task.status.label}”，不能改为“{wanted.label}”。")


def open_subtasks(task) -> list:
    """The sub-tasks of ``task`` (issue 18) neither closed nor withdrawn; [] for a task never split."""
    return [sub for sub in getattr(task, "subtasks", None) or ()
            if getattr(sub, "withdrawn_at", None) is None and sub.status is not S.CLOSED]


def check_subtasks_closed(task, target: TaskStatus | None, override_reason: str | None = None) -> None:
    """The decomposition's closing rule (issue 18), in one place: a task whose sub-tasks are still open
    cannot become 已办结, unless the supervising office overrides with a reason (``override_reason``,
    non-blank: its 审核意见 when it accepts a close request). Called by ``transition_for_status`` (a
    完成状态 field: progress form, API, ledger) and ``workflow.review_close``; a ledger import's TaskRow carries
    its open ``subtasks`` for it (services/ledger/changes.load_tasks). Raises InvalidInput naming
    the open sub-tasks and what to do; returns None when the task may close."""
    if target is not S.CLOSED:
        return
    still_open = open_subtasks(task)
    if not still_open or (override_reason or "").strip():
        return
    names = "、".join(f"{sub.number_display}（{'、'.join(u.name for u in sub.lead_units)}）" for sub in still_open[:5])
    more = f"等 {len(still_open)} 项" if len(still_open) > 5 else f"共 {len(still_open)} 项"
    raise InvalidInput(f"该任务还有子任务未办结：{names}{more}。请待子任务办结后再办结；"
                       "如确需现在办结，请督办部门在“审核办结申请”中填写审核意见说明理由后同意办结。")


def started_by_report(user, task, status: TaskStatus | None = None) -> TaskStatus | None:
    """Return the status a report by ``user`` moves ``task`` to (推进中), or None when it stays.

    ``status``: the task's status to start from (default ``task.status``; the ledger import passes
    the status a row set just before its report). A lead unit's or the supervising office's first
    report starts a task not yet started; a supporting unit's report leaves the status (START).
    """
    current = task.status if status is None else status
    row = next((t for t in rows(current, Action.START) if t.who.allows(user, task)), None)
    return row.target if row else None


def lead_units_all_signed(task) -> bool:
    """True when every lead unit of ``task`` has signed (签收): the condition of 已交办 → 已签收."""
    leads = [a for a in task.assignments if a.role is AssignmentRole.LEAD]
    return all(a.acknowledged_at is not None for a in leads)
