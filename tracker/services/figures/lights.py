"""Status lights (红黄绿灯, GLOSSARY.md), computed from dates on every read (issue #5).

Rules, in order:
- a closed task (已办结) is green;
- red when its due date has passed (due_date < today);
- yellow when the due date is within the plan's ``warning_days`` (default 15), or no
  progress report was filed in the current reporting period of the plan;
- green otherwise.
Computed when read, never stored, so that no missed job can leave a light stale.
"""
from __future__ import annotations

from datetime import date

from ...labelled_enum import LabelledEnum
from ...models import Plan, ReportCycle, TaskStatus
from ...periods import period_containing


class Light(LabelledEnum):
    """A status light; the value is what the API returns (CONTRACTS.md §6)."""

    __caption__ = "状态灯"
    __labels__ = {"green": "绿灯", "yellow": "黄灯", "red": "红灯"}

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


def task_light(status: TaskStatus, due_date: date | None, last_report_on: date | None, today: date,
               warning_days: int = 15, cycle: ReportCycle = ReportCycle.MONTHLY,
               period_start: date | None = None) -> Light:
    """Return the light of a task.

    ``due_date``: the task's derived due date or None; ``last_report_on``: the Beijing date of its
    latest progress report or None; ``today``: Beijing date; ``warning_days``: days before the due
    date at which the light turns yellow; ``cycle``: the plan's reporting cycle; ``period_start``:
    the first day of the period of ``cycle`` containing ``today``, when the caller has it already
    (computed here otherwise; callers lighting thousands of tasks pass it).
    """
    if status is TaskStatus.CLOSED:
        return Light.GREEN
    if due_date is not None and due_date < today:
        return Light.RED
    if due_date is not None and (due_date - today).days <= warning_days:
        return Light.YELLOW
    if period_start is None:
        period_start = period_containing(cycle.value, today).start
    if last_report_on is None or last_report_on < period_start:
        return Light.YELLOW
    return Light.GREEN


def plan_light(plan: Plan, status: TaskStatus, due_date: date | None, last_report_on: date | None,
               today: date) -> Light:
    """Return ``task_light`` with the plan's warning days and reporting cycle."""
    return task_light(status, due_date, last_report_on, today, plan.warning_days, plan.report_cycle)
