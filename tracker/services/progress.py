"""Report progress on a task, and read back the latest reports."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm.attributes import flag_modified

from ..database import begin_write
from ..extensions import db
from ..models import Channel, ProgressReport, Role, Task, TaskStatus, User
from . import journal, workflow
from .errors import InvalidInput
from .permissions import can_report, require, unit_role

# A report longer than this is almost certainly a paste gone wrong (characters).
MAX_REPORT_CHARS = 5000


def add_report(
    task: Task,
    author: User,
    progress: str,
    problems: str = "",
    next_steps: str = "",
    status: TaskStatus | None = None,
    channel: Channel = Channel.FORM,
) -> ProgressReport:
    """Add a progress report by ``author``'s unit to ``task``, and commit.

    ``progress`` (进展情况) is required; ``problems`` (存在问题) and ``next_steps``
    (下步计划) are optional; each at most MAX_REPORT_CHARS characters. ``status``
    changes the task's 办理状态 when given, by the rules of services/workflow.py; a
    first report moves a task from 已交办/已签收 to 推进中. The report and any status
    change are journalled with ``channel``. Raises PermissionDenied (nothing written)
    when the author may not report on the task or set the status; InvalidInput when
    a text is empty or too long.
    """
    texts = {"进展情况": progress.strip(), "存在问题": problems.strip(), "下步计划": next_steps.strip()}
    if not texts["进展情况"]:
        raise InvalidInput("请填写“进展情况”。")
    for caption, text in texts.items():
        if len(text) > MAX_REPORT_CHARS:
            raise InvalidInput(f"“{caption}”超过 {MAX_REPORT_CHARS} 字，请精简后再提交。")
    task_id = task.id
    begin_write()
    try:
        # Lock the task row (PostgreSQL; SQLite holds its write lock already) so that concurrent reports
        # change its status one at a time. begin_write expired ``task``: it reloads the row as it is now.
        db.session.execute(select(Task.id).where(Task.id == task_id).with_for_update())
        if task.withdrawn_at is not None:
            raise InvalidInput("该任务已在方案修订中撤销，不再报送进展。")
        require(can_report(author, task), "您所在单位不是该任务的牵头或配合单位，不能报送进展。")
        if status is not None and status is not task.status:
            workflow.change_status(task, author, status, channel)
        else:
            workflow.start_on_first_report(task, author, channel)
        # The report is filed under the author's unit (a supervisor's: the supervising office).
        report = ProgressReport(task=task, unit_id=author.unit_id, author=author, progress=texts["进展情况"],
                                problems=texts["存在问题"], next_steps=texts["下步计划"])
        db.session.add(report)
        bump_version(task)
        journal.record(task, "report", None, texts["进展情况"], author, channel)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return report


def bump_version(task: Task) -> None:
    """Count a new report as a change of ``task``: its version goes up at the next flush.

    A ledger exported before the report then sees that the task changed since (issue #4:
    an import of it reports a conflict instead of silently filing older progress over it).
    """
    flag_modified(task, "status")


def latest_reports(task_ids: list[int], unit_id: int | None = None) -> dict[int, ProgressReport]:
    """Return ``{task_id: latest report}`` for ``task_ids`` in two queries.

    With ``unit_id`` only that unit's reports count (a unit's own ledger).
    Latest means the highest id, which follows the order reports were stored.
    """
    if not task_ids:
        return {}
    newest = select(func.max(ProgressReport.id)).where(ProgressReport.task_id.in_(task_ids))
    if unit_id is not None:
        newest = newest.where(ProgressReport.unit_id == unit_id)
    newest = newest.group_by(ProgressReport.task_id)
    reports = db.session.scalars(select(ProgressReport).where(ProgressReport.id.in_(newest)))
    return {report.task_id: report for report in reports}


def reporting_role_label(user: User, task: Task) -> str:
    """Return how ``user`` reports on ``task``: 牵头单位, 配合单位 or 督办部门."""
    role = unit_role(user, task)
    if role is not None:
        return role.label
    return "督办部门" if user.role in (Role.SUPERVISOR, Role.ADMIN) else ""
