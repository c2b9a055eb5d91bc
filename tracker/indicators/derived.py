"""Derived figures of one entity's indicator in one month, with the rule of each (CONTRACTS.md §8).

Inputs are plain numbers in the indicator's 计量单位; a figure that cannot be computed (no figure a
year before, no December figure, no target) is None.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date

#: A month written YYYY-MM (ASCII digits: the API documents the same pattern, tracker/api/schemas.PERIOD_PATTERN).
PERIOD = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")

#: The rule of each derived figure, printed beside it on the pages and in the bulletin.
RULES = {
    "yoy_pct": "同比增速 =（本月数 − 上年同月数）÷ 上年同月数 × 100%",
    "ytd_change": "比年初增减：余额指标 = 本月余额 − 上年12月末余额；累计指标 = 本年累计数",
    "schedule_target": "序时目标 = 年度目标 × 已过月数 ÷ 12",
    "completion_pct": "序时完成率 = 完成数（余额指标为比年初增减，累计指标为累计数）÷ 年度目标 × 100%",
    "shortfall": "欠账 = max(0, 序时目标 − 完成数)",
    "light": "状态灯：完成率落后序时进度（已过月数 ÷ 12）超过容差个百分点为红灯，落后但不超过为黄灯，否则绿灯",
}

#: Where a 同比增速 comes from (the one rule, said wherever one is missing): from the figures stored, never from a
#: table's own 同比 column, which each office computes its own way (and is read by indicators/workbook only to say so).
TABLE_YOY_RULE = "导入的数据表中自带的“同比”列不读取：同比增速一律由本系统按上年同月数计算，各机构口径一致"

#: The rule of a quantified task's 完成率, 序时进度 and light, printed where the light is shown.
TASK_SCHEDULE_RULE = ("量化任务：完成率 = 最近报送的完成值 ÷ 目标值 × 100%；序时进度 = 已过完的月数 ÷ 目标月数 × 100%"
                     "（目标月数：从完成时限所在年1月到完成时限所在月，没有到期日期的按本年12个月）；"
                     "完成率落后序时进度超过容差个百分点为红灯，落后但不超过为黄灯，否则绿灯（与指标同一规则）")


@dataclass(frozen=True)
class Derived:
    """The figures of CONTRACTS.md §8 for one entity, indicator and month (None: not computable)."""

    value: float | None
    yoy_pct: float | None
    ytd_change: float | None
    target: float | None
    schedule_target: float | None
    completion_pct: float | None
    shortfall: float | None

    def as_dict(self) -> dict:
        """The figures as a dict with CONTRACTS.md §8's keys, rounded to 2 decimals."""
        return {key: (None if number is None else round(number, 2)) for key, number in asdict(self).items()}


def months_elapsed(period: str) -> int:
    """The months of the year elapsed at the end of ``period`` ("YYYY-MM" → MM, 1..12). Raises ValueError
    for anything but four digits, a hyphen and a two-digit month 01..12 ("2024-7" is refused)."""
    if not PERIOD.fullmatch(period or ""):
        raise ValueError(f"期间“{period}”不是 YYYY-MM 格式的月份")
    return int(period[5:7])


def derive(period: str, stock: bool, value: float | None, same_month_last_year: float | None = None,
           last_december: float | None = None, target: float | None = None) -> Derived:
    """Compute the derived figures of ``value`` for ``period`` ("YYYY-MM").

    ``stock``: True for a balance (余额), False for a cumulative figure (累计, summed from January).
    ``same_month_last_year``: the figure of the same month a year before; ``last_december``: a
    balance's figure of the previous December; ``target``: the annual target (a balance's growth
    over the year, a cumulative figure's total). Rules: RULES; missing inputs give None.
    """
    yoy = None
    if value is not None and same_month_last_year not in (None, 0):
        yoy = (value - same_month_last_year) / abs(same_month_last_year) * 100
    if value is None:
        achieved = None
    elif stock:
        achieved = None if last_december is None else value - last_december
    else:
        achieved = value
    schedule = None if target is None else target * months_elapsed(period) / 12
    completion = None if achieved is None or not target else achieved / target * 100
    shortfall = None if achieved is None or schedule is None else max(0.0, schedule - achieved)
    return Derived(value=value, yoy_pct=yoy, ytd_change=achieved, target=target, schedule_target=schedule,
                   completion_pct=completion, shortfall=shortfall)


def light_for(period: str, completion_pct: float | None, tolerance_points: float = 5.0) -> str | None:
    """The 序时 light of an indicator's figure of ``period``: ``schedule_light`` with the elapsed share of
    the year (months ÷ 12 × 100) as the 序时进度 (RULES["light"])."""
    return schedule_light(months_elapsed(period) / 12 * 100, completion_pct, tolerance_points)


def schedule_light(schedule_pct: float, completion_pct: float | None, tolerance_points: float = 5.0) -> str | None:
    """THE 序时 light rule (indicators and quantified tasks): "red" when ``completion_pct`` is more than
    ``tolerance_points`` percentage points behind ``schedule_pct`` (the 序时进度, 0–100), "yellow" when
    behind by less, "green" when on or ahead of schedule, None without a completion rate (RULES["light"])."""
    if completion_pct is None:
        return None
    behind = schedule_pct - completion_pct
    if behind > tolerance_points:
        return "red"
    return "yellow" if behind > 0 else "green"


def task_schedule_pct(as_of: date, due_date: date | None) -> float:
    """The 序时进度 (0–100) of a quantified task on ``as_of`` (TASK_SCHEDULE_RULE): the months of its
    target span that are over ÷ the months of the span × 100. The span runs from January of the due
    date's year to the due date's month (no due date: January to December of ``as_of``'s year); a month
    counts once it is over (the current month does not), so the share is 0 before the span begins
    and 100 once its last month is over."""
    year = due_date.year if due_date else as_of.year
    last_month = due_date.month if due_date else 12
    months_over = (as_of.year * 12 + as_of.month - 1) - (year * 12)  # whole months since 1 January of ``year``
    return max(0, min(months_over, last_month)) / last_month * 100


def task_completion_pct(achieved: float | None, target: float | None) -> float | None:
    """A quantified task's 完成率 (%): 完成值 ÷ 目标值 × 100; None without either or with a target of 0."""
    if achieved is None or not target:
        return None
    return achieved / target * 100


def out_of_line(value: float, stock: bool, previous_month: float | None = None,
                same_month_last_year: float | None = None) -> str | None:
    """Why ``value`` looks wrong, or None: a negative figure, a balance that fell to half of last
    month's or less, growth over 100 % against the same month last year. The import shows the
    reason in its preview and stores nothing flagged unless the person confirms it."""
    if value < 0:
        return "数值为负"
    if stock and previous_month and previous_month > 0 and value <= previous_month / 2:
        return f"余额比上月（{previous_month:g}）减少一半以上"
    if same_month_last_year and same_month_last_year > 0 and (value - same_month_last_year) / same_month_last_year > 1:
        return f"同比增长超过 100%（上年同月 {same_month_last_year:g}）"
    return None
