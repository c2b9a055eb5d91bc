"""The 督办 workflow's status rules: who may move a task to which 办理状态 (issue #5).

交办 (assigned) → 签收 (acknowledged) → 推进中 → 申请办结 (lead unit) → 已办结 (supervisor).
- The supervising office and admins may set any status.
- The lead unit's liaison may move a task among 已签收, 推进中 and 申请办结; asking for
  已办结 (e.g. "已完成" in a ledger) files a close request (申请办结) instead, and a closed
  task stays closed for it.
- Supporting units and viewers may not change the status.
Every change is journalled in the caller's transaction.

The workflow's actions (签收, 申请办结, 审核) are use cases below; each runs in one locked
transaction that checks the version the user's form was read at (services/concurrency.py).
签收 rule: each assigned unit signs for itself (stored on its Assignment); the task becomes
已签收 when every lead unit has signed, since the lead units answer for it. Supporting units'
signatures are recorded and shown, but do not move the status.
"""
from __future__ import annotations

from ..clock import utcnow
from ..models import AssignmentRole, Channel, Role, Task, TaskStatus, User
from . import journal
from .concurrency import task_change
from .errors import InvalidInput
from .permissions import can_acknowledge, can_set_status, is_lead_liaison, is_supervisor, require, requirement

# Longest note a workflow action accepts (characters), like a progress report's texts.
MAX_NOTE_CHARS = 2000

LIAISON_SETTABLE = {TaskStatus.ACKNOWLEDGED, TaskStatus.IN_PROGRESS, TaskStatus.CLOSE_REQUESTED}


def resolve_status(actor: User, task: Task, wanted: TaskStatus) -> TaskStatus:
    """Return the status ``task`` gets when ``actor`` asks for ``wanted``.

    Raises PermissionDenied (Chinese message) when ``actor`` may not change the status of
    ``task`` at all, or asks a lead liaison cannot grant (reopening a closed task, 已交办).
    """
    if wanted is task.status:
        return wanted
    require(can_set_status(actor, task), "只有牵头单位或督办部门可以修改完成状态。")
    if actor.role in (Role.SUPERVISOR, Role.ADMIN):
        return wanted
    require(task.status is not TaskStatus.CLOSED, "该任务已办结，如需重新办理请联系督办部门。")
    if wanted is TaskStatus.CLOSED:
        return TaskStatus.CLOSE_REQUESTED
    require(wanted in LIAISON_SETTABLE, f"联络员不能把任务改为“{wanted.label}”。")
    return wanted


def change_status(task: Task, actor: User, wanted: TaskStatus, channel: Channel = Channel.FORM,
                  batch: str | None = None) -> TaskStatus:
    """Apply ``resolve_status`` to ``task`` and journal the change (not committed); return the new status."""
    new = resolve_status(actor, task, wanted)
    if new is not task.status:
        journal.record(task, "status", task.status, new, actor, channel, batch)
        task.status = new
    return new


def status_after_report(status: TaskStatus) -> TaskStatus | None:
    """Return the status a report moves a task in ``status`` to (推进中 when not started), else None."""
    return TaskStatus.IN_PROGRESS if status in (TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED) else None


def start_on_first_report(task: Task, actor: User, channel: Channel = Channel.FORM,
                          batch: str | None = None) -> None:
    """Move a task not yet started (已交办/已签收) to 推进中 when a report comes in (journalled)."""
    if status_after_report(task.status) is not None:
        journal.record(task, "status", task.status, TaskStatus.IN_PROGRESS, actor, channel, batch)
        task.status = TaskStatus.IN_PROGRESS


def _note(text: str | None, caption: str, required: bool) -> str:
    """Return ``text`` stripped; raise InvalidInput naming ``caption`` when required and empty, or too long."""
    value = (text or "").strip()
    if required and not value:
        raise InvalidInput(f"请填写“{caption}”。")
    if len(value) > MAX_NOTE_CHARS:
        raise InvalidInput(f"“{caption}”超过 {MAX_NOTE_CHARS} 字，请精简后再提交。")
    return value


def acknowledge(task_id: int, actor: User, read_version: int | None, overwrite_of: int | None = None) -> Task:
    """签收: ``actor``'s unit acknowledges the task it was assigned; commit; return the task.

    Stores the time and the signer on the unit's Assignment and journals it; when every lead
    unit has signed, a task still 已交办 becomes 已签收. Raises PermissionDenied for anyone but a
    liaison of an assigned unit, InvalidInput when the unit has signed already, Conflict on a
    stale ``read_version``.
    """
    check = requirement(lambda t: can_acknowledge(actor, t), "只有本任务牵头或配合单位的联络员可以签收。")
    with task_change(task_id, actor, read_version, overwrite_of, check=check) as task:
        assignment = next(a for a in task.assignments if a.unit_id == actor.unit_id)
        if assignment.acknowledged_at is not None:
            raise InvalidInput("本单位已签收该任务，无需重复签收。")
        assignment.acknowledged_at = utcnow()
        assignment.acknowledged_by_id = actor.id
        journal.record(task, "acknowledge", None, f"{assignment.unit.name}（{assignment.role.label}）签收", actor)
        leads = [a for a in task.assignments if a.role is AssignmentRole.LEAD]
        if task.status is TaskStatus.ASSIGNED and all(a.acknowledged_at is not None for a in leads):
            journal.record(task, "status", task.status, TaskStatus.ACKNOWLEDGED, actor)
            task.status = TaskStatus.ACKNOWLEDGED
    return task


def request_close(task_id: int, actor: User, note: str, read_version: int | None,
                  overwrite_of: int | None = None) -> Task:
    """申请办结: the lead unit asks the supervisor to close the task, with a note (办结说明); commit.

    Raises PermissionDenied unless ``actor`` is a lead unit's liaison; InvalidInput without a
    note, or when the task is closed or already waiting for review; Conflict on a stale version.
    """
    check = requirement(lambda t: is_lead_liaison(actor, t), "只有牵头单位的联络员可以申请办结。")
    with task_change(task_id, actor, read_version, overwrite_of, check=check) as task:
        text = _note(note, "办结说明", required=True)
        if task.status is TaskStatus.CLOSED:
            raise InvalidInput("该任务已办结，无需再申请。")
        if task.status is TaskStatus.CLOSE_REQUESTED:
            raise InvalidInput("该任务已申请办结，正在等待督办部门审核。")
        journal.record(task, "close_request", None, text, actor)
        journal.record(task, "status", task.status, TaskStatus.CLOSE_REQUESTED, actor)
        task.status = TaskStatus.CLOSE_REQUESTED
    return task


def review_close(task_id: int, actor: User, accept: bool, reason: str | None, read_version: int | None,
                 overwrite_of: int | None = None) -> Task:
    """审核: the supervisor accepts a close request (→ 已办结) or returns it (退回, → 推进中); commit.

    A return needs a reason (退回理由), which the lead unit sees in the history. Raises
    PermissionDenied unless ``actor`` is the supervising office or an admin; InvalidInput when the
    task is not waiting for review or a return has no reason; Conflict on a stale version.
    """
    require(is_supervisor(actor), "只有督办部门可以审核办结申请。")
    with task_change(task_id, actor, read_version, overwrite_of) as task:
        if task.status is not TaskStatus.CLOSE_REQUESTED:
            raise InvalidInput("该任务没有待审核的办结申请。")
        text = _note(reason, "审核意见" if accept else "退回理由", required=not accept)
        if accept:
            journal.record(task, "review", None, "同意办结" + (f"：{text}" if text else ""), actor)
            new = TaskStatus.CLOSED
        else:
            journal.record(task, "review", None, f"退回：{text}", actor)
            new = TaskStatus.IN_PROGRESS
        journal.record(task, "status", task.status, new, actor)
        task.status = new
    return task
