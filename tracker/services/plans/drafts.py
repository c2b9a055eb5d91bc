"""The plan import preview: a parsed plan kept server-side while a person checks and corrects it.

Flow (issue #3): upload or paste → ``start_import`` stores the parser's ``PlanDraft`` as a
working draft (an ``ImportDraft`` row owned by the person) → the preview page shows it; each
submit applies the person's edits and one action (services/plans/draft_editing.py) and
``save_draft`` keeps the result → ``confirm_import`` stores the plan(s), tasks, units and
assignments in one transaction, journalled, and deletes the draft. A draft for a revised
version of an existing plan (``plan_id`` set) is confirmed by services/plans/revision.py instead.

The working draft (``ImportDraft.data``) is a JSON object:
    title, doc_number, issuer, issued_on ("YYYY-MM-DD" or None), source_name, source_text,
    warnings, sections: [{"title", "marker"}] (several documents in one file, else []),
    split: bool (one plan per section), next_id: int,
    items: [{"id", "path", "number", "title", "text", "lead_units", "supporting_units",
             "suggested": [{"name", "role": "" | "lead" | "supporting"}],
             "deadline", "due_date", "line", "section", "inline"}]
Suggested units (``MeasureDraft.suggested_units``, names read in a speech's sentences) are kept
apart with role "" and become lead or supporting units only when the person picks a role.
"""
from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import delete, select

from ... import clock
from ...database import write_transaction
from ...extensions import db
from ...models import Channel, ImportDraft, JournalField, Plan, Unit, UnitAlias, User
from ...parsing import PlanDraft
from ...parsing.tables import EMPTY_TABLE_WARNING
from .. import journal, notifications
from .draft_editing import plan_drafts, state_from_draft
from ..errors import InvalidInput, NotFound
from ..permissions import MANAGE_PLANS_MESSAGE, can_manage_plans, require
from .store import PlanImport, localize_draft_units, store_plan
from ..accounts.units import normalize_unit_name
from ..scope import task_units_query

DRAFT_LIFETIME = timedelta(days=1)
MANAGE_MESSAGE = MANAGE_PLANS_MESSAGE


def start_import(user: User, draft: PlanDraft, source_name: str | None, plan: Plan | None = None) -> ImportDraft:
    """Keep ``draft`` (parsed from ``source_name``) as ``user``'s working draft, and commit.

    ``plan``: the plan this is a revised version of (re-import), else None. Drafts of ``user``
    older than DRAFT_LIFETIME are deleted in the same transaction. Raises PermissionDenied for
    anyone but the supervising office and admins; InvalidInput (nothing written) when the
    parser found no numbered item.
    """
    require(can_manage_plans(user), MANAGE_MESSAGE)
    table = next((w for w in draft.warnings if w.startswith(EMPTY_TABLE_WARNING)), None)
    if not draft.measures and table:  # a task table has its 序号 column: no advice to number it
        raise InvalidInput(f"{table.rstrip('。')}，无法生成任务。")
    if not draft.measures:
        reason = "文件中没有文字" if not draft.source_text.strip() else "文件中没有找到“一、”“（一）”“1.”“一是”等编号的条目"
        raise InvalidInput(f"{reason}，无法生成任务。请确认选对了文件；如果方案没有编号，请先在 Word 中给各项任务加上编号后再上传。")
    draft.warnings.extend(localize_draft_units(draft))  # another city's 市发展改革委 is not ours (issue 18)
    with write_transaction():
        db.session.execute(delete(ImportDraft).where(ImportDraft.owner_id == user.id,
                                                     ImportDraft.created_at < clock.utcnow() - DRAFT_LIFETIME))
        row = ImportDraft(owner_id=user.id, plan_id=plan.id if plan else None, source_name=source_name,
                          data=state_from_draft(draft, source_name))
        db.session.add(row)
    return row


def load_draft(token: str, user: User) -> ImportDraft:
    """Return ``user``'s working draft named ``token``.

    Raises PermissionDenied for anyone who may not import plans, NotFound when there is no such
    draft or it belongs to someone else (another person's draft is not shown to exist).
    """
    require(can_manage_plans(user), MANAGE_MESSAGE)
    row = db.session.scalar(select(ImportDraft).where(ImportDraft.token == token))
    if row is None or row.owner_id != user.id:
        raise NotFound("找不到这份导入预览：它可能已确认导入、已放弃，或已超过一天被清理。请重新上传文件。")
    return row


def save_draft(row: ImportDraft, state: dict) -> None:
    """Store the edited working draft ``state`` in ``row`` and commit."""
    row.data = state  # a new object, so that the JSON column is written
    db.session.commit()


def discard_draft(row: ImportDraft) -> None:
    """Delete the working draft ``row`` (放弃导入) and commit."""
    db.session.delete(row)
    db.session.commit()


def known_unit_names() -> set[str]:
    """Return every unit name and alias of the registry (to flag names that would be new units)."""
    names = set(db.session.scalars(select(Unit.name)))
    return names | set(db.session.scalars(select(UnitAlias.alias)))


def unit_choices() -> list[str]:
    """Return the names of the units a task may be given (services/scope.task_units_query: no 金融机构 of an
    indicator table, no unit merged into another), sorted, for the preview's unit picker (workflow55)."""
    return sorted(db.session.scalars(task_units_query(Unit.name)))


def is_new_unit(name: str, known: set[str]) -> bool:
    """True when ``name`` is neither a unit's name nor an alias in ``known`` (spaces ignored)."""
    return normalize_unit_name(name) not in known


def _notify_assigned(result: PlanImport) -> None:
    """Tell each assigned unit's liaisons, once per plan, how many of its tasks they were given (交办)."""
    counts: dict[int, int] = {}
    for task in result.plan.tasks:
        if task.children:  # a heading is not a task a unit signs for
            continue
        for assignment in task.assignments:
            counts[assignment.unit.id] = counts.get(assignment.unit.id, 0) + 1
    for liaison in notifications.unit_liaisons(counts):  # one query for every unit of the plan
        notifications.notify_users([liaison], notifications.Kind.TASK_ASSIGNED,
                                   f"督办部门交办了《{result.plan.title}》中的 {counts[liaison.unit_id]} 项任务，"
                                   "请在“本单位任务”中签收并按期报送进展。")


def confirm_import(row: ImportDraft, user: User) -> list[PlanImport]:
    """Store the working draft ``row`` as one plan, or one plan per section, and delete the draft.

    Everything happens in one transaction with one commit: plans, tasks, new units,
    assignments, and journal entries (channel form, one batch id): "plan" for each plan, and
    "created" for each task; each assigned unit's liaisons are notified (交办, services/notifications.py).
    On any error nothing is written and the draft stays. Raises
    PermissionDenied (not the draft's owner or no right to import), InvalidInput (no title,
    no item).
    """
    require(can_manage_plans(user) and row.owner_id == user.id, MANAGE_MESSAGE)
    if row.plan_id is not None:
        raise InvalidInput("这是方案修订版的预览，请在“查看变化”页面确认更新。")
    drafts = plan_drafts(row.data)
    if not drafts:
        raise InvalidInput("预览中没有条目，无法导入。请重新上传文件。")
    source_name = row.source_name
    batch = uuid.uuid4().hex
    with write_transaction():
        results = [store_plan(draft, source_name) for draft in drafts]
        for result in results:
            journal.record(None, JournalField.PLAN, None, result.plan.title, user, Channel.FORM, batch, plan_id=result.plan.id)
            for task in result.plan.tasks:
                journal.record(task, JournalField.CREATED, None, f"{task.number_display} {task.heading_text}", user,
                               Channel.FORM, batch)
            _notify_assigned(result)
        db.session.delete(row)
    return results
