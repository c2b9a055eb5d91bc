"""Merge another office's ledger into an existing plan: rows matched to its tasks (issue #4).

A row is matched by its 具体措施 text (blanks and final punctuation ignored) when exactly one task
has that text or title, else by its 序号 as written or as the reader's path. Each matched row is
then compared with its task like an own export's row (ledger_changes.evaluate), without versions:
a foreign ledger carries none, so it cannot conflict. Unmatched rows are bad rows.
"""
from __future__ import annotations

import re

from ...ledger import ReadRow
from ...models import Plan, Role, Task
from .changes import (
    Change,
    ImportContext,
    TaskRow,
    evaluate,
    latest_by_task,
    load_tasks,
    may_import_row,
    outcome_for,
)
from .outcomes import SKIP, RowOutcome
from ..scope import task_scope
from ...vocabulary.numbering import render_number


def plan_merge(ctx: ImportContext, plan: Plan) -> list[Change]:
    """Plan a foreign ledger merged into ``plan``: rows matched by 具体措施 text, else by 序号."""
    # The plan's leaves (services/scope.py), withdrawn ones included as before this module used the scope.
    leaves = load_tasks(Task.id.in_(task_scope(None).leaves().in_plan(plan.id).ids()), ctx.lock)
    by_text: dict[str, list[TaskRow]] = {}
    by_number: dict[str, TaskRow] = {}
    for task in leaves:
        for text in {_normal(task.text), _normal(task.title)} - {""}:
            by_text.setdefault(text, []).append(task)
        by_number.setdefault(_normal(task.number_display), task)
    pending: list[tuple[ReadRow, TaskRow, int | None, RowOutcome]] = []
    seen: dict[int, int] = {}
    for row in ctx.read.rows:
        outcome = outcome_for(ctx, row)
        if row.is_group_row:
            outcome.action = SKIP
            outcome.notes.append("标题行，不导入")
            continue
        task = _match(row, by_text, by_number)
        if task is None:
            ctx.issue(row.row, "具体措施", f"在方案《{plan.title}》中找不到序号为“{row.number or ''}”或内容相同的任务，"
                      "请核对序号和具体措施，或改为新建方案导入", outcome)
            continue
        if task.id in seen:
            ctx.issue(row.row, "具体措施", f"与第 {seen[task.id]} 行对应同一任务，请删去重复的行", outcome)
            continue
        seen[task.id] = row.row
        outcome.task_id = task.id
        if may_import_row(ctx, row, task, outcome):
            pending.append((row, task, _merge_unit_id(ctx, task), outcome))
    changes = []
    for unit_id in {unit_id for _, _, unit_id, _ in pending}:
        group = [item for item in pending if item[2] == unit_id]
        latest = latest_by_task([task.id for _, task, _, _ in group], unit_id)
        for row, task, _, outcome in group:
            change = evaluate(ctx, row, task, unit_id, latest.get(task.id), outcome)
            if change is not None:
                changes.append(change)
    return changes


def _merge_unit_id(ctx: ImportContext, task: TaskRow) -> int | None:
    """The unit a merged row reports for: the liaison's; the 填报单位 if it has a part; the lead unit."""
    if ctx.actor.role is Role.LIAISON:
        return ctx.actor.unit_id
    assigned = {a.unit_id for a in task.assignments}
    if ctx.file_unit is not None and ctx.file_unit.id in assigned:
        return ctx.file_unit.id
    leads = task.lead_unit_ids
    if leads:
        return leads[0]
    return ctx.office.id if ctx.office else ctx.actor.unit_id


def _match(row: ReadRow, by_text: dict[str, list[TaskRow]], by_number: dict[str, TaskRow]) -> TaskRow | None:
    text = _normal(row.measure)
    found = by_text.get(text, []) if text else []
    if len(found) == 1:
        return found[0]
    for number in (row.number, render_number(row.path or [])):
        number = _normal(number)
        if number and number in by_number:
            return by_number[number]
    return None


def _normal(text: str | None) -> str:
    """Text compared without blanks and final punctuation ("。；" and the like)."""
    return re.sub(r"\s+", "", text or "").rstrip("。；;，,.")
