"""Units (牵头/配合单位), their aliases, and their assignments to tasks."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..extensions import db
from .enums import AssignmentRole, UnitKind, _enum_column

if TYPE_CHECKING:  # relationship targets, resolved by SQLAlchemy's registry at run time
    from .people import User
    from .plans import Task


class Unit(db.Model):
    """A department or institution that can be given work (单位 / 部门)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)
    # Set when an admin merged this unit into another (services/accounts/units.merge_units). The row stays,
    # because the append-only journal still names it; lists and look-ups skip it.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    # department (部门, the default) or institution (金融机构: a reporting entity of the indicators, issue 16).
    kind: Mapped[UnitKind] = mapped_column(_enum_column(UnitKind), default=UnitKind.DEPARTMENT,
                                           server_default=UnitKind.DEPARTMENT.value)
    # The unit's place in the hierarchy (issue 18): 区县 under 各区县人民政府 (a group), 处室 under a 局,
    # banks under 人行. None: a top-level unit. Set on the registry page or by ``import-units``.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    # The area the unit serves (辖区), e.g. "重庆市": plan imports attach a plan for another city's area
    # to this unit only when asked (services/accounts/units.jurisdiction_of).
    jurisdiction: Mapped[str | None] = mapped_column(String(100))
    # 本单位报送须经领导审核签发 (issue 18): the office setting that makes its liaisons' reports, close and
    # extension requests drafts until its unit leader signs them (services/workflow/signoff.py).
    signoff_required: Mapped[bool] = mapped_column(default=False, server_default=false())

    aliases: Mapped[list["UnitAlias"]] = relationship(
        back_populates="unit", cascade="all, delete-orphan", order_by="UnitAlias.alias"
    )
    merged_into: Mapped["Unit | None"] = relationship(remote_side="Unit.id", foreign_keys=[merged_into_id])
    parent: Mapped["Unit | None"] = relationship(remote_side="Unit.id", foreign_keys=[parent_id],
                                                 back_populates="children")
    children: Mapped[list["Unit"]] = relationship(back_populates="parent", foreign_keys=[parent_id],
                                                  order_by="Unit.name")


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
