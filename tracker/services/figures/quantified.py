"""Quantified tasks (量化任务, issue 16): a task with a 目标值, the 完成值 its reports give, its 完成率,
序时进度 and 序时 light — by the one rule of tracker/indicators/derived (schedule_light,
task_schedule_pct, task_completion_pct; TASK_SCHEDULE_RULE says it in Chinese)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...extensions import db
from ...indicators import schedule_light, task_completion_pct, task_schedule_pct
from ...models import ProgressReport, Task, User
from ...settings import current_settings
from ..scope import task_scope
from .lights import Light


@dataclass
class QuantifiedLine:
    """A quantified task on a day: ``target`` (目标值) in ``unit``; ``achieved`` the 完成值 of the latest
    report giving one (None: none yet); ``completion_pct`` and ``schedule_pct`` in %; ``light`` the 序时
    light (None without a 完成值). ``task`` is the ORM task (None when built from values only)."""

    task_id: int
    target: float
    unit: str | None
    achieved: float | None
    completion_pct: float | None
    schedule_pct: float
    light: Light | None
    task: Task | None = None


def latest_achieved(task_ids: list[int]) -> dict[int, float]:
    """{task id: 完成值 of its latest report that gives one}, in one query (reports in id order).
    ``task_ids``: a list or a SELECT of ids."""
    if isinstance(task_ids, list) and not task_ids:
        return {}
    rows = db.session.execute(select(ProgressReport.task_id, ProgressReport.achieved_value)
                              .where(ProgressReport.task_id.in_(task_ids), ProgressReport.achieved_value.is_not(None))
                              .order_by(ProgressReport.id))
    return {task_id: value for task_id, value in rows}


def quantified_line(task: Task, as_of: date, achieved: float | None) -> QuantifiedLine | None:
    """The QuantifiedLine of ``task`` on ``as_of`` given its latest 完成值, None when it has no 目标值.
    The tolerance of the light is the indicators' (settings: indicator_tolerance_points)."""
    if task.target_value is None:
        return None
    completion = task_completion_pct(achieved, task.target_value)
    schedule = task_schedule_pct(as_of, task.due_date)
    code = schedule_light(schedule, completion, current_settings().indicator_tolerance_points)
    return QuantifiedLine(task.id, task.target_value, task.target_unit, achieved,
                          None if completion is None else round(completion, 2), round(schedule, 2),
                          None if code is None else Light(code), task)


def quantified_tasks(user: User, as_of: date, plan_id: int | None = None, limit: int = 200) -> list[QuantifiedLine]:
    """The live quantified tasks ``user`` may see (task_scope), optionally of one plan, red first, then
    yellow, no 完成值 yet, green; at most ``limit``. Two queries."""
    # The target first: SQLite tests the conditions in the order given, so the heading test (a sub-query per
    # task) runs only for the quantified tasks (the bench data: about 5 → 2.5 ms of CPU on every dashboard).
    scope = task_scope(user).where(Task.target_value.is_not(None)).live().leaves()
    if plan_id is not None:
        scope = scope.in_plan(plan_id)
    tasks = list(db.session.scalars(scope.select().options(selectinload(Task.plan))
                                    .order_by(Task.plan_id, Task.position).limit(limit)))
    achieved = latest_achieved([task.id for task in tasks])
    lines = [quantified_line(task, as_of, achieved.get(task.id)) for task in tasks]
    order = {Light.RED: 0, Light.YELLOW: 1, None: 2, Light.GREEN: 3}
    return sorted(lines, key=lambda line: order[line.light])
