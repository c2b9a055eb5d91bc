"""Progress reports (进展情况) of a unit on a task."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clock import to_beijing, utcnow
from ..extensions import db

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .people import User
    from .plans import Task
    from .units import Unit


class ProgressReport(db.Model):
    """What a unit reports on a task: 进展情况, 存在问题, 下步计划."""

    # The dashboard's "latest report per task" (max(created_at) grouped by task) reads this index only.
    __table_args__ = (Index("ix_progress_report_task_id_created_at", "task_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    progress: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    # 完成值 of a quantified task so far (in the task's target_unit), None when not reported.
    achieved_value: Mapped[float | None]
    # The ledger import that filed the report (None for web, API and command-line reports): a revert
    # of that import removes exactly these reports (issue #4).
    import_id: Mapped[int | None] = mapped_column(ForeignKey("import_record.id"), index=True)
    # The day the unit says it filled the report in (填报日期): another office's ledger's 填报日期, or a
    # by-unit ledger row's (issue 15). None: the Beijing day it was stored (``report_day``).
    reported_on: Mapped[date | None] = mapped_column()

    task: Mapped[Task] = relationship(back_populates="reports")
    unit: Mapped[Unit | None] = relationship()
    author: Mapped["User | None"] = relationship()

    @property
    def report_day(self) -> date:
        """The report's 填报日期: ``reported_on`` when the ledger it came from gave one, else the
        Beijing day it was stored. Every page and file that dates a report reads it here."""
        if self.reported_on is not None:
            return self.reported_on
        return to_beijing(self.created_at).date()
