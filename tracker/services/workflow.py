"""The 督办 workflow's status rules: who may move a task to which 办理状态 (issue #5).

交办 (assigned) → 签收 (acknowledged) → 推进中 → 申请办结 (lead unit) → 已办结 (supervisor).
- The supervising office and admins may set any status.
- The lead unit's liaison may move a task among 已签收, 推进中 and 申请办结; asking for
  已办结 (e.g. "已完成" in a ledger) files a close request (申请办结) instead, and a closed
  task stays closed for it.
- Supporting units and viewers may not change the status.
Every change is journalled in the caller's transaction.
"""
from __future__ import annotations

from ..models import Channel, Role, Task, TaskStatus, User
from . import journal
from .permissions import can_set_status, require

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
