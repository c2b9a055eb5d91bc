"""Plan the updates a ledger brings to existing tasks: own exports by task key (merges: ledger_merge.py).

For each data row: find its task (by the hidden 任务键, or by 序号/具体措施 text in a target plan),
check the importer may report on it, compare the row's 进展情况/存在问题/下步计划/完成状态 with the
tracker's current state, and decide update / skip / conflict / error (RowOutcome). A row of an own
export whose task changed since the export (version newer than the exported 版本) and whose cells
differ from the tracker's state is a conflict and is never applied (issue #4); a row left as
exported is skipped, even when the task moved on since. Queries are bulk: tasks by keys, latest
reports and history in a few IN queries whatever the ledger's size. Tasks are read as plain
TaskRow values (no ORM identity map to fill and expire), which the permission rules
(services/permissions.py) and the transition table (services/workflow/transitions.py) accept as
they read only ``status`` and ``assignments``.

Every unit's progress (issue 15). A unit's file (a liaison's, or one whose 填报单位 is a unit)
files its rows' texts under that unit, as written. The supervising office's file shows each unit's
latest report, and is read back unit by unit (``row_parts``):

* a by-unit row (the ledger has a 单位 column, ledger/layout.py) reports for its 单位, which must be
  a registered unit with a part in the task (or the supervising office);
* in a one-row layout each of 进展情况/存在问题/下步计划 is split at the 【单位】 that open its
  paragraphs (ledger/unitparts.py); each part goes to the unit it names, compared with that unit's
  latest report. A name that is no registered unit, or a unit without a part in the task, is a bad
  cell (row and column named); so is text before the first 【单位】 of a cell that has some;
* text without any 【单位】 keeps the rule of issue #4 — the supervising office's (or 填报单位's)
  report, compared with the task's latest report of any unit — unless the task has reports of
  several units: then the file cannot say whose words they are and the row is refused, asking for
  a 【单位】 before each paragraph. So a combined cell never files one unit's words under another.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterable

from sqlalchemy import select

from ... import clock  # clock.beijing_today() read at each call: a test that sets the day sets it here too
from ...extensions import db
from ...ledger import LedgerIssue, LedgerReadResult, ReadRow
from ...ledger.cells import neutralize_cell_text
from ...ledger.unitparts import split_parts, unit_prefix
from ...models import (
    Assignment,
    AssignmentRole,
    JournalEntry,
    JournalField,
    ProgressReport,
    Role,
    SignoffState,
    Task,
    TaskStatus,
    Unit,
    User,
)
from ..errors import InvalidInput, PermissionDenied
from .outcomes import CONFLICT, ERROR, SKIP, UPDATE, FieldDiff, ImportPreview, RowOutcome
from ..permissions import unit_role
from ..workflow.progress import DRAFT_STATUS_MESSAGE, MAX_REPORT_CHARS, latest_reports, latest_reports_by_unit
from ..accounts.units import UnitIndex
from ..workflow import signoff
from ..workflow.transitions import Action, ledger_statuses, transition_for_status
from ...vocabulary.numbering import render_number

# The preview's note on a report filed as a draft (待签发, issue 18).
DRAFT_NOTE = "（待单位负责人签发后报送督办部门）"
REPORT_FIELDS = (("进展情况", "progress"), ("存在问题", "problems"), ("下步计划", "next_steps"))
# Statuses other offices write that the tracker derives from dates (a status light), never stores.
IGNORED_STATUSES = {"逾期", "超期", "延期", "滞后", "预警"}
# IN lists are split so that SQLite's limit on bound parameters is never reached.
CHUNK = 5000


@dataclass
class ImportContext:
    """What every planner needs: the read ledger, the acting user, the preview being filled in.

    ``file_unit``: the registered unit named in 填报单位 (None when absent or unknown);
    ``office``: the supervising office's unit; ``lock``: lock the matched task rows (apply).
    """

    read: LedgerReadResult
    actor: User
    preview: ImportPreview
    units: UnitIndex
    file_unit: Unit | None
    office: Unit | None
    lock: bool = False
    _drafts: dict[int, set[tuple[str, str, str]]] | None = field(default=None, repr=False)

    @property
    def reported_on(self) -> date | None:
        """The day the import's journal entries are dated by (JournalEntry.reported_on): another office's 填报日期.

        None, so that the entries are dated by the day of the import (created_at), when the ledger
        gives no 填报日期, gives a day after today (Beijing), which cannot be the day it was filled
        in, or is one of the tracker's own exports: their 填报日期 is the day the tracker wrote the
        file (ledger/writer.py), not a day the unit vouches for, and dating a closing by it could
        make a late closing look on time (services/figures/ranking.completion).
        """
        day = self.read.report_date
        if self.read.own_export or day is None or day > clock.beijing_today():
            return None
        return day

    @property
    def files_drafts(self) -> bool:
        """True when the actor's reports are drafts (待签发) waiting for the unit leader's sign-off: the
        report form's rule, ``signoff.needs_signoff`` (issue 18)."""
        return signoff.needs_signoff(self.actor)

    def waiting_draft(self, task_id: int, texts: tuple[str, str, str]) -> bool:
        """True when ``texts`` (进展情况, 存在问题, 下步计划, as exported) are those of a report draft of
        the actor's unit on task ``task_id`` still waiting for sign-off: importing the same ledger again
        files no second draft. One query per import (a unit's waiting drafts are few)."""
        if self._drafts is None:
            self._drafts = {}
            if self.files_drafts:
                rows = db.session.execute(select(
                    ProgressReport.task_id, ProgressReport.progress, ProgressReport.problems,
                    ProgressReport.next_steps).where(ProgressReport.unit_id == self.actor.unit_id,
                                                     ProgressReport.signoff_state == SignoffState.DRAFT))
                for task, *words in rows:
                    self._drafts.setdefault(task, set()).add(tuple(as_exported(w) for w in words))
        return texts in self._drafts.get(task_id, set())

    def issue(self, row: int, caption: str, reason: str, outcome: RowOutcome | None = None) -> None:
        """Record a bad cell at ``row`` in the column mapped to ``caption`` (else 具体措施's)."""
        letter = self.read.column_map.get(caption) or self.read.column_map.get("具体措施", "A")
        self.preview.issues.append(LedgerIssue(self.read.sheet, row, letter, caption, reason))
        if outcome is not None:
            outcome.action = ERROR
            outcome.notes.append(reason)


@dataclass(frozen=True)
class AssignmentRow:
    """A unit's part in a task: ``unit_id`` and ``role`` (lead/supporting)."""

    unit_id: int
    role: AssignmentRole


@dataclass
class TaskRow:
    """The columns of a task an import needs, read without the ORM; ``assignments`` in plan order."""

    id: int
    key: str
    plan_id: int
    parent_id: int | None
    path: list[str]
    title: str | None
    text: str
    version: int
    status: TaskStatus
    withdrawn_at: datetime | None  # set: withdrawn by a plan revision (已撤销)
    deadline: str | None  # 完成时限 as written (an own export's column, never imported: DEADLINE_NOT_IMPORTED)
    assignments: list[AssignmentRow]
    # Its open sub-tasks (issue 18; ORM Tasks, usually none): the closing rule
    # (workflow.transitions.check_subtasks_closed) reads them, as it does on the web and the API.
    subtasks: list = field(default_factory=list)

    @property
    def number_display(self) -> str:
        """The task's 序号 as shown, from ``path`` (vocabulary/numbering.render_number)."""
        return render_number(self.path)

    @property
    def lead_unit_ids(self) -> list[int]:
        """The ids of the task's lead units (牵头单位), in the plan's order."""
        return [a.unit_id for a in self.assignments if a.role is AssignmentRole.LEAD]


@dataclass
class Change:
    """What applying one row does to an existing task: a new report by ``unit_id`` and/or a status.

    A row may give several changes of one task (a combined cell: one report per unit), and a
    by-unit ledger several rows of one task; apply writes them in order. ``reported_on``: the
    report's 填报日期 when the row gives one (by-unit 填报日期), else None (the ledger's, or none).
    """

    task: TaskRow
    unit_id: int | None
    report: tuple[str, str, str] | None
    status: TaskStatus | None
    outcome: RowOutcome
    # The 办结说明 when the status change is a close request (REQUEST_CLOSE); with ``status`` None, the
    # close request is a draft (待签发) of a unit with sign-off, filed as the 申请办结 form files it.
    close_note: str | None = None
    reported_on: date | None = None


@dataclass
class UnitPart:
    """One unit's texts in a row: ``unit_id``, ``label`` ("" or "【单位】" for the preview),
    ``texts`` (进展情况, 存在问题, 下步计划), the unit's ``current`` latest report, and the row's
    ``reported_on`` (by-unit 填报日期, when it may date the report)."""

    unit_id: int | None
    label: str
    texts: tuple[str, str, str]
    current: ProgressReport | None
    reported_on: date | None = None


def chunks(values: list, size: int = CHUNK) -> Iterable[list]:
    """Yield ``values`` in slices of at most ``size``."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


_TASK_COLUMNS = (Task.id, Task.key, Task.plan_id, Task.parent_id, Task.path, Task.title, Task.text, Task.version,
                 Task.status, Task.withdrawn_at, Task.deadline)


def load_tasks(where, lock: bool) -> list[TaskRow]:
    """Return the tasks matching the ``where`` clause with their assignments, as TaskRows.

    Two queries (tasks; their assignments); with ``lock`` the task rows are locked FOR UPDATE
    until the transaction ends (PostgreSQL; SQLite's write lock is held already).
    """
    query = select(*_TASK_COLUMNS).where(where)
    if lock:
        query = query.with_for_update(of=Task)
    tasks = {row.id: TaskRow(*row, assignments=[]) for row in db.session.execute(query)}
    for part in chunks(list(tasks)):
        for task_id, unit_id, role in db.session.execute(
                select(Assignment.task_id, Assignment.unit_id, Assignment.role)
                .where(Assignment.task_id.in_(part)).order_by(Assignment.task_id, Assignment.position)):
            tasks[task_id].assignments.append(AssignmentRow(unit_id, role))
        for sub in db.session.scalars(select(Task).where(Task.split_from_id.in_(part), Task.withdrawn_at.is_(None),
                                                         Task.status != TaskStatus.CLOSED)):
            tasks[sub.split_from_id].subtasks.append(sub)
    return list(tasks.values())


def row_label(row: ReadRow) -> str:
    """A short text to recognise a row by: its measure or heading, at most 40 characters."""
    text = (row.measure or row.heading or "").strip().replace("\n", " ")
    return text if len(text) <= 40 else text[:40] + "…"


def plan_own(ctx: ImportContext) -> list[Change]:
    """Plan an own export: match rows by 任务键, detect conflicts through 版本; return the changes."""
    rows = [row for row in ctx.read.rows if not row.is_group_row]
    keys = list({row.key for row in rows if row.key})
    tasks: dict[str, TaskRow] = {}
    for part in chunks(keys):
        tasks.update((task.key, task) for task in load_tasks(Task.key.in_(part), ctx.lock))
    unit, scope_unit_id = own_report_unit(ctx)
    task_ids = [t.id for t in tasks.values()]
    latest = latest_by_task(task_ids, scope_unit_id)
    # The supervising office's file shows every unit's latest report (export.py): read it back per unit.
    per_unit = scope_unit_id is None and ctx.actor.role is not Role.LIAISON
    by_unit = latest_by_task_and_unit(task_ids) if per_unit else {}
    by_unit_rows = "单位" in ctx.read.column_map
    changes, seen = [], {}
    for row in rows:
        outcome = outcome_for(ctx, row)
        task = tasks.get(row.key) if row.key else None
        if row.key is None:
            ctx.issue(row.row, "任务键", "缺少任务键：本系统导出的台账不能新增任务行，请在系统中新建任务或删去此行", outcome)
            continue
        if task is None:
            ctx.issue(row.row, "任务键", f"未知的任务键“{row.key[:40]}”，该任务不存在或已删除，请重新导出台账", outcome)
            continue
        identity = (task.id, (row.unit or "").strip()) if by_unit_rows else (task.id, "")
        if identity in seen:
            what = f"同一任务的“{identity[1]}”行" if identity[1] else "同一任务"
            ctx.issue(row.row, "任务键", f"{what}在台账中出现了两次（另见第 {seen[identity]} 行），请删去重复的行", outcome)
            continue
        seen[identity] = row.row
        outcome.task_id, outcome.tracker_version, outcome.file_version = task.id, task.version, row.version
        outcome.number = task.number_display  # the task's own 序号: a sub-task's "二（四）-1" reads as its parent's
        if not may_import_row(ctx, row, task, outcome):
            continue
        if per_unit:
            parts = row_parts(ctx, row, task, unit, by_unit.get(task.id, {}), latest.get(task.id), outcome)
        else:
            parts = own_unit_part(ctx, row, unit, latest.get(task.id), outcome)
        if parts is not None:
            changes.extend(evaluate_parts(ctx, row, task, parts, outcome))
        note_deadline_not_imported(row, task, outcome)
    one_status_per_task(ctx, changes)
    _settle_stale(changes)
    return [change for change in changes if change.outcome.action == UPDATE]


# Said on a row of an own export whose 完成时限 was changed in the file: the import never changes a deadline.
DEADLINE_NOT_IMPORTED = ("完成时限改为“{new}”未导入：台账只导入进展和完成状态；完成时限由督办部门在任务页“编辑”中修改，"
                         "牵头单位需要延长时限请在任务页“申请延期”")


def note_deadline_not_imported(row: ReadRow, task: TaskRow, outcome: RowOutcome) -> None:
    """Tell, on the row's preview line, that a 完成时限 changed in an own export is not imported (the
    deadline is the supervising office's, services/plans/task_editing.py, or an extension's), instead of
    letting the row read "与系统中一致" while the file says another date."""
    written = (row.deadline or "").strip()
    if not written or written == (task.deadline or "").strip():
        return
    if outcome.notes and outcome.notes[0] == "与系统中一致，无需更新":
        outcome.notes[0] = "进展与系统中一致，无需更新"
    outcome.notes.append(DEADLINE_NOT_IMPORTED.format(new=written[:40]))


def row_texts(row: ReadRow) -> tuple[str, str, str]:
    """The row's 进展情况, 存在问题, 下步计划, stripped ("" for blank)."""
    return tuple((getattr(row, name) or "").strip() for _, name in REPORT_FIELDS)


def row_report_date(ctx: ImportContext, row: ReadRow, current: ProgressReport | None) -> date | None:
    """The day a row's new report is dated by: the by-unit row's 填报日期 when it is not after today
    (Beijing) and not the unit's current report's (a date left as exported dates that report, not
    the new one); else None (the ledger's 填报日期, or the day of the import)."""
    day = row.report_date
    if day is None or day > clock.beijing_today() or (current is not None and day == current.report_day):
        return None
    return day


def own_unit_part(ctx: ImportContext, row: ReadRow, unit: Unit | None, current: ProgressReport | None,
                  outcome: RowOutcome) -> list[UnitPart] | None:
    """A unit's file: the row's texts, as written, are ``unit``'s. A by-unit row naming another
    unit in 单位 is refused (a unit files only its own words)."""
    named = ctx.units.find(row.unit) if row.unit else None
    if row.unit and unit is not None and (named is None or named.id != unit.id):
        ctx.issue(row.row, "单位", f"该行的单位是“{row.unit}”，而本台账是“{unit.name}”的；"
                  "一个单位的台账只能填报本单位的进展，请删去此行或由督办部门导入", outcome)
        return None
    return [UnitPart(unit.id if unit else None, "", row_texts(row), current, row_report_date(ctx, row, current))]


def row_parts(ctx: ImportContext, row: ReadRow, task: TaskRow, default_unit: Unit | None,
              reports: dict[int | None, ProgressReport], latest: ProgressReport | None,
              outcome: RowOutcome) -> list[UnitPart] | None:
    """The supervising office's file: whose words each text of ``row`` is (module docstring).

    ``reports``: each unit's latest report of the task; ``latest``: the newest of them;
    ``default_unit``: whose report text without 【单位】 is. Returns the parts, or None after
    recording the row's issues."""
    if row.unit:
        unit = _task_unit(ctx, row, task, row.unit, "单位", outcome)
        if unit is None:
            return None
        current = reports.get(unit.id)
        return [UnitPart(unit.id, unit_prefix(unit.name), row_texts(row), current,
                         row_report_date(ctx, row, current))]
    cells = {caption: split_parts(getattr(row, name)) for caption, name in REPORT_FIELDS}
    if not any(cell.prefixed for cell in cells.values()):
        texts = row_texts(row)
        if any(texts) and len(reports) > 1:
            ctx.issue(row.row, next(c for (c, _), t in zip(REPORT_FIELDS, texts) if t),
                      "该任务有多个单位的进展，请在每段文字前标明单位，如“【重庆银监局】……”；"
                      "督办部门自己的意见请写“" + unit_prefix(default_unit.name if default_unit else "督办部门") + "……”",
                      outcome)
            return None
        return [UnitPart(default_unit.id if default_unit else None, "", texts, latest)]
    parts: dict[int, list[str]] = {}
    units: dict[int, Unit] = {}
    bad = False
    for index, (caption, cell) in enumerate(cells.items()):
        if cell.lead:
            ctx.issue(row.row, caption, f"开头的“{cell.lead[:20]}”没有标明单位：请在前面加上【单位名】，或删去", outcome)
            bad = True
        named: set[int] = set()
        for name, text in cell.parts:
            unit = _task_unit(ctx, row, task, name, caption, outcome, prefix=True)
            if unit is None:
                bad = True
                continue
            if unit.id in named:
                ctx.issue(row.row, caption, f"{unit_prefix(unit.name)}在本格中出现了两次，请合并为一段", outcome)
                bad = True
                continue
            named.add(unit.id)
            units[unit.id] = unit
            parts.setdefault(unit.id, ["", "", ""])[index] = text
    if bad:
        return None
    office_id = ctx.office.id if ctx.office else None
    # A report without a unit (an admin's) is exported under the supervising office's name (export.py).
    return [UnitPart(unit_id, unit_prefix(units[unit_id].name), tuple(texts),
                     reports.get(unit_id) or (reports.get(None) if unit_id == office_id else None))
            for unit_id, texts in parts.items()]


def _task_unit(ctx: ImportContext, row: ReadRow, task: TaskRow, name: str, caption: str, outcome: RowOutcome,
               prefix: bool = False) -> Unit | None:
    """The registered unit ``name`` (aliases included) when it has a part in ``task`` or is the
    supervising office; else None, with the row's issue at ``caption``."""
    shown = unit_prefix(name) if prefix else f"“{name}”"
    unit = ctx.units.find(name)
    if unit is None:
        ctx.issue(row.row, caption, f"{shown}不是单位名录中的单位，请改为该任务的牵头或配合单位的名称", outcome)
        return None
    if unit.id not in {a.unit_id for a in task.assignments} and not (ctx.office and unit.id == ctx.office.id):
        ctx.issue(row.row, caption, f"{shown}不是该任务的牵头或配合单位，不能记入其进展；请核对单位名称", outcome)
        return None
    return unit


def one_status_per_task(ctx: ImportContext, changes: list[Change]) -> None:
    """A by-unit ledger repeats 完成状态 on each row of a task: one change of status per task.
    The same new status on several rows is applied once; different ones are a bad row."""
    first: dict[int, Change] = {}
    for change in changes:
        if change.status is None:
            continue
        earlier = first.setdefault(change.task.id, change)
        if earlier is change:
            continue
        if earlier.status is change.status:
            change.status, change.close_note = None, None
            change.outcome.notes.append(f"完成状态与第 {earlier.outcome.row} 行相同，只改一次")
            if change.report is None:
                change.outcome.diffs[:] = [d for d in change.outcome.diffs if d.caption != "完成状态"]
        else:
            ctx.issue(change.outcome.row, "完成状态", f"与第 {earlier.outcome.row} 行（同一任务）的完成状态"
                      f"“{earlier.status.label}”不同，请改为一致", change.outcome)


def own_report_unit(ctx: ImportContext) -> tuple[Unit | None, int | None]:
    """(unit the reports are filed under, unit whose latest reports the file shows or None for all).

    A liaison's file is its unit's; a supervisor's is the unit named in 填报单位 when registered,
    else the supervising office (issue #4). A ledger of the supervising office shows every unit's
    latest report, so it is compared with the latest report of any unit.
    """
    if ctx.actor.role is Role.LIAISON:
        return ctx.actor.unit, ctx.actor.unit_id
    unit = ctx.file_unit or ctx.office or ctx.actor.unit
    if unit is None or (ctx.office is not None and unit.id == ctx.office.id):
        return unit, None
    return unit, unit.id


def outcome_for(ctx: ImportContext, row: ReadRow) -> RowOutcome:
    """Start the preview's outcome of ``row`` as an update (UPDATE) and append it to ``ctx.preview.outcomes``;
    the label is the row's measure (row_label, ≤ 40 characters), after 【单位】 for a by-unit row. The caller
    changes its action (skip, conflict, error) as the row is judged.
    """
    label = row_label(row)
    if row.unit:  # a by-unit row: whose row it is, first
        label = f"{unit_prefix(row.unit)}{label}"
    outcome = RowOutcome(row=row.row, action=UPDATE, number=row.number, label=label)
    ctx.preview.outcomes.append(outcome)
    return outcome


def may_import_row(ctx: ImportContext, row: ReadRow, task: TaskRow, outcome: RowOutcome) -> bool:
    """Whether ``row`` may update ``task``; else record why (the whole import is then refused).

    A task withdrawn by a plan revision (已撤销, Task.withdrawn_at) takes no progress nor status
    (issue 15, as workflow.progress.add_report refuses it); a liaison may import rows of its
    unit's tasks only (A9)."""
    if task.withdrawn_at is not None:
        ctx.issue(row.row, "任务键" if row.key else "具体措施",
                  "该任务已在方案修订中撤销（已撤销），不再报送进展；请删去此行，或重新导出台账", outcome)
        return False
    if ctx.actor.role is Role.LIAISON and unit_role(ctx.actor, task) is None:
        name = ctx.actor.unit.name if ctx.actor.unit else ""
        ctx.issue(row.row, "任务键" if row.key else "具体措施",
                  f"该任务不是本单位（{name}）牵头或配合的任务，不能导入；请删去此行或联系督办部门", outcome)
        return False
    return True


def as_exported(text: str | None) -> str:
    """A stored report text as the ledger export writes and the reader reads it back: without the
    characters a workbook cannot hold (ledger.cells.neutralize_cell_text: \\x01, \\x0b, …) and
    stripped. Comparing with this, an unchanged ledger changes nothing, whatever the reports hold
    (issue 14 item 11, SECURITY-TESTS H10)."""
    return (neutralize_cell_text(text or "") or "").strip()


def evaluate(ctx: ImportContext, row: ReadRow, task: TaskRow, unit_id: int | None,
             current: ProgressReport | None, outcome: RowOutcome) -> Change | None:
    """Compare ``row`` with ``task`` and its ``current`` report (all of the row's texts are
    ``unit_id``'s); fill ``outcome``; return the change, or None (error, or nothing new): the
    one-unit case of ``evaluate_parts``."""
    changes = evaluate_parts(ctx, row, task, [UnitPart(unit_id, "", row_texts(row), current)], outcome)
    return changes[0] if changes else None


def evaluate_parts(ctx: ImportContext, row: ReadRow, task: TaskRow, parts: list[UnitPart],
                   outcome: RowOutcome) -> list[Change]:
    """Compare ``row`` with ``task`` and each unit's current report; fill ``outcome``; return the changes.

    A unit's report is new when one of its texts is filled in and differs from its current report
    (one change per such unit); a status when the 完成状态 written, as the transition table
    resolves it for the importer (services/workflow/transitions.py: a unit's 已完成 is a close
    request, its 办结说明 the row's 进展情况), differs from the task's (carried by the first
    change). Returns [] for an error or a row with nothing new (skip).
    """
    for part in parts:
        for (caption, _), text in zip(REPORT_FIELDS, part.texts):
            if len(text) > MAX_REPORT_CHARS:
                ctx.issue(row.row, caption, f"{part.label}超过 {MAX_REPORT_CHARS} 字，请精简后再导入", outcome)
    status, close_note = _status_change(ctx, row, task, outcome)
    if outcome.action == ERROR:
        return []
    changes = []
    for part in parts:
        now = tuple(as_exported(getattr(part.current, name)) if part.current else "" for _, name in REPORT_FIELDS)
        if not any(part.texts) or part.texts == now:
            continue
        if ctx.files_drafts and ctx.waiting_draft(task.id, tuple(part.texts)):
            outcome.notes.append("与本单位待签发的草稿一致，未重复提交" + (f"：{part.label}" if part.label else ""))
            continue
        outcome.diffs.extend(FieldDiff(caption + part.label, old, new)
                             for (caption, _), old, new in zip(REPORT_FIELDS, now, part.texts) if old != new)
        outcome.notes.append("新增一条进展" + (f"：{part.label}" if part.label else "")
                             + (DRAFT_NOTE if ctx.files_drafts else ""))
        changes.append(Change(task, part.unit_id, part.texts, None, outcome, reported_on=part.reported_on))
    if status is not None:
        outcome.diffs.append(FieldDiff("完成状态", task.status.label, status.label))
        outcome.notes.append(f"完成状态：{task.status.label} → {status.label}")
    if status is not None or close_note:  # a status, or a close request draft (待签发) of a sign-off unit
        if changes:
            changes[0].status, changes[0].close_note = status, close_note
        else:
            changes.append(Change(task, parts[0].unit_id if parts else None, None, status, outcome, close_note))
    if not changes:
        outcome.action = SKIP
        wrote = any(any(part.texts) for part in parts)
        outcome.notes.insert(0, "与系统中一致，无需更新" if wrote or row.status else "未填写进展")
    return changes


def _status_change(ctx: ImportContext, row: ReadRow, task: TaskRow,
                   outcome: RowOutcome) -> tuple[TaskStatus | None, str | None]:
    """(new status, 办结说明 when it is a close request) for the row's 完成状态, by the transition table."""
    if not row.status:
        return None, None
    if row.status in IGNORED_STATUSES:
        outcome.notes.append(f"“{row.status}”由系统按完成时限自动判断，不作为完成状态导入")
        return None, None
    try:
        wanted = TaskStatus.from_label(row.status)
    except ValueError:
        ctx.issue(row.row, "完成状态", TaskStatus.unknown_label_reason(row.status, ledger_statuses(ctx.actor, task)),
                  outcome)
        return None, None
    note = (row.progress or "").strip()
    try:
        transition = transition_for_status(ctx.actor, task, wanted, note=note, done_means_request=True)
    except (PermissionDenied, InvalidInput) as error:
        outcome.notes.append(f"完成状态未导入：{error}")
        return None, None
    if transition is None:
        return None, None
    if ctx.files_drafts:  # as the report form: a draft moves no status (services/workflow/progress.py)
        if transition.action is Action.REQUEST_CLOSE:  # as the 申请办结 form: a close request draft (待签发)
            if signoff.close_draft_waiting(task.id, ctx.actor.unit_id):
                outcome.notes.append("完成状态未导入：本单位已有一项办结申请在等待单位负责人签发。")
                return None, None
            outcome.notes.append("申请办结" + DRAFT_NOTE)
            return None, note
        outcome.notes.append(f"完成状态未导入：{DRAFT_STATUS_MESSAGE}")
        return None, None
    if transition.target is not wanted:
        outcome.notes.append(f"“{wanted.label}”按规定改为“{transition.target.label}”")
    return transition.target, (note if transition.action is Action.REQUEST_CLOSE else None)


def latest_by_task(task_ids: list[int], unit_id: int | None) -> dict[int, ProgressReport]:
    """``{task_id: latest counted report}`` of ``task_ids`` (only ``unit_id``'s reports when given), read in
    chunks of ids (workflow/progress.latest_reports); tasks without a report are absent.
    """
    latest: dict[int, ProgressReport] = {}
    for part in chunks(task_ids):
        latest.update(latest_reports(part, unit_id))
    return latest


def latest_by_task_and_unit(task_ids: list[int]) -> dict[int, dict[int | None, ProgressReport]]:
    """Each unit's latest report of each task (workflow.progress.latest_reports_by_unit), chunked."""
    latest: dict[int, dict[int | None, ProgressReport]] = {}
    for part in chunks(task_ids):
        latest.update(latest_reports_by_unit(part))
    return latest


def _settle_stale(changes: list[Change]) -> None:
    """Turn changes of rows exported before the task's last change into conflicts or skips.

    A stale row whose report texts are those of an earlier report and whose status is one the task
    had before was simply left as exported: skipped. Anything else is a conflict (both versions
    shown). Two queries for all stale rows.
    """
    stale = [c for c in changes if c.outcome.file_version is not None and c.task.version > c.outcome.file_version]
    if not stale:
        return
    ids = [change.task.id for change in stale]
    reports: dict[int, set[tuple[str, str, str]]] = {}
    statuses: dict[int, set[str]] = {}  # the codes of each task's former statuses
    for part in chunks(ids):
        for task_id, *texts in db.session.execute(select(
                ProgressReport.task_id, ProgressReport.progress, ProgressReport.problems,
                ProgressReport.next_steps).where(ProgressReport.task_id.in_(part))):
            reports.setdefault(task_id, set()).add(tuple(as_exported(text) for text in texts))
        for task_id, old in db.session.execute(select(JournalEntry.task_id, JournalEntry.old_code).where(
                JournalEntry.task_id.in_(part), JournalEntry.field == JournalField.STATUS.value)):
            statuses.setdefault(task_id, set()).add(old)
    # A row split into several units' changes shares one outcome: it is a conflict if any of them is.
    left_as_exported: dict[int, bool] = {}
    for change in stale:
        task = change.task
        old_report = change.report is None or change.report in reports.get(task.id, set())
        old_status = change.status is None or _former(change, statuses.get(task.id, set()))
        key = id(change.outcome)
        left_as_exported[key] = left_as_exported.get(key, True) and old_report and old_status
    for change in stale:
        outcome, task = change.outcome, change.task
        if outcome.action in (SKIP, CONFLICT):
            continue  # settled by another change of the same row
        if left_as_exported[id(outcome)]:
            outcome.action = SKIP
            outcome.diffs.clear()
            outcome.notes[:] = [f"导出后系统中已有更新（版本 {outcome.file_version} → {task.version}），本行未改动，跳过"]
        else:
            outcome.action = CONFLICT
            outcome.notes[:] = [f"导出后该任务已在系统中被修改（导出时版本 {outcome.file_version}，现为 {task.version}），"
                                "与台账中的内容不同；未导入，请核对后在系统中办理或重新导出台账"]


def _former(change: Change, former_codes: set[str]) -> bool:
    """Whether the file's status is one the task had before (a status left as exported)."""
    return change.status is not None and change.status.value in former_codes
