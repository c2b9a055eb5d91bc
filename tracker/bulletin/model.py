"""The bulletin (通报) as plain data: what the .docx, .xlsx and HTML writers put on paper. Pure."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from datetime import date

from ..indicators.ranking import NOTE_CAPTION, rank_note, rank_number
from ..periods import parse_period, period_label
from ..dates import chinese_date


def percent(value: float | None) -> str:
    """Return a fraction as a percentage with one decimal ("42.9%"), or "—" when there is none."""
    return "—" if value is None else f"{value * 100:.1f}%"


def unranked_note(units: list[str]) -> str:
    """The sentence naming ``units`` (names), left out of the ranking because they owed nothing this period, or ""
    when there are none: the 通报's (page, .docx, .xlsx) and the dashboard's one wording."""
    if not units:
        return ""
    return f"另有{len(units)}个单位本期没有应办结的牵头任务，也没有应报送的进展，不参加排名：{'、'.join(units)}。"


@dataclass
class Headline:
    """One headline figure: a caption, its value as printed, and the rule it follows (or "")."""

    caption: str
    value: str
    rule: str = ""


@dataclass
class RankingLine:
    """One unit's line of the ranking table (rates are fractions or None; ``rank`` None while nobody is ranked,
    ``tied`` when another unit shares it: services/figures/ranking.places_of)."""

    rank: int | None
    unit: str
    lead_tasks: int
    closed: int
    completion_rate: float | None
    reports_owed: int
    reports_on_time: int
    reports_late: int
    reports_missing: int
    punctuality: float | None
    overdue: int
    tied: bool = False


@dataclass
class MissingLine:
    """A unit that did not report: how many reports it owed, how many are missing, on which tasks."""

    unit: str
    owed: int
    missing: int
    tasks: list[str] = field(default_factory=list)


@dataclass
class TaskLine:
    """A task named in the bulletin: 序号, name, plan, lead units, due date; ``day`` is the closing date
    (tasks closed) or the days overdue are ``days``."""

    number: str
    title: str
    plan: str
    lead_units: str
    due_date: date | None
    day: date | None = None
    days: int | None = None


#: The 排名 column holds the rank as a number (sortable in the .xlsx; empty when not ranked), the last column
#: (``NOTE_CAPTION``, 并列/说明) says a shared one or why there is none (indicators/ranking.rank_number, rank_note;
#: workflow54-55).
RANKING_CAPTIONS = ["排名", "单位", "牵头任务", "已办结", "按期办结率", "应报送", "按时", "迟报", "未报", "报送及时率",
                    "逾期任务", NOTE_CAPTION]
MISSING_CAPTIONS = ["单位", "应报送次数", "未报送次数", "未报送的任务"]
OVERDUE_CAPTIONS = ["序号", "任务", "所属方案", "牵头单位", "完成时限", "逾期天数"]
#: The 欠账 section's columns: the amounts (本月数 … 欠账) are bare numbers in the indicator's 计量单位, which has its own
#: column as the ranking page (indicators/ranking.html) gives it in every amount's caption; one 通报 lists
#: indicators of different units (亿元, 万元), so the unit goes with the row, not the caption.
SHORTFALL_CAPTIONS = ["指标", "机构", "计量单位", "本月数", "年度目标", "序时目标", "完成数", "序时完成率", "欠账"]
OVERALL_CAPTIONS = ["名次", "机构", "综合得分"]
CLOSED_CAPTIONS = ["序号", "任务", "所属方案", "牵头单位", "完成时限", "办结日期"]


@dataclass
class ShortfallLine:
    """An institution behind its 序时目标 on one indicator (欠账较大, issue 16); figures in the indicator's unit."""

    indicator: str
    entity: str
    measure_unit: str
    value: float | None
    target: float | None
    schedule_target: float | None
    achieved: float | None
    completion_pct: float | None
    shortfall: float


@dataclass
class OverallLine:
    """An institution's line of the indicators' overall ranking (综合排名, tracker/indicators/ranking.OVERALL_RULE)."""

    rank: int
    entity: str
    score: float


@dataclass
class Bulletin:
    """A periodic bulletin: heading (title, 文号-like number, issuing office, date), figures and tables.

    ``as_of``: the day the figures are taken (the period's last day, or today within it).
    ``summary``: the paragraph generated from the figures (summary.make_summary).
    ``missing_note``: what section 三 says when no unit is missing a report (true on either side of the
    report day: "各单位均已按要求报送进展。" only when reports were owed).
    ``unranked``: names of the units with nothing to rank (ranking.RankRow.rankable), listed apart.
    ``ranking_note``: why the ranking table has no ranks (services/figures/ranking.no_ranking_note), or "".
    ``demo_note``: the sentence saying the figures rest on the demo's reports (services/seed.demo_figures_note), printed
    under the date line on the page, in the .docx and at the top of the .xlsx; "" for real figures (then left out of
    ``to_data``, so a bulletin published before the field existed keeps its fingerprint).
    ``rendered``: what a view rendered from the bulletin, {name: text}, kept with it while the bulletin is
    kept (services/figures/bulletin.py); a copy made with ``dataclasses.replace`` shares it. Not compared.
    """

    title: str
    number: str
    office: str
    issued_on: date
    period_key: str
    period_label: str
    as_of: date
    headlines: list[Headline]
    ranking: list[RankingLine]
    not_reported: list[MissingLine]
    overdue: list[TaskLine]
    closed: list[TaskLine]
    summary: str
    rules: dict[str, str] = field(default_factory=dict)
    missing_note: str = "各单位均已按要求报送进展。"
    unranked: list[str] = field(default_factory=list)
    ranking_note: str = ""
    shortfalls: list[ShortfallLine] = field(default_factory=list)
    overall: list[OverallLine] = field(default_factory=list)
    demo_note: str = ""
    rendered: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    #: What a section says when its table has no line: the page, the .docx and the .xlsx (in the empty sheet) print
    #: these words, and section 三's ``missing_note``.
    NO_RANKED = "本期没有纳入排名的单位。"
    NO_OVERDUE = "没有逾期未办结的任务。"
    NO_CLOSED = "本期没有办结的任务。"

    @property
    def date_line(self) -> str:
        """The line under the title: the date of issue and the day the figures are taken, "2026年12月6日（统计截至2026年
        11月30日）", as the page, the .docx and the .xlsx print it."""
        return f"{chinese_date(self.issued_on)}（统计截至{chinese_date(self.as_of)}）"

    @property
    def unranked_note(self) -> str:
        """Return the sentence naming the units left out of the ranking, or "" when none (``unranked_note``)."""
        return unranked_note(self.unranked)

    def ranking_rows(self) -> list[list[object]]:
        """Return the ranking table's rows as printed (captions: RANKING_CAPTIONS)."""
        return [[rank_number(r.rank), r.unit, r.lead_tasks, r.closed, percent(r.completion_rate), r.reports_owed,
                 r.reports_on_time, r.reports_late, r.reports_missing, percent(r.punctuality), r.overdue, rank_note(r.rank, r.tied)]
                for r in self.ranking]

    def missing_rows(self) -> list[list[object]]:
        """Return the rows of the table of units that did not report (MISSING_CAPTIONS)."""
        return [[m.unit, m.owed, m.missing, "；".join(m.tasks)] for m in self.not_reported]

    def overdue_rows(self) -> list[list[object]]:
        """Return the rows of the overdue tasks table (OVERDUE_CAPTIONS)."""
        return [[t.number, t.title, t.plan, t.lead_units, chinese_date(t.due_date), t.days] for t in self.overdue]

    def shortfall_rows(self) -> list[list[object]]:
        """Return the rows of the indicator section: the institutions with the largest 欠账 (SHORTFALL_CAPTIONS), the
        amounts as "0.83" (two decimals, "—" when unknown) with their 计量单位 ("亿元") in its own cell. The page, the
        .docx and the .xlsx all print these rows."""
        def number(value):
            return "—" if value is None else f"{value:.2f}"
        return [[s.indicator, s.entity, s.measure_unit, number(s.value), number(s.target), number(s.schedule_target),
                 number(s.achieved), "—" if s.completion_pct is None else f"{s.completion_pct:.1f}%",
                 number(s.shortfall)] for s in self.shortfalls]

    def overall_rows(self) -> list[list[object]]:
        """Return the rows of the indicators' overall ranking (OVERALL_CAPTIONS)."""
        return [[line.rank, line.entity, f"{line.score:.2f}"] for line in self.overall]

    @property
    def indicator_month_label(self) -> str:
        """The month of the indicator sections, "2026年12月": the last month of the bulletin's period
        (tracker/periods.parse_period of ``period_key``), as the sections are computed."""
        end = parse_period(self.period_key).end
        return period_label(f"{end.year}-{end.month:02d}")

    def indicator_sections(self) -> list[tuple[str, list[str], list[list[object]]]]:
        """Return the indicator sections after section 五, numbered on from 六, as (heading, captions,
        rows): the institutions with the largest 欠账, then the overall ranking; a section without rows
        is left out. The .docx, .xlsx and print writers all print these."""
        sections = []
        # The month the figures are of (the period's last: services/figures/bulletin._with_indicators) and the basis
        # of the ranking, in the heading: a quarter's 通报 ranks December, and a section quoted alone still says so.
        month = self.indicator_month_label
        if self.shortfalls:
            sections.append((f"金融指标欠账较大的机构（{month}）", SHORTFALL_CAPTIONS, self.shortfall_rows()))
        if self.overall:
            sections.append((f"金融指标综合排名（{month}，按同比增速）", OVERALL_CAPTIONS, self.overall_rows()))
        numerals = "六七八九"
        return [(f"{numerals[i]}、{heading}", captions, rows) for i, (heading, captions, rows) in enumerate(sections)]

    def to_data(self) -> dict:
        """Return the bulletin as plain JSON data (dates as ISO strings; ``rendered`` left out): what a published
        通报 keeps (models/bulletins.PublishedBulletin.data), read back by ``Bulletin.from_data``."""
        data = asdict(self)
        data.pop("rendered")
        if not data["demo_note"]:
            data.pop("demo_note")
        return _iso_dates(data)

    @classmethod
    def from_data(cls, data: dict) -> "Bulletin":
        """Return the bulletin ``to_data`` gave ``data`` (equal to the one written). Raises ValueError naming the
        field when ``data`` lacks one the bulletin needs or holds a date that is no ISO date."""
        try:
            values = {f.name: data[f.name] for f in fields(cls) if f.name != "rendered" and f.name in data}
            for name in ("issued_on", "as_of"):
                values[name] = date.fromisoformat(values[name])
            values["headlines"] = [Headline(**line) for line in values["headlines"]]
            values["ranking"] = [RankingLine(**line) for line in values["ranking"]]
            values["not_reported"] = [MissingLine(**line) for line in values["not_reported"]]
            values["overdue"] = [_task_line(line) for line in values["overdue"]]
            values["closed"] = [_task_line(line) for line in values["closed"]]
            values["shortfalls"] = [ShortfallLine(**line) for line in values.get("shortfalls", [])]
            values["overall"] = [OverallLine(**line) for line in values.get("overall", [])]
            return cls(**values)
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"已发布通报的数据不完整或已损坏（{error}）。") from None

    def closed_rows(self) -> list[list[object]]:
        """Return the rows of the table of tasks closed in the period (CLOSED_CAPTIONS)."""
        return [[t.number, t.title, t.plan, t.lead_units, chinese_date(t.due_date), chinese_date(t.day)]
                for t in self.closed]


def _iso_dates(value):
    """``value`` (lists and dicts of plain values) with every date written as an ISO string."""
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def _task_line(data: dict) -> TaskLine:
    """A TaskLine from its ``to_data`` form (its dates as ISO strings or None)."""
    values = dict(data)
    for name in ("due_date", "day"):
        values[name] = date.fromisoformat(values[name]) if values.get(name) else None
    return TaskLine(**values)
