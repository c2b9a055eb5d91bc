"""The task's history (办理记录) as people read it: the journal, filtered to what the reader may see.

Used by the task page and by the conflict page ("changes since the version you read"). Both
apply services/permissions.can_see_entry, so that neither shows a unit's private notes to
another unit (SECURITY-TESTS A10).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..models import Channel, JournalEntry, Task, User
from .permissions import can_see_entry

# What each journal field means, in the UI's words (GLOSSARY.md).
FIELD_LABELS = {
    "status": "完成状态",
    "report": "报送进展",
    "attachment": "上传佐证材料",
    "acknowledge": "签收",
    "close_request": "申请办结",
    "review": "办结审核",
    "extension_request": "申请延期",
    "extension_decision": "延期审批",
    "deadline": "完成时限",
    "due_date": "到期日期",
    "reminder": "催办",
    "reminder_ack": "确认收到催办",
    "overwrite": "覆盖提交",
    "title": "任务名称",
    "text": "任务内容",
    "lead_units": "牵头单位",
    "supporting_units": "配合单位",
    "plan_settings": "方案设置",
}


@dataclass(frozen=True)
class HistoryLine:
    """One readable line of a task's history.

    ``when``: stored naive UTC (templates show Beijing time); ``who``/``unit``: the actor's name and
    unit ("系统" for none); ``what``: the field's caption; ``old``/``new``: the values as text or
    None; ``channel``: where it came from (网页, 台账导入, …), with the import batch if any.
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
    return HistoryLine(
        id=entry.id,
        when=entry.created_at,
        who=entry.user.display_name if entry.user else "系统",
        unit=entry.unit.name if entry.unit else "",
        what=FIELD_LABELS.get(entry.field, entry.field),
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
    query = (select(JournalEntry).where(JournalEntry.task_id == task.id)
             .options(selectinload(JournalEntry.user), selectinload(JournalEntry.unit))
             .order_by(JournalEntry.id))
    if since_version is not None:
        query = query.where(JournalEntry.task_version > since_version)
    return [_line(e) for e in db.session.scalars(query) if can_see_entry(user, task, e)]
