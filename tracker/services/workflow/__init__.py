"""The 督办 workflow: its use cases (签收, 申请办结, 审核) and the status changes of reports and imports.

Who may move a task to which 办理状态 is written once, in the transition table of
``workflow/transitions.py`` (TABLE, ``available_actions``); this package applies it:
- ``change_status``: a status chosen in a 完成状态 field (progress form, API, ledger), by the row
  ``transitions.transition_for_status`` finds, journalled;
- ``start_on_first_report``: a report by a lead unit or the supervising office starts a task not
  yet started (START); a supporting unit's report leaves the status;
- the use cases below, each in one locked transaction that checks the version the user's form was
  read at (services/concurrency.py) and the table's row for its action.
签收 rule: each assigned unit signs for itself (stored on its Assignment); the task becomes
已签收 when every lead unit has signed, since the lead units answer for it. Supporting units'
signatures are recorded and shown, but do not move the status.
Every change is journalled in the caller's transaction.

Its other modules: ``progress`` (报送进展), ``extensions`` (申请延期 and its decision), ``reminders``
(催办 and 签收 of reminders), ``history`` (a task's 办理记录 as people read it).
"""
from __future__ import annotations

from datetime import datetime

from ... import clock
from ...extensions import db
from ...models import Channel, CloseRequest, SignoffState, Task, TaskStatus, User
from .. import journal, notifications
from ..concurrency import task_change
from ..errors import InvalidInput
from . import counting, transitions  # counting: its session hooks, what follows when a report starts to count
from .history import RETURNED
from .transitions import Action, available_actions, settable_statuses

__all__ = ["Action", "MAX_NOTE_CHARS", "acknowledge", "available_actions", "change_status", "close_task", "move", "request_close",
           "resolve_status", "review_close", "settable_statuses", "start_on_first_report", "transitions"]

# Longest note a workflow action accepts (characters), like a progress report's texts.
MAX_NOTE_CHARS = 2000


def resolve_status(actor: User, task: Task, wanted: TaskStatus, note: str | None = None,
                   done_means_request: bool = False) -> TaskStatus:
    """Return the status ``task`` gets when ``actor`` asks for ``wanted`` in a 完成状态 field.

    By ``transitions.transition_for_status`` (see there for ``note`` and ``done_means_request``).
    Raises PermissionDenied or InvalidInput (Chinese message saying what to do instead).
    """
    row = transitions.transition_for_status(actor, task, wanted, note, done_means_request)
    return task.status if row is None else row.target


def move(task: Task, new: TaskStatus, actor: User | None, channel: Channel = Channel.FORM,
         batch: str | None = None) -> None:
    """Set ``task``'s status to ``new`` (a row of the transition table the caller checked) and journal it; not committed.

    What a status change brings with it, once for every use case: a task closed (已办结) settles its pending
    extension requests (services/workflow/extensions.settle_on_close: "任务已办结，延期申请不再审核").
    """
    journal.record(task, "status", task.status, new, actor, channel, batch)
    task.status = new
    if new is TaskStatus.CLOSED:
        from .extensions import settle_on_close  # a module of this package that imports it

        settle_on_close(task, actor)


def change_status(task: Task, actor: User, wanted: TaskStatus, channel: Channel = Channel.FORM,
                  batch: str | None = None) -> TaskStatus:
    """Apply ``resolve_status`` to ``task`` and journal the change (``move``, not committed); return the new status."""
    new = resolve_status(actor, task, wanted)
    if new is not task.status:
        move(task, new, actor, channel, batch)
    return new


def start_on_first_report(task: Task, actor: User, channel: Channel = Channel.FORM,
                          batch: str | None = None, at: datetime | None = None) -> None:
    """Move a task not yet started to 推进中 when ``actor`` may start it (transitions START; journalled).

    ``at``: when the report was filed, for a report dated in the past (the demo's history, services/seed); the
    journal entry is dated then instead of now (stored UTC, as ``clock.stored_now``)."""
    started = transitions.started_by_report(actor, task)
    if started is not None:
        entry = journal.record(task, "status", task.status, started, actor, channel, batch)
        if at is not None:
            entry.created_at = at
        task.status = started


def _note(text: str | None, caption: str, required: bool) -> str:
    """Return ``text`` stripped; raise InvalidInput naming ``caption`` when required and empty, or too long."""
    value = (text or "").strip()
    if required and not value:
        raise InvalidInput(f"请填写“{caption}”。")
    if len(value) > MAX_NOTE_CHARS:
        raise InvalidInput(f"“{caption}”超过 {MAX_NOTE_CHARS} 字，请精简后再提交。")
    return value


def _checked(actor: User, action: Action):
    """A ``task_change`` check: refuse before the version is compared unless ``actor`` may take ``action``."""
    return lambda task: transitions.check_who(actor, task, action)


def acknowledge(task_id: int, actor: User, read_version: int | None, overwrite_of: int | None = None) -> Task:
    """签收: ``actor``'s unit acknowledges the task it was assigned; commit; return the task.

    Stores the time and the signer on the unit's Assignment and journals it; when every lead
    unit has signed, a task still 已交办 becomes 已签收 (the ACKNOWLEDGE row's target). Raises
    PermissionDenied for anyone but a liaison of an assigned unit, InvalidInput when the unit has
    signed already or the task is closed, Conflict on a stale ``read_version``.
    """
    with task_change(task_id, actor, read_version, overwrite_of, check=_checked(actor, Action.ACKNOWLEDGE)) as task:
        row = transitions.check(actor, task, Action.ACKNOWLEDGE)
        assignment = next(a for a in task.assignments if a.unit_id == actor.unit_id)
        assignment.acknowledged_at = clock.utcnow()
        assignment.acknowledged_by_id = actor.id
        journal.record(task, "acknowledge", None, f"{assignment.unit.name}（{assignment.role.label}）签收", actor)
        if row.target is not None and transitions.lead_units_all_signed(task):
            journal.record(task, "status", task.status, row.target, actor)
            task.status = row.target
    return task


def request_close(task_id: int, actor: User, note: str, read_version: int | None,
                  overwrite_of: int | None = None) -> Task:
    """申请办结: the lead unit asks the supervisor to close the task, with a note (办结说明); commit.

    In a unit with sign-off (issue 18) the request is a draft (CloseRequest, 待签发) and the task keeps
    its status until the unit leader signs it (services/workflow/signoff.py). Raises PermissionDenied
    unless ``actor`` is a lead unit's liaison; InvalidInput without a note, or when the task is closed,
    withdrawn or already waiting for review (or its unit's draft for sign-off); Conflict when stale.
    """
    with task_change(task_id, actor, read_version, overwrite_of, check=_checked(actor, Action.REQUEST_CLOSE)) as task:
        row = transitions.check(actor, task, Action.REQUEST_CLOSE)
        text = _note(note, row.note, required=True)
        from . import signoff  # a module of this package that uses _note

        if signoff.needs_signoff(actor):  # 待签发: the unit leader sends it on (services/workflow/signoff.py)
            if signoff.close_draft_waiting(task.id, actor.unit_id):
                raise InvalidInput("本单位已有一项办结申请在等待单位负责人签发，请等签发或退回后再申请。")
            db.session.add(CloseRequest(task=task, unit_id=actor.unit_id, requested_by_id=actor.id, note=text,
                                        signoff_state=SignoffState.DRAFT))
            signoff.record_draft(task, actor, f"申请办结（待单位负责人签发）：{text}", signoff.Kind.CLOSE)
            return task
        journal.record(task, "close_request", None, text, actor)
        journal.record(task, "status", task.status, row.target, actor)
        task.status = row.target
    return task


def close_task(task_id: int, actor: User, opinion: str | None, read_version: int | None,
               overwrite_of: int | None = None) -> Task:
    """办结: the supervising office closes an open task itself, with an optional 办结意见; commit; return the task.

    For a task no lead unit has asked to close (已交办, 已签收, 推进中: the transition table's CLOSE_TASK rows); a task
    waiting for review is closed by ``review_close``. The status moves through ``move`` (what closing brings with it:
    pending extension requests settled) and the opinion is journalled as the 办结审核 ("督办部门直接办结：…"). A task
    whose sub-tasks are open closes only with an opinion giving the reason (transitions.check_subtasks_closed). The
    lead units' liaisons are notified in the same transaction. Raises PermissionDenied unless ``actor`` is the
    supervising office or an admin; InvalidInput when the task is closed already, waits for review, is withdrawn, has
    open sub-tasks and no opinion, or the opinion is too long; Conflict on a stale version.
    """
    with task_change(task_id, actor, read_version, overwrite_of, check=_checked(actor, Action.CLOSE_TASK)) as task:
        row = transitions.check(actor, task, Action.CLOSE_TASK)
        text = _note(opinion, "办结意见", required=False)
        transitions.check_subtasks_closed(task, row.target, override_reason=text)
        still_open = len(transitions.open_subtasks(task))
        decision = "督办部门直接办结" + (f"（{still_open} 项子任务未办结）" if still_open else "") + (f"：{text}" if text else "")
        journal.record(task, "review", None, decision, actor)
        move(task, row.target, actor)
        notifications.notify_units([u.id for u in task.lead_units], notifications.Kind.TASK_CLOSED,
                                   f"{task.number_display} {task.heading_text}：{decision.rstrip('。')}。", task)
    return task


def review_close(task_id: int, actor: User, accept: bool, reason: str | None, read_version: int | None,
                 overwrite_of: int | None = None) -> Task:
    """审核: the supervisor accepts a close request (→ 已办结) or returns it (退回, → 推进中); commit.

    The lead units' liaisons are notified in the same transaction (services/notifications.py).

    A return needs a reason (退回理由), which the lead unit sees in the history. A task whose
    sub-tasks are open is accepted only with a reason (transitions.check_subtasks_closed). Raises
    PermissionDenied unless ``actor`` is the supervising office or an admin; InvalidInput when the
    task is not waiting for review or a return has no reason; Conflict on a stale version.
    """
    action = Action.ACCEPT_CLOSE if accept else Action.RETURN_CLOSE
    with task_change(task_id, actor, read_version, overwrite_of, check=_checked(actor, action)) as task:
        row = transitions.check(actor, task, action)
        text = _note(reason, row.note or "审核意见", required=row.note is not None)
        transitions.check_subtasks_closed(task, row.target, override_reason=text)
        overridden = len(transitions.open_subtasks(task)) if accept else 0
        agreed = "同意办结" + (f"（{overridden} 项子任务未办结）" if overridden else "")
        decision = (agreed + (f"：{text}" if text else "")) if accept else f"{RETURNED}{text}"
        journal.record(task, "review", None, decision, actor)
        move(task, row.target, actor)
        kind = notifications.Kind.CLOSE_ACCEPTED if accept else notifications.Kind.CLOSE_RETURNED
        notifications.notify_units([u.id for u in task.lead_units], kind,
                                   f"{task.number_display} {task.heading_text}：督办部门{decision.rstrip('。')}。", task)
    return task
