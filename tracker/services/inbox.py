"""The supervising office's 待办 (inbox): what waits for it, each item one click from its action (issue 17).

Four lists, all read through the one task scope (services/scope.py: live leaves the user may see):
- close requests to review (申请办结: tasks in 申请办结), oldest request first;
- extension requests waiting for a decision (延期申请, ExtensionRequest PENDING), oldest first; not those on a
  sub-task, which the lead unit that split its task decides (workflow47, permissions.can_decide_extension: it is told
  by a notification and its 分解情况; the office may still decide them on the sub-task's page);
- reminders (催办) no one of the addressed unit has signed for (确认收到) after
  ``current_settings().inbox_unsigned_days`` days, on tasks still open, oldest first;
- the user's own ledger uploads not yet submitted (services/ledger/uploads.pending_uploads: only their
  uploader may open them).
``inbox_count`` is the navigation badge: the sum of the four (``badge_counts``: with the unread notifications,
in one statement).

A unit leader (Role.LEADER, issue 18) has a 待办 too: the drafts of the unit waiting for the leader's
sign-off (审核签发: reports, 申请办结, 延期申请; services/workflow/signoff.waiting_for), each one click
from 签发 or 退回. Who has an inbox at all: ``has_inbox``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from flask import current_app
from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import selectinload

from .. import clock
from ..extensions import db
from ..models import ExtensionRequest, ExtensionState, FiguresTally, Reminder, Role, Task, TaskStatus, User
from ..settings import current_settings
from .ledger.uploads import PendingUpload, pending_uploads
from . import notifications
from .permissions import is_supervisor
from .scope import task_scope, viewer_scope
from .workflow import signoff


@dataclass(frozen=True)
class Inbox:
    """What waits for the user: ``close_requests`` (Task), ``extensions`` (ExtensionRequest),
    ``unsigned_reminders`` (Reminder older than ``unsigned_days`` days) and ``uploads`` (PendingUpload)."""

    close_requests: list[Task]
    extensions: list[ExtensionRequest]
    unsigned_reminders: list[Reminder]
    uploads: list[PendingUpload]
    unsigned_days: int
    signoffs: list = field(default_factory=list)  # signoff.Draft: the unit leader's drafts to sign

    @property
    def count(self) -> int:
        """How many items wait, all lists together."""
        return (len(self.close_requests) + len(self.extensions) + len(self.unsigned_reminders) + len(self.uploads)
                + len(self.signoffs))


def has_inbox(user: User) -> bool:
    """True for who has a 待办 page: the supervising office and admins, and unit leaders (issue 18)."""
    return is_supervisor(user) or (user.role is Role.LEADER and user.unit_id is not None)


def _open_task(user: User, task_id, *more):
    """The SQL condition "``task_id`` names an open task ``user`` sees" (and meets the conditions ``more`` on Task): an
    EXISTS correlated on the row's task, so that its cost follows the (few) pending rows, not the open tasks (an
    ``IN (SELECT …)`` built the list of all 10,000 open tasks of the bench data on every page's badge count: 8 ms
    each, issue 19)."""
    return task_scope(user).live().leaves().where(Task.status != TaskStatus.CLOSED, Task.id == task_id,
                                                  *more).ids().exists()


def _unsigned_cutoff():
    """The time before which a reminder not signed for waits in the inbox (stored, naive UTC)."""
    return clock.utcnow() - timedelta(days=current_settings().inbox_unsigned_days)


def _queries(user: User, cutoff=None):
    """The three database queries of the inbox (SELECT of the rows, unordered); ``cutoff``: ``_unsigned_cutoff()``
    unless given (a bound parameter in the badges' kept statement)."""
    cutoff = _unsigned_cutoff() if cutoff is None else cutoff
    # The status first: SQLite tests the conditions in the order given, so the heading test (a sub-query per
    # task) runs only for the few tasks 申请办结 instead of every task (every page's badge: 13 → 3 ms on the bench data).
    close = task_scope(user).where(Task.status == TaskStatus.CLOSE_REQUESTED).live().leaves()
    # a sub-task's request is its splitting unit's to decide (permissions.can_decide_extension), not the office's to-do
    extensions = select(ExtensionRequest).where(ExtensionRequest.state == ExtensionState.PENDING,
                                                _open_task(user, ExtensionRequest.task_id, Task.split_from_id.is_(None)))
    reminders = select(Reminder).where(Reminder.acknowledged_at.is_(None), Reminder.created_at <= cutoff,
                                       _open_task(user, Reminder.task_id))
    return close, extensions, reminders


def inbox_for(user: User) -> Inbox:
    """Return the inbox of ``user``: the supervising office's four lists, a unit leader's drafts to sign
    (``signoffs``), empty for anyone else."""
    days = current_settings().inbox_unsigned_days
    if user.role is Role.LEADER:
        return Inbox([], [], [], [], days, signoffs=signoff.waiting_for(user))
    if not is_supervisor(user):
        return Inbox([], [], [], [], days)
    close, extensions, reminders = _queries(user)
    return Inbox(
        close_requests=list(db.session.scalars(close.select().options(selectinload(Task.plan))
                                               .order_by(Task.plan_id, Task.position))),
        extensions=list(db.session.scalars(extensions.options(selectinload(ExtensionRequest.task),
                                                              selectinload(ExtensionRequest.unit))
                                           .order_by(ExtensionRequest.id))),
        unsigned_reminders=list(db.session.scalars(reminders.options(selectinload(Reminder.task),
                                                                     selectinload(Reminder.unit))
                                                   .order_by(Reminder.id))),
        uploads=pending_uploads(current_app.instance_path, user.id),
        unsigned_days=days,
    )


def inbox_count(user: User) -> int:
    """Return how many items wait in ``user``'s inbox (the navigation badge); 0 for non-supervisors."""
    return badge_counts(user)[0]


def badge_counts(user: User) -> tuple[int, int]:
    """Return (inbox items, unread notifications) of ``user``: the top bar's two badges, in one statement
    (every page shows them). The inbox count is 0 for anyone but the supervising office and admins.

    The statement is built once per process for each kind of user (``_badge_statement``), the user's id and the
    reminders' cutoff bound at each call: building its four sub-queries over the task scope cost more than running
    them (about 1 ms of every page, issue 19)."""
    statement, parameters, counted = badge_read(user)
    return counted(db.session.execute(statement, parameters).one())


def badge_read(user: User) -> tuple[Select, dict, Callable[[Sequence], tuple[int, int]]]:
    """Return how ``badge_counts`` reads ``user``'s badges: (its SELECT of one row of counts, the statement's
    parameters, the function that turns that row into (inbox items, unread notifications)). For a caller that reads
    the badges in a statement of its own, beside other counts (the dashboard, with the figures' snapshot:
    services/figures/cache.snapshot_with, one round trip for both, issue 19 item 31); ``badge_counts`` is this,
    run alone."""
    if user.role is Role.LEADER:  # the drafts waiting for the leader's sign-off (issue 18)
        counts = [notifications.unread_query(user.id).scalar_subquery()]
        counts += [select(func.count()).select_from(signoff.waiting_query(kind, user).subquery()).scalar_subquery()
                   for kind in signoff.Kind]
        return select(*counts), {}, lambda row: (sum(n or 0 for n in row[1:]), row[0] or 0)
    supervisor = is_supervisor(user)

    def counted(row: Sequence) -> tuple[int, int]:
        unread, *waiting = row
        if not supervisor:
            return 0, unread or 0
        return sum(n or 0 for n in waiting) + len(pending_uploads(current_app.instance_path, user.id)), unread or 0

    return _badge_statement(user, supervisor), {"user_id": user.id, "cutoff": _unsigned_cutoff()}, counted


_BADGES: dict = {}


def _badge_statement(user: User, supervisor: bool):
    """Return ``badge_counts``' SELECT for ``user`` (not a unit leader), with the parameters ``user_id`` and
    ``cutoff``: the unread notifications, and for the supervising office the three inbox counts. Kept per process
    for whether the user is the supervising office and what it sees (services/scope.viewer_scope), the only things
    of the user it is built from.

    The supervising office sees every task (User.sees_everything), so its close requests waiting (``_queries``'
    first) are all of them: the number the database keeps with every write, ``FiguresTally.close_requests``
    (models/tally.py), read instead of probing each such task for a sub-task on every page (issue 19,
    docs/benchmarks.md item 28). tests/web/test_figures_tally.py holds it equal to the count of ``_queries``."""
    key = (supervisor, viewer_scope(user) if supervisor else None)
    statement = _BADGES.get(key)
    if statement is None:
        counts = [notifications.unread_query(bindparam("user_id")).scalar_subquery()]
        if supervisor:  # who sees every task: its close requests are the ones the database keeps counted
            _close, extensions, reminders = _queries(user, bindparam("cutoff"))
            counts += [select(FiguresTally.close_requests).scalar_subquery(),
                       *(select(func.count()).select_from(query.subquery()).scalar_subquery()
                         for query in (extensions, reminders))]
        statement = _BADGES[key] = select(*counts)
    return statement
