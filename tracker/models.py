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
from .labelled_enum import LabelledEnum
from .vocabulary.statuses import status_synonym


def new_task_key() -> str:
    """Return a new stable task key (32 hex characters) used to find a task again in a ledger."""
    return uuid.uuid4().hex


class Role(LabelledEnum):
    """What a user may do; labels are the UI terms."""

    __caption__ = "角色"
    __labels__ = {"admin": "管理员", "supervisor": "督办", "liaison": "联络员", "viewer": "领导（只读）"}

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    LIAISON = "liaison"
    VIEWER = "viewer"


class TaskStatus(LabelledEnum):
    """办理状态 of a task along the 督办 workflow (issue #5): 交办 → 签收 → 推进 → 申请办结 → 办结.

    A task returned (退回) goes back to 推进中; overdue is a status light computed from
    dates (services/lights.py), never a stored status.
    """

    __caption__ = "完成状态"
    __labels__ = {"assigned": "已交办", "acknowledged": "已签收", "in_progress": "推进中",
                  "close_requested": "申请办结", "closed": "已办结"}

    ASSIGNED = "assigned"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    CLOSE_REQUESTED = "close_requested"
    CLOSED = "closed"

    @classmethod
    def from_label(cls, label: str) -> "TaskStatus":
        """Return the status written as ``label`` in a form or ledger cell.

        Accepts the labels of STATUS_LABELS and the synonyms other offices' ledgers write
        (未启动, 已完成, 办结, …: tracker/vocabulary/statuses.py), ignoring surrounding spaces.
        Raises ValueError naming the text for anything else.
        """
        text = label.strip()
        code = status_synonym(text)
        if code is not None:
            return cls(code)
        return super().from_label(text)


# {status: label}, for choices and legends; the labels themselves are TaskStatus.__labels__.
STATUS_LABELS = TaskStatus.labels()


class ReportCycle(LabelledEnum):
    """How often each unit owes a progress report on a plan's tasks (报送周期)."""

    __caption__ = "报送周期"
    __labels__ = {"weekly": "每周", "monthly": "每月", "quarterly": "每季度"}

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class Channel(LabelledEnum):
    """Where a change came from, as the journal records it."""

    __caption__ = "来源"
    __labels__ = {"form": "网页", "import": "台账导入", "api": "接口", "cli": "命令行", "system": "系统"}

    FORM = "form"
    IMPORT = "import"
    API = "api"
    CLI = "cli"
    SYSTEM = "system"


def _enum_column(enum_class: type[enum.Enum], length: int = 20):
    """Return a VARCHAR-backed Enum type storing the members' values (portable SQLite/PostgreSQL)."""
    return db.Enum(enum_class, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


class AssignmentRole(LabelledEnum):
    """The part a unit plays in a task."""

    __caption__ = "分工"
    __labels__ = {"lead": "牵头单位", "supporting": "配合单位"}

    LEAD = "lead"
    SUPPORTING = "supporting"


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


class ImportState(LabelledEnum):
    """Whether a ledger import is in force or was reverted as a whole by the supervisor."""

    __caption__ = "导入状态"
    __labels__ = {"applied": "已导入", "reverted": "已撤销"}

    APPLIED = "applied"
    REVERTED = "reverted"


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


class JournalField(LabelledEnum):
    """What a journal entry changed (``JournalEntry.field``), with its caption in the UI's words.

    The value is what ``journal_entry.field`` stores; the label what the history pages show
    (GLOSSARY.md). ``value_enum`` names the enumeration whose codes the entry's values are, for
    the fields whose values are coded (JournalEntry.old_code/new_code).
    """

    __caption__ = "操作项目"
    __labels__ = {
        # a task's workflow and reports (services/workflow.py, progress.py, reminders.py, ...)
        "status": "完成状态", "report": "报送进展", "attachment": "上传佐证材料", "acknowledge": "签收",
        "close_request": "申请办结", "review": "办结审核", "extension_request": "申请延期",
        "extension_decision": "延期审批", "reminder": "催办", "reminder_ack": "确认收到催办",
        "overwrite": "覆盖提交",
        # a task's fields (services/task_editing.py, plan_revision.py, units.py, imports)
        "deadline": "完成时限", "due_date": "到期日期", "title": "任务名称", "text": "任务内容",
        "lead_units": "牵头单位", "supporting_units": "配合单位", "units": "承办单位", "path": "序号",
        "created": "新建任务", "withdrawn": "撤销任务", "report_reverted": "撤销导入的进展",
        # a plan (services/import_drafts.py, plan_revision.py, reporting.py, ledger_import.py, ledger_revert.py)
        "plan": "新建方案", "plan_settings": "方案设置", "plan_title": "方案名称", "plan_doc_number": "文号",
        "plan_issuer": "发文单位", "plan_issued_on": "印发日期", "plan_revision": "方案修订",
        "plan_import": "导入台账", "plan_deleted": "删除方案",
        # accounts and units (services/accounts.py, units.py)
        "account": "创建账号", "role": "角色", "unit": "所属单位", "active": "账号状态", "password": "密码",
        "display_name": "显示名称", "email": "电子邮箱", "name": "单位名称", "alias": "别名", "merge": "合并单位",
    }

    STATUS = "status"
    REPORT = "report"
    ATTACHMENT = "attachment"
    ACKNOWLEDGE = "acknowledge"
    CLOSE_REQUEST = "close_request"
    REVIEW = "review"
    EXTENSION_REQUEST = "extension_request"
    EXTENSION_DECISION = "extension_decision"
    REMINDER = "reminder"
    REMINDER_ACK = "reminder_ack"
    OVERWRITE = "overwrite"
    DEADLINE = "deadline"
    DUE_DATE = "due_date"
    TITLE = "title"
    TEXT = "text"
    LEAD_UNITS = "lead_units"
    SUPPORTING_UNITS = "supporting_units"
    UNITS = "units"
    PATH = "path"
    CREATED = "created"
    WITHDRAWN = "withdrawn"
    REPORT_REVERTED = "report_reverted"
    PLAN = "plan"
    PLAN_SETTINGS = "plan_settings"
    PLAN_TITLE = "plan_title"
    PLAN_DOC_NUMBER = "plan_doc_number"
    PLAN_ISSUER = "plan_issuer"
    PLAN_ISSUED_ON = "plan_issued_on"
    PLAN_REVISION = "plan_revision"
    PLAN_IMPORT = "plan_import"
    PLAN_DELETED = "plan_deleted"
    ACCOUNT = "account"
    ROLE = "role"
    UNIT = "unit"
    ACTIVE = "active"
    PASSWORD = "password"
    DISPLAY_NAME = "display_name"
    EMAIL = "email"
    NAME = "name"
    ALIAS = "alias"
    MERGE = "merge"

    @property
    def value_enum(self) -> type[LabelledEnum] | None:
        """The enumeration whose codes this field's values are (None: values are free text)."""
        return _CODED_FIELDS.get(self.value)

    @classmethod
    def caption_of(cls, field: str) -> str:
        """Return the caption of the stored field name ``field`` (the name itself when unknown)."""
        return cls.__labels__.get(field, field)


# The journal fields whose values are enum members, stored by code (migration b7c41e9d2a10 filled the
# codes of the entries written before, from their labels).
_CODED_FIELDS: dict[str, type[LabelledEnum]] = {"status": TaskStatus, "role": Role}


def journal_value_text(field: str, code: str | None, text: str | None) -> str | None:
    """Return a journal value as people read it: the label of ``code`` in ``field``'s enumeration, else ``text``.

    The one place journal values become labels (history page, conflict page, admin pages). An
    unknown code (a member removed since) is shown as the code itself.
    """
    if code is None:
        return text
    enum_class = _CODED_FIELDS.get(field)
    try:
        return enum_class(code).label if enum_class is not None else code
    except ValueError:
        return code


class JournalEntry(db.Model):
    """One change to a task or plan, kept for its history (操作日志); append-only.

    ``field`` names what changed (a JournalField value: "status", "report", "deadline", ...).
    A value that is an enum member is stored by its code in ``old_code``/``new_code`` (e.g.
    "in_progress"), any other value as text in ``old_text``/``new_text`` (columns old_value,
    new_value); ``old_value``/``new_value`` read either as people read it (journal_value_text) —
    in SQL they are the text columns. ``channel`` says where the change came from; ``batch``
    groups the changes of one ledger import; ``reported_on`` is the day the source dates the
    change (a ledger's 填报日期), None when the change was made in the tracker (its day is
    ``created_at``'s). Rows are never updated or deleted: a mapper event refuses it in the app,
    and database triggers (migration 4add7e67cd53) refuse it for any other client. So that they
    outlive what they describe (a plan a revert deletes), ``task_id`` and ``plan_id`` are plain
    integers, not foreign keys (migration b7c41e9d2a10).
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    plan_id: Mapped[int | None] = mapped_column(index=True)
    task_id: Mapped[int | None] = mapped_column(index=True)
    channel: Mapped[Channel] = mapped_column(_enum_column(Channel), default=Channel.FORM)
    batch: Mapped[str | None] = mapped_column(String(64), index=True)
    field: Mapped[str] = mapped_column(String(50))
    old_text: Mapped[str | None] = mapped_column("old_value", Text)
    new_text: Mapped[str | None] = mapped_column("new_value", Text)
    old_code: Mapped[str | None] = mapped_column(String(50))
    new_code: Mapped[str | None] = mapped_column(String(50))
    reported_on: Mapped[date | None]
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
    task: Mapped[Task | None] = relationship(primaryjoin="foreign(JournalEntry.task_id) == Task.id")
    target_user: Mapped["User | None"] = relationship(foreign_keys=[target_user_id])
    target_unit: Mapped[Unit | None] = relationship(foreign_keys=[target_unit_id])

    @hybrid_property
    def old_value(self) -> str | None:
        """The old value as people read it (journal_value_text); in SQL, the stored text."""
        return journal_value_text(self.field, self.old_code, self.old_text)

    @old_value.inplace.expression
    @classmethod
    def _old_value_expression(cls):
        return cls.old_text

    @hybrid_property
    def new_value(self) -> str | None:
        """The new value as people read it (journal_value_text); in SQL, the stored text."""
        return journal_value_text(self.field, self.new_code, self.new_text)

    @new_value.inplace.expression
    @classmethod
    def _new_value_expression(cls):
        return cls.new_text

    @property
    def caption(self) -> str:
        """What changed, in the UI's words (JournalField's label; the stored name when unknown)."""
        return JournalField.caption_of(self.field)


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
