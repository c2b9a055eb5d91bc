"""Plans and their tasks (numbered measures), and the import drafts a plan is made from."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Index, String, Text, exists
from sqlalchemy import text as sql_text
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship

from .. import clock
from ..extensions import db
from .enums import AssignmentRole, ReportCycle, TaskStatus, _enum_column
from ..vocabulary.numbering import render_number

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .reports import ProgressReport
    from .units import Assignment, Unit


def new_task_key() -> str:
    """Return a new stable task key (32 hex characters) used to find a task again in a ledger."""
    return uuid.uuid4().hex


class Plan(db.Model):
    """A policy document that assigns work (方案 / 文件)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    doc_number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(200))
    issued_on: Mapped[date | None]
    source_name: Mapped[str | None] = mapped_column(String(300))
    source_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    # Status lights and reporting (issue #5): yellow when due within ``warning_days`` days; each unit owes
    # one report per ``report_cycle`` period, due by ``report_day`` (day of the month, monthly cycle).
    warning_days: Mapped[int] = mapped_column(default=15)
    report_cycle: Mapped[ReportCycle] = mapped_column(_enum_column(ReportCycle), default=ReportCycle.MONTHLY)
    report_day: Mapped[int] = mapped_column(default=25)

    tasks: Mapped[list["Task"]] = relationship(
        back_populates="plan", order_by="Task.position", cascade="all, delete-orphan"
    )


def task_heading_text(title: str | None, text: str) -> str:
    """Return the short name of a task (Task.heading_text) from its title and text: the title,
    else the text's first 60 characters (and "…" when cut)."""
    if title:
        return title
    return text if len(text) <= 60 else text[:60] + "…"


class Task(db.Model):
    """One numbered measure of a plan, tracked with units, deadline, status and reports.

    ``path`` holds the numbering tokens from the root (["一", "（一）"]); ``position``
    is the measure's place in document order within its plan. A task with children
    is a heading (重点任务).
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(32), unique=True, default=new_task_key)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    path: Mapped[list[str]] = mapped_column(JSON)
    number: Mapped[str] = mapped_column(String(40))
    level: Mapped[int]
    position: Mapped[int]
    title: Mapped[str | None] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[str | None] = mapped_column(String(200))
    due_date: Mapped[date | None]
    # A quantified task (量化任务, issue 16): 目标值 and its 计量单位 as written ("%（较年初增长）",
    # "亿元"); both None for a task without a number. Reports carry the 完成值 (ProgressReport.achieved_value).
    target_value: Mapped[float | None]
    target_unit: Mapped[str | None] = mapped_column(String(40))
    # Indexed with withdrawn_at (ix_task_status_withdrawn_at below).
    status: Mapped[TaskStatus] = mapped_column(_enum_column(TaskStatus), default=TaskStatus.ASSIGNED)
    # Bumped on every change, so that an exported ledger can tell what changed since.
    version: Mapped[int] = mapped_column(default=1)
    # Set when a revised version of the plan no longer holds the measure (已撤销): the task is kept
    # with its reports and history, shown apart, and takes no more reports (services/plans/revision.py).
    withdrawn_at: Mapped[datetime | None]
    # Set on a sub-task (分解任务, issue 18): the task it was split from, for a child unit or an office of
    # the lead unit (services/plans/subtasks.py). Apart from the heading tree (``parent_id``): a split
    # task stays a task, not a heading; services/scope.py says what counts.
    split_from_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    # When the task was given to its units, its start of duty (workflow49): stamped (UTC) on a task added to a plan
    # after its import (a part split from a task, services/plans/subtasks.py; a measure a revision adds); None for
    # the measures a plan was imported with, whose start of duty is the plan's import (Plan.created_at, workflow50). A
    # task owes no report of a period whose report day came on or before its start, and counts in no 通报 of a day
    # before it (services/figures/facts.duty_start, ranking.owes_report).
    created_at: Mapped[datetime | None]

    plan: Mapped[Plan] = relationship(back_populates="tasks")
    parent: Mapped["Task | None"] = relationship(remote_side="Task.id", back_populates="children",
                                                 foreign_keys=[parent_id])
    children: Mapped[list["Task"]] = relationship(back_populates="parent", order_by="Task.position",
                                                  foreign_keys=[parent_id])
    split_from: Mapped["Task | None"] = relationship(remote_side="Task.id", back_populates="subtasks",
                                                     foreign_keys=[split_from_id])
    subtasks: Mapped[list["Task"]] = relationship(back_populates="split_from", order_by="Task.id",
                                                  foreign_keys=[split_from_id])
    assignments: Mapped[list["Assignment"]] = relationship(
        back_populates="task", order_by="Assignment.position", cascade="all, delete-orphan"
    )
    reports: Mapped[list["ProgressReport"]] = relationship(
        back_populates="task", order_by="ProgressReport.created_at.desc(), ProgressReport.id.desc()"
    )

    __mapper_args__ = {"version_id_col": version}
    # The quantified tasks only (a few of 10,000): the dashboard lists them on every request
    # (services/figures/quantified.py), without reading the whole table (issue 19).
    __table_args__ = (Index("ix_task_quantified", "plan_id", "position", sqlite_where=sql_text("target_value IS NOT NULL"),
                            postgresql_where=sql_text("target_value IS NOT NULL")),
                      # The badge counts the live tasks asking to close (申请办结) on every page: from the index
                      # alone, without reading each task's row for withdrawn_at and its id (issue 19, benchmarks
                      # item 27). A SQLite index holds the row id by itself; PostgreSQL's is given it.
                      Index("ix_task_status_withdrawn_at", "status", "withdrawn_at", postgresql_include=["id"]))

    @property
    def number_display(self) -> str:
        """Return the 序号 as shown in lists and ledgers (vocabulary.numbering.render_number):
        "一（一）", and "1.1" for the path ["1", "1.1"]."""
        return render_number(self.path)

    @property
    def heading_text(self) -> str:
        """Return the short name of the task: its title, else the start of its text."""
        return task_heading_text(self.title, self.text)

    @hybrid_property
    def is_heading(self) -> bool:
        """True when the task has sub-measures (a heading, 重点任务), withdrawn ones included.

        The one definition of a heading (services/scope.py reads it): a heading is never counted,
        listed as a task, exported as a ledger row, urged or owed a report, even when a revision
        withdrew all its sub-measures (it stays the measure the plan split). On an instance this
        reads ``children``; in a query, ``Task.is_heading`` is an EXISTS over the task's children.
        """
        return bool(self.children)

    @is_heading.inplace.expression
    @classmethod
    def _is_heading_expression(cls):
        child = aliased(Task)
        return exists().where(child.parent_id == cls.id)

    def units(self, role: AssignmentRole) -> list["Unit"]:
        """Return the units assigned in ``role``, in the order the plan names them."""
        return [a.unit for a in self.assignments if a.role is role]

    @property
    def lead_units(self) -> list["Unit"]:
        """The 牵头单位 (Unit rows) in the order the plan names them; empty for a heading."""
        return self.units(AssignmentRole.LEAD)

    @property
    def supporting_units(self) -> list["Unit"]:
        """The 配合单位 (Unit rows) in the order the plan names them; may be empty."""
        return self.units(AssignmentRole.SUPPORTING)


class ImportDraft(db.Model):
    """A plan being checked in the import preview, before anything is stored (services/plans/drafts.py).

    ``token`` names it in URLs (random, 32 hex characters); only ``owner`` may open it.
    ``data`` holds the working draft as JSON (plan fields, measures, warnings, sections);
    ``plan_id`` is set when it is a revised version of that plan (re-import). Deleted when
    confirmed or cancelled; drafts older than a day are deleted when the owner starts another.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True, default=new_task_key)
    owner_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"), index=True)
    source_name: Mapped[str | None] = mapped_column(String(300))
    data: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    updated_at: Mapped[datetime] = mapped_column(default=clock.stored_now, onupdate=clock.stored_now)
