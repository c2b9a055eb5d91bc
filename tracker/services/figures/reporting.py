"""Reporting periods of a plan (报送周期): who still owes a report, and the plan's settings (issue #5).

Each unit assigned to a task (a live leaf of the task scope, services/scope.py) not closed (已办结) before
the period's report day owes one progress report per period of the plan's ``report_cycle``
(figures/ranking.owes_report, the 通报's rule); the period is the one containing today (Beijing). The report is due by ``report_day``: the day of the month (monthly; the month's
last day when shorter), the day of the quarter's last month (quarterly), or the weekday 1–7
(weekly, 1 = Monday); the one rule is periods.report_due. ``warning_days`` is how many days before a due date the task's light turns yellow.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import selectinload

from ... import clock
from ...database import write_transaction
from ...extensions import db
from ...models import (
    Assignment,
    JournalField,
    Plan,
    ReportCycle,
    Task,
    TaskStatus,
    Unit,
    User,
)
from ...periods import Period, period_containing, report_due
from .. import journal
from .facts import closing_days, duty_start
from .ranking import FirstReports, owes_report
from ..errors import InvalidInput, NotFound
from ..permissions import is_supervisor, require
from ..scope import task_scope

MAX_WARNING_DAYS = 365


@dataclass(frozen=True)
class MissingReport:
    """A unit that has not reported on a task in the current period."""

    task: Task
    unit: Unit
    role_label: str


@dataclass(frozen=True)
class MissingReports:
    """The period looked at, its due date, and the missing (task, unit) pairs in plan order."""

    period: Period
    due: date
    overdue: bool
    missing: list[MissingReport]
    owing_units: list[Unit]
    #: How many tasks owe the period's report and have none from any of their units: the dashboard's 本期未报送
    #: (facts.Facts.unreported) for this plan, which 报送情况 states beside its unit × task count (workflow51).
    silent_tasks: int = 0


def missing_reports(plan: Plan, user: User, today: date | None = None,
                    first_reports: FirstReports | None = None) -> MissingReports:
    """Return who owes ``plan`` a report in the period containing ``today`` (Beijing; default now).

    Who owes is the 通报's rule (figures/ranking.owes_report, RULES["punctuality"]): each unit assigned to a task
    given to its units before the period's report day (facts.duty_start) and not closed before the period's report day, that has not reported in the period (a first report counted in it,
    ranking.FirstReports: by the signed time where the unit signs off, issue 18). A task closed on or after the
    report day without its report is still owed (the 通报 counts it 未报送); one closed before owes nothing.
    Queries: the tasks with their units (one, and two loads), the closing days of the closed ones (one, only when
    some are closed), the first reports of the period (one, and none when ``first_reports``, shared by a caller asking about several plans, has
    read that period already). Raises PermissionDenied unless ``user`` sees everything (supervisor, admin, viewer).
    """
    require(user.sees_everything, "只有督办部门可以查看各单位的报送情况。")
    today = today or clock.beijing_today()
    period = period_containing(plan.report_cycle.value, today)
    due = report_due(plan, period)
    tasks = db.session.scalars(
        task_scope(user).live().leaves().in_plan(plan.id).select().order_by(Task.position)
        .options(selectinload(Task.assignments).selectinload(Assignment.unit))).all()
    closed_ids = [task.id for task in tasks if task.status is TaskStatus.CLOSED]
    closed_on = closing_days(closed_ids) if closed_ids else {}
    owing = [task for task in tasks if owes_report(task.status, closed_on.get(task.id), period, due,
                                                   duty_start(task.created_at, plan.created_at))]
    reported = (first_reports or FirstReports()).within(period) if owing else {}
    missing = [
        MissingReport(task, a.unit, a.role.label)
        for task in owing
        for a in task.assignments if (task.id, a.unit_id) not in reported
    ]
    units: dict[int, Unit] = {}
    for item in missing:
        units.setdefault(item.unit.id, item.unit)
    heard = {task_id for task_id, _ in reported}
    silent = sum(1 for task in owing if task.id not in heard)
    return MissingReports(period, due, today > due, missing, list(units.values()), silent)


#: The plan's document fields the settings page may rename (issue 15): field -> (caption, max chars).
PLAN_DETAILS = {"title": ("方案名称", 300), "doc_number": ("文号", 100), "issuer": ("发文机关", 200),
                "issued_on": ("印发日期", None)}


def update_plan_settings(plan_id: int, actor: User, warning_days: int, report_cycle: ReportCycle,
                         report_day: int, details: dict | None = None) -> Plan:
    """Change a plan's 预警天数, 报送周期 and 报送日, and the document fields in ``details``;
    journal each change; commit; return the plan.

    ``warning_days``: 0–365; ``report_day``: 1–31 (monthly, quarterly) or 1–7 (weekly);
    ``details``: any of PLAN_DETAILS (title, doc_number, issuer: text, blank clears all but the
    title; issued_on: a date or None), e.g. to rename a plan created from a ledger whose title was
    "附件：重点工作任务分解表". Raises PermissionDenied unless ``actor`` is the supervising office or
    an admin; NotFound for an unknown plan; InvalidInput for values out of range or an empty title.
    """
    details = dict(details or {})
    for name, value in list(details.items()):
        if name not in PLAN_DETAILS:
            raise InvalidInput(f"方案没有“{name}”这一项。")
        caption, limit = PLAN_DETAILS[name]
        if limit is not None:
            value = " ".join((value or "").split()) or None
            if value is not None and len(value) > limit:
                raise InvalidInput(f"“{caption}”最多 {limit} 个字，请删减后再保存。")
            details[name] = value
    if "title" in details and not details["title"]:
        raise InvalidInput("“方案名称”不能为空，请填写方案的标题。")
    require(is_supervisor(actor), "只有督办部门可以修改方案的报送设置。")
    if not 0 <= warning_days <= MAX_WARNING_DAYS:
        raise InvalidInput(f"“预警天数”应在 0 到 {MAX_WARNING_DAYS} 之间。")
    top = 7 if report_cycle is ReportCycle.WEEKLY else 31
    if not 1 <= report_day <= top:
        raise InvalidInput("按周报送时，“报送日”填 1–7（1 为周一）；按月或按季度时填 1–31。")
    with write_transaction():
        plan = db.session.get(Plan, plan_id)
        if plan is None:
            raise NotFound("该方案不存在，请从方案列表重新进入。")
        for field, caption, value in (("warning_days", "预警天数", warning_days),
                                      ("report_cycle", "报送周期", report_cycle),
                                      ("report_day", "报送日", report_day)):
            old = getattr(plan, field)
            if old != value:
                journal.record(None, JournalField.PLAN_SETTINGS, f"{caption}：{_text(old)}", f"{caption}：{_text(value)}",
                               actor, plan_id=plan.id)
                setattr(plan, field, value)
        for field, value in details.items():
            old = getattr(plan, field)
            if old != value:
                caption = PLAN_DETAILS[field][0]
                journal.record(None, JournalField.PLAN_SETTINGS, f"{caption}：{_text(old)}", f"{caption}：{_text(value)}",
                               actor, plan_id=plan.id)
                setattr(plan, field, value)
    return plan


def _text(value: object) -> str:
    if value is None:
        return "（空）"
    return value.label if isinstance(value, ReportCycle) else str(value)
