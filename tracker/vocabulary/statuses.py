"""How other offices write a task's 完成状态 (办理状态), as the tracker's status codes.

The tracker's own labels (已交办, 已签收, 推进中, 申请办结, 已办结) belong to the status enum
(tracker/models/enums.py ``TaskStatus``); this table holds the other texts ledgers and forms use for
them, as plain strings (status code = ``TaskStatus`` value), so the pure readers need no model.
Sources: GLOSSARY.md (未启动, 推进中, 已完成 (办结)); the 重庆 and 潍坊 ledgers.
"""

from __future__ import annotations

ASSIGNED, ACKNOWLEDGED, IN_PROGRESS = "assigned", "acknowledged", "in_progress"
CLOSE_REQUESTED, CLOSED = "close_requested", "closed"

#: Status text as other offices write it -> status code.
STATUS_SYNONYMS: dict[str, str] = {
    "未启动": ASSIGNED,
    "未开始": ASSIGNED,
    "交办": ASSIGNED,
    "签收": ACKNOWLEDGED,
    "进行中": IN_PROGRESS,
    "正在推进": IN_PROGRESS,
    "推进": IN_PROGRESS,
    "持续推进": IN_PROGRESS,
    "已完成": CLOSED,
    "完成": CLOSED,
    "办结": CLOSED,
    "已办结": CLOSED,
}


def status_synonym(text: str) -> str | None:
    """The status code ``text`` stands for ("已完成" -> "closed"), ignoring surrounding spaces;
    None when it is no known synonym (the caller then tries its own labels or refuses)."""
    if not isinstance(text, str):
        return None
    return STATUS_SYNONYMS.get(text.strip())
