"""Ranking of units (排名): on-time completion, report punctuality, overdue tasks, for a period.

The rules are written in ``RULES`` and shown beside the figures on the dashboard and in the
bulletin. Reporting duties follow the plan's settings (models.Plan: ``report_cycle``,
``report_day``): each unit assigned to a task owes one report per reporting period.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from ...extensions import db
from ...indicators.ranking import competition_ranks, rank_note, rank_number, shared_ranks
from ...models import Plan, ProgressReport, TaskStatus, Unit
from ...periods import Period, period_containing, report_due
from .facts import Facts, PlanRow, TaskFact, beijing_midnight_utc, closed_by, duty_start

RULES = {
    "completion_rate": "按期办结率 = 按期办结的牵头任务数 ÷ 应办结的牵头任务数。应办结：截至统计日完成时限已到或已经办结的任务；"
                       "按期：办结日期（操作日志中改为“已办结”的日期；由外单位台账导入的以台账的填报日期为准，没有填报日期的以导入日期为准）"
                       "不晚于完成时限，没有完成时限的任务办结即为按期；办结日期不明的任务不算按期。",
    "punctuality": "报送及时率 = 按时报送次数 ÷ 应报送次数。每个报送周期（按方案：每月、每季度或每周）内，任务的每个牵头、配合单位"
                   "应报送一次，截止日为方案规定的报送日（每月或季末月的第 N 日，每周为所设的星期几）；周期开始至截止日之间报送为按时，"
                   "截止日后、周期结束前报送为迟报，周期内没有报送为未报。只统计截止日在统计期间内、不晚于统计日的周期；"
                   "报送日前已办结的任务不计（办结即为其本期的最后一次报送；报送日当天或之后办结、周期内没有报送的，计为未报），"
                   "报送日当天或之后才导入的方案、才分解或新增的任务，本期也不计（自下一周期起应报送）。",
    "overdue": "逾期任务数 = 截至统计日尚未办结、完成时限已过的牵头任务数。",
    "ranking": "排名：默认按按期办结率从高到低，相同时依次比较报送及时率（高者在前）、逾期任务数（少者在前）；相同者并列（如 1、1、3），在“并列/说明”一栏注明“并列”（名次保持数字，可在 Excel 中排序）；"
               "没有应办结的牵头任务、也没有应报送进展的单位不参加排名，另行列出；"
               "各单位都还没有按期办结的任务、也没有按时报送的进展时（如期初、报送日前），不排名，名次一栏留空，列出各单位的数字，并在“并列/说明”一栏和表下注明原因（如“本期暂无报送”）。"
               "一项任务有多个牵头单位时分别计入各单位。",
}

SORTS = {"completion": "按期办结率", "punctuality": "报送及时率", "overdue": "逾期任务数"}


def obligation_periods(plan: Plan | PlanRow, period: Period, as_of: date) -> list[tuple[Period, date]]:
    """Return ``plan``'s reporting periods whose due day lies in ``period`` and not after ``as_of``,
    each with its due day; left out are the periods none of its tasks can owe: those whose report day came on or
    before the plan's import (``owes_report`` asked about a measure the plan was imported with, ``_plan_owes``;
    every other task of the plan starts later still)."""
    found = []
    current = period_containing(plan.report_cycle.value, period.start)
    while current.start <= period.end:
        due = report_due(plan, current)
        if period.start <= due <= period.end and due <= as_of and _plan_owes(plan, current, due):
            found.append((current, due))
        current = period_containing(plan.report_cycle.value, current.end + timedelta(days=1))
    return found


def upcoming_periods(plan: Plan | PlanRow, period: Period, as_of: date) -> list[tuple[Period, date]]:
    """Return ``plan``'s reporting periods that have begun by ``as_of`` and whose due day lies in
    ``period`` but after ``as_of`` (reports not owed yet), each with its due day; the counterpart of
    ``obligation_periods`` for the days before the report day."""
    found = []
    current = period_containing(plan.report_cycle.value, period.start)
    while current.start <= min(period.end, as_of):
        due = report_due(plan, current)
        if period.start <= due <= period.end and due > as_of and _plan_owes(plan, current, due):
            found.append((current, due))
        current = period_containing(plan.report_cycle.value, current.end + timedelta(days=1))
    return found


def _plan_owes(plan: Plan | PlanRow, current: Period, due: date) -> bool:
    """True when an open measure ``plan`` was imported with owes the report of ``current``, due on ``due``
    (``owes_report`` with the plan's import as its start of duty, facts.duty_start): the earliest a task of the plan
    can start, so a period it owes nothing owes nothing on any task of the plan."""
    return owes_report(TaskStatus.ASSIGNED, None, current, due, duty_start(None, plan.created_at))


@dataclass
class ReportingSoFar:
    """Reports not yet due in a period (before the report day): ``due`` the earliest report day still
    to come (None when none), ``units`` and ``reports`` the units and (task, unit) reports expected,
    ``units_reported`` and ``reports_filed`` how many of them have already reported."""

    due: date | None = None
    units: int = 0
    units_reported: int = 0
    reports: int = 0
    reports_filed: int = 0


def reporting_so_far(facts: Facts, period: Period, as_of: date, first_reports: FirstReports) -> ReportingSoFar:
    """Return who has reported so far for the reporting periods of ``period`` whose report day has not
    come by ``as_of`` (rules: RULES["punctuality"]; nobody is late before the report day, so these
    reports are counted apart from the owed ones). A unit counts as reported once it reported on
    every task it is expected to. The tasks and units expected are those of ``_duties``, the one rule
    of what is due, on the periods ``upcoming_periods`` gives instead of ``obligation_periods``."""
    result = ReportingSoFar()
    expected: dict[int, int] = {}
    filed_by_unit: dict[int, int] = {}
    for _, due, owing, filed, _ in _duties(facts, period, as_of, first_reports, upcoming_periods):
        result.due = due if result.due is None else min(result.due, due)
        for fact in owing:
            for unit_id in owing_units(fact):
                expected[unit_id] = expected.get(unit_id, 0) + 1
                if (fact.id, unit_id) in filed:
                    filed_by_unit[unit_id] = filed_by_unit.get(unit_id, 0) + 1
    result.units = len(expected)
    result.units_reported = sum(1 for unit_id, count in expected.items() if filed_by_unit.get(unit_id) == count)
    result.reports = sum(expected.values())
    result.reports_filed = sum(filed_by_unit.values())
    return result


class FirstReports:
    """The Beijing date of each unit's first report on each task within a period, one grouped query per
    period (cached), so the number of queries depends on the periods asked for, never on the rows."""

    def __init__(self, upto: int | None = None) -> None:
        self._cache: dict[tuple[date, date], dict[tuple[int, int], date]] = {}
        #: When set, a period read from the database counts only the reports up to this id (``as_of_report``).
        self.upto = upto

    def within(self, period: Period) -> dict[tuple[int, int], datetime]:
        """Return ``{(task_id, unit_id): stored (UTC) time of the first report}`` for reports filed in ``period``."""
        key = (period.start, period.end)
        if key not in self._cache:
            query = (
                # counted_at: when the report reached the supervising office, its signed time (issue 18)
                select(ProgressReport.task_id, ProgressReport.unit_id, func.min(ProgressReport.counted_at))
                .where(ProgressReport.counted_within(beijing_midnight_utc(period.start),
                                                     beijing_midnight_utc(period.end + timedelta(days=1))),
                       ProgressReport.unit_id.is_not(None))
                .group_by(ProgressReport.task_id, ProgressReport.unit_id))
            if self.upto is not None:
                query = query.where(ProgressReport.id <= self.upto)
            rows = db.session.execute(query)
            self._cache[key] = {(task_id, unit_id): first for task_id, unit_id, first in rows}
        return self._cache[key]

    def as_of_report(self, upto: int) -> "FirstReports":
        """Return a copy that answers as if no report above id ``upto`` existed: the periods already read as they
        are (they were read or brought forward when that was the last report), the others read without the
        later reports (reports are only added: services/figures/cache.changes_since). What a kept figure was
        computed from, for taking a task's part out of it (services/figures/dashboard._patched)."""
        copy = FirstReports(upto)
        copy._cache = dict(self._cache)
        return copy

    def with_reports(self, added) -> "FirstReports":
        """Return a copy that also holds the reports ``added`` (``cache.NewReport``s stored since these were
        read) in the periods already read, as if read again now (drafts and reports without a unit do
        not count, as in ``within``); unchanged periods are shared with ``self``, which stays the same."""
        copy = FirstReports()
        copy._cache = dict(self._cache)
        for (start, end), firsts in self._cache.items():
            low, high = beijing_midnight_utc(start), beijing_midnight_utc(end + timedelta(days=1))
            changed = None
            for report in added:
                at = report.counted_at
                if at is None or report.unit_id is None or not low <= at < high:
                    continue
                pair = (report.task_id, report.unit_id)
                known = (changed or firsts).get(pair)
                if known is None or at < known:
                    changed = changed if changed is not None else dict(firsts)
                    changed[pair] = at
            if changed is not None:
                copy._cache[(start, end)] = changed
        return copy


@dataclass
class Obligation:
    """One report owed by ``unit_id`` on ``task_id`` for the reporting period ``period_key``, due on ``due``;
    ``state`` is "on_time", "late" or "missing"."""

    task_id: int
    unit_id: int
    period_key: str
    due: date
    state: str


def owing_units(fact: TaskFact) -> list[int]:
    """The units that owe one report on a task in each reporting period (RULES["punctuality"]): each of
    its lead units, then each of its supporting units."""
    return fact.lead_unit_ids + fact.supporting_unit_ids


def owes_report(status: TaskStatus, closed_on: date | None, period: Period, due: date, starts_on: date | None) -> bool:
    """True when a task in ``status``, closed on ``closed_on`` (a Beijing date; None when the journal has no
    closing day), given to its units on ``starts_on`` (its start of duty, facts.duty_start: the day it was split
    or added, else its plan's import; None: unknown, owes from ever), owes the report of the reporting period
    ``period`` due on ``due`` (RULES["punctuality"]).

    Only a task given to its units before the period's report day owes its report (workflow50): one split, added or
    imported on the report day or after it owes nothing for that period and first owes the next one's (a part split
    on 11-25 when November's reports were due on 11-20 is not November's 未报送: its district could not have
    reported by a day already past). Decided so, rather than a grace of the plan's 预警天数 after the start, because
    the supervisor reads it off the calendar in one step (交办在报送日之前的，本期应报送), it holds whatever 预警天数
    a plan sets (0 included), and 预警天数 already means something else (how early a light turns yellow); a task
    given a day before the report day owes it, as a plan's measures owed it the day before.
    And none closed (已办结) before the report day, its closing being its last word for that period (a task
    closed on 11-05 owes nothing for a report due on 11-20). One closed on or after the report day owes it like any
    other task: on time, late or missing. A closed task without a closing day counts as closed since ever
    (``TaskFact.closed_by``).
    The one rule of who owes a period's report: ``_duties`` (the 通报, the ranking, the dashboard),
    services/figures/reporting.missing_reports (报送情况与催办, the reminders), the liaison's 本期应报送
    (dashboard.liaison_home), the closed task's 催办 (workflow/reminders.closed_task_owes) and the month the 通报 page
    opens on (publishing.preparing_period) ask it."""
    if starts_on is not None and starts_on >= due:
        return False
    return not closed_by(status, closed_on, due - timedelta(days=1))


def _duties(facts: Facts, period: Period, as_of: date, first_reports: FirstReports, periods=None):
    """Yield, for every reporting period with a due day in ``period`` (rules: RULES["punctuality"]),
    ``(reporting period, due day, tasks that owe a report, first reports filed in it, cutoff)``:
    the tasks are those of the plan that owe the period's report (``owes_report``: given to their units before
    its report day, not closed before it), each owing one report per
    assigned unit (``owing_units``); a first report is on time when stored before ``cutoff`` (the stored
    time at which the day after the due day begins). ``periods(plan, period, as_of)`` lists the reporting
    periods: ``obligation_periods`` (the default: report day come) or ``upcoming_periods`` (not yet)."""
    periods = periods or obligation_periods
    by_plan: dict[int, list[TaskFact]] = {}
    for fact in facts.tasks:
        by_plan.setdefault(fact.plan_id, []).append(fact)
    for plan_id, tasks in by_plan.items():
        for cycle_period, due in periods(facts.plans[plan_id], period, as_of):
            owing = [fact for fact in tasks
                     if owes_report(fact.status, fact.closed_on, cycle_period, due, fact.starts_on)]
            yield (cycle_period, due, owing, first_reports.within(cycle_period),
                   beijing_midnight_utc(due + timedelta(days=1)))


def owed_reports(facts: Facts, period: Period, as_of: date, first_reports: FirstReports):
    """Yield ``(task_id, unit_id, reporting period, due day, state)`` for every report owed in ``period``
    (rules: RULES["punctuality"]); ``state`` is "on_time", "late" or "missing"."""
    for cycle_period, due, owing, filed, cutoff in _duties(facts, period, as_of, first_reports):
        for fact in owing:
            for unit_id in owing_units(fact):
                first = filed.get((fact.id, unit_id))
                state = "missing" if first is None else "on_time" if first < cutoff else "late"
                yield fact.id, unit_id, cycle_period, due, state


def obligations(facts: Facts, period: Period, as_of: date, first_reports: FirstReports) -> list[Obligation]:
    """Return every report owed in ``period`` (rules: RULES["punctuality"]) with whether it came on time."""
    return [Obligation(task_id, unit_id, cycle_period.key, due, state)
            for task_id, unit_id, cycle_period, due, state in owed_reports(facts, period, as_of, first_reports)]


def punctuality_counts(facts: Facts, period: Period, as_of: date, first_reports: FirstReports) -> tuple[int, int]:
    """Return ``(reports owed, reports on time)`` in ``period``, without listing them (the same duties
    as ``owed_reports``, counted in a plain loop: the trends count tens of thousands of them)."""
    owed = on_time = 0
    for _, _, owing, filed, cutoff in _duties(facts, period, as_of, first_reports):
        for fact in owing:
            units = owing_units(fact)
            owed += len(units)
            for unit_id in units:
                first = filed.get((fact.id, unit_id))
                if first is not None and first < cutoff:
                    on_time += 1
    return owed, on_time


def completion(tasks: list[TaskFact], as_of: date) -> tuple[int, int]:
    """Return ``(closed on time, due or closed)`` among ``tasks`` as of ``as_of`` (RULES["completion_rate"]).

    On time needs proof: a closing day (TaskFact.closed_on, figures.closing_days) no later than the
    due date. The closing day of a task a ledger import created or closed is the 填报日期 of another
    office's ledger (ledger_changes.ImportContext.reported_on), else the day of the import; both are the latest day the task can have been closed, so a task
    counts as on time only when even that day is not after its deadline. A closed task whose closing
    day is unknown (no journal entry: imported before imports were journalled) counts as due or
    closed, never as on time. A task without a due date is on time once closed.
    """
    due_or_closed = on_time = 0
    for fact in tasks:
        closed = fact.closed_by(as_of)
        if closed or (fact.due_date is not None and fact.due_date <= as_of):
            due_or_closed += 1
            if closed and (fact.due_date is None or (fact.closed_on is not None and fact.closed_on <= fact.due_date)):
                on_time += 1
    return on_time, due_or_closed


def rate(part: int, whole: int) -> float | None:
    """Return ``part / whole`` as a fraction, or None when ``whole`` is 0."""
    return part / whole if whole else None


class Rates:
    """The two rates of RULES, from counts a figure carries: ``completion_rate`` (按期办结率,
    on_time_closed / due_or_closed) and ``punctuality`` (报送及时率, reports_on_time / reports_owed);
    each a fraction, or None when nothing was due. Mixed into a unit's ranking line and a month's trend."""

    on_time_closed: int
    due_or_closed: int
    reports_owed: int
    reports_on_time: int

    @property
    def completion_rate(self) -> float | None:
        return rate(self.on_time_closed, self.due_or_closed)

    @property
    def punctuality(self) -> float | None:
        return rate(self.reports_on_time, self.reports_owed)


@dataclass
class RankRow(Rates):
    """One unit's line of the ranking (rules: RULES)."""

    unit_id: int
    unit: str
    lead_tasks: int = 0
    closed: int = 0
    on_time_closed: int = 0
    due_or_closed: int = 0
    reports_owed: int = 0
    reports_on_time: int = 0
    reports_late: int = 0
    reports_missing: int = 0
    overdue: int = 0
    rank: int | None = None
    #: True when another unit shares ``rank`` (并列, RULES["ranking"]).
    tied: bool = False

    @property
    def place(self) -> int | str:
        """The rank cell as the tables print it (``indicators.ranking.rank_number``): 2, or "" when not ranked."""
        return rank_number(self.rank)

    @property
    def note(self) -> str:
        """The 并列/说明 cell (``indicators.ranking.rank_note``): "并列" when another unit shares the rank, why when
        the unit has none ("暂不排名（原因见表下说明）": ``no_ranking_note`` under the table), else ""."""
        return rank_note(self.rank, self.tied)

    @property
    def achieved(self) -> bool:
        """True when the unit has something to be ranked first for: a lead task closed on time or a report
        filed on time (RULES["ranking"]: while no unit has, nobody is ranked)."""
        return self.on_time_closed > 0 or self.reports_on_time > 0

    @property
    def rankable(self) -> bool:
        """True when the unit has a rate to rank by (RULES["ranking"]): a lead task due or closed, or a
        report owed. A unit with neither is listed apart, never ranked as a tie of the last place."""
        return self.due_or_closed > 0 or self.reports_owed > 0


def sort_key(sort: str):
    """Return the function giving a RankRow's place in the ranking by ``sort`` (a key of SORTS; any other:
    "completion"): a tuple, the unit's name last, so that no two units' are equal; the figures before it decide
    ties (``ranking_places``)."""
    return _sort_key(sort if sort in SORTS else "completion")


def _sort_key(sort: str):
    def missing_last(value: float | None) -> tuple[int, float]:
        return (1, 0.0) if value is None else (0, -value)

    def key(row: RankRow):
        completion_key = missing_last(row.completion_rate)
        punctuality_key = missing_last(row.punctuality)
        if sort == "punctuality":
            return punctuality_key, completion_key, row.overdue, row.unit
        if sort == "overdue":
            return row.overdue, completion_key, punctuality_key, row.unit
        return completion_key, punctuality_key, row.overdue, row.unit
    return key


def rank_units(facts: Facts, period: Period, as_of: date, sort: str = "completion",
               first_reports: FirstReports | None = None, owed: list[Obligation] | None = None) -> list[RankRow]:
    """Return one RankRow per unit assigned to a task in ``facts``, sorted by ``sort`` (a key of SORTS).

    Ranks are competition ranks (1, 1, 3; tracker/indicators/ranking.competition_ranks): units equal on all the sort's figures share a rank, the
    next unit's rank counts them all. Only units with something to rank (RankRow.rankable) are ranked;
    the others follow with ``rank`` None, in name order. Two queries at most: the unit
    names, and the first reports of each reporting period (``first_reports`` can share them).
    """
    names = dict(db.session.execute(select(Unit.id, Unit.name)).all())
    rows: dict[int, RankRow] = {}

    def row(unit_id: int) -> RankRow:
        if unit_id not in rows:
            rows[unit_id] = RankRow(unit_id, names.get(unit_id, ""))
        return rows[unit_id]

    for fact in facts.tasks:
        for unit_id in fact.supporting_unit_ids:
            row(unit_id)
        for unit_id in fact.lead_unit_ids:
            line = row(unit_id)
            line.lead_tasks += 1
            on_time, due_or_closed = completion([fact], as_of)
            line.on_time_closed += on_time
            line.due_or_closed += due_or_closed
            line.closed += fact.closed_by(as_of)
            line.overdue += fact.overdue_on(as_of)
    if owed is None:
        owed = obligations(facts, period, as_of, first_reports or FirstReports())
    for item in owed:
        line = row(item.unit_id)
        line.reports_owed += 1
        line.reports_on_time += item.state == "on_time"
        line.reports_late += item.state == "late"
        line.reports_missing += item.state == "missing"
    return ranked_in_order(list(rows.values()), sort)


def ranked_in_order(rows: list[RankRow], sort: str) -> list[RankRow]:
    """Return ``rows`` in ranking order with their ``rank`` set (see ``rank_units``; ranks are set on the rows)."""
    ordered = ranking_places(rows, sort)
    for line, place, tied in ordered:
        line.rank, line.tied = place, tied
    return [line for line, _, _ in ordered]


def ranking_places(rows: list[RankRow], sort: str) -> list[tuple[RankRow, int | None, bool]]:
    """Return ``rows`` in ranking order, each with the rank it takes (None: not ranked, ``RankRow.rankable``, or
    nobody ranked: ``places_of``) and whether it shares it (并列), without
    changing them (see ``rank_units`` for the order and the ranks; a patched board keeps the lines that did not move
    as they were: services/figures/dashboard._patched)."""
    key = sort_key(sort)
    return places_of(sorted(((key(line), line) for line in rows if line.rankable), key=lambda pair: pair[0]),
                     [line for line in rows if not line.rankable])


def places_of(keyed: list[tuple[tuple, RankRow]],
              unranked: list[RankRow]) -> list[tuple[RankRow, int | None, bool]]:
    """Return the lines of ``keyed`` ((``sort_key`` of the line, line) in ranking order) with their competition
    ranks and whether each is shared (并列), then those of ``unranked`` by unit name without a rank (see
    ``ranking_places``). While no line of ``keyed`` has achieved anything (``RankRow.achieved``: everyone at 0 %
    or without a rate), nobody is ranked: the lines keep their order without a rank (RULES["ranking"], and
    ``no_ranking_note`` says why)."""
    if any(line.achieved for _, line in keyed):
        ranks = competition_ranks([key[:-1] for key, _ in keyed])
    else:
        ranks = [None] * len(keyed)
    return [(line, rank, tied) for (_, line), rank, tied in zip(keyed, ranks, shared_ranks(ranks))] + \
        [(line, None, False) for line in sorted(unranked, key=lambda line: line.unit)]


def no_ranking_note(rows: list[RankRow], report_day_to_come: bool = True) -> str:
    """Return the sentence printed instead of ranks when units had something to rank but nobody was ranked
    (``places_of``: no task closed on time, no report on time), else "". Why, as a 督查室's 通报 says it: "本期暂无报送"
    when reports were owed and none came, "本期暂无按时报送" when only late ones came, and when nothing was owed either
    that the report day has not come (``report_day_to_come``: a report day of the period is after its 统计日, so reports
    filed early count from that day on; ``reporting_so_far(...).due``) or that no report fell due in the period at all
    (a month over before the plan was imported, a quarter's month without its report day). The dashboard, always on
    the current month, keeps the default: its report day is still to come while nothing is owed."""
    rankable = [line for line in rows if line.rankable]
    if not rankable or any(line.rank is not None for line in rankable):
        return ""
    if not any(line.reports_owed for line in rankable):
        reports = "本期报送日未到，尚无计入排名的报送" if report_day_to_come else "本期没有到期的进展报送"
    elif any(line.reports_late for line in rankable):
        reports = "本期暂无按时报送"
    else:
        reports = "本期暂无报送"
    return f"{reports}，也没有按期办结的牵头任务，各单位暂不排名（表中为各单位本期的数字）。"
