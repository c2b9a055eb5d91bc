"""Tables of the 督办 workflow (issue #5): extension requests, reminders, attachments.

Kept apart from models.py so that it stays readable; models.py imports this module, so
every table is registered whenever the models are. Times are naive UTC, dates plain.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from .. import clock
from ..extensions import db
from ..labelled_enum import LabelledEnum
from .enums import _enum_column
from .people import User
from .plans import Task
from .reports import ProgressReport
from .signoff import SignoffMixin
from .units import Unit


class ExtensionState(LabelledEnum):
    """Where an extension request (延期申请) stands."""

    __caption__ = "延期审批状态"
    __labels__ = {"pending": "待审批", "accepted": "已同意", "refused": "未同意", "draft": "待单位负责人签发",
                  "returned": "单位负责人已退回", "lapsed": "不再审核"}

    PENDING = "pending"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    # Before the supervising office sees it, in a unit with sign-off (models/signoff.py): a draft becomes
    # PENDING when its unit leader signs it, RETURNED when the leader returns it.
    DRAFT = "draft"
    RETURNED = "returned"
    # A request still waiting when its task was closed (办结): settled by the close, never decided
    # (services/workflow/extensions.settle_on_close).
    LAPSED = "lapsed"


class ExtensionRequest(SignoffMixin, db.Model):
    """A lead unit's request to move a task's deadline (延期申请), and the supervisor's decision.

    ``old_deadline``/``old_due_date`` keep the deadline as it was when the request was filed;
    an accepted request changes the task's ``due_date`` to ``new_due_date`` and its ``deadline``
    text (the change and the original are also in the journal).
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    old_deadline: Mapped[str | None] = mapped_column(String(200))
    old_due_date: Mapped[date | None]
    new_due_date: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[ExtensionState] = mapped_column(_enum_column(ExtensionState), default=ExtensionState.PENDING)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[datetime | None]
    decision_note: Mapped[str | None] = mapped_column(Text)

    task: Mapped[Task] = relationship()
    unit: Mapped[Unit | None] = relationship()
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class ReminderLevel(LabelledEnum):
    """How insistent a reminder is; it escalates per task and unit: 交办单 → 催办单 → 督办通知单."""

    __caption__ = "催办级别"
    __labels__ = {"notice": "交办单", "urge": "催办单", "supervise": "督办通知单"}

    NOTICE = "notice"
    URGE = "urge"
    SUPERVISE = "supervise"

    @property
    def prefix(self) -> str:
        """Return the short word that opens the reminder's number (交办〔2026〕12号)."""
        return {"notice": "交办", "urge": "催办", "supervise": "督办"}[self.value]


class Reminder(db.Model):
    """A reminder (催办) the supervising office sends to one unit about one task."""

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    level: Mapped[ReminderLevel] = mapped_column(_enum_column(ReminderLevel))
    request: Mapped[str] = mapped_column(Text)
    reply_by: Mapped[date | None]
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now, index=True)
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    emailed_at: Mapped[datetime | None]

    task: Mapped[Task] = relationship()
    unit: Mapped[Unit] = relationship()
    sent_by: Mapped[User | None] = relationship(foreign_keys=[sent_by_id])
    acknowledged_by: Mapped[User | None] = relationship(foreign_keys=[acknowledged_by_id])

    @property
    def number(self) -> str:
        """Return the reminder's document number, e.g. 催办〔2026〕7号 (year of sending, Beijing)."""
        from ..clock import to_beijing

        return f"{self.level.prefix}〔{to_beijing(self.created_at).year}〕{self.id}号"


class Attachment(db.Model):
    """A file of evidence (佐证材料) attached to a progress report.

    The file lives in the instance folder under ``stored_name`` (generated, never the user's
    name); ``original_name`` is only metadata, offered as the download's file name.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("progress_report.id"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    original_name: Mapped[str] = mapped_column(String(255))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))

    # a report's files in the order they were uploaded (PostgreSQL promises no row order without it)
    report: Mapped[ProgressReport] = relationship(backref=backref("attachments", order_by="Attachment.id"))
    task: Mapped[Task] = relationship()
    uploaded_by: Mapped[User | None] = relationship()
