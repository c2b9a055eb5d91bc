"""The supervisor's dashboard and the liaison's home: counts, ranking, trends, task lists.

Every figure is computed from ``figures.load_facts`` (five bulk queries) plus a fixed number of
grouped queries, so a page costs the same number of SQL statements for 10 tasks or 10,000
(tests/web/test_dashboard.py counts them). Rules of each figure: ``COUNT_RULES`` and ranking.RULES.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import selectinload

from ...extensions import db
from ...models import Assignment, ProgressReport, Task, TaskStatus, Unit, User
from ...pagination import paginate, paginate_list
from ...periods import Period, period_containing
from .cache import Fingerprints, figures_cache, fingerprints, settled_version
from .facts import (
    Facts,
    TaskFact,
    TaskFilters,
    beijing_midnight_utc,
    collecting_later,
    kept_facts,
    load_facts,
    scope_query,
)
from .lights import Light
from ..permissions import require
from ..workflow.progress import latest_reports
from .ranking import FirstReports, RankRow, Rates, completion, punctuality_counts, rank_units

COUNT_RULES = {
    "light": "灯色：已办结为绿灯；完成时限已过为红灯；距完成时限不超过方案预警天数（默认 15 天），或本报送周期内没有任何进展报送为黄灯；其余为绿灯。",
    "overdue": "逾期：尚未办结、完成时限早于今天的任务。",
    "unreported": "本期未报送：尚未办结、在方案当前报送周期（本月、本季度或本周）内没有任何单位报送进展的任务。",
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
          filters: TaskFilters | None = None, settled_print: tuple | None = None) -> list[TrendPoint]:
    """Return one TrendPoint per month of ``months`` (COUNT_RULES["trend"]); ``facts``: those of
    ``user`` and ``filters`` as of ``facts.today``.

    The months that ended before the current month are settled: their figures are kept in the
    figures cache under ``figures_cache.settled_version`` (which a report filed today leaves alone,
    while every change to what they are computed from changes it), so after a new report only the
    current month is computed again. One query counts the reports of every month still to compute
    (a CASE sum per month); the reporting duties use ``first_reports`` (one grouped query per
    reporting period). ``settled_print``: ``settled_version`` at the start of the current month, when
    the caller read it already (``cache.fingerprints``).
    """
    filters = filters or TaskFilters()
    current_start = period_containing("monthly", facts.today).start
    settled = [month for month in months if month.end < current_start]
    cache = figures_cache()
    keys: dict[str, tuple] = {}
    if settled:
        version = settled_print or settled_version(beijing_midnight_utc(current_start))
        scope = "everything" if user.sees_everything else ("unit", user.unit_id)
        args = tuple(sorted(filters.as_args().items()))
        keys = {month.key: ("settled", version, ("trend", month.key, scope, args)) for month in settled}
    found = {key: cache.peek(cache_key) for key, cache_key in keys.items()}
    todo = [month for month in months if found.get(month.key) is None]
    counts: list[int] = []
    if todo:
        # Each report counts in the month it reached the supervising office (ProgressReport.counted_at): by
        # its created_at where no sign-off was needed, by its signed_at where it was signed (issue 18). Two
        # statements, each reading its own index, rather than one CASE over every report.
        counts = [0] * len(todo)
        for at, which in ProgressReport.counted_parts():
            sums = [func.sum(case((and_(at >= beijing_midnight_utc(m.start),
                                        at < beijing_midnight_utc(m.end + timedelta(days=1))), 1), else_=0))
                    for m in todo]
            part = db.session.execute(
                select(*sums).where(at >= beijing_midnight_utc(todo[0].start),
                                    at < beijing_midnight_utc(todo[-1].end + timedelta(days=1)), which,
                                    ProgressReport.task_id.in_(scope_query(user, filters)))).one()
            counts = [total + (n or 0) for total, n in zip(counts, part)]
    computed = {}
    for month, reports in zip(todo, counts):
        as_of = min(month.end, facts.today)
        on_time, due_or_closed = completion(facts.tasks, as_of)
        owed, owed_on_time = punctuality_counts(facts, month, as_of, first_reports)
        closed = overdue = 0
        for fact in facts.tasks:  # one pass: closed in the month, overdue at its end
            if fact.closed_by(as_of):
                closed += fact.closed_on is not None and fact.closed_on >= month.start
            else:
                overdue += fact.overdue_on(as_of)
        point = TrendPoint(
            period=month, as_of=as_of, closed=closed, reports=int(reports or 0), overdue=overdue,
            on_time_closed=on_time, due_or_closed=due_or_closed,
            reports_owed=owed, reports_on_time=owed_on_time)
        computed[month.key] = point
        if month.key in keys:
            cache.put(keys[month.key], point)
    return [found.get(month.key) or computed[month.key] for month in months]


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


def build_dashboard(user: User, today: date, filters: TaskFilters | None = None, sort: str = "completion",
                    months: int = 6) -> Dashboard:
    """Return the dashboard for ``user`` as of Beijing date ``today``.

    Counts follow all ``filters``; the ranking (for the current month, as of today) and the
    trends (the last ``months`` months) follow only the plan filter, since they compare units
    over all their tasks. Raises PermissionDenied for a liaison (the dashboard names every unit).
    The result is computed once per process for the same data, day, filters, sort and months
    (services/figures_cache: keyed on a fingerprint of the data) and must not be changed by callers;
    its ``facts.plans`` is empty.
    """
    require(user.sees_everything, "督办总览只对督办部门和领导开放；联络员请在首页查看本单位任务。")
    filters = filters or TaskFilters()
    key = ("dashboard", today, tuple(sorted(filters.as_args().items())), sort, months)
    # The three fingerprints (figures, task facts, settled months) in one query (cache.fingerprints).
    prints = fingerprints(beijing_midnight_utc(period_containing("monthly", today).start))
    return figures_cache().get_or_build(
        (prints.data, key), lambda: _compute_dashboard(user, today, filters, sort, months, prints))


def _compute_dashboard(user: User, today: date, filters: TaskFilters, sort: str, months: int,
                       prints: Fingerprints) -> Dashboard:
    """Compute what build_dashboard returns (for a user who sees everything: the same for all of them)."""
    with collecting_later():
        return _dashboard_figures(user, today, filters, sort, months, prints)


def _dashboard_figures(user: User, today: date, filters: TaskFilters, sort: str, months: int,
                       prints: Fingerprints) -> Dashboard:
    names = unit_names()
    plan_only = TaskFilters(plan_id=filters.plan_id)
    whole = kept_facts(user, today, filters.plan_id, prints.facts)  # load_facts, kept between changes but reports
    # The ranking and the trend follow the plan and the 层级 (issue 18: read per level), not the other filters.
    level = TaskFilters(plan_id=filters.plan_id, level=filters.level)
    if level != plan_only:
        plan_only, whole = level, narrow_facts(whole, user, level)
    facts = whole if filters == plan_only else narrow_facts(whole, user, filters)
    first_reports = FirstReports()
    period = period_containing("monthly", today)
    return Dashboard(
        today=today, period=period, filters=filters,
        facts=Facts(facts.today, facts.tasks, {}, facts.unreported),  # kept without ORM plans (cached)
        total=count_total(facts),
        by_plan=count_by_plan(facts), by_unit=count_by_unit(facts, names),
        ranking=rank_units(whole, period, today, sort, first_reports), sort=sort,
        trend=trend(user, whole, last_months(today, months), first_reports, plan_only, prints.settled),
    )


@dataclass
class TaskPage:
    """One page of a task list: the facts and ORM tasks (with assignments and plan) of the page."""

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
    """Return ``{id: Task}`` for ``task_ids`` with their plans, assignments and units loaded (3 queries)."""
    if not task_ids:
        return {}
    tasks = db.session.scalars(select(Task).where(Task.id.in_(task_ids)).options(
        selectinload(Task.assignments).selectinload(Assignment.unit), selectinload(Task.plan)))
    return {task.id: task for task in tasks}


def list_tasks(user: User, today: date, filters: TaskFilters | None = None, page: int = 1,
               per_page: int = 50, facts: Facts | None = None) -> TaskPage:
    """Return page ``page`` (from 1) of the tasks ``user`` may see matching ``filters``, in plan order.

    ``facts``: the facts already loaded for the same user, day and filters (the dashboard's), if any.
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
        return TaskPage(chosen, load_tasks(ids), listing.total, page, per_page)
    facts = facts or load_facts(user, today, filters)
    listing = paginate_list(facts.tasks, page, per_page, clamp=False)
    chosen = listing.items
    return TaskPage(chosen, load_tasks([f.id for f in chosen]), listing.total, page, per_page)


@dataclass
class HomeTask:
    """A task on the liaison's home: the task, its facts, the unit's role and own latest report date."""

    task: Task
    fact: TaskFact
    lead: bool
    my_last_report: ProgressReport | None
    report_due: date | None = None


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


def liaison_home(user: User, today: date) -> LiaisonHome:
    """Return the home of a liaison (any user with a unit): its unit's tasks as of ``today``.

    ``to_report``: open tasks on which the unit has not reported in the plan's current reporting
    period, with the period's due day (ranking.report_due_day), earliest first; ``due_this_month``:
    open tasks whose due date falls in this month; ``reminders``: reminders to the unit not yet
    acknowledged. About ten queries whatever the number of tasks.
    """
    from .ranking import report_due_day
    from ..workflow.reminders import unacknowledged_reminders

    facts = load_facts(user, today, TaskFilters(unit_id=user.unit_id))
    tasks = load_tasks([f.id for f in facts.tasks])
    mine = latest_reports([f.id for f in facts.tasks], user.unit_id)
    month = period_containing("monthly", today)
    home = LiaisonHome(today, {light: [] for light in (Light.RED, Light.YELLOW, Light.GREEN)}, [], [], month)
    for fact in facts.tasks:
        item = HomeTask(tasks[fact.id], fact, user.unit_id in fact.lead_unit_ids, mine.get(fact.id))
        home.by_light[fact.light].append(item)
        if fact.status is TaskStatus.CLOSED:
            continue
        plan = facts.plans[fact.plan_id]
        current = period_containing(plan.report_cycle.value, today)
        reported = item.my_last_report is not None and \
            item.my_last_report.counted_at >= beijing_midnight_utc(current.start)
        if not reported:
            item.report_due = report_due_day(plan, current)
            home.to_report.append(item)
        if fact.due_date is not None and month.contains(fact.due_date):
            home.due_this_month.append(item)
    home.reminders = unacknowledged_reminders(user)
    home.to_report.sort(key=lambda item: (item.report_due, item.task.plan_id, item.task.position))
    home.due_this_month.sort(key=lambda item: (item.fact.due_date, item.task.position))
    return home
