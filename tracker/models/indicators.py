"""Indicators (指标监测, issue 16): what is measured, the monthly figures per reporting entity, annual targets.

A reporting entity is a Unit of kind ``institution`` (金融机构: 商业银行, 保险公司, …). Figures are
stored in the indicator's own 计量单位 (亿元 for the three seeded indicators); the workbook reader
scales 万元 tables on the way in. Periods are months written "YYYY-MM".
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .. import clock
from ..extensions import db
from ..labelled_enum import LabelledEnum
from .enums import _enum_column
from .people import User
from .units import Unit


class IndicatorKind(LabelledEnum):
    """余额 (a stock, read at the month's end) or 累计 (a flow summed from January)."""

    __caption__ = "指标类型"
    __labels__ = {"stock": "余额", "flow": "累计"}

    STOCK = "stock"
    FLOW = "flow"


class IndicatorDirection(LabelledEnum):
    """Whether a higher figure is better (存款、贷款) or a lower one (不良率)."""

    __caption__ = "方向"
    __labels__ = {"higher": "越高越好", "lower": "越低越好"}

    HIGHER = "higher"
    LOWER = "lower"


class IndicatorFrequency(LabelledEnum):
    """How often the figures are reported."""

    __caption__ = "报送频率"
    __labels__ = {"monthly": "每月", "quarterly": "每季度"}

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"


class Indicator(db.Model):
    """A measured figure (指标), e.g. 人民币存款余额 in 亿元, a stock, higher is better, monthly."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    measure_unit: Mapped[str] = mapped_column(String(20))  # 计量单位: 亿元, 万元, %, 户, 笔
    kind: Mapped[IndicatorKind] = mapped_column(_enum_column(IndicatorKind))
    direction: Mapped[IndicatorDirection] = mapped_column(_enum_column(IndicatorDirection))
    frequency: Mapped[IndicatorFrequency] = mapped_column(_enum_column(IndicatorFrequency))
    position: Mapped[int] = mapped_column(default=0)
    # 权重 of the overall ranking (tracker/indicators/ranking.OVERALL_RULE), set by the office; 0: left out.
    weight: Mapped[float] = mapped_column(default=1.0, server_default="1")
    created_at: Mapped[datetime] = mapped_column(default=clock.stored_now)


class IndicatorFigure(db.Model):
    """One entity's figure of one indicator for one month (in the indicator's 计量单位)."""

    __table_args__ = (UniqueConstraint("unit_id", "indicator_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id"), index=True)
    period: Mapped[str] = mapped_column(String(7), index=True)  # "YYYY-MM"
    value: Mapped[float]
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    entered_at: Mapped[datetime] = mapped_column(default=clock.stored_now)

    unit: Mapped[Unit] = relationship()
    indicator: Mapped[Indicator] = relationship()
    entered_by: Mapped[User | None] = relationship()


class IndicatorTarget(db.Model):
    """An entity's annual target (年度目标) of one indicator: the year's growth for a stock, the year's total for a flow."""

    __table_args__ = (UniqueConstraint("unit_id", "indicator_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id"), index=True)
    year: Mapped[int]
    target: Mapped[float]

    unit: Mapped[Unit] = relationship()
    indicator: Mapped[Indicator] = relationship()
