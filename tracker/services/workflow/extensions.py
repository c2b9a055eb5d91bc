"""延期申请: the lead unit asks to move a task's deadline; the supervising office accepts or refuses.

Rules (issue #5): only a lead unit's liaison asks, with a new date and a reason, and only one
request per task waits at a time; the new date lies after today and, an extension being a later
date, after the current due date when the task has one (a task with no due date: after today only;
``later_date_refusal``). Accepting sets the task's ``due_date`` to the new date and its ``deadline`` text to
"YYYY年M月D日前"; the old deadline stays on the request and in the journal (field "deadline").
Every step is one locked transaction checking the form's version (services/concurrency.py).
"""
from __future__ import annotations

from datetime import date
from functools import cache

from sqlalchemy import ColumnElement, Select, bindparam, select

from ... import clock
from ...clock import utcnow
from ...extensions import db
from ...models import ExtensionRequest, ExtensionState, JournalField, SignoffState, Task, User
from .. import journal, notifications
from ..concurrency import task_change
from ..errors import InvalidInput, NotFound
from ..permissions import is_supervisor, require
from . import _note, signoff, transitions
from .transitions import Action
from ...dates import chinese_date


def written_date(day: date) -> str:
    """Return ``day`` as documents write a deadline: 2017年3月31日前."""
    return f"{chinese_date(day)}前"


def bound_is_due_date(due_date: date | None, today: date) -> bool:
    """Whether the bound a requested date must pass is the task's current 完成时限 ``due_date`` rather than ``today``
    (both Beijing calendar days): a task due today or later (``later_date_refusal``); one with no due date or already
    overdue is bound by "after today" only. What the 申请延期 form's hint names."""
    return due_date is not None and due_date >= today


def later_date_refusal(new_due_date: date, due_date: date | None) -> str | None:
    """Return why ``new_due_date`` is no extension of a task due on ``due_date``, in Chinese, or None when it is one.

    An extension moves a deadline later (issue #5): a date on or before the current 完成时限 is refused, naming it
    and what to do instead. ``due_date`` None (the plan writes no 完成时限): any date is later, so None (the caller's
    "after today" rule is the only one). Both dates are Beijing calendar days. The one place of the rule for
    ``request_extension`` and the hint of the task page's 申请延期 form.
    """
    if due_date is None or new_due_date > due_date:
        return None
    return (f"“申请延期至”必须晚于现在的完成时限（{written_date(due_date).removesuffix('前')}）：延期只能把时限推后，"
            "请选择此日以后的日期；能在现时限内完成的，无需申请延期，按时报送进展即可。")


def pending_extension(task_id: int) -> ExtensionRequest | None:
    """Return the extension request of ``task_id`` that waits for a decision, or None."""
    return db.session.scalar(select(ExtensionRequest).where(
        ExtensionRequest.task_id == task_id, ExtensionRequest.state == ExtensionState.PENDING))


def request_extension(task_id: int, actor: User, new_due_date: date | None, reason: str,
                      read_version: int | None, overwrite_of: int | None = None) -> ExtensionRequest:
    """File an extension request for ``task_id`` by ``actor``'s lead unit; commit; return it.

    ``new_due_date``: the date asked for (Beijing calendar). Raises PermissionDenied unless
    ``actor`` is a lead unit's liaison; InvalidInput for a missing date, a date not after today, a date on or
    before the task's current due date (``later_date_refusal``), a missing reason, a closed task or a request already waiting;
    Conflict on a stale version. In a unit with sign-off (issue 18) the request is a draft
    (ExtensionState.DRAFT, 待签发) that the supervising office sees once the unit leader signs it.
    """
    check = lambda t: transitions.check_who(actor, t, Action.REQUEST_EXTENSION)  # noqa: E731 (the transition table)
    with task_change(task_id, actor, read_version, overwrite_of, check=check) as task:
        text = _note(reason, "延期理由", required=True)
        if new_due_date is None:
            raise InvalidInput("请填写“申请延期至”的日期，格式如 2027-03-31。")
        if new_due_date <= clock.beijing_today():
            raise InvalidInput("“申请延期至”必须是今天以后的日期。")
        refusal = later_date_refusal(new_due_date, task.due_date)
        if refusal:
            raise InvalidInput(refusal)
        transitions.check(actor, task, Action.REQUEST_EXTENSION)  # not on a closed task
        if pending_extension(task.id) is not None:
            raise InvalidInput("该任务已有一项延期申请在等待审批，请等督办部门答复后再申请。")
        draft = signoff.needs_signoff(actor)  # 待签发 (issue 18): the unit leader sends it on
        if draft and db.session.scalar(select(ExtensionRequest.id).where(
                ExtensionRequest.task_id == task.id, ExtensionRequest.state == ExtensionState.DRAFT)):
            raise InvalidInput("该任务已有一项延期申请在等待单位负责人签发，请等签发或退回后再申请。")
        request = ExtensionRequest(task=task, unit_id=actor.unit_id, requested_by_id=actor.id,
                                   old_deadline=task.deadline, old_due_date=task.due_date,
                                   new_due_date=new_due_date, reason=text,
                                   state=ExtensionState.DRAFT if draft else ExtensionState.PENDING,
                                   signoff_state=SignoffState.DRAFT if draft else None)
        db.session.add(request)
        text = f"申请延期至{written_date(new_due_date)}；理由：{text}"
        if draft:
            signoff.record_draft(task, actor, f"{text}（待单位负责人签发）", signoff.Kind.EXTENSION)
        else:
            journal.record(task, JournalField.EXTENSION_REQUEST, task.deadline, text, actor)
    return request


def decide_extension(task_id: int, request_id: int, actor: User, accept: bool, note: str | None,
                     read_version: int | None, overwrite_of: int | None = None) -> ExtensionRequest:
    """Accept or refuse the waiting extension request ``request_id`` of ``task_id``; commit; return it.

    Accepting changes the task's due date and deadline text (journalled as "deadline" and
    "due_date" with the old values); refusing needs a note saying why. The requesting unit's liaisons
    are notified in the same transaction (services/notifications.py). Raises PermissionDenied
    unless ``actor`` is the supervising office or an admin; NotFound for a request of another
    task; InvalidInput when it was decided already or a refusal has no note; Conflict on a
    stale version.
    """
    require(is_supervisor(actor), "只有督办部门可以审批延期申请。")
    with task_change(task_id, actor, read_version, overwrite_of) as task:
        request = db.session.get(ExtensionRequest, request_id)
        if request is None or request.task_id != task.id:
            raise NotFound("该延期申请不存在。请从任务页面重新进入。")
        if request.state is not ExtensionState.PENDING:
            raise InvalidInput(f"该延期申请已处理（{request.state.label}），无需重复审批。")
        text = _note(note, "审批意见" if accept else "不同意的理由", required=not accept)
        request.decided_by_id, request.decided_at, request.decision_note = actor.id, utcnow(), text or None
        if accept:
            request.state = ExtensionState.ACCEPTED
            new_deadline = written_date(request.new_due_date)
            journal.record(task, JournalField.EXTENSION_DECISION, None,
                           f"同意延期至{new_deadline}" + (f"：{text}" if text else ""), actor)
            journal.record(task, JournalField.DEADLINE, task.deadline, new_deadline, actor)
            journal.record(task, JournalField.DUE_DATE, task.due_date, request.new_due_date, actor)
            task.deadline, task.due_date = new_deadline, request.new_due_date
        else:
            request.state = ExtensionState.REFUSED
            journal.record(task, JournalField.EXTENSION_DECISION, None, f"不同意延期：{text}", actor)
        decision = (f"同意延期至{written_date(request.new_due_date)}" + (f"：{text}" if text else "")
                    if accept else f"不同意延期：{text}")
        notifications.notify_units([request.unit_id] if request.unit_id else [], notifications.Kind.EXTENSION_DECIDED,
                                   f"{task.number_display} {task.heading_text}：督办部门{decision.rstrip('。')}。", task)
    return request


# What the requesting unit reads on a request its task's close settled (the request's 审批意见 and its notification).
LAPSED_NOTE = "任务已办结，延期申请不再审核"


def settle_on_close(task: Task, actor: User | None) -> list[ExtensionRequest]:
    """Settle the extension requests of ``task`` still waiting for a decision when it is closed (办结); not committed.

    Called by every use case that moves a task to 已办结, in its transaction (services/workflow: ``change_status``,
    ``review_close``; the ledger import): a closed task has no deadline left to move, so its pending requests become
    ExtensionState.LAPSED with LAPSED_NOTE as the decision note, by ``actor`` (None: the system), are journalled
    (EXTENSION_DECISION) and the requesting units' liaisons are notified; they leave the supervising office's to-do
    list (services/inbox.py lists PENDING only). Drafts waiting for their unit leader stay: sign-off refuses them
    on a closed task. Returns the requests settled (empty when none waited).
    """
    waiting = list(db.session.scalars(select(ExtensionRequest).where(
        ExtensionRequest.task_id == task.id, ExtensionRequest.state == ExtensionState.PENDING)))
    for request in waiting:
        request.state, request.decided_at, request.decision_note = ExtensionState.LAPSED, utcnow(), LAPSED_NOTE
        request.decided_by_id = actor.id if actor is not None else None
        journal.record(task, JournalField.EXTENSION_DECISION, None,
                       f"延期至{written_date(request.new_due_date)}的申请：{LAPSED_NOTE}", actor)
        notifications.notify_units([request.unit_id] if request.unit_id else [], notifications.Kind.EXTENSION_DECIDED,
                                   f"{task.number_display} {task.heading_text}：{LAPSED_NOTE}（原申请延期至"
                                   f"{written_date(request.new_due_date)}）。", task)
    return waiting


def pending_of(requests: list[ExtensionRequest]) -> ExtensionRequest | None:
    """Return the request of ``requests`` (``extension_requests``: every request of one task) that waits for a
    decision, or None: what ``pending_extension`` reads, without a statement of its own (the task page)."""
    return next((r for r in requests if r.state is ExtensionState.PENDING), None)


def extension_requests(task: Task) -> list[ExtensionRequest]:
    """Return every extension request of ``task``, newest first (the task page asks on every request: one statement
    built once per process, ``_requests_statement``)."""
    return list(db.session.scalars(_requests_statement(), {"task_id": task.id}))


def requests_condition(task_id) -> ColumnElement[bool]:
    """Return the condition on ExtensionRequest rows of the requests ``extension_requests`` reads: those of the task
    ``task_id`` (a value, a bound parameter or a column), whatever their state. The one place of that rule: the
    statement below and the task page's EXISTS (workflow/progress.load_task_page) are both built from it."""
    return ExtensionRequest.task_id == task_id


@cache
def _requests_statement() -> Select:
    """``extension_requests``' SELECT, its parameter ``task_id`` (a statement is immutable and holds no data)."""
    return select(ExtensionRequest).where(requests_condition(bindparam("task_id"))).order_by(
        ExtensionRequest.id.desc())
