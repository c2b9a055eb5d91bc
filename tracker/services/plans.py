"""Plans: import a parsed plan in one commit; read a plan's measure tree for a user."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..database import begin_write
from ..extensions import db
from ..models import Assignment, AssignmentRole, Plan, ProgressReport, Task, User
from ..parsing import PlanDraft
from .errors import InvalidInput
from .permissions import can_view_task
from .progress import latest_reports
from .units import get_or_create_unit


@dataclass
class PlanImport:
    """What an import stored: the plan, how many tasks, which units were new."""

    plan: Plan
    task_count: int
    new_units: list[str] = field(default_factory=list)


def import_plan(draft: PlanDraft, source_name: str | None = None, title: str | None = None) -> PlanImport:
    """Store ``draft`` as a new plan with one task per measure, in one transaction.

    See ``store_plan`` for the rules. Raises InvalidInput (nothing written) when the
    draft has no measure or no title at all.
    """
    begin_write()
    try:
        result = store_plan(draft, source_name, title)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return result


def store_plan(draft: PlanDraft, source_name: str | None = None, title: str | None = None) -> PlanImport:
    """Add ``draft`` to the session as a new plan with its tasks; the caller commits.

    Each measure's parent is the nearest earlier measure whose path is its path
    minus the last token. Unit names are matched to the registry (aliases
    included); unknown names become new units, listed in ``new_units``.
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
            unit, created = get_or_create_unit(name)
            if created:
                new_units.append(unit.name)
            if unit.id in assigned:  # a unit named twice keeps its first role
                continue
            assigned.add(unit.id)
            task.assignments.append(Assignment(unit=unit, role=role, position=order))
    db.session.flush()
    return PlanImport(plan=plan, task_count=len(draft.measures), new_units=new_units)


def plan_task_counts() -> dict[int, int]:
    """Return ``{plan_id: number of tasks}`` for every plan, in one query."""
    rows = db.session.execute(select(Task.plan_id, func.count(Task.id)).group_by(Task.plan_id))
    return {plan_id: count for plan_id, count in rows}


@dataclass
class PlanRow:
    """One line of a plan page: a task, whether it is a heading, and its latest report."""

    task: Task
    is_heading: bool
    can_open: bool
    latest: ProgressReport | None
    withdrawn: bool = False


def plan_rows(plan: Plan, user: User) -> list[PlanRow]:
    """Return the lines of ``plan``'s measure tree that ``user`` may see, in document order.

    A liaison sees its unit's tasks and, for context, the headings above them
    (not their reports). Withdrawn tasks (已撤销, services/plan_revision.py) come last, marked
    ``withdrawn``, and do not make their parent a heading. Uses a fixed number of queries whatever the plan's size.
    """
    tasks = db.session.scalars(
        select(Task).where(Task.plan_id == plan.id).order_by(Task.position)
        .options(selectinload(Task.assignments).selectinload(Assignment.unit))
    ).all()
    has_children = {t.parent_id for t in tasks if t.parent_id is not None and t.withdrawn_at is None}
    visible = {t.id for t in tasks if can_view_task(user, t)}
    parents = {t.id: t.parent_id for t in tasks}
    shown = set(visible)
    for task_id in visible:
        parent = parents[task_id]
        while parent is not None and parent not in shown:
            shown.add(parent)
            parent = parents[parent]
    reports = latest_reports(sorted(visible))
    return [
        PlanRow(task=t, is_heading=t.id in has_children, can_open=t.id in visible, latest=reports.get(t.id),
                withdrawn=t.withdrawn_at is not None)
        for t in tasks
        if t.id in shown
    ]
