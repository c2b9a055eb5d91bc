"""Build the periodic bulletin (通报) of a month or quarter from the database (issue #6, CONTRACTS.md §7).

The figures are those of the dashboard (services/figures, services/ranking), taken as of the
period's last day, or today while the period runs. Tasks closed in the period come from the
journal's status changes to 已办结.

What is computed from the tasks (everything but the indicator sections, which read their own tables on
every request) is kept in the figures cache (services/figures/cache.py) with the ``cache.Snapshot`` it was
computed at, as the dashboard is, and brought forward while only reports, status changes and task edits were
written since that reach no further back than the day after the figures' date (``cache.changes_since``,
``Changes.before``): a report filed or a task closed today leaves last month's bulletin as it is, and a task
renamed or given a due date after that day changes only its lines (``_renamed``). Anything
else computes it again, from the kept task facts (facts.kept_facts), the kept names of the tasks
(``kept_names``) and the first reports read for it before (ranking.FirstReports.with_reports) when only
followed changes were written since.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlalchemy import distinct, func, select

from ...bulletin import (
    Bulletin,
    Headline,
    MissingLine,
    OverallLine,
    RankingLine,
    SummaryFigures,
    TaskLine,
    chinese_date,
    make_summary,
    percent,
    reports_due_text,
)
from ...extensions import db
from ...models import IndicatorFigure, Plan, Task, User, task_heading_text
from ...periods import Period, download_name, period_label
from ...settings import current_settings
from .dashboard import unit_names
from ..errors import InvalidInput
from ..collector import collecting_later
from .cache import Snapshot, changes_since, figures_cache, snapshot
from .facts import beijing_midnight_utc, kept_facts
from ..permissions import require
from .ranking import RULES, FirstReports, completion, no_ranking_note, obligations, rank_units, rate, reporting_so_far
from ..indicators.figures import indicator_shortfalls, overall_ranking, shift
from ...indicators import OVERALL_RULE, RULES as INDICATOR_RULES
from ...vocabulary.numbering import render_number

CHINESE_QUARTERS = "一二三四"


def bulletin_number(office: str, period: Period) -> str:
    """Return the 文号-like number of the bulletin of ``period``: 市金融办督办通报〔2026〕10号 for October,
    〔2026〕季4号 for the fourth quarter, 〔2026〕周47号 for week 47."""
    year, _, rest = period.key.partition("-")
    if rest.startswith("Q"):
        sequence = f"季{rest[1:]}"
    elif rest.startswith("W"):
        sequence = f"周{int(rest[1:])}"
    else:
        sequence = str(int(rest))
    return f"{office}督办通报〔{year}〕{sequence}号"


def bulletin_filename(bulletin: Bulletin, extension: str) -> str:
    """Return the file name offered for a download, e.g. 督办通报-2026年10月.docx (periods.download_name)."""
    return download_name("督办通报", bulletin.period_key, f".{extension}")


@dataclass(frozen=True)
class NamedTask:
    """What the bulletin names of a task: its 序号 (Task.number_display), short name
    (Task.heading_text), plan title and due date."""

    number_display: str
    heading_text: str
    plan_title: str
    due_date: date | None


def named_tasks(task_ids: list[int] | None) -> dict[int, NamedTask]:
    """Return ``{id: NamedTask}`` for ``task_ids`` (every task when None) in one query over bare columns (a
    bulletin can name thousands of tasks; loading them as ORM objects with their relations cost most of its time)."""
    if task_ids is not None and not task_ids:
        return {}
    query = select(Task.id, Task.path, Task.title, Task.text, Task.due_date, Plan.title).join(Plan, Plan.id == Task.plan_id)
    if task_ids is not None:
        query = query.where(Task.id.in_(task_ids))
    rows = db.session.connection().execute(query)  # Core rows: no ORM row processing over 10,000s of rows
    return {task_id: NamedTask(render_number(path), task_heading_text(title, text), plan_title, due_date)
            for task_id, path, title, text, due_date, plan_title in rows}


def kept_names(snap: Snapshot) -> dict[int, NamedTask]:
    """Return ``named_tasks(None)`` (every task's name) as it is at ``snap``, kept in the figures cache between
    requests: what a task's name is made of (序号, name, text, due date, its plan's title) moves only by an edit
    of the task (journalled: ``cache.Changes.edited_tasks``, read again) or by a change ``cache.changes_since``
    does not follow (a plan renamed, a plan revised: everything read again). Not to be changed by callers."""
    cache = figures_cache()
    key = ("names",)
    kept = cache.peek(key, count=False)
    if kept is not None:
        changes = changes_since(kept[0], snap)
        if changes is not None:
            names = kept[1]
            edited = changes.edited_tasks()
            if edited:
                names = {**names, **named_tasks(sorted(edited))}
            if kept[0] != snap:
                cache.put(key, (snap, names), count=False)
            return names
    names = named_tasks(None)
    cache.put(key, (snap, names), count=False)
    return names


def _line(task: NamedTask, names: dict[int, str], lead_ids: list[int]) -> TaskLine:
    return TaskLine(number=task.number_display, title=task.heading_text, plan=task.plan_title,
                    lead_units="、".join(names.get(u, "") for u in lead_ids), due_date=task.due_date)


class PeriodNotBegun(InvalidInput):
    """The period asked for starts after today: no 通报 of it yet (``build_bulletin``); said beside the period typed
    on the pages (发布通报: dashboard/published.publish_bulletin), 409 in the API."""


def build_bulletin(user: User, period: Period, today: date, office: str | None = None) -> Bulletin:
    """Return the bulletin of ``period`` as seen by ``user`` (the supervising office, a leader, an admin).

    ``office``: the issuing office's name (default: ``current_settings().supervising_office``).

    ``today``: Beijing date, the issue date; figures are taken as of min(period end, today).
    Raises PermissionDenied for a liaison, PeriodNotBegun (an InvalidInput) for a period that has not begun.
    A fixed number of queries (the facts, the units, the tasks named, one per reporting period).

    The task part is kept between requests (see the module's docstring: ``_kept_part``), so the result
    shares it with other requests: callers must not change it. Its ``rendered`` dict is where a view
    keeps the HTML it renders from that part (dashboard/routes.bulletin).
    """
    require(user.sees_everything, "通报只能由督办部门生成。")
    if period.start > today:
        raise PeriodNotBegun(f"{period.label}尚未开始，无法生成通报。请选择今天或以前的期间。")
    with collecting_later():
        part = _kept_part(user, period, today, office or current_settings().supervising_office)
        return _with_demo_note(_with_indicators(part, user, period), period, today)


def _kept_part(user: User, period: Period, today: date, office: str) -> Bulletin:
    """Return the bulletin without its indicator sections, kept in the figures cache (the module's docstring):
    the same for every user who sees everything (the only ones who may issue it)."""
    as_of = min(period.end, today)
    snap = snapshot()
    cache = figures_cache()
    key = ("bulletin", period.key, today, office)
    kept = cache.peek(key, count=False)
    first_reports = FirstReports()
    if kept is not None:
        changes = changes_since(kept[0], snap)
        if changes is not None and not changes.before(beijing_midnight_utc(as_of + timedelta(days=1))):
            cache.tally(hit=True)
            part = kept[1]
            if changes.edits:  # a name, a text or a due date after the bulletin's date: only its lines move
                part = _renamed(part, kept[3], kept_names(snap), unit_names())
            if kept[0] != snap:
                cache.put(key, (snap, part, kept[2].with_reports(changes.reports), kept[3]), count=False)
            return part
        if changes is not None:  # the first reports read for it, brought forward with the new reports
            first_reports = kept[2].with_reports(changes.reports)
    part, listed = _build_bulletin(user, period, today, office, snap, first_reports)
    cache.put(key, (snap, part, first_reports, listed))
    return part


@dataclass(frozen=True)
class _Listed:
    """The tasks a bulletin's lists name, by id, in its order (kept with it, so that an edit of their names
    rebuilds the lines only: ``_renamed``): ``overdue`` (task id, lead unit ids, days overdue), ``closed``
    (task id, lead unit ids, closing day), ``missing`` (unit id, task ids) in the order of ``not_reported``."""

    overdue: tuple[tuple[int, tuple[int, ...], int], ...]
    closed: tuple[tuple[int, tuple[int, ...], date], ...]
    missing: tuple[tuple[int, tuple[int, ...]], ...]


def _lines(listed: _Listed, tasks: dict[int, NamedTask], names: dict[int, str]):
    """Return the overdue lines, the closed lines and, per line of ``not_reported``, the tasks it names."""
    overdue_lines = []
    for task_id, lead_ids, days in listed.overdue:
        line = _line(tasks[task_id], names, list(lead_ids))
        line.days = days
        overdue_lines.append(line)
    closed_lines = []
    for task_id, lead_ids, day in listed.closed:
        line = _line(tasks[task_id], names, list(lead_ids))
        line.day = day
        closed_lines.append(line)
    missing = [[f"{tasks[t].number_display} {tasks[t].heading_text}" for t in dict.fromkeys(task_ids)]
               for _, task_ids in listed.missing]
    return overdue_lines, closed_lines, missing


def _renamed(part: Bulletin, listed: _Listed, tasks: dict[int, NamedTask], names: dict[int, str]) -> Bulletin:
    """Return ``part`` with its lines made again from ``tasks`` (after an edit that moves no figure as of its
    date: ``cache.Changes.before``); ``part`` stays as it is."""
    overdue_lines, closed_lines, missing = _lines(listed, tasks, names)
    return replace(part, overdue=overdue_lines, closed=closed_lines, rendered={},
                   not_reported=[replace(line, tasks=named) for line, named in zip(part.not_reported, missing)])


def _with_indicators(part: Bulletin, user: User, period: Period) -> Bulletin:
    """Return ``part`` with the indicator sections of ``period``'s last month and their rules (read on every
    request: the indicator tables are not in the snapshot); ``part`` stays as it is."""
    month = f"{period.end.year}-{period.end.month:02d}"
    shortfalls = indicator_shortfalls(user, month)
    combined = overall_ranking(user, month, "yoy").rows
    if not shortfalls and not combined:
        return part
    rules = dict(part.rules)
    if shortfalls:
        rules.update({f"indicator_{key}": rule for key, rule in INDICATOR_RULES.items()
                      if key in ("schedule_target", "completion_pct", "shortfall")})
    if combined:
        rules["indicator_overall"] = OVERALL_RULE.replace("按所选依据排名", "按同比增速排名")
    return replace(part, shortfalls=shortfalls, rules=rules,
                   overall=[OverallLine(row["rank"], row["entity"], row["score"]) for row in combined])


def _with_demo_note(part: Bulletin, period: Period, today: date) -> Bulletin:
    """Return ``part`` saying so when its figures count reports of the demo (filed from the period's first day to the
    bulletin's date: seed.demo_reports_between, read on every request as the indicator sections are); ``part`` as it
    is when they count none."""
    from ..seed import demo_figures_note, demo_reports_between

    note = demo_figures_note(demo_reports_between(period.start, min(period.end, today)))
    return replace(part, demo_note=note) if note else part


def indicators_left_out(bulletin: Bulletin, period: Period) -> str:
    """Why the indicator figures imported for ``period``'s last month are not in ``bulletin``, said to the supervising
    office on the 通报 page before it publishes (never in the document), or "" when nothing is left out.

    The bulletin's "金融指标综合排名" ranks by 同比增速 (``_with_indicators``), which needs the same month a year
    before: in the tracker's first month of figures the office imports its table, opens the 通报 and finds no word of
    its figures. Said only then (figures of the month, none of that month a year before), naming the month to import;
    as a Chinese sentence."""
    if bulletin.overall:
        return ""
    month = f"{period.end.year}-{period.end.month:02d}"
    year_before = shift(month, -12)
    entities = dict(db.session.execute(
        select(IndicatorFigure.period, func.count(distinct(IndicatorFigure.unit_id)))
        .where(IndicatorFigure.period.in_((month, year_before))).group_by(IndicatorFigure.period)).all())
    if not entities.get(month) or entities.get(year_before):
        return ""
    return (f"本通报不含“金融指标综合排名”：{period_label(month)}已有 {entities[month]} 家机构的指标数据，但综合排名按同比增速计算，"
            f"要用上年同月（{period_label(year_before)}）的数据，系统中还没有。导入{period_label(year_before)}的指标数据表后重新打开本页即可列入；"
            "不需要这一部分的，可直接发布。")


def _build_bulletin(user: User, period: Period, today: date, office: str, snap: Snapshot,
                    first_reports: FirstReports) -> tuple[Bulletin, _Listed]:
    as_of = min(period.end, today)
    facts = kept_facts(user, as_of, snap=snap)  # load_facts, kept between changes other than new reports
    names = unit_names()
    owed = obligations(facts, period, as_of, first_reports)
    so_far = reporting_so_far(facts, period, as_of, first_reports)
    ranked = rank_units(facts, period, as_of, owed=owed)

    overdue = [f for f in facts.tasks if f.overdue_on(as_of)]
    closed = [f for f in facts.tasks if f.closed_by(as_of) and f.closed_on is not None and period.contains(f.closed_on)]
    missing_by_unit: dict[int, list[int]] = {}
    owed_by_unit: dict[int, int] = {}
    for item in owed:
        owed_by_unit[item.unit_id] = owed_by_unit.get(item.unit_id, 0) + 1
        if item.state == "missing":
            missing_by_unit.setdefault(item.unit_id, []).append(item.task_id)
    tasks = kept_names(snap)

    missing_units = sorted(missing_by_unit, key=lambda u: (-len(missing_by_unit[u]), names.get(u, "")))
    listed = _Listed(
        overdue=tuple((f.id, tuple(f.lead_unit_ids), (as_of - f.due_date).days)
                      for f in sorted(overdue, key=lambda f: (f.due_date, f.id))),
        closed=tuple((f.id, tuple(f.lead_unit_ids), f.closed_on) for f in sorted(closed, key=lambda f: (f.closed_on, f.id))),
        missing=tuple((u, tuple(missing_by_unit[u])) for u in missing_units))
    overdue_lines, closed_lines, missing = _lines(listed, tasks, names)
    not_reported = [MissingLine(unit=names.get(unit_id, ""), owed=owed_by_unit[unit_id],
                                missing=len(missing_by_unit[unit_id]), tasks=named)
                    for unit_id, named in zip(missing_units, missing)]

    on_time_closed, due_or_closed = completion(facts.tasks, as_of)
    counts = {state: sum(1 for o in owed if o.state == state) for state in ("on_time", "late", "missing")}
    figures = SummaryFigures(
        as_of=as_of, period_label=period.label, total=len(facts.tasks),
        closed=sum(1 for f in facts.tasks if f.closed_by(as_of)), closed_in_period=len(closed),
        overdue=len(overdue), reports_owed=len(owed), reports_on_time=counts["on_time"],
        reports_late=counts["late"], reports_missing=counts["missing"],
        punctuality=rate(counts["on_time"], len(owed)), completion_rate=rate(on_time_closed, due_or_closed),
        leading_units=[r.unit for r in ranked if r.rank == 1], ranking_note=no_ranking_note(ranked, report_day_to_come=so_far.due is not None),
        not_reported_units=[m.unit for m in not_reported],
        overdue_lead_units=list(dict.fromkeys(
            names.get(u, "") for f in sorted(overdue, key=lambda f: (f.due_date, f.id)) for u in f.lead_unit_ids)),
        pending_due=so_far.due, pending_units=so_far.units, pending_units_reported=so_far.units_reported,
        pending_reports=so_far.reports, pending_reports_filed=so_far.reports_filed,
    )
    if owed:
        missing_note = "各单位均已按要求报送进展。"
    elif so_far.due is not None:
        missing_note = (f"本期进展报送日（{chinese_date(so_far.due)}）尚未到，暂无逾期未报送的单位；"
                        f"已有{so_far.units_reported}个单位报送齐全，共{so_far.units}个单位应报送。")
    else:
        missing_note = "本期没有到期的进展报送。"
    headlines = [
        Headline("纳入督办的任务", f"{figures.total} 项"),
        Headline("累计已办结", f"{figures.closed} 项"),
        Headline(f"{period.label}办结", f"{figures.closed_in_period} 项", "按操作日志中改为“已办结”的日期计。"),
        Headline("逾期未办结", f"{figures.overdue} 项", RULES["overdue"].replace("牵头任务数", "任务数")),
        Headline("按期办结率", f"{percent(figures.completion_rate)}（{on_time_closed}/{due_or_closed}）",
                 RULES["completion_rate"]),
        Headline("应报送进展", reports_due_text(figures)),
        Headline("按时 / 迟报 / 未报", f"{counts['on_time']} / {counts['late']} / {counts['missing']} 次"),
        Headline("报送及时率", percent(figures.punctuality), RULES["punctuality"]),
    ]
    return Bulletin(
        title=f"关于{period.label}重点任务督办情况的通报", number=bulletin_number(office, period), office=office,
        issued_on=today, period_key=period.key, period_label=period.label, as_of=as_of, headlines=headlines,
        ranking=[RankingLine(r.rank, r.unit, r.lead_tasks, r.closed, r.completion_rate, r.reports_owed,
                             r.reports_on_time, r.reports_late, r.reports_missing, r.punctuality, r.overdue, r.tied)
                 for r in ranked if r.rankable],
        not_reported=not_reported, overdue=overdue_lines, closed=closed_lines, summary=make_summary(figures),
        rules=dict(RULES), missing_note=missing_note, unranked=[r.unit for r in ranked if not r.rankable],
        ranking_note=figures.ranking_note,
    ), listed
