"""The supervisor's dashboard and the liaison's home: counts, ranking, trends, task lists.

Every figure is computed from ``figures.load_facts`` (five bulk queries) plus a fixed number of
grouped queries, so a page costs the same number of SQL statements for 10 tasks or 10,000
(tests/web/test_dashboard.py counts them). Rules of each figure: ``COUNT_RULES`` and ranking.RULES.
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import joinedload, selectinload

from ...extensions import db
from ...models import Assignment, ProgressReport, Task, TaskStatus, Unit, User
from ...pagination import paginate, paginate_list
from ...periods import Period, period_containing, report_due
from ..collector import collecting_later
from .cache import Snapshot, changes_since, figures_cache, snapshot
from .facts import (
    Facts,
    TaskFact,
    TaskFilters,
    beijing_midnight_utc,
    kept_facts,
    load_facts,
    scope_query,
)
from .lights import Light
from ..permissions import require
from ..scope import viewer_scope
from ..workflow.progress import latest_reports
from .ranking import (
    FirstReports,
    RankRow,
    Rates,
    completion,
    owed_reports,
    owes_report,
    places_of,
    punctuality_counts,
    rank_units,
    sort_key,
)

COUNT_RULES = {
    "light": "灯色：已办结为绿灯；完成时限已过为红灯；距完成时限不超过方案预警天数（默认 15 天），或本报送周期内没有任何进展报送为黄灯；其余为绿灯。",
    "overdue": "逾期：尚未办结、完成时限早于今天的任务。",
    "unreported": "本期未报送：本期应报送进展（在方案当前报送周期（本月、本季度或本周）的报送日之前交办，且未在报送日之前办结）、"
                  "本期内还没有任何单位报送进展的任务；报送日当天或之后才分解、新增的任务自下一期起计。",
    "per_unit": "按牵头单位统计；一项任务有多个牵头单位时分别计入各单位。只统计具体任务，不含下设条目的重点任务标题。",
    "trend": "趋势：每月月末（本月为今天）的情况；本月办结按操作日志中改为“已办结”的日期计，报送次数为当月报送的进展条数。",
}


@dataclass
class CountRow:
    """Counts of tasks for one plan or unit (``key``: its id, 0 for the total line)."""

    key: int
    label: str
    total: int = 0
    by_status: dict[TaskStatus, int] = field(default_factory=lambda: {s: 0 for s in TaskStatus})
    by_light: dict[Light, int] = field(default_factory=lambda: {light: 0 for light in Light})
    overdue: int = 0
    unreported: int = 0

    def add(self, fact: TaskFact, facts: Facts) -> None:
        """Count ``fact`` in this line."""
        self.add_alike(signature(fact, facts), 1)

    def add_alike(self, sign: tuple, count: int) -> None:
        """Count ``count`` tasks whose ``signature`` is ``sign`` in this line."""
        status, light, overdue, unreported = sign
        self.total += count
        self.by_status[status] += count
        self.by_light[light] += count
        self.overdue += overdue * count
        self.unreported += unreported * count


def signature(fact: TaskFact, facts: Facts) -> tuple:
    """Return what a CountRow counts of ``fact``: (status, light, overdue today, unreported this period).

    Tasks with the same signature count alike, so the counts group the signatures first (``Counter``,
    in C) and add each group once: about 20 groups per plan instead of one call per task and line."""
    return fact.status, fact.light, fact.overdue_on(facts.today), fact.id in facts.unreported


def count_by_plan(facts: Facts) -> list[CountRow]:
    """Return one CountRow per plan with tasks in ``facts``, in plan order."""
    rows: dict[int, CountRow] = {}
    groups = Counter((fact.plan_id, signature(fact, facts)) for fact in facts.tasks)
    for (plan_id, sign), count in groups.items():
        if plan_id not in rows:
            rows[plan_id] = CountRow(plan_id, facts.plans[plan_id].title)
        rows[plan_id].add_alike(sign, count)
    return [rows[key] for key in sorted(rows)]


def count_by_unit(facts: Facts, names: dict[int, str]) -> list[CountRow]:
    """Return one CountRow per lead unit (COUNT_RULES["per_unit"]), by unit name."""
    rows: dict[int, CountRow] = {}
    groups = Counter((unit_id, sign) for fact in facts.tasks if fact.lead_unit_ids
                     for sign in (signature(fact, facts),) for unit_id in fact.lead_unit_ids)
    for (unit_id, sign), count in groups.items():
        if unit_id not in rows:
            rows[unit_id] = CountRow(unit_id, names.get(unit_id, ""))
        rows[unit_id].add_alike(sign, count)
    return sorted(rows.values(), key=lambda row: row.label)


def count_total(facts: Facts) -> CountRow:
    """Return the counts over all tasks of ``facts`` (each task once)."""
    total = CountRow(0, "合计")
    for sign, count in Counter(signature(fact, facts) for fact in facts.tasks).items():
        total.add_alike(sign, count)
    return total


def narrow_facts(whole: Facts, user: User, filters: TaskFilters) -> Facts:
    """Return the facts of ``whole`` (loaded for ``user`` with at most the plan filter of ``filters``)
    that match all of ``filters``: the same as ``load_facts(user, whole.today, filters)``, in the same
    order, with one query (the ids matching ``filters``) instead of five, since a task's facts do not
    depend on the filters."""
    ids = set(db.session.scalars(scope_query(user, filters)))
    tasks = [fact for fact in whole.tasks
             if fact.id in ids and (filters.light is None or fact.light is filters.light)]
    return Facts(whole.today, tasks, whole.plans, {fact.id for fact in tasks} & whole.unreported)


@dataclass
class TrendPoint(Rates):
    """The figures of one month (``as_of``: its last day, or today for the current month)."""

    period: Period
    as_of: date
    closed: int
    reports: int
    overdue: int
    on_time_closed: int
    due_or_closed: int
    reports_owed: int
    reports_on_time: int


def last_months(today: date, count: int) -> list[Period]:
    """Return the ``count`` months ending with the month of ``today``, oldest first."""
    months = [period_containing("monthly", today)]
    while len(months) < count:
        months.insert(0, months[0].previous())
    return months


def trend(user: User, facts: Facts, months: list[Period], first_reports: FirstReports,
          filters: TaskFilters | None = None, snap: Snapshot | None = None) -> list[TrendPoint]:
    """Return one TrendPoint per month of ``months`` (COUNT_RULES["trend"]); ``facts``: those of
    ``user`` and ``filters`` as of ``facts.today``.

    The months that ended before the current month are settled: their figures are kept in the
    figures cache (``settled_points``), so after a new report only the current month is computed again.
    One query counts the reports of every month still to compute (a CASE sum per month); the reporting
    duties use ``first_reports`` (one grouped query per reporting period). ``snap``: ``cache.snapshot()``
    when the caller read it already.
    """
    filters = filters or TaskFilters()
    current_start = period_containing("monthly", facts.today).start
    snap = snap or snapshot()
    found = settled_points(user, months, filters, facts.today, snap)
    todo = [month for month in months if month.key not in found]
    counts = report_counts(todo, ProgressReport.task_id.in_(scope_query(user, filters))) if todo else []
    computed = {}
    cache = figures_cache()
    for month, reports in zip(todo, counts):
        as_of = min(month.end, facts.today)
        point = TrendPoint(period=month, as_of=as_of, reports=int(reports or 0),
                           **month_figures(facts, month, as_of, first_reports))
        computed[month.key] = point
        if month.end < current_start:
            cache.put(_settled_key(user, month, filters, current_start), (snap, point))
    return [found.get(month.key) or computed[month.key] for month in months]


def report_counts(months: list[Period], *where) -> list[int]:
    """Return the number of reports counted in each of ``months`` (consecutive, oldest first) among the reports
    matching ``where`` (COUNT_RULES["trend"]).

    Each report counts in the month it reached the supervising office (ProgressReport.counted_at): by its
    created_at where no sign-off was needed, by its signed_at where it was signed (issue 18). Two statements,
    each reading its own index, rather than one CASE over every report."""
    counts = [0] * len(months)
    for at, which in ProgressReport.counted_parts():
        sums = [func.sum(case((and_(at >= beijing_midnight_utc(m.start),
                                    at < beijing_midnight_utc(m.end + timedelta(days=1))), 1), else_=0))
                for m in months]
        part = db.session.execute(
            select(*sums).where(at >= beijing_midnight_utc(months[0].start),
                                at < beijing_midnight_utc(months[-1].end + timedelta(days=1)), which, *where)).one()
        counts = [total + int(n or 0) for total, n in zip(counts, part)]
    return counts


def month_figures(facts: Facts, month: Period, as_of: date, first_reports: FirstReports) -> dict[str, int]:
    """Return the figures of ``month`` as of ``as_of`` over ``facts`` (COUNT_RULES["trend"], ranking.RULES) but its
    report count: each is a sum over the tasks, so the figures of a few tasks can be taken out and put back
    (``_patched``). A task given to its units after ``as_of`` counts in none of them (``TaskFact.assigned_by``; the
    reports it owes: ranking.owes_report), as in that month's 通报."""
    tasks = [fact for fact in facts.tasks if fact.assigned_by(as_of)]
    on_time, due_or_closed = completion(tasks, as_of)
    owed, owed_on_time = punctuality_counts(facts, month, as_of, first_reports)
    closed = overdue = 0
    for fact in tasks:  # one pass: closed in the month, overdue at its end
        if fact.closed_by(as_of):
            closed += fact.closed_on is not None and fact.closed_on >= month.start
        else:
            overdue += fact.overdue_on(as_of)
    return {"closed": closed, "overdue": overdue, "on_time_closed": on_time, "due_or_closed": due_or_closed,
            "reports_owed": owed, "reports_on_time": owed_on_time}


def _settled_key(user: User, month: Period, filters: TaskFilters, current_start: date) -> tuple:
    scope = viewer_scope(user)
    return ("settled", current_start, ("trend", month.key, scope, tuple(sorted(filters.as_args().items()))))


def settled_points(user: User, months: list[Period], filters: TaskFilters, today: date,
                   snap: Snapshot) -> dict[str, TrendPoint]:
    """Return ``{month key: TrendPoint}`` of the months of ``months`` that ended before today's month and
    whose kept figures still hold at ``snap`` (each kept hit counted; the others are not returned).

    A settled month's figures hold while only reports and status changes were written since they were
    computed, none of them reaching back before the current month (``cache.changes_since``,
    ``Changes.before``): a report filed today, or a task closed today, leaves them alone, while every
    change to what they are computed from (a reopened task, a due date or parent, a closing dated in the
    past, assignments, plans and their settings, units and merges, a backdated report, a removed one)
    computes them again. Kept points are stored again with ``snap`` so that the
    next check reads only what was written after it.
    """
    current_start = period_containing("monthly", today).start
    cutoff = beijing_midnight_utc(current_start)
    cache = figures_cache()
    found = {}
    for month in months:
        if month.end >= current_start:
            continue
        key = _settled_key(user, month, filters, current_start)
        kept = cache.peek(key, count=False)
        if kept is None:
            continue
        changes = changes_since(kept[0], snap)
        if changes is None or changes.before(cutoff):
            continue
        cache.tally(hit=True)
        if kept[0] != snap:
            cache.put(key, (snap, kept[1]), count=False)
        found[month.key] = kept[1]
    return found


def unit_names() -> dict[int, str]:
    """Return ``{unit id: name}`` for every unit (one query)."""
    return dict(db.session.execute(select(Unit.id, Unit.name)).all())


@dataclass
class Dashboard:
    """Everything the supervisor's dashboard shows (see build_dashboard)."""

    today: date
    period: Period
    filters: TaskFilters
    facts: Facts
    total: CountRow
    by_plan: list[CountRow]
    by_unit: list[CountRow]
    ranking: list[RankRow]
    sort: str
    trend: list[TrendPoint]
    #: HTML rendered from this board by the view, kept with it (the board is cached): {name: HTML}.
    rendered: dict[str, str] = field(default_factory=dict)
    #: The data the board was computed at (cache.Snapshot), and the first reports of the reporting periods
    #: its ranking and current month read (ranking.FirstReports): what ``_patched`` starts from.
    snapshot: Snapshot | None = None
    first_reports: FirstReports | None = None
    #: ``ranking.sort_key`` of each ranked line of ``ranking`` (those with a rank, first), in order: kept so that a
    #: patched board puts back only the lines a change moved (``_reranked``).
    ranking_keys: tuple = ()


def build_dashboard(user: User, today: date, filters: TaskFilters | None = None, sort: str = "completion",
                    months: int = 6, snap: Snapshot | None = None) -> Dashboard:
    """Return the dashboard for ``user`` as of Beijing date ``today``.

    Counts follow all ``filters``; the ranking (for the current month, as of today) and the
    trends (the last ``months`` months) follow only the plan filter, since they compare units
    over all their tasks. Raises PermissionDenied for a liaison (the dashboard names every unit).
    The result is kept in the figures cache (services/figures/cache.py) for the same day, filters, sort
    and months with the ``cache.Snapshot`` of the data it was computed at; it must not be changed by
    callers; its ``facts.plans`` is empty. When the data are the same it is returned as it is; when only
    progress reports, status changes and edits of a task's name, text and deadline were written since
    (``cache.changes_since``) and the board has
    no filter but the plan's, it is patched with them (``_patched``: only the tasks and units they touch
    are counted again); otherwise it is computed again. ``snap``: ``cache.snapshot()`` when the caller read it
    already (dashboard/routes.py keeps the page under it).
    """
    require(user.sees_everything, "督办总览只对督办部门和领导开放；联络员请在首页查看本单位任务。")
    filters = filters or TaskFilters()
    key = ("dashboard", today, tuple(sorted(filters.as_args().items())), sort, months)
    snap = snap or snapshot()
    cache = figures_cache()
    kept = cache.peek(key, count=False)
    if kept is not None and kept.snapshot == snap:
        cache.tally(hit=True)
        return kept
    with collecting_later():
        board = None
        if kept is not None and filters == TaskFilters(plan_id=filters.plan_id):
            board = _patched(kept, user, snap)
        if board is None:
            board = _dashboard_figures(user, today, filters, sort, months, snap)
    cache.put(key, board)
    return board


def _dashboard_figures(user: User, today: date, filters: TaskFilters, sort: str, months: int,
                       snap: Snapshot) -> Dashboard:
    """Compute what build_dashboard returns (for a user who sees everything: the same for all of them)."""
    names = unit_names()
    plan_only = TaskFilters(plan_id=filters.plan_id)
    whole = kept_facts(user, today, filters.plan_id, snap)  # load_facts, kept between changes but reports
    # The ranking and the trend follow the plan and the 层级 (issue 18: read per level), not the other filters.
    level = TaskFilters(plan_id=filters.plan_id, level=filters.level)
    if level != plan_only:
        plan_only, whole = level, narrow_facts(whole, user, level)
    facts = whole if filters == plan_only else narrow_facts(whole, user, filters)
    first_reports = FirstReports()
    period = period_containing("monthly", today)
    ranking = rank_units(whole, period, today, sort, first_reports)
    key = sort_key(sort)
    return Dashboard(
        today=today, period=period, filters=filters,
        facts=Facts(facts.today, facts.tasks, {}, facts.unreported, facts.index),  # kept without ORM plans (cached)
        total=count_total(facts),
        by_plan=count_by_plan(facts), by_unit=count_by_unit(facts, names),
        ranking=ranking, sort=sort, ranking_keys=tuple(key(line) for line in ranking if line.rankable),
        trend=trend(user, whole, last_months(today, months), first_reports, plan_only, snap),
        snapshot=snap, first_reports=first_reports,
    )


def _patched(board: Dashboard, user: User, snap: Snapshot) -> Dashboard | None:
    """Return ``board`` (a kept dashboard without filters but the plan's) as it is at ``snap``, made from
    what was written since ``board.snapshot`` (``cache.changes_since``: reports, status changes, task edits,
    tasks given other units, added or withdrawn, plans imported, units renamed), or None when something else
    changed: then it is computed again.

    The same figures as computing it from nothing (tests/web/test_dashboard.py compares them after each kind
    of change), by the same rules, since each figure is a sum over tasks, over reporting duties or over
    reports: a change moves only the facts of the tasks it touches (``facts.kept_facts``: a new report, a
    status, a due date, units, a task that now counts or no longer does), the duties of those tasks' units
    (``ranking.owed_reports`` run on the touched tasks only, before and after, with the first reports as they
    were, ``FirstReports.as_of_report``, and as they are, ``FirstReports.with_reports``) and the report counts
    of the months. So the counts are patched by the touched tasks' lines (their plan, their lead units, the
    total; a line left without a task goes), the ranking by the touched tasks' units and duties and sorted
    again, and each month's point by ``month_figures`` of the touched tasks before and after; the months before
    this one only when a change reaches back (``Changes.before``). A renamed or new unit relabels the lines.
    ``board`` is left as it is (other threads may be reading it).
    """
    changes = changes_since(board.snapshot, snap)
    if changes is None or board.first_reports is None:
        return None
    today, month = board.today, board.period
    whole = kept_facts(user, today, board.filters.plan_id, snap)
    before = board.facts
    counted = [report for report in changes.reports if report.counted_at is not None]
    candidates = {report.task_id for report in counted} | changes.moved_tasks()
    was_by_id, now_by_id = _facts_by_id(before, candidates), _facts_by_id(whole, candidates)
    touched = sorted(set(was_by_id) | set(now_by_id))
    names: dict[int, str] | None = unit_names() if changes.renamed else None

    def name(unit_id: int) -> str:
        nonlocal names
        if names is None:
            names = unit_names()
        return names.get(unit_id, "")

    # Counts: each touched task's line leaves its old signature and joins its new one.
    total = _copied(board.total)
    by_plan = {row.key: row for row in board.by_plan}
    by_unit = {row.key: row for row in board.by_unit}
    plans_copied, units_copied = set(), set()
    for task_id in touched:
        old, new = was_by_id.get(task_id), now_by_id.get(task_id)
        was = signature(old, before) if old is not None else None
        now = signature(new, whole) if new is not None else None
        if old is not None and new is not None and was == now and old.plan_id == new.plan_id \
                and old.lead_unit_ids == new.lead_unit_ids:
            continue
        for fact, sign, count in ((old, was, -1), (new, now, 1)):
            if fact is None:
                continue
            if fact.plan_id not in by_plan:
                by_plan[fact.plan_id] = CountRow(fact.plan_id, whole.plans[fact.plan_id].title)
                plans_copied.add(fact.plan_id)
            for unit_id in fact.lead_unit_ids:
                if unit_id not in by_unit:
                    by_unit[unit_id] = CountRow(unit_id, name(unit_id))
                    units_copied.add(unit_id)
            for line in [total, _copied_in(by_plan, fact.plan_id, plans_copied)] + \
                    [_copied_in(by_unit, unit_id, units_copied) for unit_id in fact.lead_unit_ids]:
                line.add_alike(sign, count)
    # Ranking and the months: the figures of the touched tasks, taken out as they were and put back as they are.
    old_first = board.first_reports.as_of_report(board.snapshot.reports[1])
    first_reports = board.first_reports.with_reports(changes.reports)
    was = Facts(today, [was_by_id[i] for i in touched if i in was_by_id], whole.plans, set())
    now = Facts(today, [now_by_id[i] for i in touched if i in now_by_id], whole.plans, set())
    # The lines of the units the change touches are copied before they move; the others stay the objects they were
    # (their HTML is then found by the object: dashboard/routes.row_html).
    ranking = {line.unit_id: line for line in board.ranking}
    ranks_copied: set[int] = set()

    def rank_line(unit_id: int) -> RankRow:
        if unit_id not in ranks_copied:
            ranking[unit_id] = replace(ranking[unit_id]) if unit_id in ranking else RankRow(unit_id, name(unit_id))
            ranks_copied.add(unit_id)
        return ranking[unit_id]

    for facts, first, sign in ((was, old_first, -1), (now, first_reports, 1)):
        for fact in facts.tasks:
            for unit_id in fact.unit_ids:
                if unit_id not in ranking:
                    rank_line(unit_id)
            on_time, due_or_closed = completion([fact], today)
            for unit_id in fact.lead_unit_ids:
                line = rank_line(unit_id)
                line.lead_tasks += sign
                line.on_time_closed += sign * on_time
                line.due_or_closed += sign * due_or_closed
                line.closed += sign * fact.closed_by(today)
                line.overdue += sign * fact.overdue_on(today)
        for _, unit_id, _, _, state in owed_reports(facts, month, today, first):
            line = rank_line(unit_id)
            line.reports_owed += sign
            setattr(line, f"reports_{state}", getattr(line, f"reports_{state}") + sign)
    if changes.reshaped:  # a unit no longer assigned to any counted task leaves the ranking
        assigned = {unit_id for fact in whole.tasks for unit_id in fact.unit_ids}
        ranking = {unit_id: line for unit_id, line in ranking.items() if unit_id in assigned}
    by_unit = {key: row for key, row in by_unit.items() if row.total}  # a line left without a task goes
    by_plan = {key: row for key, row in by_plan.items() if row.total}
    if changes.renamed:
        for unit_id, row in list(by_unit.items()):
            if row.label != name(unit_id):
                by_unit[unit_id] = replace(_copied(row), label=name(unit_id))
        for unit_id, line in list(ranking.items()):
            if line.unit != name(unit_id):
                rank_line(unit_id).unit = name(unit_id)
    trend = _patched_trend(board, user, changes, counted, was, now, old_first, first_reports, whole, snap)
    return replace(
        board, facts=Facts(today, whole.tasks, {}, whole.unreported, whole.index), total=total,
        by_plan=[by_plan[key] for key in sorted(by_plan)],
        by_unit=sorted(by_unit.values(), key=lambda row: row.label),
        trend=trend, rendered={}, snapshot=snap, first_reports=first_reports,
        **_reranked(board, ranking, ranks_copied))


def _patched_trend(board: Dashboard, user: User, changes, counted: list, was: Facts, now: Facts,
                   old_first: FirstReports, first_reports: FirstReports, whole: Facts, snap: Snapshot) -> list[TrendPoint]:
    """Return ``board``'s trend brought forward with ``changes`` (see ``_patched``): each month's figures less
    those of the touched tasks as they were (``was``, ``old_first``) plus those as they are (``now``,
    ``first_reports``); its report count plus the reports counted in it since, and the older reports of the tasks
    that now count, less those of the tasks that no longer do. The months before this one move only when a
    change reaches back before this month; either way they are kept again as settled (``settled_points``)."""
    current_start = board.period.start
    reaching_back = changes.before(beijing_midnight_utc(current_start))
    moving = [point for point in board.trend if reaching_back or point.period.end >= current_start]
    in_scope = whole.index if whole.index is not None else {fact.id for fact in whole.tasks}
    extra = dict.fromkeys((point.period.key for point in moving), 0)
    if moving:
        low = beijing_midnight_utc(moving[0].period.start)
        for report in counted:
            if report.task_id in in_scope and report.counted_at >= low:
                for point in moving:
                    if beijing_midnight_utc(point.period.start) <= report.counted_at < \
                            beijing_midnight_utc(point.period.end + timedelta(days=1)):
                        extra[point.period.key] += 1
        old_ids, new_ids = {fact.id for fact in was.tasks}, {fact.id for fact in now.tasks}
        for ids, sign in ((new_ids - old_ids, 1), (old_ids - new_ids, -1)):
            if ids:
                periods = [point.period for point in moving]
                for period, n in zip(periods, report_counts(periods, ProgressReport.task_id.in_(sorted(ids)),
                                                            ProgressReport.id <= board.snapshot.reports[1])):
                    extra[period.key] += sign * n
    cache = figures_cache()
    trend = []
    for point in board.trend:
        if point.period.key in extra:
            old_part = month_figures(was, point.period, point.as_of, old_first)
            new_part = month_figures(now, point.period, point.as_of, first_reports)
            point = replace(point, reports=point.reports + extra[point.period.key],
                            **{name: getattr(point, name) + new_part[name] - old_part[name] for name in new_part})
        if point.period.end < current_start:
            if point.period.key not in extra:
                cache.tally(hit=True)  # a settled month kept as it was
            cache.put(_settled_key(user, point.period, board.filters, current_start), (snap, point), count=False)
        trend.append(point)
    return trend


def _reranked(board: Dashboard, lines: dict[int, RankRow], copied: set[int]) -> dict:
    """Return the ``ranking`` and ``ranking_keys`` of a board patched from ``board``: ``lines`` ({unit id: line}
    after the patch) in ranking order with their ranks (``ranking.places_of``, the ranks and order of
    ``ranking_places``). The lines the patch did not copy (``copied``: the units it touched) are unchanged, so they
    keep their order and ``sort_key`` from ``board.ranking_keys``; only the copied ones are placed again (by their
    new key, ``bisect``), instead of every line's key computed and sorted again after each report (issue 19). A
    line whose rank moved is copied first (the kept board's lines are never changed: other threads may be reading
    them)."""
    key = sort_key(board.sort)
    ranked = [line for line in board.ranking if line.rankable]
    if len(ranked) == len(board.ranking_keys):
        keyed = [(line_key, line) for line_key, line in zip(board.ranking_keys, ranked)
                 if line.unit_id not in copied and line.unit_id in lines]
        for unit_id in copied:
            line = lines.get(unit_id)
            if line is not None and line.rankable:
                bisect.insort(keyed, (key(line), line), key=lambda pair: pair[0])
        unranked = [line for line in lines.values() if not line.rankable]
    else:  # a board without the keys (not made by this module): every line placed again
        keyed = sorted(((key(line), line) for line in lines.values() if line.rankable), key=lambda pair: pair[0])
        unranked = [line for line in lines.values() if not line.rankable]
    ordered = []
    for line, place, tied in places_of(keyed, unranked):
        if (line.rank, line.tied) != (place, tied):
            if line.unit_id not in copied:
                line = replace(line)
            line.rank, line.tied = place, tied
        ordered.append(line)
    return {"ranking": ordered, "ranking_keys": tuple(line_key for line_key, _ in keyed)}


def _facts_by_id(facts: Facts, ids: set[int]) -> dict[int, TaskFact]:
    """Return ``{id: fact}`` of the tasks of ``ids`` that have a fact in ``facts`` (by ``facts.index`` when known)."""
    if facts.index is None:
        return {fact.id: fact for fact in facts.tasks if fact.id in ids}
    return {task_id: facts.tasks[facts.index[task_id]] for task_id in ids if task_id in facts.index}


def _copied(row: CountRow) -> CountRow:
    """Return a copy of ``row`` that can be changed without changing ``row``."""
    return replace(row, by_status=dict(row.by_status), by_light=dict(row.by_light))


def _copied_in(rows: dict[int, CountRow], key: int, copied: set[int]) -> CountRow:
    """Return ``rows[key]``, replaced in ``rows`` by a copy the first time (``copied``: the keys copied so far)."""
    if key not in copied:
        rows[key] = _copied(rows[key])
        copied.add(key)
    return rows[key]


@dataclass
class TaskPage:
    """One page of a task list: the facts and the tasks of the page (``list_tasks``' ``load``: ORM tasks with
    assignments and plan, or plain columns)."""

    facts: list[TaskFact]
    tasks: dict[int, Task]
    total: int
    page: int
    per_page: int

    @property
    def has_next(self) -> bool:
        return self.page * self.per_page < self.total

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def load_tasks(task_ids: list[int]) -> dict[int, Task]:
    """Return ``{id: Task}`` for ``task_ids`` with their plans, assignments and units loaded (3 queries: the tasks,
    their plans, their assignments joined to their units; each a round trip on PostgreSQL, issue 19). The plans
    are read apart, not joined: each would repeat its source text on every task's row."""
    if not task_ids:
        return {}
    tasks = db.session.scalars(select(Task).where(Task.id.in_(task_ids)).options(
        selectinload(Task.assignments).joinedload(Assignment.unit, innerjoin=True), selectinload(Task.plan)))
    return {task.id: task for task in tasks}


def list_tasks(user: User, today: date, filters: TaskFilters | None = None, page: int = 1,
               per_page: int = 50, facts: Facts | None = None,
               load: Callable[[list[int]], dict] = load_tasks) -> TaskPage:
    """Return page ``page`` (from 1) of the tasks ``user`` may see matching ``filters``, in plan order.

    ``facts``: the facts already loaded for the same user, day and filters (the dashboard's), if any.
    ``load``: how the page's tasks are read into ``TaskPage.tasks`` (``load_tasks``: ORM objects, the API's;
    the dashboard page passes services/plans/store.task_lines: plain columns, issue 19).
    Without a light filter the page is cut in SQL and only its tasks' facts are read; a light
    filter needs every task's light first (lights are computed from dates and reports).
    """
    filters = filters or TaskFilters()
    page = max(page, 1)
    if facts is None and filters.light is None:
        scope = scope_query(user, filters).subquery()
        listing = paginate(select(Task.id).where(Task.id.in_(select(scope.c.id))).order_by(Task.plan_id, Task.position),
                           page, per_page, clamp=False)
        ids = list(listing.items)
        chosen = load_facts(user, today, filters, task_ids=ids).tasks if ids else []
        return TaskPage(chosen, load(ids), listing.total, page, per_page)
    facts = facts or load_facts(user, today, filters)
    listing = paginate_list(facts.tasks, page, per_page, clamp=False)
    chosen = listing.items
    return TaskPage(chosen, load([f.id for f in chosen]), listing.total, page, per_page)


@dataclass
class HomeTask:
    """A task on the liaison's home: the task, its facts, the unit's role and own latest report date."""

    task: Task
    fact: TaskFact
    lead: bool
    my_last_report: ProgressReport | None
    report_due: date | None = None

    @property
    def deadline_first(self) -> bool:
        """True when the task's own due date (完成时限) comes before this period's 报送截止 (``report_due``): what the
        liaison must meet first is then the 完成时限, and a phone's card shows it first (dashboard/liaison_home.html;
        a district's part due 12月20日 under a plan reporting by the 25th, walk-through of workflow45). Otherwise the
        报送截止 comes first, as the table's columns do."""
        due = self.fact.due_date
        return due is not None and self.report_due is not None and due < self.report_due


@dataclass
class LiaisonHome:
    """The liaison's home: its unit's tasks by light, what is due this period, reminders to acknowledge."""

    today: date
    by_light: dict[Light, list[HomeTask]]
    to_report: list[HomeTask]
    due_this_month: list[HomeTask]
    month: Period
    #: Reminders (催办) to the unit not yet acknowledged, oldest first (services/workflow/reminders.py).
    reminders: list = field(default_factory=list)
    #: The days of "due soon" in ``home_order`` (the page says the order).
    due_soon_days: int = 7

    @property
    def task_count(self) -> int:
        """How many tasks the unit has on its home (every light); 0 for a unit given no task yet, whose home says
        so instead of thanking it for reports it never owed."""
        return sum(len(items) for items in self.by_light.values())


# A liaison's "due soon": the tasks due within this many days come right after the overdue ones on the home page
# (LiaisonHome.due_soon_days says it on the page).
DUE_SOON_DAYS = LiaisonHome.due_soon_days


def home_order(item: HomeTask, today: date) -> tuple:
    """The sort key of the liaison's home lists (本期应报送, 本月到期): what to do first at 10 pm before a deadline.

    ``item``: a HomeTask; ``today``: the Beijing date. Three bands, in order: the overdue tasks (red light: the due
    date has passed, services/figures/lights.py), the tasks due within DUE_SOON_DAYS (7) days, then the rest; inside
    a band, the earliest due date first (a task without one last), then the earliest report due day (报送截止), then
    plan order. Returns a tuple to sort by (no error: every field may be None but the task's plan and position).
    """
    due = item.fact.due_date
    if item.fact.light is Light.RED:
        band = 0
    elif due is not None and (due - today).days <= DUE_SOON_DAYS:
        band = 1
    else:
        band = 2
    return (band, due or date.max, item.report_due or date.max, item.task.plan_id, item.task.position)


def liaison_home(user: User, today: date) -> LiaisonHome:
    """Return the home of a liaison (any user with a unit): its unit's tasks as of ``today``.

    ``to_report``: tasks that owe the plan's current reporting period's report (ranking.owes_report: not
    those given to the unit on or after its report day, which first owe the next period's, nor those closed before
    it; one closed on or after it still owes) and on which the unit
    has not reported in it, with the period's due day (periods.report_due); ``due_this_month``: open tasks whose due
    date falls in this month; both in ``home_order`` (overdue, then due within 7 days, then the rest); ``reminders``: reminders to the unit not yet
    acknowledged. About ten queries whatever the number of tasks.
    """
    from ..workflow.reminders import unacknowledged_reminders

    facts = load_facts(user, today, TaskFilters(unit_id=user.unit_id))
    tasks = load_tasks([f.id for f in facts.tasks])
    mine = latest_reports([f.id for f in facts.tasks], user.unit_id)
    month = period_containing("monthly", today)
    home = LiaisonHome(today, {light: [] for light in (Light.RED, Light.YELLOW, Light.GREEN)}, [], [], month)
    for fact in facts.tasks:
        item = HomeTask(tasks[fact.id], fact, user.unit_id in fact.lead_unit_ids, mine.get(fact.id))
        home.by_light[fact.light].append(item)
        plan = facts.plans[fact.plan_id]
        current = period_containing(plan.report_cycle.value, today)
        reported = item.my_last_report is not None and \
            item.my_last_report.counted_at >= beijing_midnight_utc(current.start)
        due = report_due(plan, current)
        # the one rule (ranking.owes_report) with the task's closing day: one closed on or after the report day
        # without the unit's report still owes it (报送情况 lists it, the 通报 counts it 未报送)
        if not reported and owes_report(fact.status, fact.closed_on, current, due, fact.starts_on):
            item.report_due = due
            home.to_report.append(item)
        if fact.status is TaskStatus.CLOSED:
            continue
        if fact.due_date is not None and month.contains(fact.due_date):
            home.due_this_month.append(item)
    home.reminders = unacknowledged_reminders(user)
    home.to_report.sort(key=lambda item: home_order(item, today))
    home.due_this_month.sort(key=lambda item: home_order(item, today))
    return home
