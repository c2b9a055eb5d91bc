"""The journal (操作日志): append-only entries of every change, values stored as codes."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, event
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..extensions import db
from ..labelled_enum import LabelledEnum
from .enums import Channel, Role, TaskStatus, UnitKind, _enum_column

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .people import User
    from .plans import Task
    from .units import Unit


class JournalField(LabelledEnum):
    """What a journal entry changed (``JournalEntry.field``), with its caption in the UI's words.

    The value is what ``journal_entry.field`` stores; the label what the history pages show
    (GLOSSARY.md). ``value_enum`` names the enumeration whose codes the entry's values are, for
    the fields whose values are coded (JournalEntry.old_code/new_code).
    """

    __caption__ = "操作项目"
    __labels__ = {
        # a task's workflow and reports (services/workflow.py, progress.py, reminders.py, ...)
        "status": "完成状态", "report": "报送进展", "report_edit": "修改进展", "attachment": "上传佐证材料", "acknowledge": "签收",
        "close_request": "申请办结", "review": "办结审核", "extension_request": "申请延期",
        "extension_decision": "延期审批", "reminder": "催办", "reminder_ack": "确认收到催办",
        "reminder_digest": "每日催办提醒",
        # sign-off inside a unit (services/workflow/signoff.py, issue 18)
        "draft": "待签发", "signoff": "审核签发", "signoff_return": "退回修改",
        "overwrite": "覆盖提交",
        # a task's fields (services/plans/task_editing.py, plan_revision.py, units.py, imports)
        "deadline": "完成时限", "due_date": "到期日期", "title": "任务名称", "text": "任务内容",
        "target": "量化目标", "lead_units": "牵头单位", "supporting_units": "配合单位", "units": "承办单位", "path": "序号",
        "created": "新建任务", "withdrawn": "撤销任务", "report_reverted": "撤销导入的进展",
        # a plan (services/plans/drafts.py, plan_revision.py, reporting.py, ledger_import.py, ledger_revert.py)
        "plan": "新建方案", "plan_settings": "方案设置", "plan_title": "方案名称", "plan_doc_number": "文号",
        "plan_issuer": "发文单位", "plan_issued_on": "印发日期", "plan_revision": "方案修订",
        "plan_import": "导入台账", "plan_deleted": "删除方案",
        # accounts and units (services/accounts/users.py, units.py)
        "account": "创建账号", "role": "角色", "unit": "所属单位", "active": "账号状态", "password": "密码",
        "display_name": "显示名称", "email": "电子邮箱", "name": "单位名称", "alias": "别名", "merge": "合并单位",
        # the unit hierarchy and decomposition (issue 18: services/accounts/units.py, plans/subtasks.py)
        "unit_parent": "上级单位", "unit_kind": "单位类别", "jurisdiction": "辖区", "subtask": "分解任务",
        "signoff_required": "报送须经领导审核签发",
    }

    STATUS = "status"
    REPORT = "report"
    REPORT_EDIT = "report_edit"
    ATTACHMENT = "attachment"
    ACKNOWLEDGE = "acknowledge"
    CLOSE_REQUEST = "close_request"
    REVIEW = "review"
    EXTENSION_REQUEST = "extension_request"
    EXTENSION_DECISION = "extension_decision"
    REMINDER = "reminder"
    REMINDER_ACK = "reminder_ack"
    REMINDER_DIGEST = "reminder_digest"
    DRAFT = "draft"
    SIGNOFF = "signoff"
    SIGNOFF_RETURN = "signoff_return"
    OVERWRITE = "overwrite"
    DEADLINE = "deadline"
    DUE_DATE = "due_date"
    TITLE = "title"
    TEXT = "text"
    TARGET = "target"
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
    UNIT_PARENT = "unit_parent"
    UNIT_KIND = "unit_kind"
    JURISDICTION = "jurisdiction"
    SUBTASK = "subtask"
    SIGNOFF_REQUIRED = "signoff_required"

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
_CODED_FIELDS: dict[str, type[LabelledEnum]] = {"status": TaskStatus, "role": Role, "unit_kind": UnitKind}


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
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now, index=True)
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


@event.listens_for(JournalEntry, "before_update")
@event.listens_for(JournalEntry, "before_delete")
def _journal_is_append_only(mapper, connection, target) -> None:
    raise RuntimeError("操作日志只能追加，不能修改或删除。")
