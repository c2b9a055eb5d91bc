"""Sign-off inside a unit (审核签发, issue 18): the columns every signed item carries, and draft close requests.

A unit whose office setting ``Unit.signoff_required`` is on (本单位报送须经领导审核签发) sends nothing
to the supervising office until its leader (Role.LEADER, 单位负责人) approves it: a liaison's progress
report (ProgressReport), 申请办结 (CloseRequest, below) and 延期申请 (ExtensionRequest) are then stored
as drafts (待签发). ``SignoffMixin`` gives each of those rows the same four columns; the use cases are in
services/workflow/signoff.py. Items of a unit without the setting carry ``signoff_state`` None: they
go out at once, as before.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from .. import clock
from ..extensions import db
from ..labelled_enum import LabelledEnum
from .enums import _enum_column


class SignoffState(LabelledEnum):
    """Where an item that needs its unit leader's sign-off stands (None on the row: no sign-off needed)."""

    __caption__ = "签发状态"
    __labels__ = {"draft": "待签发", "signed": "已签发", "returned": "已退回"}

    DRAFT = "draft"
    SIGNED = "signed"
    RETURNED = "returned"


class SignoffMixin:
    """The sign-off columns: ``signoff_state`` (None: not needed), who signed or returned it and when
    (``signed_by_id``, ``signed_at``: naive UTC), and ``signoff_note`` (the reason of a return)."""

    signoff_state: Mapped[SignoffState | None] = mapped_column(_enum_column(SignoffState))
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    signed_at: Mapped[datetime | None]
    signoff_note: Mapped[str | None] = mapped_column(Text)

    @declared_attr
    def signed_by(cls):  # noqa: N805 (SQLAlchemy's declared_attr takes the class)
        """The unit leader (User) who signed or returned the item (``signed_by_id``); None before."""
        return relationship("User", foreign_keys=f"{cls.__name__}.signed_by_id")

    @property
    def is_draft(self) -> bool:
        """True while the item waits for its unit leader (待签发)."""
        return self.signoff_state is SignoffState.DRAFT


class CloseRequest(SignoffMixin, db.Model):
    """A lead unit's 申请办结 waiting for its unit leader's sign-off (only units with sign-off keep one).

    ``note``: the 办结说明. Once signed, the request is applied as the liaison filed it (the task
    becomes 申请办结 and goes to the supervising office); a returned one changes nothing on the task.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    note: Mapped[str] = mapped_column(Text)

    task = relationship("Task")
    unit = relationship("Unit")
    requested_by = relationship("User", foreign_keys=[requested_by_id])
