"""Progress reports (进展情况) of a unit on a task."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, Text, and_, case, exists, or_
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..clock import to_beijing
from ..extensions import db
from .signoff import SignoffMixin, SignoffState

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .people import User
    from .plans import Task
    from .units import Unit


class ProgressReport(SignoffMixin, db.Model):
    """What a unit reports on a task: 进展情况, 存在问题, 下步计划.

    A liaison's report of a unit with sign-off (``Unit.signoff_required``) is a draft (待签发) until
    the unit leader signs it (models/signoff.py). WHICH REPORTS COUNT is ``counted_at`` below, the one
    place of that rule: the supervising office, the dashboard, ledgers, the bulletin and 报送及时率 see a
    report only from its ``counted_at`` on.
    """

    # The dashboard's "latest report per task" (max(created_at) grouped by task) reads this index only.
    # It holds signoff_state too, so that counting the reports that needed no sign-off still reads it only.
    __table_args__ = (Index("ix_progress_report_task_id_created_at", "task_id", "created_at", "signoff_state"),
                      # counted_parts' second half (signed reports, issue 18) reads these: by period over
                      # every task (the ranking's first reports), and by task and period (the dashboard).
                      Index("ix_progress_report_signed_at", "signed_at"),
                      Index("ix_progress_report_task_id_signed_at", "task_id", "signed_at"),
                      # Each unit's latest report of each task (progress.latest_report_ids_by_unit, the ledger
                      # export): task, unit and id (each unit's reports newest last), then the columns of
                      # counted_at, so that both databases read this only (PostgreSQL backwards, DISTINCT ON).
                      Index("ix_progress_report_task_id_unit_id", "task_id", "unit_id", "id", "signoff_state",
                            "signed_at", "created_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now, index=True)
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
    author: Mapped["User | None"] = relationship(foreign_keys=[author_id])

    @property
    def report_day(self) -> date:
        """The report's 填报日期: ``reported_on`` when the ledger it came from gave one, else the
        Beijing day it reached the supervising office (``counted_at``: signed, for a unit that signs
        off), else the day it was stored (a draft). Every page and file that dates a report reads it here."""
        return self.day_of(self.reported_on, self.counted_at, self.created_at)

    @staticmethod
    def day_of(reported_on: date | None, counted_at: datetime | None, created_at: datetime) -> date:
        """``report_day`` from a report's plain columns (a query that reads columns, not reports: the
        ledger export): ``reported_on``, else the Beijing day of ``counted_at``, else of ``created_at``."""
        if reported_on is not None:
            return reported_on
        return to_beijing(counted_at or created_at).date()

    @hybrid_property
    def counted_at(self) -> datetime | None:
        """When the report reached the supervising office (naive UTC): ``created_at`` for a report that
        needs no sign-off, ``signed_at`` for a signed one, None for a draft or a returned one (it does not
        count). In SQL the same CASE expression, for filters (``counted_at.is_not(None)``) and periods."""
        if self.signoff_state is None:
            return self.created_at
        return self.signed_at if self.signoff_state is SignoffState.SIGNED else None

    @counted_at.inplace.expression
    @classmethod
    def _counted_at_expression(cls):
        return case((cls.signoff_state.is_(None), cls.created_at),
                    (cls.signoff_state == SignoffState.SIGNED, cls.signed_at), else_=None)

    @classmethod
    def counted_parts(cls) -> tuple:
        """``counted_at`` as two (column, condition) pairs, each readable through an index: reports that
        needed no sign-off count from ``created_at``, signed ones from ``signed_at``; no other report counts."""
        return ((cls.created_at, cls.signoff_state.is_(None)),
                (cls.signed_at, cls.signoff_state == SignoffState.SIGNED))

    @classmethod
    def counted_within(cls, start: datetime, end: datetime):
        """The SQL condition "``counted_at`` lies in [``start``, ``end``)" (naive UTC), written by
        ``counted_parts`` so that the database reads the indexes on ``created_at`` and ``signed_at``
        instead of computing ``counted_at`` for every report."""
        return or_(*(and_(condition, at >= start, at < end) for at, condition in cls.counted_parts()))

    @classmethod
    def counted_exists(cls, task_id):
        """The SQL condition "the task ``task_id`` (a column, e.g. ``Task.id``) has a report that counts",
        written by ``counted_parts`` as one EXISTS per part: each stops at the first index entry of the
        task that qualifies (the index on (task_id, created_at, signoff_state) for reports that needed no
        sign-off), instead of computing ``counted_at`` from every report's row (issue 19)."""
        return or_(*(exists().where(cls.task_id == task_id, condition, at.is_not(None))
                     for at, condition in cls.counted_parts()))

    @property
    def counts(self) -> bool:
        """True when the report counts (has reached the supervising office): ``counted_at`` is set."""
        return self.counted_at is not None

    @staticmethod
    def counts_in(signoff_state: SignoffState | None) -> bool:
        """``counts`` of a report in ``signoff_state`` (a row about to be written: a ledger import's bulk insert,
        services/workflow/counting.py): no sign-off needed, or signed — as ``counted_at`` says."""
        return signoff_state is None or signoff_state is SignoffState.SIGNED
