"""Revert a ledger import as a whole (issue #4): the supervising office undoes one ImportRecord.

In one transaction: the import's progress reports are removed, the statuses it changed are set
back (where nobody changed them since), a plan it created is deleted when nothing else was added
to it, and the record is marked reverted (its file may then be imported again). Every step is
journalled under the batch id "<batch>-revert"; journal rows are never deleted.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from ... import clock
from ...database import write_transaction
from ...extensions import db
from ...models import (
    Channel,
    ImportRecord,
    ImportState,
    JournalEntry,
    JournalField,
    Plan,
    ProgressReport,
    Task,
    TaskStatus,
    User,
)
from .. import journal
from ..errors import InvalidInput, NotFound
from ..permissions import can_manage_plans, require


@dataclass
class RevertResult:
    """What a revert did: reports removed, statuses restored, the plan deleted (id) and notes."""

    record: ImportRecord
    reports_removed: int = 0
    statuses_restored: int = 0
    plan_deleted: int | None = None
    notes: list[str] = field(default_factory=list)


def revert_import(record_id: int, actor: User, channel: Channel = Channel.FORM) -> RevertResult:
    """Undo the import ``record_id`` as ``actor`` (supervisor or admin) and commit.

    Raises PermissionDenied for anyone else, NotFound for an unknown record, InvalidInput when it
    was reverted already. Statuses changed again after the import are left as they are (noted).
    """
    require(can_manage_plans(actor), "只有督办部门可以撤销台账导入。")
    with write_transaction():
        record = db.session.get(ImportRecord, record_id, with_for_update=True)
        if record is None:
            raise NotFound("没有这条导入记录。")
        if record.state is ImportState.REVERTED:
            raise InvalidInput(f"导入记录 #{record.id} 已于此前撤销，无需再次撤销。")
        result = RevertResult(record)
        batch = f"{record.batch}-revert"
        _restore_statuses(record, actor, channel, batch, result)
        reports = list(db.session.scalars(select(ProgressReport).where(ProgressReport.import_id == record.id)))
        tasks = {t.id: t for t in db.session.scalars(select(Task).where(
            Task.id.in_({r.task_id for r in reports})))} if reports else {}
        created_plan = db.session.get(Plan, record.created_plan_id) if record.created_plan_id else None
        for report in reports:
            task = tasks[report.task_id]
            if created_plan is None or task.plan_id != created_plan.id:
                journal.record(task, JournalField.REPORT_REVERTED, report.progress or report.problems or report.next_steps,
                               None, actor, channel, batch)  # the entry bumps the task's version
            db.session.delete(report)
        result.reports_removed = len(reports)
        db.session.flush()
        if created_plan is not None:
            _delete_plan_if_untouched(created_plan, record, actor, channel, batch, result)
        record.state = ImportState.REVERTED
        record.active_sha256 = None
        record.reverted_at = clock.utcnow()
        record.reverted_by_id = actor.id
    return result


def _restore_statuses(record: ImportRecord, actor: User, channel: Channel, batch: str, result: RevertResult) -> None:
    """Set back each status the import changed, newest change first, unless it changed again since."""
    entries = list(db.session.scalars(select(JournalEntry).where(
        JournalEntry.batch == record.batch, JournalEntry.field == JournalField.STATUS.value)
        .order_by(JournalEntry.id.desc())))
    tasks = {t.id: t for t in db.session.scalars(select(Task).where(
        Task.id.in_({e.task_id for e in entries})).with_for_update())} if entries else {}
    for entry in entries:
        task = tasks[entry.task_id]
        if task.status.value != entry.new_code:
            result.notes.append(f"任务 {task.number_display} 的完成状态在导入后又被修改为“{task.status.label}”，未恢复。")
            continue
        old = TaskStatus.from_code(entry.old_code)
        if old is None:  # the import created the task with this status: nothing to set back to
            continue
        journal.record(task, JournalField.STATUS, task.status, old, actor, channel, batch)
        task.status = old
        result.statuses_restored += 1


def _delete_plan_if_untouched(plan: Plan, record: ImportRecord, actor: User, channel: Channel, batch: str,
                              result: RevertResult) -> None:
    """Delete the plan the import created, unless reports or journal entries were added to it since.

    The import's own entries (its batch: the tasks' creation, statuses and reports) do not count;
    they stay in the journal, which outlives the plan (JournalEntry: task_id is no foreign key).
    """
    task_ids = select(Task.id).where(Task.plan_id == plan.id)
    other_reports = db.session.scalar(select(func.count(ProgressReport.id)).where(ProgressReport.task_id.in_(task_ids)))
    entries = db.session.scalar(select(func.count(JournalEntry.id)).where(
        (JournalEntry.plan_id == plan.id) | JournalEntry.task_id.in_(task_ids),
        JournalEntry.batch.is_distinct_from(record.batch)))
    if other_reports or entries:
        result.notes.append(f"方案 #{plan.id}《{plan.title}》在导入后又有进展或修改，已保留（仅撤销了本次导入的进展）。")
        return
    title, plan_id = plan.title, plan.id
    for task in plan.tasks:
        task.parent = None  # delete children and parents in one flush, whatever the order
    db.session.flush()
    db.session.delete(plan)
    db.session.flush()
    journal.record(None, JournalField.PLAN_DELETED, f"方案 #{plan_id}《{title}》", None, actor, channel, batch)
    result.plan_deleted = plan_id
