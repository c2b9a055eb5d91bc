"""The journal (操作日志): every change to a task, who made it, where from; append-only (issue #5).

Services call ``record`` inside their own transaction, before they commit, so that a
change and its journal entry are stored together or not at all.
"""
from __future__ import annotations

import enum
from datetime import date

from flask import has_request_context, request
from sqlalchemy import event, select
from sqlalchemy.orm import Session, attributes

from .. import clock
from ..extensions import db
from ..models import Channel, JournalEntry, JournalField, Task, User


def record(task: Task | None, field: JournalField | str, old: object, new: object, actor: User | None,
           channel: Channel = Channel.FORM, batch: str | None = None, plan_id: int | None = None,
           subject_unit_id: int | None = None, reported_on: date | None = None) -> JournalEntry:
    """Add a journal entry for ``task.field`` changing from ``old`` to ``new`` (not committed).

    ``field`` is a JournalField or its value ("status"); ValueError for any other name. Values are
    stored by ``stored_values``: an enum member by its code (old_code/new_code, e.g. "closed"),
    anything else as text (None stays None); models.journal_value_text turns them back into what
    people read. ``actor`` None means the system; ``batch`` groups one ledger import's entries;
    ``reported_on``: the day the source dates the change (a ledger's 填报日期), None for changes
    made in the tracker. Inside a request the client's address (after ProxyFix) is recorded as
    ``ip``. ``subject_unit_id`` marks an entry that belongs to one unit (a liaison's report, a
    reminder to a unit): other supporting units do not see it (services/permissions.can_see_entry).
    Every entry bumps its task's version when flushed, and records the version reached (``task_version``).
    """
    field = JournalField(field)
    entry = JournalEntry(
        task=task,
        plan_id=plan_id if plan_id is not None else (task.plan_id if task is not None else None),
        user_id=actor.id if actor is not None else None,
        unit_id=actor.unit_id if actor is not None else None,
        channel=channel,
        batch=batch,
        field=field.value,
        ip=request.remote_addr if has_request_context() else None,
        subject_unit_id=subject_unit_id,
        reported_on=reported_on,
        **stored_values(field, old, new),
    )
    db.session.add(entry)
    return entry


def entry_values(task_id: int | None, plan_id: int | None, field: JournalField | str, old: object, new: object,
                 actor: User | None, channel: Channel = Channel.FORM, batch: str | None = None,
                 task_version: int | None = None, subject_unit_id: int | None = None,
                 reported_on: date | None = None) -> dict:
    """Return the column values of the journal entry ``record`` would add, for a bulk insert.

    For use cases that write thousands of entries at once (a ledger import) with one
    ``insert(JournalEntry.__table__)`` executemany in their own transaction; same values as
    ``record``, keyed by column name. A bulk insert bypasses the version stamping of ``record``:
    the caller bumps the task's version itself and passes the version reached as ``task_version``.
    """
    field = JournalField(field)
    values = stored_values(field, old, new)
    return {
        "created_at": clock.utcnow(), "task_id": task_id, "plan_id": plan_id,
        "user_id": actor.id if actor is not None else None, "unit_id": actor.unit_id if actor is not None else None,
        "channel": channel, "batch": batch, "field": field.value,
        "old_value": values["old_text"], "new_value": values["new_text"],
        "old_code": values["old_code"], "new_code": values["new_code"],
        "ip": request.remote_addr if has_request_context() else None,
        "task_version": task_version, "subject_unit_id": subject_unit_id, "reported_on": reported_on,
    }


def stored_values(field: JournalField, old: object, new: object) -> dict[str, str | None]:
    """Return {"old_text", "new_text", "old_code", "new_code"}: how ``old`` and ``new`` are stored.

    An enum member is stored by its code, and only in a field whose values are coded
    (JournalField.value_enum): TypeError for a member of another enumeration, so that no label
    is ever stored as data. Anything else is stored as text (str()), None as None.
    """
    stored: dict[str, str | None] = {}
    for side, value in (("old", old), ("new", new)):
        code = text = None
        if isinstance(value, enum.Enum):
            if field.value_enum is None or not isinstance(value, field.value_enum):
                raise TypeError(f"journal field {field.value!r} does not store {type(value).__name__} codes")
            code = value.value
        elif value is not None:
            text = str(value)
        stored[f"{side}_text"], stored[f"{side}_code"] = text, code
    return stored


@event.listens_for(Session, "before_flush")
def _stamp_task_versions(session: Session, _context, _instances) -> None:
    """Bump the version of every task that gets a journal entry in this transaction, and stamp the entries.

    A change that does not touch the task row (a new report, a 签收) still makes the task's
    version move, so that a form read before it is stale (SECURITY-TESTS F1) and an exported
    ledger knows it is out of date. SQLAlchemy's version counter sets the new version to the
    committed one plus one on each UPDATE of the row; this forces one UPDATE per transaction
    (``session.info`` remembers the tasks bumped until commit or rollback), so that one use case
    moves a task by one version however often the session flushes.
    """
    bumped: dict[int, int] = session.info.setdefault("journal_bumped_tasks", {})
    for entry in [obj for obj in session.new if isinstance(obj, JournalEntry)]:
        task = entry.task
        if task is None or entry.task_version is not None:
            continue
        if task in session.new or task.version is None:
            entry.task_version = 1
            continue
        history = attributes.get_history(task, "version")
        committed = (history.deleted or history.unchanged or [task.version])[0]
        if task.id in bumped and not session.is_modified(task, include_collections=False):
            entry.task_version = committed  # bumped by an earlier flush of this transaction
            continue
        task.version = committed + 1  # forces the UPDATE; the version counter writes the same value
        bumped[task.id] = committed + 1
        entry.task_version = committed + 1


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_soft_rollback")
def _forget_bumped_tasks(session: Session, *_args) -> None:
    session.info.pop("journal_bumped_tasks", None)


def task_history(task_id: int) -> list[JournalEntry]:
    """Return the journal of one task, oldest first."""
    return list(db.session.scalars(
        select(JournalEntry).where(JournalEntry.task_id == task_id).order_by(JournalEntry.id)))
