"""The bulletin's summary paragraph, written only from its figures (no invented text). Pure."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .model import chinese_date, percent


@dataclass
class SummaryFigures:
    """The figures the summary states: counts of tasks and reports, rates (fractions or None), unit names;
    ``leading_units`` the units ranked first (several: 并列), ``ranking_note`` why nobody is ranked (or "")."""

    as_of: date
    period_label: str
    total: int
    closed: int
    closed_in_period: int
    overdue: int
    reports_owed: int
    reports_on_time: int
    reports_late: int
    reports_missing: int
    punctuality: float | None
    completion_rate: float | None
    leading_units: list[str] = field(default_factory=list)
    ranking_note: str = ""
    not_reported_units: list[str] = field(default_factory=list)
    overdue_lead_units: list[str] = field(default_factory=list)
    pending_due: date | None = None
    pending_units: int = 0
    pending_units_reported: int = 0
    pending_reports: int = 0
    pending_reports_filed: int = 0


def reports_due_text(f: SummaryFigures) -> str:
    """The headline 应报送进展 of a bulletin, from the same figures as its summary: every report due in the
    period, those whose report day has passed (``reports_owed``, judged 按时/迟报/未报) and those whose
    day has not come (``pending_reports``), e.g. "57 次（其中 57 次报送日2026年12月25日未到，不计迟报、未报）"."""
    text = f"{f.reports_owed + f.pending_reports} 次"
    if f.pending_reports:
        text += f"（其中 {f.pending_reports} 次报送日{chinese_date(f.pending_due)}未到，不计迟报、未报）"
    return text


def make_summary(f: SummaryFigures) -> str:
    """Return the summary paragraph of a bulletin: one sentence per group of figures, in Chinese.

    Every number and name comes from ``f``; a sentence about an empty group is left out or says so.
    Reports are judged only once their report day has passed: "各单位均已按要求报送进展" is said only
    when reports were owed and none is missing; reports whose day has not come (``pending_*``) are
    counted as "reported so far", never as late or missing.
    """
    parts = [f"截至{chinese_date(f.as_of)}，纳入督办的任务共{f.total}项，已办结{f.closed}项，"
             f"其中{f.period_label}办结{f.closed_in_period}项；逾期未办结{f.overdue}项；"
             f"按期办结率{percent(f.completion_rate)}。"]
    if f.reports_owed:
        parts.append(f"{f.period_label}应报送进展{f.reports_owed}次，按时报送{f.reports_on_time}次，"
                     f"迟报{f.reports_late}次，未报{f.reports_missing}次，报送及时率{percent(f.punctuality)}。")
    elif f.pending_due is None and not f.ranking_note:  # else the ranking's note below says so (no_ranking_note)
        parts.append(f"{f.period_label}没有到期的进展报送。")
    if f.pending_due is not None:
        parts.append(f"{f.period_label}进展报送日为{chinese_date(f.pending_due)}，截至{chinese_date(f.as_of)}尚未到报送日："
                     f"应报送进展的{f.pending_units}个单位中已有{f.pending_units_reported}个单位报送齐全"
                     f"（已报送{f.pending_reports_filed}次，共应报送{f.pending_reports}次）。")
    if len(f.leading_units) > 1:
        parts.append(f"并列排名第一的单位：{'、'.join(f.leading_units)}。")
    elif f.leading_units:
        parts.append(f"排名第一的单位：{f.leading_units[0]}。")
    elif f.ranking_note:
        parts.append(f.ranking_note)
    if f.not_reported_units:
        parts.append(f"未按要求报送进展的单位：{'、'.join(f.not_reported_units)}，请于收到通报后及时补报。")
    elif f.reports_owed:
        parts.append("各单位均已按要求报送进展。")
    if f.overdue_lead_units:
        parts.append(f"逾期任务的牵头单位：{'、'.join(f.overdue_lead_units)}，请加快推进，尽快办结。")
    return "".join(parts)
