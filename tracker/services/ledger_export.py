"""Build the work ledger (工作台账) of a plan or a unit from the database."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..clock import beijing_today
from ..extensions import db
from ..ledger import Ledger, LedgerRow, ledger_csv_bytes, write_ledger
from ..models import STATUS_LABELS, Assignment, Plan, Role, Task, Unit, User
from .errors import NotFound
from .permissions import visible_tasks
from .progress import latest_reports
from .units import find_unit


@dataclass
class LedgerExport:
    """An exported ledger: the .xlsx or .csv bytes, a file name to offer, and the row count."""

    content: bytes
    filename: str
    row_count: int


def build_ledger(
    actor: User,
    plan_id: int | None = None,
    unit_name: str | None = None,
    today: date | None = None,
    supervising_office: str | None = None,
) -> Ledger:
    """Return the ledger of the tasks ``actor`` may see, one row per task that is not a heading.

    Scope: ``plan_id`` limits it to one plan, ``unit_name`` (name or alias) to the
    tasks that unit leads or supports; a liaison always gets its own unit's
    scope. Rows come in document order; 重点任务 is the title of the task's
    top-level heading. 进展情况/存在问题/下步计划 come from the latest report (of
    the scope unit, when there is one). A unit's copy (``unit_name`` given, or a liaison's
    ledger) is marked ``protect`` (sheet protection without a password, issue #4). Raises NotFound for an unknown plan or unit.
    """
    plan = None
    if plan_id is not None:
        plan = db.session.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"没有编号为 {plan_id} 的方案。")
    unit: Unit | None = actor.unit if actor.role is Role.LIAISON else None
    if unit_name and unit is None:
        unit = find_unit(unit_name)
        if unit is None:
            raise NotFound(f"单位“{unit_name}”不在单位名录中。")

    query = visible_tasks(actor).options(
        selectinload(Task.assignments).selectinload(Assignment.unit), selectinload(Task.children)
    )
    if plan is not None:
        query = query.where(Task.plan_id == plan.id)
    if unit is not None:
        query = query.where(Task.id.in_(select(Assignment.task_id).where(Assignment.unit_id == unit.id)))
    tasks = [t for t in db.session.scalars(query.order_by(Task.plan_id, Task.position)) if not any(c.withdrawn_at is None for c in t.children)]
    headings = _top_level_titles({t.plan_id for t in tasks})
    reports = latest_reports([t.id for t in tasks], unit.id if unit else None)

    rows = []
    for task in tasks:
        report = reports.get(task.id)
        rows.append(
            LedgerRow(
                key=task.key,
                version=task.version,
                number=task.number_display,
                heading=headings.get((task.plan_id, task.path[0]), "") if task.level > 1 else "",
                measure=task.text or task.title or "",
                lead_units=[u.name for u in task.lead_units],
                supporting_units=[u.name for u in task.supporting_units],
                deadline=task.deadline,
                progress=report.progress if report else None,
                problems=report.problems if report else None,
                next_steps=report.next_steps if report else None,
                status=task.status.label,
            )
        )
    title = (plan.title if plan else "全部方案") + "工作台账"
    return Ledger(
        title=title,
        unit_name=unit.name if unit else supervising_office,
        export_date=today or beijing_today(),
        rows=rows,
        status_choices=list(STATUS_LABELS.values()),
        plan_title=plan.title if plan else None,
        protect=unit is not None,  # a unit's copy: progress columns open, the rest locked
    )


def export_ledger(actor: User, plan_id: int | None = None, unit_name: str | None = None,
                  supervising_office: str | None = None) -> LedgerExport:
    """Return the .xlsx of ``build_ledger(...)`` with a file name like 工作台账-<plan>-<unit>-<date>.xlsx."""
    ledger = build_ledger(actor, plan_id, unit_name, supervising_office=supervising_office)
    buffer = BytesIO()
    write_ledger(ledger, buffer)
    return LedgerExport(buffer.getvalue(), _filename(actor, ledger, unit_name, ".xlsx"), len(ledger.rows))


def export_ledger_csv(actor: User, plan_id: int | None = None, unit_name: str | None = None,
                      supervising_office: str | None = None) -> LedgerExport:
    """Return the CSV variant of ``export_ledger`` (UTF-8 with BOM, same rows and captions as the
    sheet: ledger.csv_writer), named like the .xlsx with the suffix .csv. Errors as build_ledger."""
    ledger = build_ledger(actor, plan_id, unit_name, supervising_office=supervising_office)
    return LedgerExport(ledger_csv_bytes(ledger), _filename(actor, ledger, unit_name, ".csv"), len(ledger.rows))


def _filename(actor: User, ledger: Ledger, unit_name: str | None, suffix: str) -> str:
    """工作台账 file name: <title>[-<unit>]-<YYYYMMDD><suffix>."""
    parts = [ledger.title]
    if ledger.unit_name and (actor.role is Role.LIAISON or unit_name):
        parts.append(ledger.unit_name)
    parts.append(ledger.export_date.strftime("%Y%m%d"))
    return "-".join(parts) + suffix


def _top_level_titles(plan_ids: set[int]) -> dict[tuple[int, str], str]:
    """Return ``{(plan_id, first path token): title}`` of the level-1 tasks of ``plan_ids``."""
    if not plan_ids:
        return {}
    rows = db.session.execute(
        select(Task.plan_id, Task.path, Task.title, Task.text).where(Task.plan_id.in_(plan_ids), Task.level == 1)
    )
    return {(plan_id, path[0]): title or text for plan_id, path, title, text in rows}
