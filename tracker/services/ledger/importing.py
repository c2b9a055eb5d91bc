"""Import a work ledger (工作台账): preview it, then apply it all or nothing (CONTRACTS.md §4, issue #4).

One use case for the command line and the pages:

    loaded = load_ledger(path_or_bytes, filename, limits=ledger_limits(app.config))
    preview = preview_import(loaded, actor, target_plan_id=None, supervising_office="市金融办")
    record = apply_import(loaded, actor, ...)        # ImportRejected: nothing written

Three kinds of ledger (ledger_outcomes.MODE_*): the tracker's own exports update their tasks by
the hidden 任务键 (ledger_changes.plan_own); other offices' ledgers create a new plan
(ledger_newplan) or, with a target plan, merge their progress into it (ledger_changes.plan_merge).
``apply_import`` plans again inside one write transaction (database.write_transaction: BEGIN IMMEDIATE on
SQLite, the matched task rows locked FOR UPDATE on PostgreSQL), writes the reports, status changes,
journal entries (channel import, one batch id) and the ImportRecord, and commits once; any error
rolls everything back. A file already applied (same SHA-256) is refused (SECURITY-TESTS.md E12).
"""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from ... import clock
from ...clock import to_beijing
from ...database import write_transaction
from ...extensions import db
from ...ledger import LedgerLimits, LedgerReadResult, read_ledger
from ...ledger.safety import load_source
from ...models import (
    Channel,
    CloseRequest,
    ExtensionRequest,
    ExtensionState,
    ImportRecord,
    JournalEntry,
    JournalField,
    Plan,
    ProgressReport,
    Role,
    SignoffState,
    Task,
    TaskStatus,
    User,
)
from ...settings import Settings, current_settings
from .. import journal
from ..collector import collecting_later
from ..workflow import extensions, signoff, transitions
from ..errors import NotFound, PermissionDenied, ServiceError
from .changes import Change, ImportContext, own_report_unit, plan_own
from .merge import plan_merge
from .newplan import create_plan, plan_title, plan_tree, unit_names
from .outcomes import ERROR, MODE_MERGE, MODE_NEW_PLAN, MODE_OWN, ImportPreview
from ..permissions import can_manage_plans, require
from ..accounts.units import UnitIndex


@dataclass
class LoadedLedger:
    """A ledger file read and checked: the read result, the file's SHA-256 (hex) and size in bytes."""

    read: LedgerReadResult
    sha256: str
    size: int


@dataclass
class ImportResult:
    """An applied import: its stored ImportRecord and the preview it was applied from."""

    record: ImportRecord
    preview: ImportPreview


class ImportRejected(ServiceError):
    """The import cannot be applied; ``preview`` lists every reason (bad rows, wrong unit, duplicate)."""

    def __init__(self, preview: ImportPreview) -> None:
        lines = preview.error_lines()
        more = f"（共 {len(lines)} 处）" if len(lines) > 3 else ""
        super().__init__("台账未导入，没有写入任何数据：" + "；".join(lines[:3]) + more)
        self.preview = preview


def ledger_limits(config: Mapping) -> LedgerLimits:
    """The upload limits from a mapping of the app's settings: LEDGER_MAX_BYTES (default MAX_CONTENT_LENGTH,
    else 20 MB) and LEDGER_MAX_ROWS (default 50,000) (SECURITY-TESTS.md E1, E5). Within the app, read
    ``current_settings().ledger_limits`` (tracker/settings.py, where the rule lives)."""
    return Settings.from_config(config).ledger_limits


def load_ledger(source, filename: str | None = None, *, limits: LedgerLimits = LedgerLimits(),
                column_map: dict[str, str] | None = None, header_row: int | None = None) -> LoadedLedger:
    """Read the ledger ``source`` (path, bytes or binary file) once and hash it.

    ``column_map``/``header_row`` correct the detected layout (see read_ledger). Raises
    LedgerRefused (a Chinese message; ``code`` e.g. "too_large", "legacy_xls") for a file that
    cannot be used at all; bad rows are in ``read.issues``.
    """
    data, filename = load_source(source, filename, limits)
    with collecting_later():
        read = read_ledger(data, filename, column_map=column_map, header_row=header_row, limits=limits)
    return LoadedLedger(read=read, sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def may_import(user: User) -> bool:
    """Whether ``user`` may import ledgers at all: supervisors, admins, liaisons (their unit's)."""
    return user.role in (Role.SUPERVISOR, Role.ADMIN, Role.LIAISON)


def preview_import(loaded: LoadedLedger, actor: User, target_plan_id: int | None = None,
                   supervising_office: str | None = None) -> ImportPreview:
    """Return what importing ``loaded`` as ``actor`` would do, row by row; write nothing.

    ``target_plan_id``: merge a foreign ledger into that plan instead of creating one;
    ``supervising_office``: the office's unit name (reports of a supervisor's own ledger).
    Raises PermissionDenied for a viewer, NotFound for an unknown target plan.
    """
    require(may_import(actor), "只读账号不能导入台账。")
    with collecting_later():
        preview, _ = _prepare(loaded, actor, target_plan_id, supervising_office, lock=False)
    db.session.rollback()  # end the read transaction; nothing was changed
    return preview


def apply_import(loaded: LoadedLedger, actor: User, target_plan_id: int | None = None,
                 supervising_office: str | None = None) -> ImportResult:
    """Apply ``loaded`` as ``actor`` in one transaction; return its ImportRecord (committed) and preview.

    Raises ImportRejected (nothing written) when the preview is not ``ok``: a bad row, a row the
    liaison's unit has no part in (SECURITY-TESTS.md A9), the same file already applied; other
    errors as preview_import. Any other failure rolls back everything, journal entries included.
    Conflicting rows are not applied and counted in the record.
    """
    require(may_import(actor), "只读账号不能导入台账。")
    with collecting_later():
        return _apply(loaded, actor, target_plan_id, supervising_office)


def _apply(loaded: LoadedLedger, actor: User, target_plan_id: int | None,
           supervising_office: str | None) -> ImportResult:
    try:
        with write_transaction():
            preview, payload = _prepare(loaded, actor, target_plan_id, supervising_office, lock=True)
            if not preview.ok:
                raise ImportRejected(preview)
            record = ImportRecord(
                batch=uuid.uuid4().hex, user_id=actor.id, filename=(loaded.read.filename or "")[:300],
                sha256=loaded.sha256, active_sha256=loaded.sha256, mode=preview.mode, rows_read=preview.rows_read,
                created_count=preview.created, updated_count=preview.updated, conflict_count=preview.conflicts,
                skipped_count=preview.skipped,
                target_plan_id=preview.target_plan_id if preview.mode == MODE_MERGE else None,
                report_unit_id=payload[1],
            )
            db.session.add(record)
            db.session.flush()  # the unique active_sha256 refuses a file another request applied meanwhile
            if preview.mode == MODE_NEW_PLAN:
                ctx, specs = payload[0]
                plan = create_plan(ctx, specs, preview.plan_title, actor, record.id, record.batch)
                db.session.flush()
                record.created_plan_id = plan.id
                journal.record(None, JournalField.PLAN_IMPORT, None,
                               f"由台账《{record.filename}》新建方案 #{plan.id}《{plan.title}》，共 {len(specs)} 个条目",
                               actor, Channel.IMPORT, record.batch, reported_on=ctx.reported_on)
            else:
                _apply_changes(payload[0], actor, record, payload[2])
    except IntegrityError:  # rolled back by write_transaction
        duplicate = _duplicate(loaded.sha256)
        if duplicate is None:
            raise
        preview.duplicate_of = duplicate
        raise ImportRejected(preview) from None
    return ImportResult(record, preview)


@dataclass
class _Writes:
    """The rows one import inserts and updates, gathered row by row and written in bulk."""

    reports: list[dict] = field(default_factory=list)
    close_drafts: list[dict] = field(default_factory=list)  # 申请办结 drafts (待签发) of a sign-off unit
    journal: list[dict] = field(default_factory=list)
    tasks: dict[int, dict] = field(default_factory=dict)  # one UPDATE per task, by task id


def _apply_changes(changes: list[Change], actor: User, record: ImportRecord, reported_on: date | None) -> None:
    """Write every change in three bulk statements: reports, journal entries, task updates.

    Each task's UPDATE carries its version as read under the lock and bumps it once, however many
    changes the task gets (a by-unit ledger's rows, a combined cell's units), so a ledger exported
    before this import sees the change (issue #4). Reports and journal entries are dated by the
    change's own 填报日期 (a by-unit row's), else ``reported_on`` (ImportContext.reported_on: the
    ledger's 填报日期).
    """
    writes = _Writes()
    for change in changes:
        _apply_change(change, actor, record, writes, reported_on)
    if writes.reports:
        db.session.execute(insert(ProgressReport.__table__), writes.reports)
        if signoff.needs_signoff(actor):  # drafts (待签发): tell the unit's leaders, once for the import
            signoff.notify_leaders(actor, signoff.Kind.REPORT, count=len(writes.reports))
    if writes.close_drafts:
        db.session.execute(insert(CloseRequest.__table__), writes.close_drafts)
        signoff.notify_leaders(actor, signoff.Kind.CLOSE, count=len(writes.close_drafts))
    if writes.journal:
        db.session.execute(insert(JournalEntry.__table__), writes.journal)
    if writes.tasks:
        table = Task.__table__
        db.session.execute(
            update(table).where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_old"))
            .values(status=bindparam("b_status", type_=table.c.status.type), version=bindparam("b_version")),
            list(writes.tasks.values()))
        _settle_closed(changes, writes, actor)


def _settle_closed(changes: list[Change], writes: _Writes, actor: User) -> None:
    """A task the import closed (已办结) settles its pending extension requests, as a close by form does
    (services/workflow/extensions.settle_on_close); the tasks are read again only when one has such a request."""
    before = {change.task.id: change.task.status for change in changes}
    closed = [task_id for task_id, values in writes.tasks.items()
              if values["b_status"] is TaskStatus.CLOSED and before.get(task_id) is not TaskStatus.CLOSED]
    if not closed:
        return
    waiting = db.session.scalars(select(ExtensionRequest.task_id).where(
        ExtensionRequest.task_id.in_(closed), ExtensionRequest.state == ExtensionState.PENDING).distinct()).all()
    for task_id in sorted(waiting):  # the bulk UPDATE above changed the rows: read them as they are now
        extensions.settle_on_close(db.session.get(Task, task_id, populate_existing=True), actor)


def _apply_change(change: Change, actor: User, record: ImportRecord, writes: _Writes,
                  reported_on: date | None) -> None:
    """Gather one row's writes: status by the workflow rules, the report, journal entries, version."""
    task, batch = change.task, record.batch
    earlier = writes.tasks.get(task.id)  # an earlier change of the same task in this import
    status = earlier["b_status"] if earlier else task.status
    reported_on = change.reported_on or reported_on
    stamp = dict(task_version=task.version + 1, reported_on=reported_on)
    if change.status is None and change.close_note:  # a close request draft (待签发), as request_close files it
        writes.close_drafts.append(dict(task_id=task.id, unit_id=actor.unit_id, requested_by_id=actor.id,
                                        created_at=clock.utcnow(), note=change.close_note,
                                        signoff_state=SignoffState.DRAFT))
        writes.journal.append(journal.entry_values(task.id, task.plan_id, JournalField.DRAFT, None,
                                                   f"申请办结（待单位负责人签发）：{change.close_note}", actor,
                                                   Channel.IMPORT, batch, subject_unit_id=actor.unit_id, **stamp))
    if change.status is not None:
        if change.close_note:  # a close request (REQUEST_CLOSE) and its 办结说明, as the close-request form writes
            writes.journal.append(journal.entry_values(task.id, task.plan_id, JournalField.CLOSE_REQUEST, None,
                                                       change.close_note, actor, Channel.IMPORT, batch, **stamp))
        writes.journal.append(journal.entry_values(task.id, task.plan_id, JournalField.STATUS, status, change.status,
                                                   actor, Channel.IMPORT, batch, **stamp))
        status = change.status
    if change.report is not None:
        # A liaison of a unit with sign-off files a draft (待签发), as on the report form: it starts nothing
        # and counts once the unit leader signs it (ImportContext.files_drafts, services/workflow/signoff.py).
        draft = signoff.needs_signoff(actor)
        # START of the transition table: a lead unit's or the supervising office's report starts the task.
        started = (transitions.started_by_report(actor, task, status)
                   if change.status is None and not draft else None)
        if started is not None:
            writes.journal.append(journal.entry_values(task.id, task.plan_id, JournalField.STATUS, status, started,
                                                       actor, Channel.IMPORT, batch, **stamp))
            status = started
        progress, problems, next_steps = change.report
        writes.reports.append(dict(task_id=task.id, unit_id=change.unit_id, author_id=actor.id, import_id=record.id,
                                   created_at=clock.utcnow(), progress=progress, problems=problems, next_steps=next_steps,
                                   reported_on=reported_on, signoff_state=SignoffState.DRAFT if draft else None))
        writes.journal.append(journal.entry_values(task.id, task.plan_id,
                                                   JournalField.DRAFT if draft else JournalField.REPORT, None,
                                                   progress or problems or next_steps, actor, Channel.IMPORT, batch,
                                                   subject_unit_id=change.unit_id if actor.role is Role.LIAISON else None,
                                                   **stamp))
    writes.tasks[task.id] = dict(b_id=task.id, b_old=task.version, b_version=task.version + 1, b_status=status)


def _prepare(loaded: LoadedLedger, actor: User, target_plan_id: int | None, supervising_office: str | None,
             lock: bool) -> tuple[ImportPreview, tuple]:
    """Plan the import; return the preview and what apply needs:
    (changes or (ctx, specs), report unit id, the day its journal entries are dated by)."""
    read = loaded.read
    mode = MODE_OWN if read.own_export else (MODE_MERGE if target_plan_id is not None else MODE_NEW_PLAN)
    preview = ImportPreview(
        mode=mode, filename=read.filename, sha256=loaded.sha256, sheet=read.sheet, title=read.title,
        file_unit=read.unit_name, report_unit=None, column_map=dict(read.column_map), unmapped=dict(read.unmapped),
        header_row=read.header_row, warnings=list(read.warnings), issues=list(read.issues),
        rows_read=len(read.rows), target_plan_id=target_plan_id,
    )
    units = UnitIndex()
    file_unit = units.find(read.unit_name) if read.unit_name else None
    if supervising_office is None:
        supervising_office = current_settings().supervising_office
    office = (units.find(supervising_office) if supervising_office else None) or (
        actor.unit if actor.role in (Role.SUPERVISOR, Role.ADMIN) else None)
    ctx = ImportContext(read, actor, preview, units, file_unit, office, lock)
    if ctx.files_drafts:
        preview.warnings.append("本单位报送须经单位负责人审核签发：导入的进展和“已完成”（申请办结）将作为草稿（待签发），"
                                "单位负责人签发后才报送督办部门；台账中的其他完成状态不导入。")
    preview.reported_on = ctx.reported_on
    preview.duplicate_of = _duplicate(loaded.sha256)
    if actor.role is Role.LIAISON and file_unit is not None and file_unit.id != actor.unit_id:
        preview.problems.append(f"该台账的填报单位是“{file_unit.name}”，不是本单位（{actor.unit.name}）。"
                                "联络员只能导入本单位的台账，请下载本单位的台账填写后再上传。")
    report_unit_id = None
    if mode == MODE_OWN:
        if target_plan_id is not None:
            preview.warnings.append("这是本系统导出的台账，按任务键更新任务，已忽略所选方案。")
            preview.target_plan_id = None
        unit, scope_unit_id = own_report_unit(ctx)
        preview.report_unit = unit.name if unit else None
        if scope_unit_id is None and actor.role is not Role.LIAISON:  # every unit's progress (changes.row_parts)
            preview.report_unit = ("按“单位”列记入各行的单位" if "单位" in read.column_map else
                                   "标明【单位】的段落记入该单位，未标明单位的记入" + (unit.name if unit else "督办部门"))
        report_unit_id = unit.id if unit else None
        payload = plan_own(ctx)
    elif mode == MODE_MERGE:
        plan = db.session.get(Plan, target_plan_id)
        if plan is None:
            raise NotFound(f"没有编号为 {target_plan_id} 的方案。")
        preview.plan_title = plan.title
        preview.report_unit = actor.unit.name if actor.role is Role.LIAISON else "填报单位（有分工时）或各任务的牵头单位"
        payload = plan_merge(ctx, plan)
    else:
        if not can_manage_plans(actor):
            preview.problems.append("联络员不能用台账新建方案。请导入从本系统下载的本单位台账，或选择要合并进度的方案。")
        preview.plan_title = plan_title(ctx)
        preview.report_unit = "填报单位（有分工时）或各任务的牵头单位"
        specs = plan_tree(ctx)
        new_units = unit_names(specs, units)
        if new_units:
            preview.warnings.append("以下单位不在单位名录中，导入时将新建：" + "、".join(new_units))
        payload = (ctx, specs)
    _mark_bad_rows(preview)
    return preview, (payload, report_unit_id, ctx.reported_on)


def _mark_bad_rows(preview: ImportPreview) -> None:
    """Show the reader's issues on their rows' outcomes too (a row with an issue is an error)."""
    reasons: dict[int, list[str]] = {}
    for issue in preview.issues:
        reasons.setdefault(issue.row, []).append(f"{issue.column} 列（{issue.caption or '未命名'}）：{issue.reason}")
    for outcome in preview.outcomes:
        if outcome.row in reasons and outcome.action != ERROR:
            outcome.action = ERROR
            outcome.diffs.clear()
            outcome.notes = reasons[outcome.row]
        elif outcome.row in reasons:
            outcome.notes = reasons[outcome.row]


def _duplicate(sha256: str) -> tuple[int, str] | None:
    """(id, Beijing time) of the applied import of the file with this SHA-256, else None."""
    record = db.session.scalar(select(ImportRecord).where(ImportRecord.active_sha256 == sha256))
    if record is None:
        return None
    return record.id, to_beijing(record.created_at).strftime("%Y-%m-%d %H:%M")


def import_records(actor: User) -> list[ImportRecord]:
    """The imports ``actor`` may see, newest first: all for the supervising office, else their own."""
    query = select(ImportRecord).order_by(ImportRecord.id.desc())
    if not actor.sees_everything:
        query = query.where(ImportRecord.user_id == actor.id)
    return list(db.session.scalars(query))


def get_import(record_id: int, actor: User) -> ImportRecord:
    """The import record ``record_id`` if ``actor`` may see it; NotFound otherwise (no existence leak)."""
    record = db.session.get(ImportRecord, record_id)
    if record is None or not (actor.sees_everything or record.user_id == actor.id):
        raise NotFound("没有这条导入记录。")
    return record


__all__ = ["ImportRejected", "ImportResult", "LoadedLedger", "PermissionDenied", "apply_import", "get_import", "import_records",
           "ledger_limits", "load_ledger", "may_import", "preview_import"]
