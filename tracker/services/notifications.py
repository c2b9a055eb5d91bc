"""Notifications (站内通知): tell the liaisons of a unit what happened to their tasks (issue 17).

Written by the use cases themselves, in the same transaction as the event (a close request
approved or returned, an extension decided, a reminder sent, a task assigned or edited, the daily
reminder digest, a 通报 published), so that an event is never stored without its notification or the reverse.
Who is told (``unit_audience``, the one place): for most kinds every active liaison of the units concerned, who
acts on their tasks; for a published 通报 every active account of those units who may read it (liaisons, unit
leaders, …: services/permissions.can_read_published_bulletins), since it is issued to the unit, not to its
liaison. ``notify_units`` asks it. A draft waiting for sign-off (issue 18) tells the unit's leaders
(services/workflow/signoff.notify_leaders). E-mail: when mail is on
(``current_settings().mail.enabled``), a copy goes to each of them who has an address, sent after the
commit (an ``after_commit`` hook sends what the transaction queued; a rollback drops it), so that a
mail server that is down never undoes the event.
"""
from __future__ import annotations

import enum
import logging
from collections.abc import Iterable

from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session

from ..clock import utcnow
from ..database import write_transaction
from ..extensions import db
from ..models import Notification, Role, Task, User
from .errors import NotFound
from .permissions import can_read_published_bulletins

log = logging.getLogger(__name__)

# Most notifications the list page shows (the newest).
LIST_LIMIT = 200
_OUTBOX = "tracker_notification_outbox"


class Kind(str, enum.Enum):
    """What a notification tells of; ``label``: the caption shown in the list and the mail subject."""

    CLOSE_ACCEPTED = "close_accepted"
    CLOSE_RETURNED = "close_returned"
    EXTENSION_DECIDED = "extension_decided"
    REMINDER = "reminder"
    TASK_ASSIGNED = "task_assigned"
    TASK_EDITED = "task_edited"
    DIGEST = "digest"
    SIGNOFF_RETURNED = "signoff_returned"
    SIGNOFF_WAITING = "signoff_waiting"
    BULLETIN_PUBLISHED = "bulletin_published"
    TASK_CLOSED = "task_closed"
    SUBTASK_REPORTED = "subtask_reported"
    EXTENSION_REQUESTED = "extension_requested"

    @property
    def label(self) -> str:
        """The notification's caption in 通知 and in its mail's subject (KIND_LABELS, e.g. 收到催办)."""
        return KIND_LABELS[self]


KIND_LABELS = {
    Kind.CLOSE_ACCEPTED: "办结申请已同意", Kind.CLOSE_RETURNED: "办结申请被退回", Kind.EXTENSION_DECIDED: "延期申请已审批",
    Kind.REMINDER: "收到催办", Kind.TASK_ASSIGNED: "新交办任务", Kind.TASK_EDITED: "任务已修改", Kind.DIGEST: "催办提醒",
    Kind.SIGNOFF_RETURNED: "报送被单位负责人退回", Kind.SIGNOFF_WAITING: "有报送待您审核签发",
    Kind.BULLETIN_PUBLISHED: "通报已发布", Kind.TASK_CLOSED: "任务已办结", Kind.SUBTASK_REPORTED: "子任务有新进展",
    Kind.EXTENSION_REQUESTED: "子任务申请延期",
}


def kind_label(kind: str) -> str:
    """Return the caption of the stored ``kind`` (the code itself when unknown)."""
    try:
        return Kind(kind).label
    except ValueError:
        return kind


#: The kinds told to every account of the unit that may read what they announce, not only its liaisons:
#: ``{kind: rule(user) -> bool}`` (services/permissions.py holds the rules).
_UNIT_WIDE = {Kind.BULLETIN_PUBLISHED: can_read_published_bulletins}


def unit_audience(unit_ids: Iterable[int], kind: Kind) -> list[User]:
    """Return who of the units ``unit_ids`` is told of an event of ``kind``, by id: every active account of those
    units that may read it for the unit-wide kinds (a published 通报: liaisons, unit leaders, a viewer bound to
    the unit), else the active liaisons (``unit_liaisons``)."""
    rule = _UNIT_WIDE.get(kind)
    if rule is None:
        return unit_liaisons(unit_ids)
    ids = sorted(set(unit_ids))
    if not ids:
        return []
    members = db.session.scalars(select(User).where(User.unit_id.in_(ids), User.active.is_(True)).order_by(User.id))
    return [user for user in members if rule(user)]


def unit_liaisons(unit_ids: Iterable[int]) -> list[User]:
    """Return the active liaisons of the units ``unit_ids``, by id."""
    return unit_users(unit_ids, Role.LIAISON)


def unit_users(unit_ids: Iterable[int], role: Role) -> list[User]:
    """Return the active users of ``role`` (Role.LEADER: the unit leaders who sign off, issue 18) of the
    units ``unit_ids``, by id."""
    ids = sorted(set(unit_ids))
    if not ids:
        return []
    return list(db.session.scalars(select(User).where(User.unit_id.in_(ids), User.role == role,
                                                      User.active.is_(True)).order_by(User.id)))


def notify_users(users: Iterable[User], kind: Kind, text: str, task: Task | None = None,
                 email: bool = True) -> list[Notification]:
    """Add a notification of ``kind`` saying ``text`` (about ``task``) to each of ``users``; not committed.

    With ``email`` (False where the event has a mail of its own: a reminder's 催办单), queues an
    e-mail to each user with an address; it is sent after the commit when mail is on.
    Returns the notifications added.
    """
    added = []
    for user in users:
        notification = Notification(user_id=user.id, kind=kind.value, text=text,
                                    task_id=task.id if task is not None else None)
        db.session.add(notification)
        added.append(notification)
        if email and user.email and "@" in user.email:
            subject = f"【督办台账】{kind.label}" + (f"：{task.number_display} {task.heading_text}" if task else "")
            db.session.info.setdefault(_OUTBOX, []).append((user.email, subject, text))
    return added


def notify_units(unit_ids: Iterable[int], kind: Kind, text: str, task: Task | None = None,
                 email: bool = True) -> list[Notification]:
    """``notify_users`` for those of the units ``unit_ids`` told of ``kind`` (``unit_audience``: the liaisons, or
    for a published 通报 every account of the units that may read it); not committed."""
    return notify_users(unit_audience(unit_ids, kind), kind, text, task, email)


def unread_query(user_id):
    """Return ``SELECT count(*)`` of the unread notifications of the user with id ``user_id`` (an int, or a bound
    parameter: services/inbox.badge_counts nests it in a statement it keeps)."""
    return select(func.count(Notification.id)).where(Notification.user_id == user_id, Notification.read_at.is_(None))


def unread_count(user: User) -> int:
    """Return how many of ``user``'s notifications are unread (the bell's count)."""
    return db.session.scalar(unread_query(user.id)) or 0


def notifications_for(user: User, limit: int = LIST_LIMIT) -> list[Notification]:
    """Return ``user``'s notifications, newest first, at most ``limit``."""
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)
                                   .order_by(Notification.id.desc()).limit(limit)))


def mark_read(user: User, notification_id: int) -> Notification:
    """Mark ``user``'s notification ``notification_id`` read; commit; return it. NotFound for another
    user's notification or an unknown id (never says whose it is)."""
    with write_transaction():
        notification = db.session.get(Notification, notification_id)
        if notification is None or notification.user_id != user.id:
            raise NotFound("该通知不存在。请从“通知”页面重新进入。")
        if notification.read_at is None:
            notification.read_at = utcnow()
    return notification


def mark_all_read(user: User) -> int:
    """Mark every unread notification of ``user`` read; commit; return how many were marked."""
    with write_transaction():
        result = db.session.execute(update(Notification).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)).values(read_at=utcnow()))
    return result.rowcount or 0


@event.listens_for(Session, "after_commit")
def _send_queued_mail(session: Session) -> None:
    """After a commit, e-mail the notifications it stored (services/mail.send_plain; never raises)."""
    queued = session.info.pop(_OUTBOX, None)
    if queued:
        from .mail import send_plain

        send_plain(queued)


@event.listens_for(Session, "after_soft_rollback")
def _drop_queued_mail(session: Session, _previous) -> None:
    session.info.pop(_OUTBOX, None)
