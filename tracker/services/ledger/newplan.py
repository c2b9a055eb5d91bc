"""Build a new plan from another office's ledger: its tree, units, statuses and progress (issue #4).

The reader gives each row its 序号 path and the path of the group row above it, or only the title
of the 重点任务 it sits under (merged cells, unnumbered group rows). ``plan_tree`` turns that into
NewTask specs in document order: a heading for every group row, a heading for every 重点任务 or
missing ancestor that has no row of its own, and the measures under them. ``create_plan`` stores
them; units are matched by name and alias (services/units.UnitIndex), unknown ones created.

A by-unit ledger (a 单位 column, issue 15) gives a task one row per unit: consecutive rows with the
same 序号 and 具体措施 make one task, each row's progress that unit's report, dated by the row's
填报日期 where it has one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from sqlalchemy import insert

from ...extensions import db
from ...ledger import ReadRow
from ...ledger.unitparts import split_parts
from ...models import (
    Assignment,
    AssignmentRole,
    Channel,
    JournalEntry,
    JournalField,
    Plan,
    ProgressReport,
    Task,
    TaskStatus,
    User,
)
from ...vocabulary.numbering import chinese_numeral
from ...vocabulary.units import is_vague_collective
from .. import journal
from .changes import IGNORED_STATUSES, REPORT_FIELDS, ImportContext, row_label
from .outcomes import CREATE, ERROR, FieldDiff, RowOutcome
from ..workflow.progress import MAX_REPORT_CHARS
from ..accounts.units import LocalUnitNames, UnitIndex
from ..plans.store import plan_area

# Column limits of the models (String lengths).
_MAX_NUMBER, _MAX_DEADLINE, _MAX_UNIT, _MAX_TITLE = 40, 200, 200, 500


@dataclass
class NewTask:
    """One task of the plan to create; ``parent`` indexes the list, ``row`` is None for a heading
    the ledger implies without a row of its own."""

    path: list[str]
    parent: int | None
    title: str | None
    text: str = ""
    row: ReadRow | None = None
    status: TaskStatus = TaskStatus.ASSIGNED
    report: tuple[str, str, str] | None = None
    lead_units: list[str] = field(default_factory=list)
    supporting_units: list[str] = field(default_factory=list)
    # A by-unit ledger's rows of this task, or a combined cell's 【单位】 paragraphs: (unit name, its
    # 进展情况/存在问题/下步计划, its 填报日期).
    unit_reports: list[tuple[str, tuple[str, str, str], date | None]] = field(default_factory=list)
    # ``report`` is the text before the first 【单位】 of combined cells: the 填报单位's own words.
    report_is_remainder: bool = False


def plan_title(ctx: ImportContext) -> str:
    """The new plan's title: the ledger's title row, else the file name without its extension."""
    title = (ctx.read.title or "").strip() or PurePath(ctx.read.filename or "外单位台账").stem or "外单位台账"
    return title[:300]


def plan_tree(ctx: ImportContext) -> list[NewTask]:
    """Return the tasks of the new plan in document order, filling the preview's outcomes.

    Unit names follow the plan import's rule for another area (issue 18): in a ledger whose title
    names 广州市, a 市发展改革委 that the registry knows as 重庆市's becomes "广州市发展改革委"
    (``accounts.units.LocalUnitNames``, area from the title as ``plans.store.plan_area``); the
    preview's warnings say so.
    """
    local = LocalUnitNames(plan_area(None, plan_title(ctx)))
    tasks: list[NewTask] = []
    by_path: dict[tuple[str, ...], int] = {}
    by_heading: dict[str, int] = {}
    counters: dict[int | None, int] = {}

    def add(task: NewTask) -> int:
        tasks.append(task)
        by_path[tuple(task.path)] = len(tasks) - 1
        return len(tasks) - 1

    def heading_for(title: str) -> int:
        if title not in by_heading:
            counters[None] = counters.get(None, 0) + 1
            path = [chinese_numeral(counters[None])]
            while tuple(path) in by_path:
                path = [path[0] + "'"]
            by_heading[title] = add(NewTask(path=path, parent=None, title=title[:_MAX_TITLE]))
        return by_heading[title]

    def ancestors(path: list[str], heading: str | None) -> int | None:
        parent = None
        for depth in range(1, len(path)):
            key = tuple(path[:depth])
            if key not in by_path:
                title = heading if depth == len(path) - 1 and heading else None
                add(NewTask(path=list(key), parent=parent, title=title))
            parent = by_path[key]
        return parent

    last: int | None = None  # the task made from the last measure row
    for row in ctx.read.rows:
        outcome = RowOutcome(row=row.row, action=CREATE, number=row.number, label=row_label(row))
        ctx.preview.outcomes.append(outcome)
        if row.unit and last is not None and _same_task(tasks[last], row):
            _check_row(ctx, row, outcome)
            _add_unit_report(tasks[last], row, outcome, local.name(row.unit))
            continue
        if row.is_group_row:
            if row.path:
                parent = ancestors(row.path, None)
                index = add(NewTask(path=list(row.path), parent=parent, title=_title(row.heading), row=row))
            else:
                index = heading_for(row.heading or "（未命名）")
                tasks[index].row = row
            if row.heading:
                by_heading.setdefault(row.heading, index)
            outcome.notes.append("新建标题（重点任务）")
            continue
        _check_row(ctx, row, outcome)
        if row.path and tuple(row.path) not in by_path and (row.parent_path or not row.heading):
            path, parent = list(row.path), ancestors(row.path, row.heading)
        else:
            parent = by_path.get(tuple(row.parent_path)) if row.parent_path else None
            if parent is None and row.heading:
                parent = heading_for(row.heading)
            counters[parent] = counters.get(parent, 0) + 1
            own = row.path[-1] if row.path else str(counters[parent])
            path = (tasks[parent].path if parent is not None else []) + [own]
            while tuple(path) in by_path:
                path = path[:-1] + [path[-1] + "'"]
        index = last = add(_measure(row, path, parent, local))
        spec = tasks[index]
        if row.unit and spec.report is not None:  # a by-unit row: its progress is its unit's
            spec.unit_reports.append((local.name(row.unit), spec.report, row.report_date))
            spec.report = None
        elif spec.report is not None:  # a combined cell: each 【单位】's paragraph is that unit's report
            spec.report, by_unit = combined_reports(spec.report)
            spec.unit_reports.extend((local.name(name), texts, row.report_date) for name, texts in by_unit)
            spec.report_is_remainder = bool(by_unit)
        outcome.notes.append("新建任务" + ("，含一条进展" if spec.report or spec.unit_reports else "")
                             + (f"（{row.unit}）" if row.unit and spec.unit_reports else ""))
        if outcome.action != ERROR:
            outcome.diffs.extend(_written(spec, row))
    ctx.preview.created = len(tasks)
    ctx.preview.warnings.extend(local.warnings("如确为同一单位，请导入后在单位名录中把“{other}”与新单位合并"))
    return tasks


def combined_reports(texts: tuple[str, str, str]) -> tuple[tuple[str, str, str] | None,
                                                           list[tuple[str, tuple[str, str, str]]]]:
    """Split a row's (进展情况, 存在问题, 下步计划) written as combined cells (ledger/unitparts.py:
    "【甲局】……\n【乙局】……", as the tracker's supervisor ledger and many offices write them) into
    the text before any 【单位】 (None when blank) and each named unit's texts, in the order the units
    first appear; a unit named twice in one cell has its paragraphs joined by a line break. Texts
    without any 【单位】 come back whole as the first item, with no unit reports."""
    cells = [split_parts(text) for text in texts]
    if not any(cell.prefixed for cell in cells):
        return texts, []
    order: list[str] = []
    words: dict[str, list[list[str]]] = {}
    for field_index, cell in enumerate(cells):
        for name, text in cell.parts:
            if name not in words:
                order.append(name)
                words[name] = [[], [], []]
            if text:
                words[name][field_index].append(text)
    lead = tuple(cell.lead for cell in cells)
    by_unit = [(name, tuple("\n".join(chunk) for chunk in words[name])) for name in order]
    return (lead if any(lead) else None), [(name, texts) for name, texts in by_unit if any(texts)]


def _same_task(spec: NewTask, row: ReadRow) -> bool:
    """Whether a by-unit ``row`` is another unit's row of the task ``spec`` was made from: the same
    序号 and 具体措施 as that task's first row."""
    first = spec.row
    return (first is not None and (first.number or "") == (row.number or "")
            and (first.measure or "").strip() == (row.measure or "").strip())


def _add_unit_report(spec: NewTask, row: ReadRow, outcome: RowOutcome, unit: str) -> None:
    """File a by-unit ``row``'s progress as the report of its unit (named ``unit``: the row's 单位 as
    the plan's area names it) on ``spec`` (a task that has progress has started); fill ``outcome``."""
    texts = tuple((getattr(row, name) or "").strip() for _, name in REPORT_FIELDS)
    if not any(texts):
        outcome.notes.append(f"同一任务（第 {spec.row.row} 行）中“{row.unit}”的行，未填写进展")
        return
    spec.unit_reports.append((unit, texts, row.report_date))
    if spec.status in (TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED):
        spec.status = TaskStatus.IN_PROGRESS
    outcome.notes.append(f"同一任务（第 {spec.row.row} 行）中“{unit}”的进展")
    if outcome.action != ERROR:
        outcome.diffs.extend(FieldDiff(f"{caption}【{unit}】", "", text)
                             for (caption, _), text in zip(REPORT_FIELDS, texts) if text)


def _written(task: NewTask, row: ReadRow) -> list[FieldDiff]:
    """What a new task will be stored with, field by field, for the preview (tracker side empty)."""
    values = [("具体措施", task.text), ("牵头单位", "、".join(task.lead_units)),
              ("配合单位", "、".join(task.supporting_units)), ("完成时限", row.deadline or ""),
              ("完成状态", task.status.label)]
    values += list(zip((caption for caption, _ in REPORT_FIELDS), task.report or ("", "", "")))
    values += [(f"{caption}【{unit}】", text) for unit, texts, _ in task.unit_reports
               for (caption, _), text in zip(REPORT_FIELDS, texts)]
    return [FieldDiff(caption, "", value) for caption, value in values if value]


def _title(text: str | None) -> str | None:
    return text[:_MAX_TITLE] if text else None


def _measure(row: ReadRow, path: list[str], parent: int | None, local: LocalUnitNames) -> NewTask:
    text = (row.measure or "").strip()
    stop = text.find("。")
    title = text[:stop] if 0 < stop <= 60 else None
    texts = tuple((getattr(row, name) or "").strip() for _, name in REPORT_FIELDS)
    status = TaskStatus.ASSIGNED
    if row.status and row.status not in IGNORED_STATUSES:
        try:
            status = TaskStatus.from_label(row.status)
        except ValueError:
            pass  # reported by _check_row: the import will not be applied
    if any(texts) and status in (TaskStatus.ASSIGNED, TaskStatus.ACKNOWLEDGED):
        status = TaskStatus.IN_PROGRESS  # a task with progress has started (services/workflow.py)
    return NewTask(path=path, parent=parent, title=title, text=text, row=row, status=status,
                   report=texts if any(texts) else None, lead_units=local.names(row.lead_units),
                   supporting_units=local.names(row.supporting_units))


def _check_row(ctx: ImportContext, row: ReadRow, outcome: RowOutcome) -> None:
    """Report the cells a new task cannot hold: unknown status, over-long texts."""
    if row.status and row.status not in IGNORED_STATUSES:
        try:
            TaskStatus.from_label(row.status)
        except ValueError:
            ctx.issue(row.row, "完成状态", TaskStatus.unknown_label_reason(row.status), outcome)
    if row.number and len(row.number) > _MAX_NUMBER:
        ctx.issue(row.row, "序号", f"序号超过 {_MAX_NUMBER} 字", outcome)
    if row.deadline and len(row.deadline) > _MAX_DEADLINE:
        ctx.issue(row.row, "完成时限", f"完成时限超过 {_MAX_DEADLINE} 字，请精简", outcome)
    for caption, names in (("牵头单位", row.lead_units), ("配合单位", row.supporting_units)):
        for name in names:
            if len(name) > _MAX_UNIT:
                ctx.issue(row.row, caption, f"单位名称超过 {_MAX_UNIT} 字：{name[:20]}…", outcome)
    for caption, name in REPORT_FIELDS:
        if len(getattr(row, name) or "") > MAX_REPORT_CHARS:
            ctx.issue(row.row, caption, f"超过 {MAX_REPORT_CHARS} 字，请精简后再导入", outcome)


def unit_names(tasks: list[NewTask], units: UnitIndex) -> list[str]:
    """The unit names of ``tasks`` that are not in the registry yet (to be created), in order."""
    new: list[str] = []
    for task in tasks:
        for name in task.lead_units + task.supporting_units + [unit for unit, _, _ in task.unit_reports]:
            if units.find(name) is None and units.find(_without_remark(name)) is None:
                name = _without_remark(name) or name
                if name not in new:
                    new.append(name)
    return new


def _without_remark(name: str) -> str:
    """"市住房城乡建委（含区县）" -> "市住房城乡建委": a bracketed remark after a unit's name."""
    return re.sub(r"[（(][^）)]*[）)]$", "", name).strip()


def create_plan(ctx: ImportContext, specs: list[NewTask], title: str, actor: User, import_id: int,
                batch: str | None = None) -> Plan:
    """Store ``specs`` as a new plan titled ``title`` (not committed); reports carry ``import_id``.

    Each progress report is filed under the 填报单位 when it has a part in the task, else the
    task's first lead unit, else the supervising office; combined cells' 【单位】 paragraphs under their
    units, and the words before the first 【单位】 under the 填报单位 when it has a part in the task, else
    the supervising office (as an import into an existing plan files them: changes.row_parts). Every task's 办理记录 starts with what
    the ledger said (journal_created): its creation, its status when the ledger gives one
    other than 已交办, its progress report; channel import, ``batch``, dated by the ledger's 填报日期.
    """
    plan = Plan(title=title, source_name=(ctx.read.filename or "")[:300], source_text="")
    db.session.add(plan)
    created: list[Task] = []
    for position, spec in enumerate(specs):
        row = spec.row
        task = Task(plan=plan, parent=created[spec.parent] if spec.parent is not None else None,
                    path=spec.path, number=spec.path[-1][:_MAX_NUMBER], level=len(spec.path), position=position,
                    title=spec.title, text=spec.text or "", status=spec.status,
                    deadline=row.deadline if row is not None and not row.is_group_row else None,
                    due_date=row.due_date if row is not None and not row.is_group_row else None)
        db.session.add(task)
        created.append(task)
        assigned: set[str] = set()
        roles = [(n, AssignmentRole.LEAD) for n in spec.lead_units]
        roles += [(n, AssignmentRole.SUPPORTING) for n in spec.supporting_units]
        for order, (name, role) in enumerate(roles):
            if is_vague_collective(name) and ctx.units.find(name) is None:
                continue  # "有关部门" names nobody: never a new unit (issue 13)
            unit = ctx.units.find(name) or ctx.units.find(_without_remark(name)) or \
                ctx.units.get_or_create(_without_remark(name) or name)[0]
            if unit.name in assigned:
                continue
            assigned.add(unit.name)
            task.assignments.append(Assignment(unit=unit, role=role, position=order))
    db.session.flush()
    reports = []
    for spec, task in zip(specs, created):
        if spec.report is None:
            continue
        units = [a.unit for a in task.assignments]
        if ctx.file_unit in units:
            unit = ctx.file_unit
        elif spec.report_is_remainder and ctx.office is not None:
            unit = ctx.office
        else:
            unit = (task.lead_units or [ctx.office])[0]
        progress, problems, next_steps = spec.report
        reports.append(ProgressReport(task_id=task.id, unit_id=unit.id if unit else None, author_id=actor.id,
                                      import_id=import_id, progress=progress, problems=problems,
                                      next_steps=next_steps, reported_on=ctx.reported_on))
    for spec, task in zip(specs, created):
        for name, (progress, problems, next_steps), day in spec.unit_reports:
            unit = ctx.units.find(name) or ctx.units.find(_without_remark(name)) or \
                ctx.units.get_or_create(_without_remark(name) or name)[0]
            reports.append(ProgressReport(task_id=task.id, unit=unit, author_id=actor.id, import_id=import_id,
                                          progress=progress, problems=problems, next_steps=next_steps,
                                          reported_on=day or ctx.reported_on))
    db.session.add_all(reports)
    journal_created(ctx, specs, created, actor, batch)
    return plan


def journal_created(ctx: ImportContext, specs: list[NewTask], created: list[Task], actor: User,
                    batch: str | None) -> None:
    """Journal the tasks an import created (flushed: they have ids), in one bulk insert.

    Per task: "created" (序号 and name), "status" from none to the ledger's status when it is not
    已交办 (so that a task imported 已完成 has a closing day: figures.closing_days), and "report"
    for the progress the row carried. ``reported_on`` is ImportContext.reported_on (填报日期);
    ``task_version`` 1, the version of a new task.
    """
    entries = []
    for spec, task in zip(specs, created):
        values = dict(actor=actor, channel=Channel.IMPORT, batch=batch, task_version=task.version,
                      reported_on=ctx.reported_on)
        entries.append(journal.entry_values(task.id, task.plan_id, JournalField.CREATED, None,
                                            f"{task.number_display} {task.heading_text}", **values))
        if task.status is not TaskStatus.ASSIGNED:
            entries.append(journal.entry_values(task.id, task.plan_id, JournalField.STATUS, None, task.status,
                                                **values))
        for progress, problems, next_steps in ([spec.report] if spec.report is not None else []) + [
                texts for _, texts, _ in spec.unit_reports]:
            entries.append(journal.entry_values(task.id, task.plan_id, JournalField.REPORT, None,
                                                progress or problems or next_steps, **values))
    if entries:
        db.session.execute(insert(JournalEntry.__table__), entries)
