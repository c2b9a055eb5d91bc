"""延期申请: the lead unit asks to move a task's deadline; the supervising office accepts or refuses.

Who decides (workflow47, ``permissions.can_decide_extension``, the transition DECIDE_EXTENSION): the supervising
office; on a sub-task (a district's part of a split task) the lead unit that split the task, as well as the office:
the part's date is that unit's arrangement within its own task's, which it may move itself
(services/plans/subtasks.change_subtask_deadline). A part's request is therefore bounded by its split task's due date
too (``split_bound_refusal``): a later date is refused when asked, saying that the splitting unit asks the office for
more time on its own task first. Who is told: the deciders of a sub-task's request when it starts to wait
(``tell_deciders``; the office's 待办 lists only requests on tasks not split from another, services/inbox.py), the
requesting unit when it is decided.

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

from ...extensions import db
from ...models import (AssignmentRole, ExtensionRequest, ExtensionState, JournalField, SignoffState, Task, Unit,
                      User)
from .. import journal, notifications
from ..concurrency import task_change
from ..errors import FieldProblems, InvalidInput, NotFound
from ..permissions import is_supervisor
from . import _note, signoff, transitions
from .transitions import Action
from ...dates import DateInputError, chinese_date, deadline_with_due, parse_user_date


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


def deciders(task: Task) -> str:
    """Who decides a 延期申请 on ``task``, in Chinese, as the pages and messages name it: "督办部门", or for a sub-task
    the names of the lead units of the task it was split from ("市金融办"; ``permissions.can_decide_extension``)."""
    source = task.split_from
    if source is None:
        return "督办部门"
    return "、".join(unit.name for unit in source.lead_units) or "督办部门"


def split_bound_refusal(task: Task, new_due_date: date) -> str | None:
    """Why ``new_due_date`` may not be granted to the sub-task ``task`` (one Chinese sentence), or None.

    A sub-task's due date is never later than its split task's (services/plans/subtasks.exceeds_split_task, the one
    place of that rule): the splitting unit may give its district more time only within its own deadline; a later
    date needs the office to move the split task's deadline first, on the splitting unit's own 申请延期. None for a
    task not split from another, or when the split task has no due date. Dates: Beijing calendar days."""
    from ..plans.subtasks import exceeds_split_task  # subtasks reads written_date from here

    source = task.split_from
    if source is None or not exceeds_split_task(source, new_due_date):
        return None
    who = deciders(task)
    return (f"“申请延期至”不能晚于原任务 {source.number_display} 的完成时限（{written_date(source.due_date)}）："
            f"子任务的时限由分解任务的{who}在此之内安排。确需延至此日以后的，请联系{who}，由其就 "
            f"{source.number_display} 向督办部门申请延期，获批后再申请。")


def tell_deciders(task: Task, request: ExtensionRequest) -> None:
    """Tell the lead units of the task ``task`` was split from that ``request`` now waits for their decision (通知
    "子任务申请延期", opening the sub-task where they decide); not committed. Nothing for a task not split from
    another: the supervising office finds its requests in its 待办 (services/inbox.py). Called where a request starts
    to wait: ``request_extension`` without sign-off, and workflow/signoff.sign for one its unit leader signed."""
    source = task.split_from
    if source is None:
        return
    asking = db.session.get(Unit, request.unit_id) if request.unit_id else None
    unit = asking.name if asking is not None else "子任务承办单位"
    leads = [a.unit_id for a in source.assignments if a.role is AssignmentRole.LEAD and a.unit_id != request.unit_id]
    notifications.notify_units(leads, notifications.Kind.EXTENSION_REQUESTED,
                               f"{task.number_display} {unit}申请延期至{written_date(request.new_due_date)}"
                               f"（现{task.deadline or '未定'}），理由：{request.reason.rstrip('。')}。"
                               f"请在 {task.number_display} 页面审批。", task)


def pending_extension(task_id: int) -> ExtensionRequest | None:
    """Return the extension request of ``task_id`` that waits for a decision, or None."""
    return db.session.scalar(select(ExtensionRequest).where(
        ExtensionRequest.task_id == task_id, ExtensionRequest.state == ExtensionState.PENDING))


def request_extension(task_id: int, actor: User, new_due_date: date | str | None, reason: str,
                      read_version: int | None, overwrite_of: int | None = None) -> ExtensionRequest:
    """File an extension request for ``task_id`` by ``actor``'s lead unit; commit; return it.

    ``new_due_date``: the date asked for (Beijing calendar), or as typed in the form (text read by
    tracker/dates.parse_user_date: 2027-03-31). Raises PermissionDenied unless ``actor`` is a lead unit's liaison;
    FieldProblems (an InvalidInput) saying every field's problem at once (``request_problems``: the date missing, no
    date, not after today, on or before the task's current due date, on a sub-task after its split task's; the
    reason missing or too long), so that the liaison mends both before sending again; InvalidInput for a closed
    task or a request already waiting; Conflict on a stale version. In a unit with sign-off (issue 18) the request is a draft
    (ExtensionState.DRAFT, 待签发) that the supervising office sees once the unit leader signs it.
    """
    check = lambda t: transitions.check_who(actor, t, Action.REQUEST_EXTENSION)  # noqa: E731 (the transition table)
    with task_change(task_id, actor, read_version, overwrite_of, check=check) as task:
        new_due_date, text = request_problems(task, new_due_date, reason)
        transitions.check(actor, task, Action.REQUEST_EXTENSION)  # not on a closed task
        if pending_extension(task.id) is not None:
            raise InvalidInput(f"该任务已有一项延期申请在等待审批，请等{deciders(task)}答复后再申请。")
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
            db.session.flush()
            tell_deciders(task, request)
    return request


def request_problems(task: Task, new_due_date: date | str | None, reason: str | None) -> tuple[date, str]:
    """Return the date asked for and the reason stripped, when both may be sent for ``task`` (申请延期), else raise
    FieldProblems with one sentence per field at fault, the date's first (the form's order): the date missing or
    no date (tracker/dates.parse_user_date), not after today, no later than the current 完成时限
    (``later_date_refusal``), after the split task's on a sub-task (``split_bound_refusal``); the reason missing or
    too long (workflow._note). Every field is checked, whatever the others hold: the one place of these rules."""
    problems = []
    asked = new_due_date
    if asked is not None and not isinstance(asked, date):
        try:
            asked = parse_user_date(asked, "申请延期至")
        except DateInputError as error:  # text that is no date: said as such
            problems.append(str(error))
    if not problems and asked is None:
        problems.append("请填写“申请延期至”的日期，格式如 2027-03-31。")
    elif not problems and asked <= clock.beijing_today():
        problems.append("“申请延期至”必须是今天以后的日期。")
    elif not problems:
        refusal = later_date_refusal(asked, task.due_date) or split_bound_refusal(task, asked)
        if refusal:
            problems.append(refusal)
    try:
        text = _note(reason, "延期理由", required=True)
    except InvalidInput as error:
        problems.append(str(error))
    if problems:
        raise FieldProblems(problems)
    return asked, text


def decide_extension(task_id: int, request_id: int, actor: User, accept: bool, note: str | None,
                     read_version: int | None, overwrite_of: int | None = None) -> ExtensionRequest:
    """Accept or refuse the waiting extension request ``request_id`` of ``task_id``; commit; return it.

    Accepting changes the task's due date and deadline text (journalled as "deadline" and
    "due_date" with the old values); refusing needs a note saying why. The requesting unit's liaisons
    are notified in the same transaction (services/notifications.py), in the decider's name (督办部门, or the
    splitting unit on a sub-task); a sub-task's accepted date is journalled on its split task too (分解任务).
    Raises PermissionDenied unless ``actor`` may decide (``permissions.can_decide_extension``: the supervising
    office or an admin; on a sub-task also the splitting lead unit's liaison); NotFound for a request of another
    task; InvalidInput when it was decided already, a refusal has no note or, accepting a sub-task's request, the
    date is now after its split task's (``split_bound_refusal``: that deadline was moved earlier meanwhile);
    Conflict on a stale version.
    """
    check = lambda t: transitions.check_who(actor, t, Action.DECIDE_EXTENSION)  # noqa: E731 (the transition table)
    with task_change(task_id, actor, read_version, overwrite_of, check=check) as task:
        request = db.session.get(ExtensionRequest, request_id)
        if request is None or request.task_id != task.id:
            raise NotFound("该延期申请不存在。请从任务页面重新进入。")
        if request.state is not ExtensionState.PENDING:
            raise InvalidInput(f"该延期申请已处理（{request.state.label}），无需重复审批。")
        text = _note(note, "审批意见" if accept else "不同意的理由", required=not accept)
        beyond = split_bound_refusal(task, request.new_due_date) if accept else None
        if beyond:
            raise InvalidInput(beyond)
        before = deadline_with_due(task.deadline, task.due_date) if task.deadline or task.due_date else "未定"
        request.decided_by_id, request.decided_at, request.decision_note = actor.id, clock.utcnow(), text or None
        if accept:
            request.state = ExtensionState.ACCEPTED
            new_deadline = written_date(request.new_due_date)
            journal.record(task, JournalField.EXTENSION_DECISION, None,
                           f"同意延期至{new_deadline}" + (f"：{text}" if text else ""), actor)
            journal.record(task, JournalField.DEADLINE, task.deadline, new_deadline, actor)
            journal.record(task, JournalField.DUE_DATE, task.due_date, request.new_due_date, actor)
            task.deadline, task.due_date = new_deadline, request.new_due_date
            if task.split_from is not None:  # the split task's 办理记录 keeps what was agreed with each district
                journal.record(task.split_from, JournalField.SUBTASK, None,
                               f"{task.number_display} {'、'.join(u.name for u in task.lead_units)}，完成时限改为"
                               f"{new_deadline}（原{before}；同意其延期申请）", actor)
        else:
            request.state = ExtensionState.REFUSED
            journal.record(task, JournalField.EXTENSION_DECISION, None, f"不同意延期：{text}", actor)
        decision = (f"同意延期至{written_date(request.new_due_date)}" + (f"：{text}" if text else "")
                    if accept else f"不同意延期：{text}")
        who = "督办部门" if is_supervisor(actor) or actor.unit is None else actor.unit.name
        notifications.notify_units([request.unit_id] if request.unit_id else [], notifications.Kind.EXTENSION_DECIDED,
                                   f"{task.number_display} {task.heading_text}：{who}{decision.rstrip('。')}。", task)
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
        request.state, request.decided_at, request.decision_note = ExtensionState.LAPSED, clock.utcnow(), LAPSED_NOTE
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
