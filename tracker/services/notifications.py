"""Notifications (站内通知): tell the liaisons of a unit what happened to their tasks (issue 17).

Written by the use cases themselves, in the same transaction as the event (a close request
approved or returned, an extension decided, a reminder sent, a task assigned or edited, the daily
reminder digest, a 通报 published), so that an event is never stored without its notification or the reverse.
Who is told (``unit_audience``, the one place): for most kinds every active liaison of the units concerned, who
acts on their tasks; for a published 通报 every active account of those units who may read it (liaisons, unit
leaders, …: services/permissions.can_read_published_bulletins), since it is issued to the unit, not to its
liaison; for work handed to a unit (新交办任务, 任务已修改: ``STAND_IN_KINDS``) a unit with no active liaison yet is
told through its active unit leaders, who see its tasks and can have a liaison's account made, and a unit with
neither is told by no one, which the pages that hand it work say (``reach_column``, ``reach_of``).
``notify_units`` asks it. A draft waiting for sign-off (issue 18) tells the unit's leaders
(services/workflow/signoff.notify_leaders). E-mail: when mail is on
(``current_settings().mail.enabled``), a copy goes to each of them who has an address, sent after the
commit (an ``after_commit`` hook sends what the transaction queued; a rollback drops it), so that a
mail server that is down never undoes the event.
"""
from __future__ import annotations

import enum
import logging
from collections.abc import Iterable

from sqlalchemy import and_, case, event, exists, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from .. import clock
from ..database import write_transaction
from ..extensions import db
from ..models import Notification, Role, Task, Unit, User
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


#: The kinds that hand a unit work (a task given to it, split to it or changed): a unit with no active liaison is told
#: through its active unit leaders (Role.LEADER: bound to it, they see its tasks), so that someone there learns of the
#: work and can have a liaison's account made (decided so: a district split a task before it had a liaison heard of
#: nothing, and neither did the unit that split it).
STAND_IN_KINDS = frozenset({Kind.TASK_ASSIGNED, Kind.TASK_EDITED})


class Reach(enum.Enum):
    """Who of a unit hears of work handed to it (``STAND_IN_KINDS``): its liaisons, its unit leaders standing in
    (no liaison yet: nobody there can 签收 or report), or nobody (no account at all)."""

    LIAISONS = "liaisons"
    LEADERS = "leaders"
    NOBODY = "nobody"


def reach_column(unit_id):
    """The SQL expression of ``Reach`` (its value) for the unit whose id is ``unit_id`` (a column of the statement it
    goes in): LIAISONS when it has an active liaison, else LEADERS when it has an active unit leader, else NOBODY; the
    rule of ``unit_audience`` for STAND_IN_KINDS, read beside each unit of a statement (subtasks.live_unit_rows: the
    split form's units) without a statement of its own."""
    member = aliased(User)  # its own name: ``unit_id`` may be a column of ``user`` itself (unit_audience)

    def has(role: Role):
        return exists().where(member.unit_id == unit_id, member.active.is_(True), member.role == role)
    return case((has(Role.LIAISON), Reach.LIAISONS.value), (has(Role.LEADER), Reach.LEADERS.value),
                else_=Reach.NOBODY.value)


def reach_of(unit_ids: Iterable[int]) -> dict[int, Reach]:
    """Return who of each unit of ``unit_ids`` hears of work handed to it (``Reach``, by ``reach_column``), by id; one
    statement ({} for no unit)."""
    ids = sorted(set(unit_ids))
    if not ids:
        return {}
    return {unit_id: Reach(value) for unit_id, value in db.session.execute(
        select(Unit.id, reach_column(Unit.id)).where(Unit.id.in_(ids)))}


#: What the pages that hand a unit work (分解任务, 分解情况) say of a unit its liaisons would not hear it through: beside
#: its name (``REACH_SHORT``), and in a sentence with what to do (``reach_sentence``).
REACH_SHORT = {Reach.LEADERS: "尚无联络员，通知只发给单位负责人", Reach.NOBODY: "尚无账号，通知无人接收"}
REACH_TODO = "请管理员在“管理 → 用户管理”中为其创建联络员账号，联络员登录后即可在“本单位任务”中签收和报送。"


def reach_sentence(names: list[str], reach: Reach) -> str:
    """The sentence said to who handed the units ``names`` a task they hear of only through ``reach`` (LEADERS or
    NOBODY; "" for LIAISONS or no name): who was told, what cannot happen yet, and what to do (REACH_TODO)."""
    if not names:
        return ""
    units = "、".join(names)
    if reach is Reach.LEADERS:
        return f"{units} 还没有联络员账号：交办通知已发给其单位负责人，但无人能签收和报送；{REACH_TODO}"
    if reach is Reach.NOBODY:
        return f"{units} 还没有任何账号：交办通知无人接收，也无人能签收和报送；{REACH_TODO}"
    return ""


def unit_audience(unit_ids: Iterable[int], kind: Kind) -> list[User]:
    """Return who of the units ``unit_ids`` is told of an event of ``kind``, by id: every active account of those
    units that may read it for the unit-wide kinds (a published 通报: liaisons, unit leaders, a viewer bound to
    the unit), else the active liaisons (``unit_liaisons``), and for work handed to a unit (STAND_IN_KINDS) the
    active unit leaders of a unit with no active liaison."""
    rule = _UNIT_WIDE.get(kind)
    if rule is None and kind not in STAND_IN_KINDS:
        return unit_liaisons(unit_ids)
    ids = sorted(set(unit_ids))
    if not ids:
        return []
    if rule is None:  # the liaisons, and the leaders of a unit whose Reach is LEADERS (reach_column: no liaison)
        return list(db.session.scalars(select(User).where(
            User.unit_id.in_(ids), User.active.is_(True),
            or_(User.role == Role.LIAISON,
                and_(User.role == Role.LEADER, reach_column(User.unit_id) == Reach.LEADERS.value)))
            .order_by(User.id)))
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
            notification.read_at = clock.utcnow()
    return notification


def mark_all_read(user: User) -> int:
    """Mark every unread notification of ``user`` read; commit; return how many were marked."""
    with write_transaction():
        result = db.session.execute(update(Notification).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)).values(read_at=clock.utcnow()))
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
