"""Decomposition (层层分解, issue 18): a task split into sub-tasks for child units, and its roll-up.

A sub-task is a Task of the same plan whose ``split_from`` is the task it was split from. It has
its own lead unit (one), deadline, 办理状态, reports and light, and it is a task like any other in
the task scope (services/scope.py: counted, listed, urged and owed reports by its unit); its parent
stays a task too, answered for by its own lead unit. Sub-tasks stand apart from the plan's heading
tree: a sub-task sits under the same heading as its parent (``parent_id``), numbered after it
("一（一）-1", path = parent's path + "-k"), and a plan revision leaves it alone
(services/plans/revision.py compares only the plan's own measures).

Rules, each here once:
- Who splits: ``permissions.can_split_task`` (the supervising office, a lead unit's liaison).
- To whom: the supervising office to any unit of the registry; a lead unit's liaison to the units
  under its own unit (``Unit.parent``, at any depth: its 处室, the 区县 of a group); never a unit whose kind takes
  no sub-task (``UnitKind.takes_subtasks``: a 金融机构 of the indicators). A group (组)
  named as the unit is split to its members in one action (``split_to_members`` does so for every
  group among the task's lead units). One live sub-task per unit and task.
- Deadline: inherited by default (完成时限 and due date); a sub-task's due date is never later than
  its parent's (``exceeds_split_task``, read by ``_due`` and by a district's 申请延期). Who splits may change a
  sub-task's deadline afterwards, within the same bound (``change_subtask_deadline``): the district's date is the
  splitting unit's own arrangement, the parent's date is the office's. So a district's 申请延期 on its part goes to
  the unit that split the task (and the office may decide it too: permissions.can_decide_extension), within the
  parent's date; the lead unit asks the office for more time on the parent with its own 申请延期
  (workflow/extensions.py).
- Closing the parent while sub-tasks are open: workflow/transitions.check_subtasks_closed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NamedTuple

from sqlalchemy import Select, and_, inspect, select

from ... import clock
from ...clock import to_beijing
from ...dates import chinese_date, deadline_with_due
from ...extensions import db
from ...models import (Assignment, AssignmentRole, ExtensionRequest, ExtensionState, JournalField, ProgressReport,
                      Role, Task, TaskStatus, Unit, UnitKind, User)
from .. import journal, notifications
from ..concurrency import task_change
from ..errors import InvalidInput, NotFound
from ..permissions import can_split_task, is_supervisor, requirement
from ..scope import live_units_query
from ..workflow.extensions import written_date
from .task_editing import MAX_DEADLINE_CHARS, MAX_TITLE_CHARS

SPLIT_REFUSED = "只有督办部门或本任务牵头单位的联络员可以分解任务。"


@dataclass(frozen=True)
class Rollup:
    """The roll-up of a task's live sub-tasks: how many there are, have a report, are closed, are red."""

    total: int = 0
    reported: int = 0
    closed: int = 0
    red: int = 0

    def as_dict(self) -> dict[str, int]:
        """The ``rollup`` object of the API's TASK (CONTRACTS.md §6)."""
        return {"total": self.total, "reported": self.reported, "closed": self.closed, "red": self.red}


class LatestReport(NamedTuple):
    """A sub-task's latest report as the 分解情况 card shows it: its 进展情况 (else 存在问题, else 下步计划), the day it
    counts from (ProgressReport.day_of) and its unit's name (None for a report without a unit); ``texts``: its three
    texts as written (进展情况, 存在问题, 下步计划; "" for one left empty), which ``consolidated_report`` gathers."""

    text: str
    day: date
    unit: str | None
    texts: tuple[str, str, str] = ("", "", "")


@dataclass(frozen=True)
class SubtaskRow:
    """One sub-task as the parent's page lists it: the task, its light (Light), last report day and latest report;
    ``asked``: the date its unit's 申请延期 waiting for a decision asks for (None when none waits), which the unit
    that split the task decides (permissions.can_decide_extension)."""

    task: Task
    light: object
    last_report_on: date | None
    latest: LatestReport | None = None
    asked: date | None = None


def live_subtasks(task: Task) -> list[Task]:
    """Return ``task``'s sub-tasks not withdrawn, in the order they were made."""
    return [sub for sub in task.subtasks if sub.withdrawn_at is None]


def subtask_rows(task: Task, today: date | None = None) -> list[SubtaskRow]:
    """Return the live sub-tasks of ``task`` with their light, last report day (Beijing date) and latest report.

    The latest report is THE latest (services/workflow/progress.latest_report_ids: only reports that count, no
    draft waiting for its unit leader), read with its unit's name and the date its waiting 延期申请 asks for
    (ExtensionState.PENDING: not a draft before its unit leader signed it) for every sub-task in one statement.
    """
    from ..figures.lights import plan_light
    from ..workflow.progress import latest_report_ids

    subs = live_subtasks(task)
    if not subs:
        return []
    today = today or clock.beijing_today()
    ids = [s.id for s in subs]
    asking = select(ExtensionRequest.new_due_date).where(
        ExtensionRequest.task_id == Task.id, ExtensionRequest.state == ExtensionState.PENDING).limit(1).scalar_subquery()
    found_rows = db.session.execute(
        select(Task.id.label("sub_id"), asking.label("asked"), ProgressReport.task_id, ProgressReport.counted_at,
               ProgressReport.created_at, ProgressReport.reported_on, ProgressReport.progress, ProgressReport.problems,
               ProgressReport.next_steps, Unit.name.label("unit"))
        .select_from(Task)
        .outerjoin(ProgressReport, and_(ProgressReport.task_id == Task.id,
                                        ProgressReport.id.in_(latest_report_ids(ids))))
        .outerjoin(Unit, Unit.id == ProgressReport.unit_id)
        .where(Task.id.in_(ids))).all()
    latest = {row.sub_id: row for row in found_rows if row.task_id is not None}
    asked = {row.sub_id: row.asked for row in found_rows}
    rows = []
    for sub in subs:
        found = latest.get(sub.id)
        reported = to_beijing(found.counted_at or found.created_at).date() if found else None
        line = LatestReport(found.progress or found.problems or found.next_steps or "",
                            ProgressReport.day_of(found.reported_on, found.counted_at, found.created_at),
                            found.unit, (found.progress or "", found.problems or "", found.next_steps or "")
                            ) if found else None
        rows.append(SubtaskRow(sub, plan_light(sub.plan, sub.status, sub.due_date, reported, today), reported, line,
                               asked.get(sub.id)))
    return rows


def rollup(task: Task, rows: list[SubtaskRow] | None = None) -> Rollup:
    """Return the roll-up of ``task`` (from ``rows`` when already read): sub-tasks with at least one
    report, closed (已办结) and red (the status light of services/figures/lights.py)."""
    rows = subtask_rows(task) if rows is None else rows
    return Rollup(total=len(rows), reported=sum(1 for r in rows if r.last_report_on is not None),
                  closed=sum(1 for r in rows if r.task.status is TaskStatus.CLOSED),
                  red=sum(1 for r in rows if getattr(r.light, "value", r.light) == "red"))


class Consolidated(NamedTuple):
    """The lead unit's own report drawn from its sub-tasks' latest reports (``consolidated_report``): the three texts
    of the report form, 进展情况, 存在问题 and 下步计划 ("" when no sub-task wrote any)."""

    progress: str
    problems: str
    next_steps: str


def consolidated_report(task: Task, rows: list[SubtaskRow], today: date | None = None) -> Consolidated | None:
    """Gather the latest reports of ``task``'s sub-tasks (``rows``, as ``subtask_rows`` reads them: only reports that
    count) into the texts of the unit's own report on ``task`` to the supervising office (汇总子任务进展, issue 18).

    进展情况 opens with the roll-up ("截至2026年12月6日，本任务分解的 3 项子任务中 2 项已报送、0 项已办结：") and gives a
    line per sub-task in the order of 分解情况: "二（一）-1 渝中区金融办（12月6日）：…", or "…：尚未报送进展（完成时限
    2026年12月22日前）" for one without a report (its 完成时限 as the task page writes it), so the office reads who has not reported as well. 存在问题 and 下步计划
    hold a line per sub-task that wrote one. A unit is named before a colon, never as 【单位】 at the start of a line:
    that is the ledger's mark of another unit's own report (ledger/unitparts.py), and the lead unit's consolidated
    words are its own. The caller passes only the sub-tasks its user may open (permissions.can_view_task).
    Returns None when no sub-task of ``rows`` has a report (nothing to gather). Units: dates are Beijing dates.
    """
    if not any(row.latest for row in rows):
        return None
    today = today or clock.beijing_today()
    total = rollup(task, rows)
    progress = [f"截至{chinese_date(today)}，本任务分解的 {total.total} 项子任务中 {total.reported} 项已报送、"
                f"{total.closed} 项已办结："]
    problems, next_steps = [], []
    for row in rows:
        who = f"{row.task.number_display} {'、'.join(u.name for u in row.task.lead_units)}"
        if row.latest is None:
            due = deadline_words(row.task)
            progress.append(f"{who}：尚未报送进展" + (f"（完成时限{due}）。" if due else "。"))
            continue
        said, wrote_problems, wrote_next = (" ".join(text.split()) for text in row.latest.texts)
        progress.append(f"{who}（{row.latest.day.month}月{row.latest.day.day}日）：{said or '（未填写进展情况）'}")
        if wrote_problems:
            problems.append(f"{who}：{wrote_problems}")
        if wrote_next:
            next_steps.append(f"{who}：{wrote_next}")
    return Consolidated("\n".join(progress), "\n".join(problems), "\n".join(next_steps))


class UnitChoice(NamedTuple):
    """A unit the split form offers (``split_candidates``): its id, name and who there would hear of its part
    (notifications.Reach: its liaisons, its unit leaders standing in, or nobody)."""

    id: int
    name: str
    reach: notifications.Reach = notifications.Reach.LIAISONS


def live_unit_rows() -> list[tuple[int, str, int | None, UnitKind, str]]:
    """Return every live unit (services/scope.live_units_query) as plain ``(id, name, parent_id, kind, reach)`` rows,
    by name (``reach``: the value of notifications.Reach, who there hears of work handed to it, read by
    notifications.reach_column): one statement, no ORM object (the split form reads them on every request of the
    task page, issue 19)."""
    return db.session.execute(_live_unit_rows_statement()).all()


@cache
def _live_unit_rows_statement() -> Select:
    """Return ``live_unit_rows``' SELECT (made on first use, then kept: a statement is immutable and holds no data).
    Building it and its cache key was a fifth of the read on every office task page (issue 19, item 26)."""
    return live_units_query(Unit.id, Unit.name, Unit.parent_id, Unit.kind,
                            notifications.reach_column(Unit.id).label("reach")).order_by(Unit.name)


def _descendants(unit_id: int | None, rows: list[tuple[int, str, int | None, UnitKind, str]]) -> frozenset[int]:
    """Return the ids of the live units under unit ``unit_id`` at any depth (its 处室, the 区县 of a group …), from
    ``rows`` (``live_unit_rows``); a merged unit is no step: the units under it are not reached through it."""
    children: dict[int | None, list[int]] = {}
    for unit, _, parent, *_ in rows:
        children.setdefault(parent, []).append(unit)
    found: set[int] = set()
    stack = list(children.get(unit_id, ())) if unit_id is not None else []
    while stack:
        child = stack.pop()
        if child not in found:
            found.add(child)
            stack.extend(children.get(child, ()))
    return frozenset(found)


@dataclass(frozen=True)
class _Splitter:
    """What the split rule (``_refusal``) reads of the actor and the task, read once for every unit checked:
    ``supervisor`` (permissions.is_supervisor), the actor's ``own`` unit id, the ``assigned`` unit ids of the task,
    the units ``taken`` by a live sub-task (None: not checked here, split_task says it in its own words) and the
    live units ``below`` the actor's own (``_descendants``)."""

    supervisor: bool
    own: int | None
    assigned: frozenset[int]
    taken: frozenset[int] | None
    below: frozenset[int]


def _splitter(actor: User, task: Task, with_taken: bool, rows: list[tuple[int, str, int | None, UnitKind, str]] | None = None
              ) -> _Splitter:
    """Read what ``_refusal`` needs of ``actor`` and ``task`` (the live units' ``rows`` only for a liaison, when not
    given); ``with_taken``: check the units holding a live sub-task too."""
    supervisor = is_supervisor(actor)
    taken = frozenset(a.unit_id for sub in live_subtasks(task) for a in sub.assignments) if with_taken else None
    return _Splitter(supervisor=supervisor, own=actor.unit_id, assigned=frozenset(a.unit_id for a in task.assignments),
                     taken=taken, below=frozenset() if supervisor else _descendants(
                         actor.unit_id, live_unit_rows() if rows is None else rows))


def _refusal(splitter: _Splitter, unit_id: int, name: str, kind: UnitKind | None, merged_into: str | None = None
             ) -> str | None:
    """Why the actor of ``splitter`` may not give unit ``unit_id`` (``name``, of ``kind``; ``merged_into``: the name of
    the unit it was merged into, None for a live unit) a sub-task of the task (one Chinese sentence), or None.

    The one rule for the split form's choices and for split_task: never a merged unit, a unit whose kind takes no
    sub-task (UnitKind.takes_subtasks: a 金融机构), a unit of the task, one already holding a live sub-task of it
    (``taken``, when checked) or the actor's own unit; the supervising office any other live unit, a lead liaison
    only the units under its own (``below``)."""
    if merged_into is not None:
        return f"单位“{name}”已并入“{merged_into}”，请选择合并后的单位。"
    if kind is not None and not kind.takes_subtasks:
        return f"“{name}”是{kind.label}（指标监测的填报机构），不承办分解任务：子任务应交给部门、区县或处室。"
    if unit_id in splitter.assigned:
        return f"“{name}”已是本任务的承办单位，不能再分解给它。"
    if splitter.taken is not None and unit_id in splitter.taken:
        return f"“{name}”已有本任务的子任务。"
    if splitter.own is not None and unit_id == splitter.own:
        return f"“{name}”是您所在的单位：子任务应交给其他单位或下级单位。"
    if splitter.supervisor:
        return None
    if unit_id not in splitter.below:
        return (f"“{name}”不是本单位的下级单位或处室：牵头单位只能分解给本单位的下级单位；"
                "如需交给其他单位，请联系督办部门。")
    return None


def split_candidates(actor: User, task: Task, rows: list[tuple[int, str, int | None, UnitKind, str]] | None = None) -> list[UnitChoice]:
    """Return the units ``actor`` may give a sub-task of ``task`` now, by name (the split form's choices):
    every live unit ``_refusal`` lets through, read as plain columns in one statement (or ``rows``, the
    registry's live units as ``live_unit_rows`` reads them, when the caller has them) and checked on those
    values (no ORM object per unit: the office's task page did so for every unit on every request, issue 19).
    [] when ``actor`` may not split ``task``."""
    if not can_split_task(actor, task):
        return []
    rows = live_unit_rows() if rows is None else rows
    splitter = _splitter(actor, task, with_taken=True, rows=rows)
    return [UnitChoice(unit, name, notifications.Reach(reach)) for unit, name, _, kind, reach in rows
            if _refusal(splitter, unit, name, kind) is None]


def no_split_hint(actor: User, rows: list[tuple[int, str, int | None, UnitKind, str]] | None = None,
                  task: Task | None = None) -> str | None:
    """What the 分解任务 card says to a user who may split a task but has no unit to split it to (no
    ``split_candidates``, no ``split_groups``): one Chinese sentence saying what to do next. A lead liaison
    splits only to the units under its own (``_refusal``), so the registry must hold them first; a liaison is
    told whom to ask (no server command, which only the office's administrator can run). ``rows``: the
    live units as ``live_unit_rows`` reads them, when the caller has them (else read here).

    None (no card at all) for a sub-task (``task`` split from another) whose unit has no unit under it: a district
    given its part by the unit above is the end of that chain, and telling it to have units registered under it
    only made it wonder whether it had to (walk-through of workflow45: 渝中区金融办 on 二（一）-1)."""
    rows = live_unit_rows() if rows is None else rows
    below = _descendants(actor.unit_id, rows) if actor.unit_id is not None else frozenset()
    takers = {unit for unit, _, _, kind, _ in rows if kind is None or kind.takes_subtasks}
    if below & takers:
        return "本单位的下级单位都已有本任务的子任务，无需再分解；各子任务的进展见“分解情况”。"
    if task is not None and task.split_from_id is not None:
        return None
    if actor.role is Role.LIAISON:  # the registry is not the liaison's: it asks, and learns no server command
        return ("本单位还没有登记下级单位或处室，暂不能分解。请联系督办部门或管理员，在“单位管理”中把下级单位"
                "（如区县对口部门、内设处室）的“上级单位”设为本单位；设好后刷新本页即可分解。")
    return ("本单位还没有登记下级单位或处室，暂不能分解。请督办部门或管理员在“单位管理”中打开下级单位"
            "（如区县对口部门、内设处室）的页面，把“上级单位”设为本单位，或用 flask --app tracker import-units "
            "导入单位名录；设好后刷新本页即可分解。")


def split_groups(task: Task, pending_only: bool = False) -> list[Unit]:
    """Return the task's lead units that are groups (组) with members: what "分解给全部下级单位" splits.
    ``pending_only``: only the groups with a member that has no live sub-task yet (the button's test)."""
    groups = [u for u in task.lead_units if u.kind is UnitKind.GROUP and _expand(u) != [u]]
    if pending_only:
        have = {a.unit_id for sub in live_subtasks(task) for a in sub.assignments}
        groups = [g for g in groups if any(m.id not in have for m in _expand(g))]
    return groups


def _due(task: Task, deadline: str | None) -> tuple[str | None, date | None]:
    """The sub-task's (完成时限, due date): the parent's by default; a later due date is refused. A date picked on the
    split form ("2026-12-20") is written as documents write a deadline ("2026年12月20日前",
    workflow/extensions.written_date), as every other 完成时限 of the ledger is; words are kept as written."""
    text = (deadline or "").strip()
    if not text:
        return task.deadline, task.due_date
    if len(text) > MAX_DEADLINE_CHARS:
        raise InvalidInput(f"完成时限不能超过 {MAX_DEADLINE_CHARS} 字。")
    try:
        due = date.fromisoformat(text)
        text = written_date(due)
    except ValueError:
        from ...parsing.deadlines import parse_due_date  # the plan parser, only for a 完成时限 in words

        year = (task.due_date or task.plan.issued_on or clock.beijing_today()).year
        due = parse_due_date(text, default_year=year, issued_on=task.plan.issued_on)
    if due is None and task.due_date is not None:
        due = task.due_date  # "按季度报送": the parent's date still bounds it
    if due is not None and exceeds_split_task(task, due):
        raise InvalidInput(f"子任务的完成时限（{written_date(due)}）不能晚于原任务的完成时限（{written_date(task.due_date)}），"
                           "请改早或留空以沿用原任务的时限。")
    return text, due


def exceeds_split_task(task: Task, due: date) -> bool:
    """Whether ``due`` (a Beijing calendar day) is later than the due date of ``task``, the task a sub-task is split
    from: the one rule bounding a sub-task's date, on the split form, on 调整子任务完成时限 (``_due``) and on a
    district's 申请延期 (workflow/extensions.split_bound_refusal). False when ``task`` has no due date."""
    return task.due_date is not None and due > task.due_date


def _expand(unit: Unit) -> list[Unit]:
    """A group (组) with members stands for its members (those that take sub-tasks: UnitKind.takes_subtasks); any
    other unit for itself."""
    members = [u for u in unit.children if u.merged_into_id is None and (u.kind is None or u.kind.takes_subtasks)]
    if unit.kind is UnitKind.GROUP and members:
        return sorted(members, key=lambda u: u.name)
    return [unit]


def deadline_given(sub: Task) -> str:
    """The words that say the deadline a sub-task was given, after its unit's name: "，完成时限2026年12月15日前"
    (its 完成时限 as the task page writes it, tracker/dates.deadline_with_due), "" when it has none. The split's
    confirmation and its 办理记录 entries say it alike, so that what was agreed with each district is kept."""
    words = deadline_words(sub)
    return f"，完成时限{words}" if words else ""


def deadline_words(task: Task) -> str:
    """``task``'s 完成时限 as the task page writes it (tracker/dates.deadline_with_due), "" when it has none."""
    return deadline_with_due(task.deadline, task.due_date) if task.deadline or task.due_date else ""


def _make_subtask(task: Task, unit: Unit, title: str | None, deadline: str | None, due: date | None,
                  actor: User, channel) -> Task:
    k = len(task.subtasks) + 1
    taken = {tuple(s.path) for s in task.subtasks}
    while tuple(task.path) + (f"-{k}",) in taken:
        k += 1
    sub = Task(plan=task.plan, parent_id=task.parent_id, split_from=task, path=list(task.path) + [f"-{k}"],
               number=f"-{k}", level=task.level + 1, position=task.position, title=title or task.title,
               text=task.text, deadline=deadline, due_date=due, status=TaskStatus.ASSIGNED,
               created_at=clock.utcnow())  # its start of duty: it owes no report of a period before (facts.duty_start)
    sub.assignments.append(Assignment(unit=unit, role=AssignmentRole.LEAD, position=0))
    db.session.add(sub)
    db.session.flush()
    given = deadline_given(sub)
    journal.record(sub, JournalField.CREATED, None, f"由{task.number_display}分解：{unit.name}{given}", actor, channel)
    journal.record(task, JournalField.SUBTASK, None, f"{sub.number_display} {unit.name}{given}", actor, channel)
    notifications.notify_units([unit.id], notifications.Kind.TASK_ASSIGNED,
                               f"{sub.number_display} {sub.heading_text}：由“{task.heading_text}”分解交办。", sub)
    return sub


def _split_from(task_ids: list[int]) -> dict[int, int | None]:
    """The ``split_from_id`` of each task of ``task_ids``: read off the tasks the session holds loaded (a report's task,
    locked by its use case: no statement), the others in one statement (a ledger import's hundreds of rows: not one
    statement per task)."""
    found: dict[int, int | None] = {}
    for task_id in task_ids:
        task = db.session.identity_map.get(db.session.identity_key(Task, task_id))
        if task is not None and "split_from_id" not in inspect(task).unloaded:
            found[task_id] = task.split_from_id
    missing = [task_id for task_id in task_ids if task_id not in found]
    if missing:
        found.update(db.session.execute(select(Task.id, Task.split_from_id).where(Task.id.in_(missing))).all())
    return found


def tell_splitting_units(counted: list) -> None:
    """Tell the lead units of each task that was split that reports on its sub-tasks now count (通知 "子任务有新进展",
    opening the split task, where 分解情况 shows them and 汇总子任务进展 gathers them); not committed.

    ``counted``: the reports that started to count in one transaction, as services/workflow/counting.py notes them
    (``Counted``: task id, unit id, what it says first), in the order written: a report filed without sign-off, one
    signed by its unit leader, the rows of a ledger import. Reports on tasks not split from another are passed over;
    the units that reported are never told. One notification per split task: a single report is quoted (cut to 60
    characters); an import's several reports on one task's sub-tasks are counted and named by sub-task and unit."""
    split_from = _split_from(list(dict.fromkeys(row.task_id for row in counted)))
    tasks = {task_id: db.session.get(Task, task_id) for task_id, source in split_from.items() if source is not None}
    by_source: dict[int, list] = {}
    for row in counted:
        if split_from.get(row.task_id) is not None:
            by_source.setdefault(split_from[row.task_id], []).append(row)
    for source_id, rows in by_source.items():
        source = db.session.get(Task, source_id)
        reporters = {row.unit_id for row in rows}
        leads = [a.unit_id for a in source.assignments if a.role is AssignmentRole.LEAD and a.unit_id not in reporters]
        if not leads:
            continue
        names = {unit.id: unit.name for unit in db.session.scalars(
            select(Unit).where(Unit.id.in_([u for u in reporters if u is not None])))}
        where = f"（可在{source.number_display}的“分解情况”中汇总报送）"
        if len(rows) == 1:
            said = " ".join(rows[0].said.split())
            said = said if len(said) <= 60 else said[:59] + "…"
            text = (f"{tasks[rows[0].task_id].number_display} {names.get(rows[0].unit_id, '督办部门')}"
                    f"报送了进展：{said}{where}")
        else:
            who = "、".join(dict.fromkeys(f"{tasks[row.task_id].number_display} {names.get(row.unit_id, '督办部门')}"
                                         for row in rows))
            text = f"{len(rows)} 条子任务进展已报送：{who}{where}"
        notifications.notify_units(leads, notifications.Kind.SUBTASK_REPORTED, text, source)


def split_task(actor: User, task_id: int, unit_names: list[str], title: str | None = None,
               deadline: str | None = None, channel=None, read_version: int | None = None) -> list[Task]:
    """Split task ``task_id`` into one sub-task per unit named (a group: one per member); commit.

    ``unit_names``: names or aliases of the unit registry (a group: its members without a sub-task yet); ``title``: the sub-tasks' 任务名称 (default:
    the task's); ``deadline``: their 完成时限, as written or ISO (default: the task's; its due date
    may not be later than the task's). Returns the new sub-tasks in order. Raises PermissionDenied
    (see the module's rules), NotFound, InvalidInput (an unknown unit, one not under the liaison's
    unit, one already holding a sub-task or assigned to the task, a later deadline, a closed or
    withdrawn task), Conflict on a stale ``read_version``. All or nothing.
    """
    from ..accounts.units import find_unit
    from ...models import Channel

    channel = channel or Channel.FORM
    title = (title or "").strip() or None
    if title and len(title) > MAX_TITLE_CHARS:
        raise InvalidInput(f"任务名称不能超过 {MAX_TITLE_CHARS} 字。")
    names = [n for n in (name.strip() for name in unit_names) if n]
    if not names:
        raise InvalidInput("请选择或填写要分解给的单位。")
    with task_change(task_id, actor, read_version, channel=channel,
                     check=requirement(lambda t: can_split_task(actor, t), SPLIT_REFUSED)) as task:
        if task.status is TaskStatus.CLOSED:
            raise InvalidInput("该任务已办结，不能再分解；如需继续办理，请督办部门先重新办理。")
        if task.is_heading:
            raise InvalidInput("这是重点任务（标题），请分解其下的具体措施。")
        deadline_text, due = _due(task, deadline)
        existing = {a.unit_id for sub in live_subtasks(task) for a in sub.assignments}
        units: list[Unit] = []
        for name in names:
            unit = find_unit(name)
            if unit is None:
                raise InvalidInput(f"单位“{name}”不在单位名录中：请先在“单位管理”中添加，或检查名称。")
            members = _expand(unit)
            if members != [unit]:  # a group: its members that have no sub-task yet
                members = [m for m in members if m.id not in existing]
                if not members:
                    raise InvalidInput(f"已分解给“{unit.name}”的全部下级单位，无需重复分解。")
            for member in members:
                if member not in units:
                    units.append(member)
        splitter = _splitter(actor, task, with_taken=False)
        for unit in units:
            reason = _refusal(splitter, unit.id, unit.name, unit.kind,
                              unit.merged_into.name if unit.merged_into_id else None)
            if reason:
                raise InvalidInput(reason)
            if unit.id in existing:
                raise InvalidInput(f"已分解给“{unit.name}”，不能重复分解。")
        return [_make_subtask(task, unit, title, deadline_text, due, actor, channel) for unit in units]


def split_to_members(actor: User, task_id: int, channel=None, read_version: int | None = None) -> list[Task]:
    """Split task ``task_id`` to every member of its lead groups (各区县〔自治县〕人民政府 → its 区县) at once.

    Members that already hold a sub-task are skipped. Raises InvalidInput when no lead unit is a
    group with members (or all members have one already); else as ``split_task``.
    """
    task = db.session.get(Task, task_id)
    if task is None:
        raise NotFound("该任务不存在，可能已被删除。请从首页重新进入。")
    groups = split_groups(task)
    if not groups:
        raise InvalidInput("本任务的牵头单位不是含下级单位的“组”（如 各区县〔自治县〕人民政府），无法一键分解；"
                           "请在“单位管理”中设置其下级单位，或逐个选择单位分解。")
    have = {a.unit_id for sub in live_subtasks(task) for a in sub.assignments}
    names = [m.name for g in groups for m in _expand(g) if m.id not in have]
    if not names:
        raise InvalidInput("已分解给全部下级单位，无需重复分解。")
    return split_task(actor, task_id, names, channel=channel, read_version=read_version)


DEADLINE_REFUSED = "只有分解本任务的牵头单位联络员或督办部门可以调整子任务的完成时限。"


def change_subtask_deadline(actor: User, task_id: int, subtask_id: int, deadline: str | None, channel=None,
                            read_version: int | None = None) -> Task:
    """Change the 完成时限 of sub-task ``subtask_id`` of task ``task_id`` (the split task) as ``actor``; commit; return
    the sub-task.

    Who may: who may split the task (``permissions.can_split_task``: its lead unit's liaison, the supervising
    office); the bound is the split's (``_due``): a date ("2026-12-20", written "2026年12月20日前") or words, never later
    than the split task's own due date; empty: the split task's 完成时限 again. Journalled on the sub-task (完成时限 and
    到期日期, old → new) and on the split task (分解任务: "二（一）-1 渝中区金融办，完成时限改为…（原…）"); the sub-task's
    unit is told (任务已修改). Raises PermissionDenied (DEADLINE_REFUSED), NotFound (no such sub-task of the task),
    InvalidInput (a closed sub-task, a later date, no change), Conflict on a stale ``read_version`` (the split task's).
    """
    from ...models import Channel

    channel = channel or Channel.FORM
    with task_change(task_id, actor, read_version, channel=channel,
                     check=requirement(lambda t: can_split_task(actor, t), DEADLINE_REFUSED)) as task:
        sub = next((s for s in live_subtasks(task) if s.id == subtask_id), None)
        if sub is None:
            raise NotFound("该子任务不存在或已撤销。请刷新本页后重新选择。")
        if sub.status is TaskStatus.CLOSED:
            raise InvalidInput(f"子任务 {sub.number_display} 已办结，不能再调整完成时限。")
        text, due = _due(task, deadline)
        if (text, due) == (sub.deadline, sub.due_date):
            raise InvalidInput(f"子任务 {sub.number_display} 的完成时限已是{deadline_with_due(text, due)}，无需调整。")
        before = deadline_words(sub) or "未定"
        for name, old, new in (("deadline", sub.deadline, text), ("due_date", sub.due_date, due)):
            if old != new:
                journal.record(sub, name, old, new, actor, channel)
                setattr(sub, name, new)
        unit = "、".join(u.name for u in sub.lead_units)
        now = deadline_words(sub) or "未定"
        journal.record(task, JournalField.SUBTASK, None, f"{sub.number_display} {unit}，完成时限改为{now}（原{before}）",
                       actor, channel)
        notifications.notify_units([a.unit_id for a in sub.assignments], notifications.Kind.TASK_EDITED,
                                   f"{sub.number_display} {sub.heading_text}：{actor.unit.name if actor.unit else '督办部门'}"
                                   f"将完成时限改为{now}（原{before}）。", sub)
    return sub

