"""The task's history (办理记录) as people read it: the journal, filtered to what the reader may see.

Used by the task page and by the conflict page ("changes since the version you read"). Both
apply services/permissions.can_see_entry, so that neither shows a unit's private notes to
another unit (SECURITY-TESTS A10).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import bindparam, select
from sqlalchemy.orm import aliased

from ...extensions import db
from ...models import Channel, JournalEntry, JournalField, Task, TaskStatus, Unit, User, journal_value_text
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


def _line(entry) -> HistoryLine:
    """The readable line of one journal row of ``_history_statement`` (the entry's columns, its author's name
    ``who`` and unit's name ``unit_name``; ``user_pk``/``unit_pk`` None when it has none)."""
    channel = entry.channel.label if isinstance(entry.channel, Channel) else str(entry.channel)
    if entry.batch:
        channel += f"（批次 {entry.batch[:8]}）"
    if entry.reported_on is not None:
        channel += f"（填报日期 {entry.reported_on.isoformat()}）"
    return HistoryLine(
        id=entry.id,
        when=entry.created_at,
        who=entry.who if entry.user_pk is not None else "系统",
        unit=entry.unit_name if entry.unit_pk is not None else "",
        what=JournalField.caption_of(entry.field),
        old=journal_value_text(entry.field, entry.old_code, entry.old_text),
        new=journal_value_text(entry.field, entry.new_code, entry.new_text),
        channel=channel,
        field=entry.field,
        version=entry.task_version,
    )


#: How a 办结审核 line of the journal (field "review", services/workflow.review_close) begins when the office sent the
#: close request back: "退回：" and the reason.
RETURNED = "退回："


def close_returned(lines: list[HistoryLine], status) -> HistoryLine | None:
    """The journal line of the office's 退回 of a close request that the task page tells the lead unit of (its ``new``:
    "退回：" and the reason; ``when``, ``who``), when ``status`` (the task's TaskStatus) is 推进中 and that return is the
    last word on closing (no later 申请办结 or 审核); None otherwise. ``lines``: ``task_history``, oldest first.
    The reason was only in the history, pages down on a phone (workflow56)."""
    if status is not TaskStatus.IN_PROGRESS:
        return None
    last = next((line for line in reversed(lines) if line.field in ("close_request", "review")), None)
    return last if last is not None and last.field == "review" and (last.new or "").startswith(RETURNED) else None


def task_history(user: User, task: Task, since_version: int | None = None) -> list[HistoryLine]:
    """Return the lines of ``task``'s journal that ``user`` may see, oldest first.

    With ``since_version``, only the changes that took the task past that version (what was
    saved after a form was read at ``since_version``).
    """
    statement = _history_statement()
    if since_version is not None:
        statement = statement.where(JournalEntry.task_version > since_version)
    return [_line(e) for e in db.session.execute(statement, {"task_id": task.id}) if can_see_entry(user, task, e)]


@cache
def _history_statement():
    """Return the journal SELECT of one task (made on first use, then kept: a statement is immutable and holds no
    data; its parameter ``task_id``): each entry's columns with its author's and unit's names, as plain rows, oldest
    first. Read as ORM objects (each entry, its user, its unit) and built anew on every task page, it cost about a
    tenth of the writers' task page (issue 19)."""
    author, unit = aliased(User), aliased(Unit)
    e = JournalEntry
    return (
        select(e.id, e.created_at, e.channel, e.batch, e.field, e.old_text, e.new_text, e.old_code, e.new_code,
               e.reported_on, e.task_version, e.subject_unit_id, author.id.label("user_pk"),
               author.display_name.label("who"), unit.id.label("unit_pk"), unit.name.label("unit_name"))
        .outerjoin(author, author.id == e.user_id).outerjoin(unit, unit.id == e.unit_id)
        .where(e.task_id == bindparam("task_id")).order_by(e.id))
