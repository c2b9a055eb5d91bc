"""Build the work ledger (工作台账) of a plan, a unit, everything, or a filtered task list.

Scopes (issue #4): one plan, one unit's copy, every plan, or the dashboard's filtered list
(``export_task_list``). Layouts tree/flat/grouped/by-unit and the extra columns 责任人/最近反馈时间/备注
are chosen with LedgerOptions (ledger/layout.py says what each means).

Every unit's progress (issue 15): a unit's copy shows that unit's latest report. Any other ledger
reads each unit's latest report of a task (workflow.progress.latest_report_ids_by_unit, the one
place): the by-unit layout gives each lead and supporting unit a row of its own with its report
and 填报日期; the one-row layouts show the single report where one unit reported, else each unit's
report in one cell, one paragraph per unit opening with 【单位】 (ledger/unitparts.py), the task's
units in their order (lead units first), then any other unit that reported (the supervising
office).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO
from operator import attrgetter
from typing import Mapping, NamedTuple

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import aliased

from ... import clock
from ...clock import to_beijing
from ...extensions import db
from ...ledger import Ledger, LedgerRow, ledger_csv_bytes, write_ledger
from ...ledger.unitparts import combine_parts
from ...ledger.layout import (
    ACHIEVED_CAPTION,
    COMPLETION_CAPTION,
    LAST_REPORT_CAPTION,
    ROLE_TEXTS,
    PATH_SEPARATOR,
    REMARKS_CAPTION,
    SIGNED_BY_CAPTION,
    RESPONSIBLE_CAPTION,
    TARGET_CAPTION,
    parse_columns,
    parse_layout,
)
from ...models import STATUS_LABELS, Assignment, AssignmentRole, Plan, ProgressReport, Role, Task, Unit, User
from ...vocabulary.numbering import render_number
from ...settings import current_settings
from ...indicators import task_completion_pct
from ..plans.task_editing import target_text
from ..figures.quantified import latest_achieved
from ..errors import InvalidInput, NotFound
from ..figures.facts import TaskFilters, load_facts, scope_query
from ..permissions import require
from ..workflow.progress import latest_report_ids, latest_report_ids_by_unit
from ..workflow.transitions import unit_copy_statuses
from ..scope import task_scope
from ..accounts.units import find_unit

#: Above this many tasks their ids go to SQL as a sub-query, not as one bound parameter each: a long list
#: costs more to render and plan than the database spends reading the scope again (8,500 ids: 0.7 s of
#: PostgreSQL for the assignments alone, issue 19), and 85,000 exceed PostgreSQL's 65,535 parameters.
MAX_LISTED_IDS = 1_000
#: The files a ledger or task list is written as: an Excel workbook, or CSV (export-ledger's OUTPUT, the task list's 导出).
EXPORT_SUFFIXES = (".xlsx", ".csv")


@dataclass
class LedgerExport:
    """An exported ledger: the .xlsx or .csv bytes, a file name to offer, and the row count."""

    content: bytes
    filename: str
    row_count: int


@dataclass(frozen=True)
class LedgerOptions:
    """How a ledger is laid out: ``layout`` "tree" (default), "flat" or "grouped"; ``columns``: the extra
    columns wanted, a tuple of layout.EXTRA_CAPTIONS names in their fixed order."""

    layout: str = "tree"
    columns: tuple[str, ...] = ()

    @classmethod
    def from_args(cls, args: Mapping) -> "LedgerOptions":
        """Read ``layout`` and ``columns`` (repeated, or comma-separated) from query arguments or a
        form (a MultiDict, or a plain dict). Raises InvalidInput with a Chinese message naming the
        allowed values."""
        columns = args.getlist("columns") if hasattr(args, "getlist") else args.get("columns")
        return cls.parse(args.get("layout"), columns)

    @classmethod
    def parse(cls, layout: str | None, columns) -> "LedgerOptions":
        """Return the options for a layout name and extra column names (layout.parse_layout,
        layout.parse_columns; the CLI's ``--layout``/``--columns``). Raises InvalidInput."""
        try:
            return cls(parse_layout(layout), parse_columns(columns))
        except ValueError as error:
            raise InvalidInput(str(error)) from None


def build_ledger(
    actor: User,
    plan_id: int | None = None,
    unit_name: str | None = None,
    today: date | None = None,
    supervising_office: str | None = None,
    options: LedgerOptions | None = None,
    restrict_to: Select | list[int] | None = None,
    title: str | None = None,
    note: str | None = None,
) -> Ledger:
    """Return the ledger of the tasks ``actor`` may see, one row per live leaf of the task scope
    (services/scope.py: no heading, even one whose sub-measures were all withdrawn; no withdrawn task).

    Scope: ``plan_id`` limits it to one plan, ``unit_name`` (name or alias) to the
    tasks that unit leads or supports; a liaison always gets its own unit's
    scope. Rows come in document order; 重点任务 is the title of the task's
    top-level heading. 进展情况/存在问题/下步计划 come from the latest report (of
    the scope unit, when there is one). A unit's copy (``unit_name`` given, or a liaison's
    ledger) is marked ``protect`` (sheet protection without a password, issue #4).
    ``options``: layout and extra columns (LedgerOptions; default tree, none). ``restrict_to``: a
    SELECT of task ids or a list of ids the rows are further limited to (a filtered list);
    ``title`` replaces the default title "<plan>工作台账"; ``note`` is a line under the title.
    Outside a unit's copy the progress cells show each unit's latest report (module docstring);
    the by-unit layout writes one row per task and unit (a unit's copy: its own row only).
    Raises NotFound for an unknown plan or unit.
    """
    options = options or LedgerOptions()
    plan = None
    if plan_id is not None:
        plan = db.session.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"没有编号为 {plan_id} 的方案：请在方案列表中核对编号，或不指定方案导出全部方案。")
    unit: Unit | None = actor.unit if actor.role is Role.LIAISON else None
    if unit_name and unit is None:
        unit = find_unit(unit_name)
        if unit is None:
            raise NotFound(f"单位“{unit_name}”不在单位名录中：请使用单位管理中登记的名称或别名，或先在单位管理中添加该单位。")

    scope = task_scope(actor).live().leaves()
    if plan is not None:
        scope = scope.in_plan(plan.id)
    if unit is not None:
        scope = scope.for_unit(unit.id)
    if restrict_to is not None:
        scope = scope.where(Task.id.in_(restrict_to))
    # Plain columns, no ORM object per task, unit or report (issue 19: loading ~40,000 objects was half of a
    # 10,000-task export). Sub-tasks (issue 18) share their parent's position: the parent first, then its
    # sub-tasks in the order they were made (the tree layout lists them under it).
    tasks = _rows(scope.select(*_TASK_COLUMNS).order_by(
        Task.plan_id, Task.position, func.coalesce(Task.split_from_id, 0), Task.id))
    plan_ids = {t.plan_id for t in tasks}
    headings = _top_level_titles(plan_ids)
    office_name = supervising_office or current_settings().supervising_office
    # The task ids as a list while short, else as the scope's SELECT (MAX_LISTED_IDS).
    task_ids = [t.id for t in tasks] if len(tasks) <= MAX_LISTED_IDS else scope.ids()
    assignments = _assignments(task_ids)
    by_unit = options.layout == "by-unit"
    # A report's dates and signer are read only for the cells that show them (填报日期, 最近反馈时间, 签发人).
    dated = by_unit or bool({LAST_REPORT_CAPTION, SIGNED_BY_CAPTION} & set(options.columns))
    if unit is not None:
        reports = _report_rows(latest_report_ids(task_ids, unit.id), dated)
    else:
        reports = _report_rows(latest_report_ids_by_unit(task_ids), dated)
    unit_names = _unit_names(reports)
    flat = options.layout == "flat"
    grouped = options.layout == "grouped"
    headings_by_path = _heading_parts(plan_ids) if flat or grouped else {}
    # A flat row of a ledger over several plans also names its plan, so that it stands alone; in
    # the grouped layout each plan's title is a heading row above its first heading.
    plan_titles = {p.id: f"《{p.title}》" for p in db.session.execute(select(Plan.id, Plan.title)
                                                                     .where(Plan.id.in_(plan_ids)))} \
        if (flat or grouped) and len(plan_ids) > 1 else {}
    liaisons = _liaison_names(assignments) if RESPONSIBLE_CAPTION in options.columns else {}
    achieved = latest_achieved(task_ids) if {ACHIEVED_CAPTION, COMPLETION_CAPTION} & set(options.columns) else {}
    no_units = _TaskUnits((), (), ())

    rows = []
    for task in tasks:
        task_reports = reports.get(task.id, {})
        units = assignments.get(task.id, no_units)
        common = dict(
            key=task.key,
            version=task.version,
            number=render_number(task.path),  # Task.number_display
            heading=headings.get((task.plan_id, task.path[0]), "") if task.level > 1 else "",
            measure=task.text or task.title or "",
            lead_units=list(units.lead_names),
            supporting_units=list(units.supporting_names),
            deadline=task.deadline,
            status=task.status.label,
            path_text=_path_text(headings_by_path, task, plan_titles.get(task.plan_id)) if flat else "",
            own_number=task.number if grouped else "",
            groups=_groups(headings_by_path, task, plan_titles.get(task.plan_id)) if grouped else (),
        )
        if by_unit:
            for unit_id, unit_label, role in _unit_rows(units, unit):
                report = task_reports.get(unit_id) if unit_id is not None else None
                rows.append(LedgerRow(
                    **common, unit=unit_label, role=role, **_report_texts(report),
                    report_date=_report_day(report).isoformat() if report else None,
                    extra=_extra_texts(options.columns, task, units, report, liaisons, achieved)))
            continue
        if len(task_reports) <= 1:
            report = next(iter(task_reports.values()), None)
            texts = _report_texts(report)
        else:
            ordered = _in_unit_order(units, task_reports)
            report = max(task_reports.values(), key=_report_id)
            names = [unit_names.get(unit_id) or office_name for unit_id, _ in ordered]
            texts = {"progress": combine_parts(zip(names, [each.progress for _, each in ordered])),
                     "problems": combine_parts(zip(names, [each.problems for _, each in ordered])),
                     "next_steps": combine_parts(zip(names, [each.next_steps for _, each in ordered]))}
        rows.append(LedgerRow(**common, **texts, extra=_extra_texts(options.columns, task, units, report, liaisons,
                                                                   achieved)))
    return Ledger(
        title=title or (plan.title if plan else "全部方案") + "工作台账",
        unit_name=unit.name if unit else office_name,
        export_date=today or clock.beijing_today(),
        rows=rows,
        # a unit's copy offers what its liaison may write (the transition table), the office's every status
        status_choices=[s.label for s in unit_copy_statuses()] if unit is not None else list(STATUS_LABELS.values()),
        plan_title=plan.title if plan else None,
        protect=unit is not None,  # a unit's copy: progress columns open, the rest locked
        layout=options.layout,
        extra_columns=options.columns,
        note=note,
    )


def export_ledger(actor: User, plan_id: int | None = None, unit_name: str | None = None,
                  supervising_office: str | None = None, options: LedgerOptions | None = None) -> LedgerExport:
    """Return the .xlsx of ``build_ledger(...)`` with a file name like 工作台账-<plan>-<unit>-<date>.xlsx."""
    ledger = build_ledger(actor, plan_id, unit_name, supervising_office=supervising_office, options=options)
    return _encode(actor, ledger, unit_name, ".xlsx")


def export_ledger_csv(actor: User, plan_id: int | None = None, unit_name: str | None = None,
                      supervising_office: str | None = None, options: LedgerOptions | None = None) -> LedgerExport:
    """Return the CSV variant of ``export_ledger`` (UTF-8 with BOM, same rows and captions as the
    sheet: ledger.csv_writer), named like the .xlsx with the suffix .csv. Errors as build_ledger."""
    ledger = build_ledger(actor, plan_id, unit_name, supervising_office=supervising_office, options=options)
    return _encode(actor, ledger, unit_name, ".csv")


def export_task_list(actor: User, filters: TaskFilters, suffix: str = ".xlsx", options: LedgerOptions | None = None,
                     today: date | None = None, supervising_office: str | None = None) -> LedgerExport:
    """Return the ledger of exactly the tasks of the dashboard's list for ``filters`` (every page).

    The tasks are those of services.figures (scope_query, and load_facts for a light filter, as
    dashboard.list_tasks does): tasks without sub-measures that ``actor`` may see; tasks withdrawn
    by a plan revision are left out, as in every ledger. Each row keeps its 重点任务 (tree) or its
    heading path (flat), so the 序号 still reads as a tree; the line under the title names the
    filters ("筛选：状态=推进中；亮灯=红灯", or "筛选：无（全部任务）"). ``suffix`` ".xlsx" or ".csv";
    ``today``: the Beijing date lights are computed for (default today). Open to whom the dashboard
    is open (``actor.sees_everything``: the supervising office, admins, leaders); raises
    PermissionDenied for anyone else, InvalidInput for another suffix.
    """
    require(actor.sees_everything, "督办总览只对督办部门和领导开放；联络员请在“本单位任务”导出本单位台账。")
    if suffix not in EXPORT_SUFFIXES:
        raise InvalidInput(f"导出格式“{suffix[:10]}”不支持：请选择 Excel（.xlsx）或 CSV（.csv）。")
    today = today or clock.beijing_today()
    if filters.light is None:
        restrict_to = scope_query(actor, filters)
    else:  # lights are computed in Python (services/lights), not in SQL
        restrict_to = [fact.id for fact in load_facts(actor, today, filters).tasks]
    plan = db.session.get(Plan, filters.plan_id) if filters.plan_id is not None else None
    title = (plan.title if plan else "全部方案") + "工作台账（筛选结果）"
    ledger = build_ledger(actor, today=today, supervising_office=supervising_office, options=options,
                          restrict_to=restrict_to, title=title, note=filters.describe())
    return _encode(actor, ledger, None, suffix)


def _encode(actor: User, ledger: Ledger, unit_name: str | None, suffix: str) -> LedgerExport:
    """Write ``ledger`` as .xlsx or .csv bytes, with its file name (_filename) and row count."""
    if suffix == ".csv":
        content = ledger_csv_bytes(ledger)
    else:
        buffer = BytesIO()
        write_ledger(ledger, buffer)
        content = buffer.getvalue()
    return LedgerExport(content, _filename(actor, ledger, unit_name, suffix), len(ledger.rows))


def _filename(actor: User, ledger: Ledger, unit_name: str | None, suffix: str) -> str:
    """工作台账 file name: <title>[-<unit>]-<YYYYMMDD><suffix>."""
    parts = [ledger.title]
    if ledger.unit_name and (actor.role is Role.LIAISON or unit_name):
        parts.append(ledger.unit_name)
    parts.append(ledger.export_date.strftime("%Y%m%d"))
    return "-".join(parts) + suffix


def _top_level_titles(plan_ids: set[int]) -> dict[tuple[int, str], str]:
    """Return ``{(plan_id, first path token): title}`` of the live level-1 tasks of ``plan_ids`` (a
    withdrawn "一" does not name the 重点任务 of the "一" that replaced it)."""
    if not plan_ids:
        return {}
    rows = db.session.execute(task_scope(None).live().where(Task.plan_id.in_(plan_ids), Task.level == 1)
                              .select(Task.plan_id, Task.path, Task.title, Task.text))
    return {(plan_id, path[0]): title or text for plan_id, path, title, text in rows}


def _heading_parts(plan_ids: set[int]) -> dict[tuple[int, tuple[str, ...]], tuple[str, str]]:
    """Return ``{(plan_id, path): ("一、", "防控金融高杠杆风险")}`` for every heading (a task with
    sub-measures) of ``plan_ids``: its number as written and its title (else its text)."""
    if not plan_ids:
        return {}
    rows = db.session.execute(task_scope(None).live().headings().where(Task.plan_id.in_(plan_ids))
                              .select(Task.plan_id, Task.path, Task.number, Task.title, Task.text))
    return {(plan_id, tuple(path)): (number or "", title or text or "") for plan_id, path, number, title, text in rows}


def _ancestors(parts: dict, task: Row) -> list[tuple[str, str]]:
    """(序号 as written, title) of each heading above ``task``, from the top (``parts``: _heading_parts)."""
    path = tuple(task.path)
    keys = [(task.plan_id, path[:depth]) for depth in range(1, len(path))]
    return [parts[key] for key in keys if key in parts]


def _groups(parts: dict, task: Row, plan_title: str | None = None) -> tuple[tuple[str, str], ...]:
    """The grouped layout's headings above ``task``, from the top: (序号 as written, title) of each
    ancestor heading, after ("", "《方案》") when ``plan_title`` is given (a ledger over several plans)."""
    return ((("", plan_title),) if plan_title else ()) + tuple(_ancestors(parts, task))


def _path_text(parts: dict, task: Row, plan_title: str | None = None) -> str:
    """The flat layout's 所属层级 of ``task``: its headings from the top (after ``plan_title``, when
    given), each its 序号 then its title, joined with ＞: "《方案》 ＞ 一、防控金融高杠杆风险"."""
    texts = [plan_title] if plan_title else []
    return PATH_SEPARATOR.join(texts + [number + title for number, title in _ancestors(parts, task)])


def _rows(statement: Select) -> list[Row]:
    """Run ``statement`` (a SELECT of columns) on the session's connection and return its rows: plain
    rows, without the ORM's per-row result processing that ``session.execute`` adds (issue 19). Pending
    changes are flushed first, as ``session.execute`` would."""
    db.session.flush()
    return db.session.connection().execute(statement).all()


#: A report row's id (the newest of a task's reports has the highest).
_report_id = attrgetter("id")

#: The columns of a task that a ledger row reads (plain columns: one row per task, no ORM object).
_TASK_COLUMNS = (Task.id, Task.key, Task.version, Task.plan_id, Task.path, Task.level, Task.number, Task.title,
                 Task.text, Task.deadline, Task.status, Task.target_value, Task.target_unit)


class _TaskUnits(NamedTuple):
    """The units of one task as a ledger reads them: ``assignments`` (unit id, unit name, role) in the plan's
    order (Task.assignments: by position), and the names of its lead and supporting units (Task.lead_units,
    Task.supporting_units)."""

    assignments: tuple[tuple[int, str, AssignmentRole], ...]
    lead_names: tuple[str, ...]
    supporting_names: tuple[str, ...]

    @property
    def lead_ids(self) -> list[int]:
        return [unit_id for unit_id, _, role in self.assignments if role is AssignmentRole.LEAD]


def _assignments(task_ids: list[int] | Select) -> dict[int, _TaskUnits]:
    """Return ``{task_id: _TaskUnits}`` for ``task_ids`` (a list or a SELECT of ids), in one query of plain
    columns, each task's units in the order of ``Task.assignments`` (position, then the order they were
    added)."""
    if isinstance(task_ids, list) and not task_ids:
        return {}
    found: dict[int, list[tuple[int, str, AssignmentRole]]] = {}
    for task_id, unit_id, name, role in _rows(
            select(Assignment.task_id, Assignment.unit_id, Unit.name, Assignment.role)
            .join(Unit, Unit.id == Assignment.unit_id).where(Assignment.task_id.in_(task_ids))
            .order_by(Assignment.task_id, Assignment.position, Assignment.id)):
        found.setdefault(task_id, []).append((unit_id, name, role))
    lead, supporting = AssignmentRole.LEAD, AssignmentRole.SUPPORTING
    return {task_id: _TaskUnits(tuple(units), tuple(name for _, name, role in units if role is lead),
                                tuple(name for _, name, role in units if role is supporting))
            for task_id, units in found.items()}


def _report_rows(report_ids: Select, dated: bool = True) -> dict[int, dict[int | None, Row]]:
    """Return ``{task_id: {unit_id: report}}`` of the reports whose ids ``report_ids`` selects (the rule
    of which report is latest stays in workflow/progress.py), as rows of plain columns: id, task_id,
    unit_id, progress, problems, next_steps and, when ``dated``, the columns of ``ProgressReport.report_day``,
    ``signoff_state``, ``signed_at`` and the signer's name (``signer_name``, None when nobody signed); without
    them the rows skip the dates' conversion and the join (a tree ledger shows none of them, issue 19). A unit's copy selects at most one report per task, kept under its unit id all the same."""
    columns = [ProgressReport.id, ProgressReport.task_id, ProgressReport.unit_id, ProgressReport.progress,
               ProgressReport.problems, ProgressReport.next_steps]
    statement = select(*columns)
    if dated:
        signer = aliased(User)
        statement = select(*columns, ProgressReport.reported_on, ProgressReport.counted_at.label("counted_at"),
                           ProgressReport.created_at, ProgressReport.signoff_state, ProgressReport.signed_at,
                           signer.display_name.label("signer_name")) \
            .outerjoin(signer, signer.id == ProgressReport.signed_by_id)
    rows = _rows(statement.where(ProgressReport.id.in_(report_ids)).order_by(ProgressReport.id))
    by_task: dict[int, dict[int | None, Row]] = {}
    for report in rows:
        by_task.setdefault(report.task_id, {})[report.unit_id] = report
    return by_task


def _report_day(report: Row) -> date:
    """The 填报日期 of a report row (ProgressReport.report_day, from its columns)."""
    return ProgressReport.day_of(report.reported_on, report.counted_at, report.created_at)


def _report_texts(report) -> dict[str, str | None]:
    """The progress cells of one report (None for no report), as LedgerRow fields."""
    if report is None:
        return {"progress": None, "problems": None, "next_steps": None}
    return {"progress": report.progress, "problems": report.problems, "next_steps": report.next_steps}


def _unit_rows(units: _TaskUnits, unit: Unit | None) -> list[tuple[int | None, str, str]]:
    """The by-unit layout's rows of a task with ``units``: (unit id, unit name, 角色) for each lead then
    each supporting unit (a unit's copy: ``unit``'s own row only); one row without a unit when the task
    has none."""
    rows = [(unit_id, name, ROLE_TEXTS[role.value])
            for wanted in (AssignmentRole.LEAD, AssignmentRole.SUPPORTING)
            for unit_id, name, role in units.assignments if role is wanted and (unit is None or unit_id == unit.id)]
    return rows or [(None, "", "")]


def _in_unit_order(units: _TaskUnits, reports: dict) -> list[tuple[int | None, object]]:
    """``reports`` ({unit_id: report}) as (unit_id, report) pairs: the task's lead units, then its
    supporting units (plan order), then the other units that reported, oldest report first."""
    order = [unit_id for wanted in (AssignmentRole.LEAD, AssignmentRole.SUPPORTING)
             for unit_id, _, role in units.assignments if role is wanted]
    known = [unit_id for unit_id in order if unit_id in reports]
    others = [unit_id for unit_id in reports if unit_id not in order]  # reports are ordered by id
    return [(unit_id, reports[unit_id]) for unit_id in dict.fromkeys(known + others)]


def _unit_names(reports: dict[int, dict]) -> dict[int, str]:
    """``{unit_id: name}`` of every unit with a report in ``reports`` (one query)."""
    unit_ids = {unit_id for by_unit in reports.values() for unit_id in by_unit if unit_id is not None}
    if not unit_ids:
        return {}
    return dict(db.session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids))).all())


def _liaison_names(assignments: dict[int, _TaskUnits]) -> dict[int, list[str]]:
    """Return ``{unit_id: [display names]}`` of the active liaisons of the tasks' lead units (one query)."""
    unit_ids = {unit_id for units in assignments.values() for unit_id in units.lead_ids}
    if not unit_ids:
        return {}
    names: dict[int, list[str]] = {}
    for unit_id, name in db.session.execute(
            select(User.unit_id, User.display_name).where(User.unit_id.in_(unit_ids), User.role == Role.LIAISON,
                                                          User.active.is_(True)).order_by(User.id)):
        names.setdefault(unit_id, []).append(name)
    return names


def _extra_texts(columns: tuple[str, ...], task: Row, units: _TaskUnits, report: Row | None,
                 liaisons: dict[int, list[str]], achieved: dict[int, float] | None = None) -> dict:
    """Texts of the extra columns of one row: 责任人 = the display names of the lead units' active
    liaisons (、-joined, each once); 最近反馈时间 = the Beijing date (YYYY-MM-DD) of the report the
    row's progress comes from (its signed time where it was signed off); 备注 stays empty for the unit to
    fill in (a task has no remark field); 签发人 = who signed that report off in its unit and the Beijing
    date ("姓名 YYYY-MM-DD"), empty when no sign-off was needed."""
    extra: dict[str, str | None] = {}
    if RESPONSIBLE_CAPTION in columns:
        names = [name for unit_id in units.lead_ids for name in liaisons.get(unit_id, [])]
        extra[RESPONSIBLE_CAPTION] = "、".join(dict.fromkeys(names)) or None
    if LAST_REPORT_CAPTION in columns:
        extra[LAST_REPORT_CAPTION] = _report_day(report).isoformat() if report else None
    if REMARKS_CAPTION in columns:
        extra[REMARKS_CAPTION] = None
    # Quantified tasks (issue 16): 目标值; 完成值 = that of the latest report giving one (``achieved``:
    # {task id: 完成值}, quantified.latest_achieved); 完成率 by tracker/indicators/derived.task_completion_pct.
    achieved = (achieved or {}).get(task.id)
    if TARGET_CAPTION in columns:
        extra[TARGET_CAPTION] = target_text(task.target_value, task.target_unit)
    if ACHIEVED_CAPTION in columns:
        extra[ACHIEVED_CAPTION] = target_text(achieved, task.target_unit)
    if COMPLETION_CAPTION in columns:
        rate = task_completion_pct(achieved, task.target_value)
        extra[COMPLETION_CAPTION] = None if rate is None else f"{rate:.1f}%"
    if SIGNED_BY_CAPTION in columns:  # 审核签发 inside the unit (issue 18); empty when none was needed
        signer = report.signer_name if report is not None and report.signoff_state is not None else None
        extra[SIGNED_BY_CAPTION] = (f"{signer} {to_beijing(report.signed_at).date().isoformat()}"
                                    if signer is not None else None)
    return extra
