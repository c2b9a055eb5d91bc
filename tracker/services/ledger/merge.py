"""Merge another office's ledger into an existing plan: rows matched to its tasks (issue #4).

A row is matched by its 具体措施 text (blanks and final punctuation ignored) when exactly one task
has that text or title, else by its 序号 as written or as the reader's path. Each matched row is
then compared with its task like an own export's row (ledger_changes.evaluate), without versions:
a foreign ledger carries none, so it cannot conflict. Unmatched rows are bad rows.

Each unit's progress (issue 15): a row with a 单位 (a by-unit ledger) reports for that unit, and
cells whose paragraphs open with 【单位】 give each unit its part, as in the supervising office's own
ledger (changes.row_parts: the unit must have a part in the task); a liaison's rows stay its unit's.
Other rows report for the unit ``_merge_unit_id`` names.
"""
from __future__ import annotations

import re

from ...ledger import ReadRow
from ...ledger.unitparts import split_parts
from ...models import Plan, Role, Task
from .changes import (
    REPORT_FIELDS,
    Change,
    ImportContext,
    TaskRow,
    evaluate,
    evaluate_parts,
    latest_by_task,
    latest_by_task_and_unit,
    load_tasks,
    may_import_row,
    one_status_per_task,
    outcome_for,
    own_unit_part,
    row_parts,
)
from .outcomes import ERROR, SKIP, RowOutcome
from ..scope import task_scope
from ...vocabulary.numbering import render_number


def plan_merge(ctx: ImportContext, plan: Plan) -> list[Change]:
    """Plan a foreign ledger merged into ``plan``: rows matched by 具体措施 text, else by 序号."""
    # The plan's leaves (services/scope.py), withdrawn ones included as before this module used the scope:
    # a row matching only a withdrawn task is refused by name (may_import_row). Live tasks are indexed
    # first, and a text shared with a withdrawn task still matches the live one.
    leaves = load_tasks(Task.id.in_(task_scope(None).leaves().in_plan(plan.id).ids()), ctx.lock)
    leaves.sort(key=lambda task: task.withdrawn_at is not None)
    by_text: dict[str, list[TaskRow]] = {}
    by_number: dict[str, TaskRow] = {}
    for task in leaves:
        for text in {_normal(task.text), _normal(task.title)} - {""}:
            found = by_text.setdefault(text, [])
            if task.withdrawn_at is None or not found:
                found.append(task)
        by_number.setdefault(_normal(task.number_display), task)
    pending: list[tuple[ReadRow, TaskRow, int | None, RowOutcome]] = []
    per_unit: list[tuple[ReadRow, TaskRow, RowOutcome]] = []
    seen: dict[tuple[int, str], int] = {}
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
        identity = (task.id, (row.unit or "").strip())
        if identity in seen:
            ctx.issue(row.row, "具体措施", f"与第 {seen[identity]} 行对应同一任务，请删去重复的行", outcome)
            continue
        seen[identity] = row.row
        outcome.task_id = task.id
        if not may_import_row(ctx, row, task, outcome):
            continue
        if ctx.actor.role is not Role.LIAISON and _names_units(row):
            per_unit.append((row, task, outcome))
        elif ctx.actor.role is Role.LIAISON and row.unit:
            if own_unit_part(ctx, row, ctx.actor.unit, None, outcome) is not None:
                pending.append((row, task, ctx.actor.unit_id, outcome))
        else:
            pending.append((row, task, _merge_unit_id(ctx, task), outcome))
    changes = []
    reports = latest_by_task_and_unit([task.id for _, task, _ in per_unit])
    for row, task, outcome in per_unit:
        parts = row_parts(ctx, row, task, None, reports.get(task.id, {}), None, outcome)
        if parts is not None:
            changes.extend(evaluate_parts(ctx, row, task, parts, outcome))
    for unit_id in {unit_id for _, _, unit_id, _ in pending}:
        group = [item for item in pending if item[2] == unit_id]
        latest = latest_by_task([task.id for _, task, _, _ in group], unit_id)
        for row, task, _, outcome in group:
            change = evaluate(ctx, row, task, unit_id, latest.get(task.id), outcome)
            if change is not None:
                changes.append(change)
    one_status_per_task(ctx, changes)
    return [change for change in changes if change.outcome.action != ERROR]


def _names_units(row: ReadRow) -> bool:
    """Whether ``row`` says whose progress it is: a 单位, or a progress cell opening a paragraph with 【单位】."""
    return bool(row.unit) or any(split_parts(getattr(row, name)).prefixed for _, name in REPORT_FIELDS)


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
