"""Database models: plans, their tasks, units, assignments, progress reports, users.

Names follow GLOSSARY.md. Times are stored as naive UTC datetimes and shown in
Beijing time (UTC+8) by the templates; calendar dates (due dates, issue dates)
are plain dates.
"""
from __future__ import annotations

import enum
import uuid
from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, event, exists, false
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, aliased, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from .clock import utcnow
from .extensions import db


def new_task_key() -> str:
    """Return a new stable task key (32 hex characters) used to find a task again in a ledger."""
    return uuid.uuid4().hex


class Role(str, enum.Enum):
    """What a user may do; labels are the UI terms."""

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    LIAISON = "liaison"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        return {"admin": "管理员", "supervisor": "督办", "liaison": "联络员", "viewer": "领导（只读）"}[self.value]


class TaskStatus(str, enum.Enum):
    """办理状态 of a task along the 督办 workflow (issue #5): 交办 → 签收 → 推进 → 申请办结 → 办结.

    A task returned (退回) goes back to 推进中; overdue is a status light computed from
    dates (services/lights.py), never a stored status.
    """

    ASSIGNED = "assigned"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    CLOSE_REQUESTED = "close_requested"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @classmethod
    def from_label(cls, label: str) -> "TaskStatus":
        """Return the status written as ``label`` in a form or ledger cell.

        Accepts the labels of STATUS_LABELS and the synonyms of STATUS_SYNONYMS
        (e.g. 未启动, 已完成, 办结, as other offices' ledgers write them), ignoring
        surrounding spaces. Raises ValueError naming the text for anything else.
        """
        text = label.strip()
        for status, caption in STATUS_LABELS.items():
            if caption == text:
                return status
        if text in STATUS_SYNONYMS:
            return STATUS_SYNONYMS[text]
        raise ValueError(f"未知的完成状态：{text}")


STATUS_LABELS = {
    TaskStatus.ASSIGNED: "已交办",
    TaskStatus.ACKNOWLEDGED: "已签收",
    TaskStatus.IN_PROGRESS: "推进中",
    TaskStatus.CLOSE_REQUESTED: "申请办结",
    TaskStatus.CLOSED: "已办结",
}

# Other ways ledgers write a status (GLOSSARY.md: 未启动, 推进中, 已完成 (办结)); seen in 重庆 and 潍坊 ledgers.
STATUS_SYNONYMS = {
    "未启动": TaskStatus.ASSIGNED,
    "未开始": TaskStatus.ASSIGNED,
    "交办": TaskStatus.ASSIGNED,
    "签收": TaskStatus.ACKNOWLEDGED,
    "进行中": TaskStatus.IN_PROGRESS,
    "正在推进": TaskStatus.IN_PROGRESS,
    "推进": TaskStatus.IN_PROGRESS,
    "持续推进": TaskStatus.IN_PROGRESS,
    "已完成": TaskStatus.CLOSED,
    "完成": TaskStatus.CLOSED,
    "办结": TaskStatus.CLOSED,
    "已办结": TaskStatus.CLOSED,
}


class ReportCycle(str, enum.Enum):
    """How often each unit owes a progress report on a plan's tasks (报送周期)."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"

    @property
    def label(self) -> str:
        return {"weekly": "每周", "monthly": "每月", "quarterly": "每季度"}[self.value]


class Channel(str, enum.Enum):
    """Where a change came from, as the journal records it."""

    FORM = "form"
    IMPORT = "import"
    API = "api"
    CLI = "cli"
    SYSTEM = "system"

    @property
    def label(self) -> str:
        return {"form": "网页", "import": "台账导入", "api": "接口", "cli": "命令行", "system": "系统"}[self.value]


def _enum_column(enum_class: type[enum.Enum], length: int = 20):
    """Return a VARCHAR-backed Enum type storing the members' values (portable SQLite/PostgreSQL)."""
    return db.Enum(enum_class, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


class AssignmentRole(str, enum.Enum):
    """The part a unit plays in a task."""

    LEAD = "lead"
    SUPPORTING = "supporting"

    @property
    def label(self) -> str:
        return "牵头单位" if self is AssignmentRole.LEAD else "配合单位"


class Plan(db.Model):
    """A policy document that assigns work (方案 / 文件)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    doc_number: Mapped[str | None] = mapped_column(String(100))
    issuer: Mapped[str | None] = mapped_column(String(200))
    issued_on: Mapped[date | None]
    source_name: Mapped[str | None] = mapped_column(String(300))
    source_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
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
    status: Mapped[TaskStatus] = mapped_column(_enum_column(TaskStatus), default=TaskStatus.ASSIGNED)
    # Bumped on every change, so that an exported ledger can tell what changed since.
    version: Mapped[int] = mapped_column(default=1)
    # Set when a revised version of the plan no longer holds the measure (已撤销): the task is kept
    # with its reports and history, shown apart, and takes no more reports (services/plan_revision.py).
    withdrawn_at: Mapped[datetime | None]

    plan: Mapped[Plan] = relationship(back_populates="tasks")
    parent: Mapped["Task | None"] = relationship(remote_side="Task.id", back_populates="children")
    children: Mapped[list["Task"]] = relationship(back_populates="parent", order_by="Task.position")
    assignments: Mapped[list["Assignment"]] = relationship(
        back_populates="task", order_by="Assignment.position", cascade="all, delete-orphan"
    )
    reports: Mapped[list["ProgressReport"]] = relationship(
        back_populates="task", order_by="ProgressReport.created_at.desc(), ProgressReport.id.desc()"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def number_display(self) -> str:
        """Return the 序号 as shown in lists and ledgers: the path joined, e.g. "一（一）"."""
        return "".join(self.path)

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
        return self.units(AssignmentRole.LEAD)

    @property
    def supporting_units(self) -> list["Unit"]:
        return self.units(AssignmentRole.SUPPORTING)


class ImportDraft(db.Model):
    """A plan being checked in the import preview, before anything is stored (services/import_drafts.py).

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
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Unit(db.Model):
    """A department or institution that can be given work (单位 / 部门)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Set when an admin merged this unit into another (services/units.merge_units). The row stays,
    # because the append-only journal still names it; lists and look-ups skip it.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))

    aliases: Mapped[list["UnitAlias"]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="UnitAlias.alias"
    )
    merged_into: Mapped["Unit | None"] = relationship(remote_side="Unit.id")


class UnitAlias(db.Model):
    """Another written form of a unit (简称 / 别名), e.g. 中国人民银行重庆营业管理部 = 人行重庆营管部."""

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    alias: Mapped[str] = mapped_column(String(200), unique=True)

    unit: Mapped[Unit] = relationship(back_populates="aliases")


class Assignment(db.Model):
    """A unit given a task, as lead (牵头) or supporting (配合) unit."""

    __table_args__ = (UniqueConstraint("task_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("task.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    role: Mapped[AssignmentRole] = mapped_column(_enum_column(AssignmentRole))
    position: Mapped[int] = mapped_column(default=0)
    # 签收: when and by whom the unit acknowledged the task (issue #5); None while not signed.
    acknowledged_at: Mapped[datetime | None]
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    task: Mapped[Task] = relationship(back_populates="assignments")
    unit: Mapped[Unit] = relationship()
    acknowledged_by: Mapped["User | None"] = relationship()


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
    # The ledger import that filed the report (None for web, API and command-line reports): a revert
    # of that import removes exactly these reports (issue #4).
    import_id: Mapped[int | None] = mapped_column(ForeignKey("import_record.id"), index=True)

    task: Mapped[Task] = relationship(back_populates="reports")
    unit: Mapped[Unit | None] = relationship()
    author: Mapped["User | None"] = relationship()


class User(UserMixin, db.Model):
    """A person who signs in: a liaison of one unit, the supervising office, a viewer, an admin."""

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[Role] = mapped_column(_enum_column(Role))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Where reminders (催办) are e-mailed when mail is switched on (MAIL_ENABLED); optional.
    email: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Bumped by logout, a password change, a disable, a role change or a move to another unit: every
    # session signed in under an older value ends at its next request (SECURITY-TESTS.md B3, B4, A8).
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # Set for accounts whose password someone else generated (demo seed, an admin): every page leads to
    # the password-change page until the user has chosen their own (B9).
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())

    unit: Mapped[Unit | None] = relationship()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """Return what Flask-Login keeps in the session: "ID:SESSION_VERSION" (see auth/sessions.py)."""
        return f"{self.id}:{self.session_version}"

    def set_password(self, password: str) -> None:
        """Store a salted scrypt hash of ``password`` (werkzeug's default method)."""
        self.password_hash = generate_password_hash(password, method="scrypt")

    def check_password(self, password: str) -> bool:
        """Return True when ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    @property
    def sees_everything(self) -> bool:
        """True for the supervising office, admins and viewers: they see every plan and task."""
        return self.role in (Role.ADMIN, Role.SUPERVISOR, Role.VIEWER)


class ImportState(str, enum.Enum):
    """Whether a ledger import is in force or was reverted as a whole by the supervisor."""

    APPLIED = "applied"
    REVERTED = "reverted"

    @property
    def label(self) -> str:
        return {"applied": "已导入", "reverted": "已撤销"}[self.value]


class ImportRecord(db.Model):
    """One applied ledger import (台账导入记录): who, when, which file, what it changed (issue #4).

    ``batch`` is the id its journal entries carry; ``sha256`` the file's digest, and
    ``active_sha256`` the same while the import is applied (NULL once reverted): its unique
    constraint keeps one file from being applied twice, even by two requests at once.
    ``created_plan_id`` is the plan the import created, if any; a plain integer, not a foreign key,
    so that the record outlives the plan when a revert deletes it. ``report_unit_id``: the unit its
    progress reports were filed under (None when each row's lead unit reported).
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    batch: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    active_sha256: Mapped[str | None] = mapped_column(String(64), unique=True)
    mode: Mapped[str] = mapped_column(String(20))
    rows_read: Mapped[int] = mapped_column(default=0)
    created_count: Mapped[int] = mapped_column(default=0)
    updated_count: Mapped[int] = mapped_column(default=0)
    conflict_count: Mapped[int] = mapped_column(default=0)
    skipped_count: Mapped[int] = mapped_column(default=0)
    state: Mapped[ImportState] = mapped_column(_enum_column(ImportState), default=ImportState.APPLIED)
    created_plan_id: Mapped[int | None]
    target_plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"), index=True)
    report_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    reverted_at: Mapped[datetime | None]
    reverted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    user: Mapped["User | None"] = relationship(foreign_keys=[user_id])
    reverted_by: Mapped["User | None"] = relationship(foreign_keys=[reverted_by_id])
    report_unit: Mapped[Unit | None] = relationship()
    target_plan: Mapped[Plan | None] = relationship()


class JournalEntry(db.Model):
    """One change to a task or plan, kept for its history (操作日志); append-only.

    ``field`` names what changed ("status", "report", "deadline", "lead_units", ...; the
    captions are in services/history.py);
    ``old_value``/``new_value`` are the values as text. ``channel`` says where the change
    came from; ``batch`` groups the changes of one ledger import. Rows are never
    updated or deleted: a mapper event refuses it in the app, and database triggers
    (migration 4add7e67cd53) refuse it for any other client.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"), index=True)
    task_id: Mapped[int | None] = mapped_column(ForeignKey("task.id"), index=True)
    channel: Mapped[Channel] = mapped_column(_enum_column(Channel), default=Channel.FORM)
    batch: Mapped[str | None] = mapped_column(String(64), index=True)
    field: Mapped[str] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    ip: Mapped[str | None] = mapped_column(String(45))
    # The task's version after this change (stamped at flush by services/journal.py), so that a
    # conflict page can list the changes made since the version a form was read at.
    task_version: Mapped[int | None]
    # The unit a unit-private entry belongs to (a liaison's report, a reminder to a unit); None when
    # everyone who sees the task may see the entry (SECURITY-TESTS A10, services/permissions.py).
    subject_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    # Changes made on the admin pages concern a user or a unit rather than a task (task_id is then None).
    target_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    target_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)

    user: Mapped["User | None"] = relationship(foreign_keys=[user_id])
    unit: Mapped[Unit | None] = relationship(foreign_keys=[unit_id])
    subject_unit: Mapped[Unit | None] = relationship(foreign_keys=[subject_unit_id])
    task: Mapped[Task | None] = relationship()
    target_user: Mapped["User | None"] = relationship(foreign_keys=[target_user_id])
    target_unit: Mapped[Unit | None] = relationship(foreign_keys=[target_unit_id])


class LoginFailure(db.Model):
    """One failed sign-in, kept for the throttle (services/login_throttle.py), shared by all workers.

    ``username`` is what was typed (at most 80 characters, the form's limit), known user or not;
    ``ip`` the client's address. Rows older than a day are pruned as new failures come in.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    ip: Mapped[str | None] = mapped_column(String(45), index=True)
    created_at: Mapped[datetime] = mapped_column(index=True)


@event.listens_for(JournalEntry, "before_update")
@event.listens_for(JournalEntry, "before_delete")
def _journal_is_append_only(mapper, connection, target) -> None:
    raise RuntimeError("操作日志只能追加，不能修改或删除。")


class ApiToken(db.Model):
    """A bearer token for the JSON API (/api/v1/), acting with its user's rights (CONTRACTS.md §6).

    Only the SHA-256 of the token is stored (``token_hash``); the token itself is shown once when
    created. ``prefix`` (its first characters) names it in listings. A revoked token
    (``revoked_at`` set) is refused, as is any token of a disabled user.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()


# The 督办 workflow's own tables (extension requests, reminders, attachments) live in their own module.
from .models_workflow import Attachment, ExtensionRequest, ExtensionState, Reminder, ReminderLevel  # noqa: E402,F401
