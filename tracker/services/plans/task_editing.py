"""The supervising office edits a task: its name, text, lead and supporting units, deadline (issue #5) and
quantified target (目标值 with its 计量单位, issue 16).

Only the supervising office (and admins) may: units and the deadline are lead-only fields that no
liaison changes (SECURITY-TESTS A4); a liaison asks for more time with an extension request
instead (services/workflow/extensions.py). The edit runs in one locked, version-checked transaction
(services/concurrency.task_change): a stale form gets the conflict page, nothing is written; every
changed field is journalled with its old and new value.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from ...models import Assignment, AssignmentRole, Channel, JournalField, Task, Unit, User
from ...extensions import db
from .. import journal, notifications
from ..concurrency import task_change
from ..errors import InvalidInput
from ..scope import task_units_query
from ..permissions import is_supervisor, require

EDIT_MESSAGE = "只有督办部门可以修改任务的名称、内容、承办单位和完成时限；如需延期，请提交延期申请。"
MAX_TITLE_CHARS = 500
MAX_TEXT_CHARS = 20000
MAX_DEADLINE_CHARS = 200
MAX_TARGET_UNIT_CHARS = 40


@dataclass
class TaskEdit:
    """What the edit form holds: texts as typed, units as ids of the unit registry, in order.

    ``deadline`` is the 完成时限 as written (e.g. "2027年6月底前", may be empty); ``due_date`` the
    date the status lights use (None: no date).
    """

    title: str
    text: str
    lead_unit_ids: list[int] = field(default_factory=list)
    supporting_unit_ids: list[int] = field(default_factory=list)
    deadline: str = ""
    due_date: date | None = None
    target_value: float | None = None
    target_unit: str = ""


def target_text(value: float | None, unit: str | None) -> str | None:
    """A quantified task's target as people read it ("12%（较年初增长）", "3亿元"), None without a value."""
    return None if value is None else f"{value:g}{unit or ''}"


def _units(ids: list[int]) -> list[Unit]:
    """Return the live units ``ids`` in the given order, without repeats; InvalidInput for an unknown one, or for one
    that holds no task (services/scope.task_units_query: a 金融机构 of an indicator table that no task names yet,
    workflow55; the edit form offers none, a posted one is refused here)."""
    wanted = list(dict.fromkeys(ids))
    found = {u.id: u for u in db.session.scalars(select(Unit).where(Unit.id.in_(wanted)))} if wanted else {}
    for unit_id in wanted:
        unit = found.get(unit_id)
        if unit is None or unit.merged_into_id is not None:
            raise InvalidInput("所选单位不存在或已被合并，请刷新页面后从单位列表中重新选择。")
    working = set(db.session.scalars(task_units_query(Unit.id).where(Unit.id.in_(wanted)))) if wanted else set()
    for unit_id in wanted:
        if unit_id not in working:
            raise InvalidInput(f"“{found[unit_id].name}”是报送指标的金融机构，不承担督办任务：请从单位列表中另选牵头或配合单位。")
    return [found[i] for i in wanted]


def _keep_order(ids: list[int], current: list[int]) -> list[int]:
    """Return ``ids`` with those in ``current`` first, in their current order, then the others as given."""
    chosen, kept = set(ids), set(current)
    return [i for i in current if i in chosen] + [i for i in dict.fromkeys(ids) if i not in kept]


def _check(edit: TaskEdit) -> tuple[str | None, str, str | None]:
    title = edit.title.strip() or None
    text = edit.text.strip()
    deadline = edit.deadline.strip() or None
    if title is None and not text:
        raise InvalidInput("请填写任务名称或任务内容。")
    if title is not None and len(title) > MAX_TITLE_CHARS:
        raise InvalidInput(f"任务名称不能超过 {MAX_TITLE_CHARS} 字。")
    if len(text) > MAX_TEXT_CHARS:
        raise InvalidInput(f"任务内容不能超过 {MAX_TEXT_CHARS} 字。")
    if deadline is not None and len(deadline) > MAX_DEADLINE_CHARS:
        raise InvalidInput(f"完成时限不能超过 {MAX_DEADLINE_CHARS} 字。")
    if not edit.lead_unit_ids:
        raise InvalidInput("请至少选择一个牵头单位。")
    if edit.target_value is not None and not math.isfinite(edit.target_value):
        raise InvalidInput("“目标值”应为数字，如 12。")
    if edit.target_value is None and edit.target_unit.strip():
        raise InvalidInput("填写了计量单位但没有目标值：请填写目标值（数字），或清空计量单位。")
    if len(edit.target_unit.strip()) > MAX_TARGET_UNIT_CHARS:
        raise InvalidInput(f"计量单位不能超过 {MAX_TARGET_UNIT_CHARS} 字。")
    both = set(edit.lead_unit_ids) & set(edit.supporting_unit_ids)
    if both:
        raise InvalidInput("同一单位不能既是牵头单位又是配合单位，请取消其中一处的勾选。")
    return title, text, deadline


def _names(units: list[Unit]) -> str | None:
    return "、".join(u.name for u in units) or None


def _set_units(task: Task, lead: list[Unit], supporting: list[Unit]) -> None:
    """Make the task's assignments ``lead`` then ``supporting``; a kept unit keeps its 签收."""
    existing = {a.unit_id: a for a in task.assignments}
    keep = {u.id for u in lead + supporting}
    for assignment in list(task.assignments):
        if assignment.unit_id not in keep:
            task.assignments.remove(assignment)
    for position, (unit, role) in enumerate([(u, AssignmentRole.LEAD) for u in lead]
                                            + [(u, AssignmentRole.SUPPORTING) for u in supporting]):
        assignment = existing.get(unit.id)
        if assignment is None:
            task.assignments.append(Assignment(unit=unit, role=role, position=position))
        elif (assignment.role, assignment.position) != (role, position):
            assignment.role, assignment.position = role, position


def _notify(task: Task, before: set[int], changed: list[str]) -> None:
    """Tell the units now assigned: a new unit that the task was assigned to it (交办), the others what changed."""
    now = {a.unit.id for a in task.assignments}  # a new Assignment has its unit, not yet its unit_id
    name = f"{task.number_display} {task.heading_text}"
    roles = {a.unit.id: a.role.label for a in task.assignments}
    for unit_id in sorted(now - before):
        notifications.notify_units([unit_id], notifications.Kind.TASK_ASSIGNED,
                                   f"督办部门向本单位交办任务（{roles[unit_id]}）：{name}。请签收并按期报送进展。", task)
    notifications.notify_units(now & before, notifications.Kind.TASK_EDITED,
                               f"督办部门修改了任务 {name} 的{'、'.join(changed)}。", task)


def edit_task(task_id: int, actor: User, edit: TaskEdit, read_version: int | None, overwrite_of: int | None = None,
              channel: Channel = Channel.FORM) -> list[str]:
    """Apply ``edit`` to task ``task_id`` as ``actor``; commit; return the captions of the fields changed.

    Units already assigned in a role keep their place (the order the plan names them, shown in
    lists and ledgers); units added come after them, in the order given. The liaisons of the units
    assigned are notified in the same transaction (a new unit: 交办; the others: what changed). Raises PermissionDenied (nothing written) for anyone but the supervising office
    and admins, NotFound for an unknown task, InvalidInput for an empty name and text, a text
    too long, no lead unit, a unit both lead and supporting, an unknown or merged unit, or a
    withdrawn task; Conflict when ``read_version`` is stale (services/concurrency.py).
    """
    require(is_supervisor(actor), EDIT_MESSAGE)
    title, text, deadline = _check(edit)

    def check(task: Task) -> None:
        require(is_supervisor(actor), EDIT_MESSAGE)
        if task.withdrawn_at is not None:
            raise InvalidInput("该任务已在方案修订中撤销，不能再修改。")

    changed: list[str] = []
    with task_change(task_id, actor, read_version, overwrite_of, channel, check=check) as task:
        before = {a.unit_id for a in task.assignments}
        lead = _units(_keep_order(edit.lead_unit_ids, [u.id for u in task.lead_units]))
        supporting = _units(_keep_order(edit.supporting_unit_ids, [u.id for u in task.supporting_units]))
        for name, caption, old, new in [("title", "任务名称", task.title, title), ("text", "任务内容", task.text, text),
                                        ("deadline", "完成时限", task.deadline, deadline),
                                        ("due_date", "到期日期", task.due_date, edit.due_date)]:
            if old != new:
                journal.record(task, name, old, new, actor, channel)
                setattr(task, name, new)
                changed.append(caption)
        target_unit = (edit.target_unit.strip() or None) if edit.target_value is not None else None
        old_target = target_text(task.target_value, task.target_unit)
        new_target = target_text(edit.target_value, target_unit)
        if (task.target_value, task.target_unit) != (edit.target_value, target_unit):
            journal.record(task, JournalField.TARGET, old_target, new_target, actor, channel)
            task.target_value, task.target_unit = edit.target_value, target_unit
            changed.append("量化目标")
        old_lead, old_supporting = _names(task.lead_units), _names(task.supporting_units)
        new_lead, new_supporting = _names(lead), _names(supporting)
        if (old_lead, old_supporting) != (new_lead, new_supporting):
            _set_units(task, lead, supporting)
            if old_lead != new_lead:
                journal.record(task, JournalField.LEAD_UNITS, old_lead, new_lead, actor, channel)
                changed.append("牵头单位")
            if old_supporting != new_supporting:
                journal.record(task, JournalField.SUPPORTING_UNITS, old_supporting, new_supporting, actor, channel)
                changed.append("配合单位")
        if changed:
            _notify(task, before, changed)
    return changed
