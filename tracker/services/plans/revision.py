"""Re-import: apply a revised version of a plan to the plan already tracked.

Matching (``compare``): each measure of the new version is paired with at most one task of the
plan, in three passes: 1. the same text (title and text, blanks ignored), preferring the same
序号; 2. the same 序号 with text at least ``SAME_PATH_SIMILARITY`` alike (a reworded measure);
3. any remaining pair at least ``MOVED_SIMILARITY`` alike, best pairs first (a renumbered
measure: the revision inserted or deleted one above it). Unpaired new measures are added,
unpaired tasks are removed.

Applying (``apply_revision``, one transaction, one commit):
- a paired task keeps its id, key, status, progress reports and history; fields that differ
  (序号, title, text, deadline, lead and supporting units) are updated and each change is
  journalled old → new. An unchanged task is not touched (its ``version`` stays, so a ledger
  exported before still imports cleanly); only its place in the tree follows the new version.
- a new measure becomes a new task (journalled "created").
- a removed measure's task is never deleted: it is marked withdrawn (已撤销, ``withdrawn_at``),
  journalled, and kept with its units, reports and history. An office must be able to show
  what was done on a measure even after a revision dropped it, and journal entries (which are
  append-only) point at the task; deleting only the tasks without reports would make the same
  revision behave differently from task to task. Withdrawn tasks leave the lists, ledgers and
  counts (the task scope, ``services/scope.py``), take no more reports, and are listed apart at the end
  of the plan page. A withdrawn task that a later version holds again is restored.
"""
from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from ... import clock
from ...database import write_transaction
from ...extensions import db
from ...vocabulary.numbering import render_number
from ...models import (
    Assignment,
    AssignmentRole,
    Channel,
    ImportDraft,
    JournalField,
    Plan,
    ProgressReport,
    Task,
    User,
)
from .. import journal
from .draft_editing import plan_drafts
from ..errors import InvalidInput
from .drafts import MANAGE_MESSAGE
from ..permissions import can_manage_plans, require
from ..accounts.units import find_unit, get_or_create_unit, normalize_unit_name

SAME_PATH_SIMILARITY = 0.5
MOVED_SIMILARITY = 0.6
# Pass 3 compares every remaining pair; beyond this many pairs it is skipped (add/remove instead).
MAX_PAIRS = 200_000
FIELD_LABELS = {"path": "序号", "title": "标题", "text": "内容", "deadline": "完成时限",
                "lead_units": "牵头单位", "supporting_units": "配合单位", "withdrawn": "撤销"}


@dataclass
class Change:
    """One line of the comparison: ``kind`` is "unchanged", "edited", "added" or "removed".

    ``task``: the plan's task (None for added); ``measure``: the new version's measure (a
    ``MeasureDraft``; None for removed); ``fields``: for edited, ``(field, old text, new text)``
    per changed field; ``reports``: how many progress reports the task has.
    """

    kind: str
    task: Task | None
    measure: object | None
    fields: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    reports: int = 0

    @property
    def shown_fields(self) -> list[tuple[str, str, str]]:
        """``fields`` for the page: long texts cut to the part that differs, with a little context."""
        return [(name, *changed_part(old or "", new or "")) for name, old, new in self.fields]

    @property
    def label(self) -> str:
        """``kind`` in the preview's words: 未变, 修改, 新增 or 撤销 (a removed measure is withdrawn, never deleted)."""
        return {"unchanged": "未变", "edited": "修改", "added": "新增", "removed": "撤销"}[self.kind]


def changed_part(old: str, new: str, context: int = 12) -> tuple[str, str]:
    """The differing middle of ``old`` and ``new`` with ``context`` characters around it, "…" where cut."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    left = max(0, start - context)

    def cut(text: str) -> str:
        right = min(len(text), len(text) - end + context)
        return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

    return cut(old), cut(new)


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _content(title: str | None, text: str | None) -> str:
    return _norm(text) or _norm(title)


def _similarity(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < MOVED_SIMILARITY * 0.8 or matcher.quick_ratio() < MOVED_SIMILARITY * 0.8:
        return 0.0
    return matcher.ratio()


def _canonical(name: str) -> str:
    unit = find_unit(name)
    return unit.name if unit is not None else normalize_unit_name(name)


def _units_text(names: list[str]) -> str | None:
    return "、".join(names) or None


def _field_changes(task: Task, measure) -> list[tuple[str, str | None, str | None]]:
    changes = []
    pairs = [("path", render_number(task.path), render_number(measure.path)), ("title", task.title, measure.title),
             ("text", task.text or "", measure.text or ""), ("deadline", task.deadline, measure.deadline),
             ("lead_units", _units_text([u.name for u in task.lead_units]),
              _units_text([_canonical(n) for n in measure.lead_units])),
             ("supporting_units", _units_text([u.name for u in task.supporting_units]),
              _units_text([_canonical(n) for n in measure.supporting_units]))]
    for name, old, new in pairs:
        if (old or None) != (new or None):
            changes.append((name, old, new))
    if task.withdrawn_at is not None:
        changes.append(("withdrawn", "已撤销", "恢复"))
    return changes


def _pair(tasks: list[Task], measures: list) -> dict[int, int]:
    """Return ``{measure index: task index}`` by the three passes of the module docstring."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    by_text: dict[str, list[int]] = {}
    for t, task in enumerate(tasks):
        by_text.setdefault(_content(task.title, task.text), []).append(t)
    for m, measure in enumerate(measures):
        candidates = [t for t in by_text.get(_content(measure.title, measure.text), []) if t not in used]
        if candidates:
            same = [t for t in candidates if tasks[t].path == measure.path]
            pairs[m] = (same or candidates)[0]
            used.add(pairs[m])
    by_path = {tuple(task.path): t for t, task in enumerate(tasks) if task.withdrawn_at is None}
    for m, measure in enumerate(measures):
        t = by_path.get(tuple(measure.path))
        if m in pairs or t is None or t in used:
            continue
        old, new = _content(tasks[t].title, tasks[t].text), _content(measure.title, measure.text)
        if SequenceMatcher(None, old, new, autojunk=False).ratio() >= SAME_PATH_SIMILARITY:
            pairs[m] = t
            used.add(t)
    rest_m = [m for m in range(len(measures)) if m not in pairs]
    rest_t = [t for t in range(len(tasks)) if t not in used]
    if len(rest_m) * len(rest_t) <= MAX_PAIRS:
        scored = []
        for m in rest_m:
            new = _content(measures[m].title, measures[m].text)
            for t in rest_t:
                score = _similarity(_content(tasks[t].title, tasks[t].text), new)
                if score >= MOVED_SIMILARITY:
                    scored.append((score, m, t))
        for score, m, t in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
            if m not in pairs and t not in used:
                pairs[m] = t
                used.add(t)
    return pairs


def _plan_tasks(plan: Plan) -> list[Task]:
    return list(db.session.scalars(
        # the plan's own measures: sub-tasks (issue 18) follow their parent, not the document
        select(Task).where(Task.plan_id == plan.id, Task.split_from_id.is_(None)).order_by(Task.position)
        .options(selectinload(Task.assignments).selectinload(Assignment.unit))))


def _report_counts(task_ids: list[int]) -> dict[int, int]:
    if not task_ids:
        return {}
    rows = db.session.execute(select(ProgressReport.task_id, db.func.count(ProgressReport.id))
                              .where(ProgressReport.task_id.in_(task_ids)).group_by(ProgressReport.task_id))
    return dict(rows.all())


def compare(plan: Plan, state: dict) -> list[Change]:
    """Return the changes from ``plan``'s tasks to the working draft ``state`` (one plan).

    New-version order first (unchanged, edited, added), then the removed tasks in the plan's
    order. Tasks already withdrawn that the new version does not hold are not listed again.
    Raises InvalidInput when the draft has no title (see draft_editing.plan_drafts).
    """
    measures = plan_drafts({**state, "split": False})[0].measures
    tasks = _plan_tasks(plan)
    pairs = _pair(tasks, measures)
    counts = _report_counts([t.id for t in tasks])
    changes = []
    for m, measure in enumerate(measures):
        if m not in pairs:
            changes.append(Change("added", None, measure))
            continue
        task = tasks[pairs[m]]
        fields = _field_changes(task, measure)
        changes.append(Change("edited" if fields else "unchanged", task, measure, fields, counts.get(task.id, 0)))
    paired = set(pairs.values())
    for t, task in enumerate(tasks):
        if t not in paired and task.withdrawn_at is None:
            changes.append(Change("removed", task, None, reports=counts.get(task.id, 0)))
    return changes


def _set_units(task: Task, measure) -> None:
    wanted: list[tuple[object, AssignmentRole]] = []
    seen: set[int] = set()
    for names, role in ((measure.lead_units, AssignmentRole.LEAD), (measure.supporting_units, AssignmentRole.SUPPORTING)):
        for name in names:
            unit, _ = get_or_create_unit(name)
            if unit.id not in seen:
                seen.add(unit.id)
                wanted.append((unit, role))
    existing = {a.unit_id: a for a in task.assignments}
    for assignment in list(task.assignments):
        if assignment.unit_id not in seen:
            task.assignments.remove(assignment)
    for position, (unit, role) in enumerate(wanted):
        assignment = existing.get(unit.id)
        if assignment is None:
            task.assignments.append(Assignment(unit=unit, role=role, position=position))
        elif (assignment.role, assignment.position) != (role, position):
            assignment.role, assignment.position = role, position


@dataclass
class RevisionResult:
    """What a re-import did: counts per kind of change."""

    unchanged: int = 0
    edited: int = 0
    added: int = 0
    removed: int = 0


def apply_revision(row: ImportDraft, user: User) -> RevisionResult:
    """Apply the revised version in ``row`` to its plan, delete the draft, and commit once.

    See the module docstring for the rules. Journal entries carry channel form and one batch
    id. Raises PermissionDenied (not the owner, or no right to manage plans), InvalidInput
    (the draft is not a revision, or has no title). On any error nothing is written.
    """
    require(can_manage_plans(user) and row.owner_id == user.id, MANAGE_MESSAGE)
    if row.plan_id is None:
        raise InvalidInput("这份预览不是某个方案的修订版，请用“确认导入”保存为新方案。")
    state = row.data
    batch = uuid.uuid4().hex
    with write_transaction():
        plan = db.session.get(Plan, row.plan_id)
        result = RevisionResult()
        live: list[Task] = []
        for change in compare(plan, state):
            setattr(result, change.kind, getattr(result, change.kind) + 1)
            measure, task = change.measure, change.task
            if change.kind == "added":
                task = Task(plan=plan, path=list(measure.path), number=measure.number, level=measure.level,
                            position=len(live), title=measure.title, text=measure.text, deadline=measure.deadline,
                            due_date=measure.due_date, created_at=clock.utcnow())  # its start of duty (facts.duty_start)
                db.session.add(task)
                _set_units(task, measure)
                db.session.flush()
                journal.record(task, JournalField.CREATED, None, f"{task.number_display} {task.heading_text}", user,
                               Channel.FORM, batch)
            elif change.kind == "removed":
                task.withdrawn_at = clock.utcnow()
                journal.record(task, JournalField.WITHDRAWN, None, "修订版中已删除该条目", user, Channel.FORM, batch)
                continue
            elif change.kind == "edited":
                for name, old, new in change.fields:
                    journal.record(task, name, old, new, user, Channel.FORM, batch)
                for name in ("path", "number", "level", "title", "text", "deadline", "due_date"):
                    value = getattr(measure, name)
                    if getattr(task, name) != value:
                        setattr(task, name, list(value) if name == "path" else value)
                task.withdrawn_at = None
                _set_units(task, measure)
            live.append(task)
        db.session.flush()
        _place(plan, live)
        _update_plan(plan, state, user, batch)
        db.session.delete(row)
    return result


def _place(plan: Plan, live: list[Task]) -> None:
    """Set parents and positions to the new version's tree (withdrawn tasks after it), without
    bumping versions: the place in the tree is not a change a unit reports on."""
    by_path: dict[tuple[str, ...], Task] = {}
    places: dict[int, tuple[int, int | None]] = {}
    for position, task in enumerate(live):
        parent = by_path.get(tuple(task.path[:-1]))
        places[task.id] = (position, parent.id if parent else None)
        by_path[tuple(task.path)] = task
    withdrawn = db.session.scalars(select(Task).where(Task.plan_id == plan.id, Task.withdrawn_at.is_not(None),
                                                      Task.split_from_id.is_(None))
                                   .order_by(Task.position)).all()
    for k, task in enumerate(withdrawn):
        places[task.id] = (len(live) + k, task.parent_id)
    for task_id, (position, parent_id) in places.items():
        db.session.execute(update(Task).where(Task.id == task_id, (Task.position != position) |
                                              (Task.parent_id.is_distinct_from(parent_id)))
                           .values(position=position, parent_id=parent_id)
                           .execution_options(synchronize_session=False))
    db.session.expire_all()


def _update_plan(plan: Plan, state: dict, user: User, batch: str) -> None:
    issued_on = date.fromisoformat(state["issued_on"]) if state["issued_on"] else None
    for name, value in (("title", state["title"]), ("doc_number", state["doc_number"]),
                        ("issuer", state["issuer"]), ("issued_on", issued_on)):
        if value and getattr(plan, name) != value:
            journal.record(None, f"plan_{name}", getattr(plan, name), value, user, Channel.FORM, batch, plan_id=plan.id)
            setattr(plan, name, value)
    journal.record(None, JournalField.PLAN_REVISION, plan.source_name, state.get("source_name"), user, Channel.FORM, batch,
                   plan_id=plan.id)
    plan.source_name = state.get("source_name") or plan.source_name
    plan.source_text = state["source_text"]
