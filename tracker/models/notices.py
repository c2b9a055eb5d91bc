"""Notifications (站内通知) to users, and the daily reminder digests (催办提醒汇总) of units (issue 17)."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..extensions import db

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .people import User
    from .plans import Task
    from .units import Unit


class Notification(db.Model):
    """One message to one user (站内通知): what happened (``text``), about which task, read or not.

    Written in the same transaction as the event it tells of (services/notifications.py); ``kind``
    names the event (a services.notifications.Kind value); ``read_at`` is set when the user marks
    it read; ``task_id`` (optional) is where its link leads, or ``bulletin_id`` (optional) for a 通报 published
    (models/bulletins.PublishedBulletin). Times naive UTC.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    read_at: Mapped[datetime | None]
    bulletin_id: Mapped[int | None] = mapped_column(ForeignKey("published_bulletin.id"))

    user: Mapped["User"] = relationship()
    task: Mapped["Task | None"] = relationship()


class ReminderDigest(db.Model):
    """The one reminder digest a unit gets on one day (Beijing calendar) from ``send-reminders``.

    The unique key (unit_id, day) is what makes a second run on the same day, or two app servers
    running it at once, send nothing new (services/workflow/digests.py). ``task_count`` and
    ``report_count``: how many tasks due or overdue and how many reports owed the digest listed.
    """

    __table_args__ = (UniqueConstraint("unit_id", "day", name="uq_reminder_digest_unit_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    day: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    task_count: Mapped[int] = mapped_column(default=0)
    report_count: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text, default="")

    unit: Mapped["Unit"] = relationship()
