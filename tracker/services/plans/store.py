"""Plans: import a parsed plan in one commit; read a plan's measure tree for a user."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import and_, bindparam, func, select
from sqlalchemy.orm import aliased

from ...database import write_transaction
from ...extensions import db
from ...models.plans import task_heading_text
from ...vocabulary.numbering import render_number
from ...models import Assignment, AssignmentRole, Plan, ProgressReport, Task, TaskStatus, Unit, UnitKind, User
from ...pagination import paginate_list
from ...vocabulary.units import is_vague_collective
from ..errors import InvalidInput
from ..workflow.progress import latest_report_ids
from ..scope import task_scope
from ..collector import collecting_later
from ..accounts.units import LocalUnitNames, get_or_create_unit
from ...vocabulary.units import area_of

if TYPE_CHECKING:  # annotations only: the plan parser loads where a plan is read (issue 19)
    from ...parsing import PlanDraft


@dataclass
class PlanImport:
    """What an import stored: the plan, how many tasks, which units were new (``new_groups``: those of them made
    a 组 by their name, accounts/units.new_unit)."""

    plan: Plan
    task_count: int
    new_units: list[str] = field(default_factory=list)
    new_groups: list[str] = field(default_factory=list)

    def groups_note(self) -> str:
        """One Chinese sentence on the new 组 and what to do with them ("" when none): a group reports as one unit
        until its members are set under it on 单位管理, then a task it leads is split to them in one action."""
        return groups_note(self.new_groups)


def groups_note(names: list[str]) -> str:
    """The sentence of ``PlanImport.groups_note`` for the new groups ``names`` (several imports' together)."""
    if not names:
        return ""
    return (f"其中{'、'.join(names)}是“组”（代表多个单位，暂作为一个单位报送）：如需分解到各成员，请在“单位管理”中"
            "把成员单位的上级单位设为该组，之后该组牵头的任务可一键分解给全部成员。")


def localize_draft_units(draft: PlanDraft) -> list[str]:
    """Give the local unit names of a plan for another area that area's own units (issue 18); return warnings.

    The plan's area is the one its 发文机关, else its title, starts with (``vocabulary.units.area_of``).
    Each lead and supporting unit name is passed through ``accounts.units.localize_unit_name``:
    "市发展改革委" in a 广州市 plan, when the registry's 市发展改革委 serves 重庆市, becomes
    "广州市发展改革委" (a new unit, unless the registry has it). ``draft`` is changed in place; one
    Chinese warning per name changed says so and how to choose the existing unit instead (the
    preview's unit field). Called where a parsed plan enters: the import preview and ``import-plan``.
    """
    local = LocalUnitNames(plan_area(draft.issuer, draft.title))
    if not local.area:
        return []
    for measure in draft.measures:
        measure.lead_units = local.names(measure.lead_units)
        measure.supporting_units = local.names(measure.supporting_units)
    return local.warnings("如确为同一单位，请在预览中把单位改回“{other}”")


def plan_area(issuer: str | None, title: str | None) -> str | None:
    """The area (辖区) a plan belongs to: the one its 发文机关, else its title, starts with
    (``vocabulary.units.area_of``); None when neither names one. Used by the plan import and by a
    plan built from another office's ledger (its title; services/ledger/newplan.py)."""
    return area_of(issuer) or area_of(title)


def import_plan(draft: PlanDraft, source_name: str | None = None, title: str | None = None) -> PlanImport:
    """Store ``draft`` as a new plan with one task per measure, in one transaction.

    Local unit names of a plan for another area are first given that area's units
    (``localize_draft_units``; its warnings are added to ``draft.warnings``).

    See ``store_plan`` for the rules. Raises InvalidInput (nothing written) when the
    draft has no measure or no title at all.
    """
    draft.warnings.extend(localize_draft_units(draft))
    with write_transaction():
        result = store_plan(draft, source_name, title)
    return result


def store_plan(draft: PlanDraft, source_name: str | None = None, title: str | None = None) -> PlanImport:
    """Add ``draft`` to the session as a new plan with its tasks; the caller commits.

    Each measure's parent is the nearest earlier measure whose path is its path
    minus the last token. Unit names are matched to the registry (aliases
    included); unknown names become new units, listed in ``new_units``. Vague collectives
    (有关部门和单位, 各有关单位: ``vocabulary.units.is_vague_collective``) stay in the draft as
    written but are assigned no unit.
    Raises InvalidInput when the draft has no measure or no title at all.
    """
    if not draft.measures:
        raise InvalidInput("文件中没有识别到编号条目（如“一、”“（一）”），未导入。请检查文件内容后重试。")
    plan_title = title or draft.title or source_name
    if not plan_title:
        raise InvalidInput("无法确定方案标题，请填写标题后再导入。")
    plan = Plan(
        title=plan_title,
        doc_number=draft.doc_number,
        issuer=draft.issuer,
        issued_on=draft.issued_on,
        source_name=source_name,
        source_text=draft.source_text,
    )
    db.session.add(plan)
    new_units: list[str] = []
    units_by_name: dict[str, tuple[Unit, bool]] = {}
    by_path: dict[tuple[str, ...], Task] = {}
    for position, measure in enumerate(draft.measures):
        task = Task(
            plan=plan,
            parent=by_path.get(tuple(measure.path[:-1])),
            path=list(measure.path),
            number=measure.number,
            level=measure.level,
            position=position,
            title=measure.title,
            text=measure.text,
            deadline=measure.deadline,
            due_date=measure.due_date,
        )
        db.session.add(task)
        by_path[tuple(measure.path)] = task
        assigned: set[int] = set()
        roles = [(n, AssignmentRole.LEAD) for n in measure.lead_units]
        roles += [(n, AssignmentRole.SUPPORTING) for n in measure.supporting_units]
        for order, (name, role) in enumerate(roles):
            if is_vague_collective(name):  # "有关部门和单位" names nobody: no unit, no ranking row
                continue
            if name not in units_by_name:  # look each name up once: a 2,000-measure plan names ~20 units 4,000 times
                units_by_name[name] = get_or_create_unit(name)
                if units_by_name[name][1]:
                    new_units.append(units_by_name[name][0].name)
            unit = units_by_name[name][0]
            if unit.id in assigned:  # a unit named twice keeps its first role
                continue
            assigned.add(unit.id)
            task.assignments.append(Assignment(unit=unit, role=role, position=order))
    db.session.flush()
    groups = [unit.name for unit, created in units_by_name.values() if created and unit.kind is UnitKind.GROUP]
    return PlanImport(plan=plan, task_count=len(draft.measures), new_units=new_units, new_groups=groups)


def plans_for(user) -> list[Plan]:
    """Return the plans ``user`` is shown on the plan list, newest first: every plan for users who
    see every task, else only plans where the user's unit leads or supports a live task (issue 15:
    a liaison offered 下载工作台账 for a plan without its tasks got an empty ledger)."""
    query = select(Plan).order_by(Plan.created_at.desc(), Plan.id.desc())
    scope = task_scope(user)
    if not scope.unrestricted:
        query = query.where(Plan.id.in_(scope.live().leaves().select(Task.plan_id)))
    return list(db.session.scalars(query))


def plan_task_counts() -> dict[int, int]:
    """Return ``{plan_id: number of live tasks, headings included}`` for every plan (the plan list's
    条目数; withdrawn tasks are left out, services/scope.py), in one query."""
    rows = db.session.execute(task_scope(None).live().select(Task.plan_id, func.count(Task.id)).group_by(Task.plan_id))
    return {plan_id: count for plan_id, count in rows}


# Lines of a plan page: a 2,000-task plan in one page was 1 MB of HTML and took 0.4 s (bench/pages.py).
PLAN_PAGE_SIZE = 200


@dataclass
class PlanLine:
    """The columns of one task that a plan page shows, read as plain columns (no ORM object).

    ``lead_units``/``supporting_units``: the unit names in the plan's order (``Assignment.position``);
    ``heading_text`` and ``number_display`` follow ``Task.heading_text`` and ``Task.number_display``.
    """

    id: int
    number: str
    level: int
    path: list[str]
    title: str | None
    text: str
    deadline: str | None
    status: TaskStatus
    withdrawn_at: datetime | None
    lead_units: list[str] = field(default_factory=list)
    supporting_units: list[str] = field(default_factory=list)
    due_date: date | None = None
    #: The latest counted report, when read with the line (``task_lines``; the plan page reads it apart).
    latest: LatestReport | None = None

    @property
    def heading_text(self) -> str:
        """The line's short name: its title, else the text's first 60 characters (models/plans.task_heading_text)."""
        return task_heading_text(self.title, self.text)

    @property
    def number_display(self) -> str:
        """The 序号 as shown, from ``path`` (vocabulary/numbering.render_number: 一（一）, 1.1)."""
        return render_number(self.path)


@dataclass
class LatestReport:
    """The latest counted report of a task as a plan page shows it: when (stored UTC), which unit's
    name ("" for none), and its progress text."""

    created_at: datetime
    unit_name: str
    progress: str


@dataclass
class PlanRow:
    """One line of a plan page: a task, whether it is a heading, and its latest report.

    ``continued`` marks a heading repeated at the top of a page for context (its children go on there).
    """

    task: PlanLine
    is_heading: bool
    can_open: bool
    latest: LatestReport | None
    continued: bool = False
    withdrawn: bool = False


@dataclass
class PlanPage:
    """One page of a plan's measure tree for a user, with figures over all the lines the user may see.

    ``leaves``: tasks without children the user sees; ``by_status``: how many of them in each status;
    ``reported``: how many of them have at least one report (ever: not this period's figure). ``unreported``: for a user
    who sees every task, how many of them owe the current period's report and have none from any unit, the dashboard's
    本期未报送 of this plan (figures/facts.kept_facts, the one rule: ranking.owes_report), else None (workflow52: the
    page said 已报送进展 15 项 while the dashboard said 本期未报送 15 of the same 16 tasks). ``page`` counts from 1.
    ``withdrawn``:
    the tasks withdrawn by a revision (已撤销, services/plans/revision.py) the user may see, listed
    apart and left out of the lines and figures.
    """

    rows: list[PlanRow]
    page: int
    pages: int
    leaves: int
    by_status: dict[TaskStatus, int]
    reported: int
    withdrawn: list[PlanRow]
    unreported: int | None = None


def plan_lines(task_ids: set[int] | list[int]) -> dict[int, PlanLine]:
    """Return ``{task id: PlanLine}`` for ``task_ids`` (the plan page's, and the dashboard's task list) in two queries (the tasks' columns, then their
    assignments with unit names), whatever their number: no ORM object per task, unit or assignment
    (issue 19: loading 200 tasks with their assignments and units as objects was half a plan page)."""
    if not task_ids:
        return {}
    ids = sorted(task_ids)
    lines = {row.id: PlanLine(row.id, row.number, row.level, list(row.path or []), row.title, row.text,
                              row.deadline, row.status, row.withdrawn_at, due_date=row.due_date)
             for row in db.session.execute(
                 select(Task.id, Task.number, Task.level, Task.path, Task.title, Task.text, Task.deadline,
                        Task.status, Task.withdrawn_at, Task.due_date).where(Task.id.in_(ids)))}
    assignments = db.session.execute(
        select(Assignment.task_id, Assignment.role, Unit.name).join(Unit, Unit.id == Assignment.unit_id)
        .where(Assignment.task_id.in_(ids)).order_by(Assignment.task_id, Assignment.position, Assignment.id))
    for task_id, role, name in assignments:
        line = lines[task_id]
        (line.lead_units if role is AssignmentRole.LEAD else line.supporting_units).append(name)
    return lines


def task_lines(task_ids: list[int]) -> dict[int, PlanLine]:
    """Return ``{task id: PlanLine}`` for ``task_ids`` with each task's latest counted report (``PlanLine.latest``)
    in ONE query of plain columns: the tasks left-joined to their assignments' unit names and to their latest
    report (``workflow.progress.latest_report_ids``, the one rule) with its unit's name. For the dashboard's task
    list (50 tasks: one row per task and unit; issue 19, each statement a round trip on PostgreSQL).

    The statement is built once per process (``_task_lines_statement``: the ids are an expanding parameter), since
    building it, with its two aliases adapted column by column, cost more than running it under write load."""
    if not task_ids:
        return {}
    ids = sorted(task_ids)
    rows = db.session.execute(_task_lines_statement(), {"ids": ids, "latest_ids": ids})
    lines: dict[int, PlanLine] = {}
    for (task_id, number, level, path, title, text, deadline, status, withdrawn_at, due_date, role, unit_name,
         reported_at, report_unit_name, progress) in rows:
        line = lines.get(task_id)
        if line is None:
            line = lines[task_id] = PlanLine(task_id, number, level, list(path or []), title, text, deadline, status,
                                             withdrawn_at, due_date=due_date)
            if reported_at is not None:
                line.latest = LatestReport(reported_at, report_unit_name or "", progress or "")
        if role is not None:
            (line.lead_units if role is AssignmentRole.LEAD else line.supporting_units).append(unit_name)
    return lines


@cache
def _task_lines_statement():
    """Return ``task_lines``' SELECT (made on first use, then kept: a statement is immutable and holds no data;
    its parameters ``ids`` and ``latest_ids`` are the same sorted list of task ids)."""
    report, report_unit = aliased(ProgressReport), aliased(Unit)
    latest = latest_report_ids(bindparam("latest_ids", expanding=True))
    return (
        select(Task.id, Task.number, Task.level, Task.path, Task.title, Task.text, Task.deadline, Task.status,
               Task.withdrawn_at, Task.due_date, Assignment.role, Unit.name, report.created_at, report_unit.name,
               report.progress)
        .select_from(Task)
        .outerjoin(Assignment, Assignment.task_id == Task.id).outerjoin(Unit, Unit.id == Assignment.unit_id)
        .outerjoin(report, and_(report.task_id == Task.id, report.id.in_(latest)))
        .outerjoin(report_unit, report_unit.id == report.unit_id)
        .where(Task.id.in_(bindparam("ids", expanding=True))).order_by(Task.id, Assignment.position, Assignment.id))


def plan_latest_reports(task_ids: list[int]) -> dict[int, LatestReport]:
    """Return ``{task id: LatestReport}`` for the tasks of ``task_ids`` that have a counted report, in one
    query of plain columns (latest: ``workflow.progress.latest_report_ids``, the one rule)."""
    if not task_ids:
        return {}
    rows = db.session.execute(
        select(ProgressReport.task_id, ProgressReport.created_at, Unit.name, ProgressReport.progress)
        .outerjoin(Unit, Unit.id == ProgressReport.unit_id)
        .where(ProgressReport.id.in_(latest_report_ids(task_ids))))
    return {task_id: LatestReport(created_at, unit_name or "", progress or "")
            for task_id, created_at, unit_name, progress in rows}


def plan_page(plan: Plan, user: User, page: int = 1, per_page: int | None = None) -> PlanPage:
    """Return page ``page`` (clamped to 1..pages) of the lines of ``plan`` that ``user`` may see.

    A liaison sees its unit's tasks and, for context, the headings above them (not their
    reports). Lines are in document order, ``per_page`` (default PLAN_PAGE_SIZE) to a page; a page opens with the
    headings above its first line. The tree is read as bare columns, and only the page's
    tasks as plain columns with their unit names and latest reports (``plan_lines``,
    ``plan_latest_reports``): a fixed number of queries whatever the size (tests/web/test_plan_page_speed.py).
    A heading is a task some task of the plan names as its parent, withdrawn ones included
    (``Task.is_heading``, computed here from the tree already read instead of an EXISTS per task).
    """
    with collecting_later():  # 2,000 rows of small tuples: no use walking the heap for cycles meanwhile
        return _plan_page(plan, user, page, per_page)


def _plan_page(plan: Plan, user: User, page: int, per_page: int | None) -> PlanPage:
    scope = task_scope(user).in_plan(plan.id)
    all_tasks = db.session.execute(
        select(Task.id, Task.parent_id, Task.status, Task.withdrawn_at)
        .where(Task.plan_id == plan.id)
        .order_by(Task.position, func.coalesce(Task.split_from_id, 0), Task.id)).all()  # sub-tasks after their parent
    parents = {task_id: parent for task_id, parent, _, _ in all_tasks}
    has_children = {parent for parent in parents.values() if parent is not None}
    tree = [(task_id, status) for task_id, _, status, withdrawn_at in all_tasks if withdrawn_at is None]
    withdrawn_ids = [task_id for task_id, _, _, withdrawn_at in all_tasks if withdrawn_at is not None]
    visible = set(parents) if scope.unrestricted else set(db.session.scalars(scope.ids()))
    withdrawn_ids = [task_id for task_id in withdrawn_ids if task_id in visible]
    visible -= set(withdrawn_ids)
    shown = set(visible)
    for task_id in visible:
        parent = parents[task_id]
        while parent is not None and parent not in shown:
            shown.add(parent)
            parent = parents[parent]
    lines = [task_id for task_id, _ in tree if task_id in shown]
    counted = Counter(status for task_id, status in tree if task_id in shown and task_id not in has_children)
    by_status = {status: counted[status] for status in TaskStatus}
    # EXISTS per task stops at its first counted report (issue 19: a count(distinct task_id) read all
    # ~20,000 reports of a 2,000-task plan and computed counted_at from each row).
    reported_query = scope.live().leaves().where(ProgressReport.counted_exists(Task.id)).select(func.count(Task.id))
    listing = paginate_list(lines, page, per_page or PLAN_PAGE_SIZE)
    page, pages, on_page = listing.page, max(1, listing.pages), listing.items
    context: list[int] = []
    parent = parents[on_page[0]] if on_page else None
    while parent is not None:
        context.insert(0, parent)
        parent = parents[parent]
    wanted = set(on_page) | set(context) | set(withdrawn_ids)
    tasks = plan_lines(wanted)
    reports = plan_latest_reports(sorted(wanted & (visible | set(withdrawn_ids))))
    rows = [PlanRow(task=tasks[i], is_heading=True, can_open=i in visible, latest=None, continued=True)
            for i in context]
    rows += [PlanRow(task=tasks[i], is_heading=i in has_children, can_open=i in visible, latest=reports.get(i))
             for i in on_page]
    withdrawn = [PlanRow(task=tasks[i], is_heading=False, can_open=True, latest=reports.get(i), withdrawn=True)
                 for i in withdrawn_ids]
    return PlanPage(rows=rows, page=page, pages=pages, leaves=sum(counted.values()), by_status=by_status,
                    reported=db.session.scalar(reported_query) or 0, withdrawn=withdrawn,
                    unreported=_unreported_this_period(plan, user) if scope.unrestricted else None)


def _unreported_this_period(plan: Plan, user: User) -> int:
    """Return how many of ``plan``'s tasks owe the current period's report and have none from any unit: the number the
    dashboard prints as the plan's 本期未报送, read from the same kept facts (figures/facts.kept_facts)."""
    from ... import clock
    from ..figures.facts import kept_facts

    return len(kept_facts(user, clock.beijing_today(), plan.id).unreported)
