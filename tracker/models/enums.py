"""The stored enumerations of the tracker's models, each a LabelledEnum (one labels table per enum).

Stored by code (the member's value) in VARCHAR columns (``_enum_column``); shown by ``.label``.
"""
from __future__ import annotations

import enum


from ..extensions import db
from ..labelled_enum import LabelledEnum
from ..vocabulary.statuses import status_synonym


class Role(LabelledEnum):
    """What a user may do; labels are the UI terms."""

    __caption__ = "角色"
    __labels__ = {"admin": "管理员", "supervisor": "督办", "liaison": "联络员", "viewer": "领导（只读）",
                  "leader": "单位负责人"}

    ADMIN = "admin"
    SUPERVISOR = "supervisor"
    LIAISON = "liaison"
    VIEWER = "viewer"
    # 单位负责人 / 分管领导 (issue 18): bound to one unit, sees its tasks, signs off (审核签发) its liaisons'
    # reports, close and extension requests where the unit's sign-off setting is on; reports nothing itself.
    LEADER = "leader"

    @property
    def needs_unit(self) -> bool:
        """True for the roles bound to one unit (liaison, unit leader): such an account needs a unit."""
        return self in (Role.LIAISON, Role.LEADER)


class TaskStatus(LabelledEnum):
    """办理状态 of a task along the 督办 workflow (issue #5): 交办 → 签收 → 推进 → 申请办结 → 办结.

    A task returned (退回) goes back to 推进中; overdue is a status light computed from
    dates (services/figures/lights.py), never a stored status.
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

    @classmethod
    def unknown_label_reason(cls, label: str, allowed: list["TaskStatus"] | None = None) -> str:
        """The Chinese reason a ledger row's 完成状态 ``label`` is refused (``from_label`` read nothing), in one sentence
        saying what to write instead. The one wording of every import.

        ``allowed``: the statuses the importing user may write in this row (services/workflow/transitions.
        ledger_statuses: the task's status, which changes nothing, and those the user may move it to), in TaskStatus
        order; None (a ledger that builds a new plan) lists every label and the kind of words other offices write
        that are read too."""
        if allowed is None:
            return (f"未知的完成状态“{label}”（可选：{'、'.join(cls.__labels__.values())}，"
                    "或未启动、推进中、已完成等写法）")
        if len(allowed) == 1:
            return (f"未知的完成状态“{label}”：您不能修改此行的完成状态，请填回“{allowed[0].label}”或留空，"
                    "进展写在“进展情况”中")
        how = "（申请办结须在“进展情况”中写明办结说明）" if cls.CLOSE_REQUESTED in allowed else ""
        return (f"未知的完成状态“{label}”：此行可填写{'、'.join(f'“{s.label}”' for s in allowed)}{how}，"
                "请改为其中之一，或留空不改")


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


class ImportState(LabelledEnum):
    """Whether a ledger import is in force or was reverted as a whole by the supervisor."""

    __caption__ = "导入状态"
    __labels__ = {"applied": "已导入", "reverted": "已撤销"}

    APPLIED = "applied"
    REVERTED = "reverted"


class UnitKind(LabelledEnum):
    """What a unit is (issue 18's hierarchy; CONTRACTS §10 names the labels in 类别):

    department (部门, the default: a 委/局/厅), district (区县: a lower-level government), office (处室:
    an office inside a department), institution (金融机构: a reporting entity of the indicators, issue 16)
    and group (组: a name standing for several units, e.g. 各区县〔自治县〕人民政府, whose members are its
    child units; a task led by a group is split to its members in one action, services/plans/subtasks.py).
    """

    __caption__ = "类别"
    __labels__ = {"department": "部门", "institution": "金融机构", "group": "组", "district": "区县",
                  "office": "处室"}

    DEPARTMENT = "department"
    INSTITUTION = "institution"
    GROUP = "group"
    DISTRICT = "district"
    OFFICE = "office"

    @property
    def takes_subtasks(self) -> bool:
        """Whether a unit of this kind may be given a sub-task (分解, services/plans/subtasks.py): a 部门, 区县, 处室
        or 组 takes work; a 金融机构 is a reporting entity of the indicators (an indicator import creates them by the
        hundred), never a unit a task is split to, whatever its place in the registry."""
        return self is not UnitKind.INSTITUTION
