"""Reporting periods (报送周期): weeks, months and quarters as date ranges. Pure; no Flask, no database.

A period is written ``2026-10`` (month), ``2026-Q4`` (quarter) or ``2026-W43`` (ISO week),
the forms the ``bulletin --period`` command takes (CONTRACTS.md §7).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol


@dataclass(frozen=True)
class Period:
    """A closed date range ``start``..``end`` (both inclusive) with its written ``key`` and Chinese ``label``."""

    key: str
    start: date
    end: date

    @property
    def label(self) -> str:
        """Return the period as a bulletin writes it: 2026年10月, 2026年第四季度, 2026年第43周."""
        year, _, rest = self.key.partition("-")
        if rest.startswith("Q"):
            return f"{year}年第{'一二三四'[int(rest[1]) - 1]}季度"
        if rest.startswith("W"):
            return f"{year}年第{int(rest[1:])}周"
        return f"{year}年{int(rest)}月"

    def contains(self, day: date) -> bool:
        """Return True when ``day`` lies within the period."""
        return self.start <= day <= self.end

    def previous(self) -> "Period":
        """Return the period of the same kind just before this one."""
        kind = "weekly" if "W" in self.key else "quarterly" if "Q" in self.key else "monthly"
        return period_containing(kind, self.start - timedelta(days=1))


def _month_end(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def period_containing(cycle: str, day: date) -> Period:
    """Return the ``cycle`` period ("weekly", "monthly" or "quarterly") that contains ``day``.

    Raises ValueError for another cycle name.
    """
    if cycle == "monthly":
        return Period(f"{day.year}-{day.month:02d}", day.replace(day=1), _month_end(day.year, day.month))
    if cycle == "quarterly":
        quarter = (day.month - 1) // 3 + 1
        return Period(f"{day.year}-Q{quarter}", date(day.year, 3 * quarter - 2, 1), _month_end(day.year, 3 * quarter))
    if cycle == "weekly":
        iso_year, week, weekday = day.isocalendar()
        start = day - timedelta(days=weekday - 1)
        return Period(f"{iso_year}-W{week:02d}", start, start + timedelta(days=6))
    raise ValueError(f"unknown reporting cycle: {cycle!r}")


class ReportSettings(Protocol):
    """What ``report_due`` reads of a plan (models.Plan, services/figures/facts.PlanRow): its 报送周期 and 报送日."""

    report_cycle: str  # "weekly", "monthly" or "quarterly" (models.ReportCycle is a str enum)
    report_day: int


def report_due(plan: ReportSettings, period: Period) -> date:
    """Return the last day on which a unit's report for ``period`` (one of ``plan``'s cycle) is on time: the one
    rule of the report day (报送日), which the 报送情况 page, the reminders (send-reminders), the liaison's home,
    the 通报's ranking and 未报送 list and the month the 通报 page opens on all read.

    Weekly: the weekday ``report_day`` of the week (1 = Monday … 7 = Sunday, as the 报送设置 form asks for it);
    monthly: day ``report_day`` of the month; quarterly: of the quarter's last month; both capped at the month's
    last day (31 in February is the 28th or 29th). A ``report_day`` below 1 counts as 1, above 7 in a weekly plan
    (a plan made weekly before the form checked it) as Sunday.
    """
    day = max(plan.report_day, 1)
    if plan.report_cycle == "weekly":
        return period.start + timedelta(days=min(day, 7) - 1)
    return period.end.replace(day=min(day, period.end.day))


_PERIOD = re.compile(r"^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4])|W(0[1-9]|[1-4]\d|5[0-3]))$")


#: The years a period may name: a supervising office's months, never year 0 or beyond the calendar's end (where
#: ``date`` itself would fail with an English message).
MIN_YEAR, MAX_YEAR = 1900, 2999


def parse_period(text: str) -> Period:
    """Return the period written ``YYYY-MM``, ``YYYY-Qn`` or ``YYYY-Wnn`` (a year from MIN_YEAR to MAX_YEAR).

    Raises ValueError with a Chinese message saying which forms are accepted, or which part is out of range
    (a year outside MIN_YEAR–MAX_YEAR, a 53rd week in a year that has 52).
    """
    match = _PERIOD.match(text.strip())
    if not match:
        raise ValueError(f"无法识别的期间“{text}”：请写成 2026-10（月）、2026-Q4（季度）或 2026-W43（周）。")
    year = int(match.group(1))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"期间“{text.strip()}”的年份 {year} 不在 {MIN_YEAR}—{MAX_YEAR} 年之间：请写成如 2026-10 的期间。")
    if match.group(2):
        return period_containing("monthly", date(year, int(match.group(2)), 1))
    if match.group(3):
        return period_containing("quarterly", date(year, 3 * int(match.group(3)) - 2, 1))
    week = int(match.group(4))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValueError(f"{year}年没有第{week}周（该年只有52周）：请改为 {year}-W52 或下一年的 W01。") from None
    return period_containing("weekly", monday)


def period_label(key: str) -> str:
    """Return the period written ``key`` ("2026-11", "2026-Q4", "2026-W43") as people read it: "2026年11月",
    "2026年第四季度", "2026年第43周" (``Period.label``); ``key`` unchanged when it names no period (a page echoing
    what was typed). The one place a month is written for people: the pages, the 通报 and the names of the files
    downloaded (``download_name``) all read it. Never raises.
    """
    try:
        return parse_period(key).label
    except ValueError:
        return key


def download_name(stem: str, key: str, suffix: str, note: str = "") -> str:
    """Return the name of a file offered for download about the period ``key``: ``stem``, a hyphen, the period as
    people read it (``period_label``), then ``note`` and the ``suffix`` (with its dot), e.g.
    ``download_name("督办通报", "2026-11", ".docx", "-第2版")`` → "督办通报-2026年11月-第2版.docx". An office files
    these by month; "2026-11" in a name reads as a date to be converted, "2026年11月" as the month it is.
    """
    return f"{stem}-{period_label(key)}{note}{suffix}"
