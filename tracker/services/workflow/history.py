"""The task's history (办理记录) as people read it: the journal, filtered to what the reader may see.

Used by the task page and by the conflict page ("changes since the version you read"). Both
apply services/permissions.can_see_entry, so that neither shows a unit's private notes to
another unit (SECURITY-TESTS A10).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import selectinload

from ...extensions import db
from ...models import Channel, JournalEntry, Task, User
from ..permissions import can_see_entry


@dataclass(frozen=True)
class HistoryLine:
    """One readable line of a task's history.

    ``when``: stored naive UTC (templates show Beijing time); ``who``/``unit``: the actor's name and
    unit ("系统" for none); ``what``: the field's caption (models.JournalField); ``old``/``new``: the
    values as people read them (models.journal_value_text: labels for coded values) or None;
    ``channel``: where it came from (网页, 台账导入, …), with the import batch and the ledger's
    填报日期 (JournalEntry.reported_on) if any.
    """

    id: int
    when: datetime
    who: str
    unit: str
    what: str
    old: str | None
    new: str | None
    channel: str
    field: str
    version: int | None


def _line(entry: JournalEntry) -> HistoryLine:
    channel = entry.channel.label if isinstance(entry.channel, Channel) else str(entry.channel)
    if entry.batch:
        channel += f"（批次 {entry.batch[:8]}）"
    if entry.reported_on is not None:
        channel += f"（填报日期 {entry.reported_on.isoformat()}）"
    return HistoryLine(
        id=entry.id,
        when=entry.created_at,
        who=entry.user.display_name if entry.user else "系统",
        unit=entry.unit.name if entry.unit else "",
        what=entry.caption,
        old=entry.old_value,
        new=entry.new_value,
        channel=channel,
        field=entry.field,
        version=entry.task_version,
    )


def task_history(user: User, task: Task, since_version: int | None = None) -> list[HistoryLine]:
    """Return the lines of ``task``'s journal that ``user`` may see, oldest first.

    With ``since_version``, only the changes that took the task past that version (what was
    saved after a form was read at ``since_version``).
    """
    if since_version is None:  # the task page: its statement kept (_history_statement)
        entries = db.session.scalars(_history_statement(), {"task_id": task.id})
    else:
        entries = db.session.scalars(
            select(JournalEntry).where(JournalEntry.task_id == task.id, JournalEntry.task_version > since_version)
            .options(selectinload(JournalEntry.user), selectinload(JournalEntry.unit)).order_by(JournalEntry.id))
    return [_line(e) for e in entries if can_see_entry(user, task, e)]


_HISTORY: list = []


def _history_statement():
    """Return the task page's journal SELECT (made on first use, then kept: a statement is immutable and holds no
    data; its parameter ``task_id``): each entry with its user and unit, oldest first. Building it and its two loader
    options on every task page cost about a fifth of ``task_history`` (issue 19, the writers' task page)."""
    if not _HISTORY:
        _HISTORY.append(select(JournalEntry).where(JournalEntry.task_id == bindparam("task_id"))
                        .options(selectinload(JournalEntry.user), selectinload(JournalEntry.unit))
                        .order_by(JournalEntry.id))
    return _HISTORY[0]
