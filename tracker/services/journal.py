"""The journal (操作日志): every change to a task, who made it, where from; append-only (issue #5).

Services call ``record`` inside their own transaction, before they commit, so that a
change and its journal entry are stored together or not at all.
"""
from __future__ import annotations

from flask import has_request_context, request
from sqlalchemy import select

from ..clock import utcnow
from ..extensions import db
from ..models import Channel, JournalEntry, Task, User


def record(task: Task | None, field: str, old: object, new: object, actor: User | None,
           channel: Channel = Channel.FORM, batch: str | None = None, plan_id: int | None = None) -> JournalEntry:
    """Add a journal entry for ``task.field`` changing from ``old`` to ``new`` (not committed).

    Values are stored as text (None stays None; enums by their label when they have one).
    ``actor`` None means the system; ``batch`` groups one ledger import's entries. Inside a
    request the client's address (after ProxyFix) is recorded as ``ip``.
    """
    entry = JournalEntry(
        task=task,
        plan_id=plan_id if plan_id is not None else (task.plan_id if task is not None else None),
        user_id=actor.id if actor is not None else None,
        unit_id=actor.unit_id if actor is not None else None,
        channel=channel,
        batch=batch,
        field=field,
        old_value=_as_text(old),
        new_value=_as_text(new),
        ip=request.remote_addr if has_request_context() else None,
    )
    db.session.add(entry)
    return entry


def entry_values(task_id: int | None, plan_id: int | None, field: str, old: object, new: object,
                 actor: User | None, channel: Channel = Channel.FORM, batch: str | None = None) -> dict:
    """Return the column values of the journal entry ``record`` would add, for a bulk insert.

    For use cases that write thousands of entries at once (a ledger import) with one
    ``insert(JournalEntry)`` executemany in their own transaction; same values as ``record``.
    """
    return {
        "created_at": utcnow(), "task_id": task_id, "plan_id": plan_id,
        "user_id": actor.id if actor is not None else None, "unit_id": actor.unit_id if actor is not None else None,
        "channel": channel, "batch": batch, "field": field, "old_value": _as_text(old), "new_value": _as_text(new),
        "ip": request.remote_addr if has_request_context() else None,
    }


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    return str(value)


def task_history(task_id: int) -> list[JournalEntry]:
    """Return the journal of one task, oldest first."""
    return list(db.session.scalars(
        select(JournalEntry).where(JournalEntry.task_id == task_id).order_by(JournalEntry.id)))
