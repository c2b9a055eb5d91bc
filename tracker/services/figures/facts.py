"""The facts every supervision figure is computed from, read in a fixed number of bulk queries.

``load_facts`` reads, for the tasks a user may see and that match the filters of the dashboard
and the API, one ``TaskFact`` each: status, due date, the Beijing date of the latest progress
report, the date the task was closed (from the journal), its units and its status light. It
uses five queries whatever the number of tasks, reports or units (a test counts them), so the
dashboard, the bulletin and the API stay fast on large databases.

The tasks are the live leaves of the task scope (services/scope.py): a heading (重点任务, a measure
with sub-measures) and a withdrawn task (已撤销) never count; the ledger leaves them out too. Nor does a task on a
day before its start of duty (``duty_start``): the facts as of a day hold the tasks given to their units by then.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import cache
from types import MappingProxyType
from typing import NamedTuple

from sqlalchemy import Select, and_, func, or_, select

from ...clock import BEIJING
from ...dates import DateInputError, parse_user_date
from ...extensions import db
from ...models import (
    Assignment,
    AssignmentRole,
    JournalEntry,
    JournalField,
    Plan,
    ProgressReport,
    ReportCycle,
    Task,
    TaskStatus,
    Unit,
    User,
)
from ...ids import parse_id
from ...periods import period_containing, report_due
from .lights import Light, task_light
from ..scope import task_scope, viewer_scope
from ..workflow.progress import latest_report_times

#: The journal's text for a change to 已办结 (services/journal.record stores enum labels).
#: How many characters of a search text are used at most.
MAX_QUERY_CHARS = 100

#: The 层级 filter (issue 18: the ranking can be read per level): query value -> label. "measures": the
#: plan's own measures (services/scope.TaskScope.measures); "subtasks": tasks split from another one
#: (TaskScope.subtasks); absent: both (全部).
LEVELS = {"measures": "方案任务", "subtasks": "分解子任务"}


@dataclass
class TaskFilters:
    """The filters of the dashboard's task list and of ``GET /api/v1/tasks``.

    ``plan_id``; ``unit_id`` (tasks the unit leads or supports); ``status``; ``light``;
    ``due_from``/``due_to`` (inclusive range of due dates; a task without a due date never
    matches a range); ``query`` (text searched in task titles, texts and progress reports); ``level``
    (a key of ``LEVELS``: only the plan's own measures, or only sub-tasks; None: both).
    """

    plan_id: int | None = None
    unit_id: int | None = None
    status: TaskStatus | None = None
    light: Light | None = None
    due_from: date | None = None
    due_to: date | None = None
    query: str = ""
    level: str | None = None

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> tuple["TaskFilters", list[str]]:
        """Return the filters written in ``args`` (query-string names: plan, unit, status, light,
        due_from, due_to, q, level) and a list of Chinese messages for the values that could not be read
        (those filters are left out)."""
        filters, errors = cls(), []

        def number(name: str, caption: str) -> int | None:
            text = (args.get(name) or "").strip()
            if not text:
                return None
            number = parse_id(text)
            if number is None:
                errors.append(f"“{caption}”应为编号，已忽略“{text}”。")
            return number

        def day(name: str, caption: str) -> date | None:
            try:
                return parse_user_date(args.get(name), caption)
            except DateInputError as error:
                errors.append(f"“{caption}”应写成 2026-10-31 这样的日期，已忽略“{error.text}”。")
                return None

        filters.plan_id = number("plan", "方案")
        filters.unit_id = number("unit", "单位")
        status = (args.get("status") or "").strip()
        if status:
            try:
                filters.status = TaskStatus(status)
            except ValueError:
                errors.append(f"未知的办理状态“{status}”，已忽略；可选：" + "、".join(s.value for s in TaskStatus) + "。")
        light = (args.get("light") or "").strip()
        if light:
            try:
                filters.light = Light(light)
            except ValueError:
                errors.append(f"未知的灯色“{light}”，已忽略；可选：green、yellow、red。")
        filters.due_from = day("due_from", "完成时限起")
        filters.due_to = day("due_to", "完成时限止")
        filters.query = (args.get("q") or "").strip()[:MAX_QUERY_CHARS]
        level = (args.get("level") or "").strip()
        if level in LEVELS:
            filters.level = level
        elif level:
            errors.append(f"未知的层级“{level}”，已忽略；可选：" + "、".join(f"{k}（{v}）" for k, v in LEVELS.items()) + "。")
        return filters, errors

    def as_args(self) -> dict[str, str]:
        """Return the filters as query-string arguments (the inverse of ``from_args``)."""
        args = {"plan": self.plan_id, "unit": self.unit_id, "status": self.status and self.status.value,
                "light": self.light and self.light.value, "due_from": self.due_from and self.due_from.isoformat(),
                "due_to": self.due_to and self.due_to.isoformat(), "q": self.query, "level": self.level}
        return {name: str(value) for name, value in args.items() if value not in (None, "")}

    def describe(self) -> str:
        """Return the line that says which filters a list was cut with, in the dashboard's words: the exported list's
        line under its title and the phone's folded filter form (dashboard/_body_parts.html) say it so:
        "筛选：方案=…；单位=…；状态=推进中；亮灯=红灯；完成时限=2026-01-01至2026-12-31；搜索=“…”；层级=分解子任务", or
        "筛选：无（全部任务）". Reads the plan's and the unit's names (their ids when gone)."""
        parts = []
        if self.plan_id is not None:
            plan = db.session.get(Plan, self.plan_id)
            parts.append(f"方案={plan.title if plan else self.plan_id}")
        if self.unit_id is not None:
            unit = db.session.get(Unit, self.unit_id)
            parts.append(f"单位={unit.name if unit else self.unit_id}")
        if self.status is not None:
            parts.append(f"状态={self.status.label}")
        if self.light is not None:
            parts.append(f"亮灯={self.light.label}")
        if self.due_from or self.due_to:
            start = self.due_from.isoformat() if self.due_from else ""
            end = self.due_to.isoformat() if self.due_to else ""
            parts.append(f"完成时限={start}至{end}" if start and end else
                         f"完成时限≥{start}" if start else f"完成时限≤{end}")
        if self.query:
            parts.append(f"搜索=“{self.query}”")
        if self.level is not None:
            parts.append(f"层级={LEVELS[self.level]}")
        return "筛选：" + ("；".join(parts) if parts else "无（全部任务）")


class PlanRow(NamedTuple):
    """What the figures read of a plan (``read_plans``): its title and its reporting rules (预警天数, 报送周期, 报送日,
    and when it was imported: periods ending before it owe nothing, ranking.obligation_periods). Plain values, never
    the plan's source text (tens of kilobytes a plan) nor an ORM object, so that the rows can be kept between
    requests with the task facts (``kept_facts``)."""

    id: int
    title: str
    warning_days: int
    report_cycle: ReportCycle
    report_day: int
    created_at: datetime | None


def closed_by(status: TaskStatus, closed_on: date | None, day: date) -> bool:
    """True when a task in ``status`` is closed (已办结) and was closed (``closed_on``, a Beijing date from
    ``closing_days``) on or before ``day``; a closed task without a journalled closing date counts as closed since
    ever. The rule behind ``TaskFact.closed_by``, for callers holding a task rather than its facts."""
    return status is TaskStatus.CLOSED and (closed_on is None or closed_on <= day)


def duty_start(task_created: datetime | None, plan_created: datetime | None) -> date | None:
    """Return the Beijing day a task was given to its units, its start of duty: from ``Task.created_at`` (stored
    UTC) for a task added to its plan after the plan's import (a part split from a task, a measure a plan revision
    added), else from ``Plan.created_at``, ``plan_created``, the plan's import, for the measures the plan was imported
    with (workflow50: they had counted in the figures of months before it). None only when neither is known.

    The one date rule of when a task begins to count and to owe: ``TaskFact.assigned_by`` (which tasks the figures as
    of a day hold: a period's 通报, ranking and trend count only the tasks given by its end) and ranking.owes_report
    (which periods' reports it owes: none whose report day came on or before its start) read it."""
    return beijing_date(task_created if task_created is not None else plan_created)


@dataclass
class TaskFact:
    """What the figures need to know about one task (dates are Beijing dates).

    ``closed_on``: the day of the task's latest journalled change to 已办结 (``closing_days``),
    None when the journal has none (a task imported closed before imports were journalled).
    ``starts_on``: its start of duty (``duty_start``: the day it was split or added, else its plan's import).
    """

    id: int
    plan_id: int
    status: TaskStatus
    due_date: date | None
    last_report_on: date | None
    closed_on: date | None
    light: Light
    lead_unit_ids: list[int] = field(default_factory=list)
    supporting_unit_ids: list[int] = field(default_factory=list)
    starts_on: date | None = None

    def assigned_by(self, day: date) -> bool:
        """True when the task had been given to its units on or before ``day`` (``duty_start``): a task split or added
        after a period's last day counts in none of its figures (neither listed nor counted in its 通报)."""
        return self.starts_on is None or self.starts_on <= day

    @property
    def unit_ids(self) -> list[int]:
        """Return the lead units then the supporting units."""
        return self.lead_unit_ids + self.supporting_unit_ids

    def closed_by(self, day: date) -> bool:
        """True when the task is closed (已办结) and was closed on or before ``day``.

        A closed task without a journalled closing date counts as closed since ever.
        """
        return closed_by(self.status, self.closed_on, day)

    def overdue_on(self, day: date) -> bool:
        """True when the task was not closed by ``day`` and its due date lies before ``day`` (逾期)."""
        return self.due_date is not None and self.due_date < day and not self.closed_by(day)


@dataclass
class Facts:
    """The tasks in scope with their plans, as of ``today``; ``unreported`` holds the ids of the tasks that owe
    the current reporting period's report of their plan (``ranking.owes_report``: given to their units before its
    report day, not closed before it) and have no report in that period (本期未报送, the dashboard's count)."""

    today: date
    tasks: list[TaskFact]
    plans: Mapping[int, PlanRow]  # every plan by id (``read_plans``); never changed (kept facts share it)
    unreported: set[int]
    #: {task id: position of its fact in ``tasks``} when known (the kept facts: ``kept_facts``), so that a few tasks'
    #: facts are found without going through ``tasks`` (services/figures/dashboard._patched); then ``tasks`` must not
    #: be changed.
    index: dict[int, int] | None = None


def beijing_midnight_utc(day: date) -> datetime:
    """Return the stored (naive UTC) time at which Beijing's ``day`` begins."""
    return datetime.combine(day, time()) - timedelta(hours=8)


#: Beijing's offset from UTC (clock.BEIJING is a fixed offset), added to a stored time for Beijing's.
BEIJING_OFFSET = BEIJING.utcoffset(None)


def beijing_date(value: datetime | None) -> date | None:
    """Return the Beijing date of a stored (naive UTC) time, or None."""
    return (value + BEIJING_OFFSET).date() if value is not None else None


def like_pattern(text: str) -> str:
    """Return a LIKE pattern matching ``text`` anywhere, with %, _ and the escape character escaped."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def scope_query(user: User, filters: TaskFilters | None = None) -> Select:
    """Return a SELECT of the ids of the tasks ``user``'s dashboard and API count, matching ``filters``.

    The tasks are the live leaves of the task scope (services/scope.py: visible to ``user``, not
    withdrawn, not headings), narrowed by ``filters``.

    The light filter is not applied here (lights are computed from dates, see ``load_facts``).
    Search (``filters.query``): a case-insensitive substring match (LIKE/ILIKE) over the task's
    title and text and the 进展情况/存在问题/下步计划 of its reports. Chinese text has no spaces
    between words, and neither SQLite's nor PostgreSQL's built-in full-text parsers segment it,
    so a substring match is the search that finds what a person typed on both databases.
    """
    scope = task_scope(user).live().leaves()
    filters = filters or TaskFilters()
    if filters.plan_id is not None:
        scope = scope.in_plan(filters.plan_id)
    if filters.unit_id is not None:
        scope = scope.for_unit(filters.unit_id)
    if filters.level == "measures":
        scope = scope.measures()
    elif filters.level == "subtasks":
        scope = scope.subtasks()
    if filters.status is not None:
        scope = scope.where(Task.status == filters.status)
    if filters.due_from is not None:
        scope = scope.where(Task.due_date >= filters.due_from)
    if filters.due_to is not None:
        scope = scope.where(Task.due_date <= filters.due_to)
    if filters.query:
        pattern = like_pattern(filters.query)
        matches = [column.ilike(pattern, escape="\\") for column in (Task.title, Task.text)]
        in_reports = select(ProgressReport.task_id).where(ProgressReport.counted_at.is_not(None), or_(*(
            column.ilike(pattern, escape="\\")
            for column in (ProgressReport.progress, ProgressReport.problems, ProgressReport.next_steps))))
        scope = scope.where(or_(*matches, Task.id.in_(in_reports)))
    return scope.ids()


def closing_days(task_ids) -> dict[int, date]:
    """Return {task id: the day it was closed} for the tasks of ``task_ids`` (a select of ids) the journal closed.

    The day of the latest journal entry that set the status to 已办结 (by code, "closed"): the
    day its source dates it (``reported_on``, a ledger's 填报日期) when it has one, else the
    Beijing date of the entry. For a task a ledger import created or closed without a 填报日期,
    that is the day of the import: the latest day the task can have been closed. Two queries'
    One query: the latest entry per task (a grouped subquery), then its dates.
    """
    latest = (select(func.max(JournalEntry.id))
              .where(and_(JournalEntry.field == JournalField.STATUS.value,
                          JournalEntry.new_code == TaskStatus.CLOSED.value, JournalEntry.task_id.in_(task_ids)))
              .group_by(JournalEntry.task_id))
    rows = db.session.connection().execute(
        select(JournalEntry.task_id, JournalEntry.created_at, JournalEntry.reported_on)
        .where(JournalEntry.id.in_(latest)))
    return {task_id: reported_on or (created_at + BEIJING_OFFSET).date() for task_id, created_at, reported_on in rows}


def load_facts(user: User, today: date, filters: TaskFilters | None = None,
               task_ids: list[int] | None = None, places: dict[int, tuple] | None = None,
               plans: Mapping[int, PlanRow] | None = None) -> Facts:
    """Return the facts of the tasks ``user`` may see matching ``filters``, as of Beijing date ``today``.

    Five queries: the tasks, the plans, the assignments, the time of the latest report per task
    (services/workflow/progress.latest_report_times: one grouped query) and the latest change to 已办结 per task (one grouped query over the journal). Lights
    come from services/figures/lights.task_light with each plan's warning days and reporting cycle.
    Only the tasks given to their units by ``today`` (``TaskFact.assigned_by``, ``duty_start``): the facts of an
    earlier day (a past period's 通报) leave out the parts split and the measures added after it.
    ``task_ids`` limits the facts to those tasks (still within the user's scope and the filters). The tasks come
    in plan order (plan, position, then id); ``places``, when given, receives each task's ``(plan id, position,
    id)``, the key of that order (``kept_facts`` puts a task read again back in its place). ``plans``: every plan
    by id (``read_plans``) when the caller read them already in this request (then four queries).
    """
    from .ranking import owes_report  # ranking reads these facts

    filters = filters or TaskFilters()
    scope_select = scope_query(user, filters)
    if task_ids is not None:  # only these tasks (one page of a list)
        scope_select = scope_select.where(Task.id.in_(task_ids))
    scope = scope_select.subquery()
    run = db.session.connection().execute  # Core rows: no ORM row processing over 10,000s of rows
    rows = run(
        select(Task.id, Task.plan_id, Task.status, Task.due_date, Task.position, Task.created_at)
        .where(Task.id.in_(select(scope.c.id)))
        .order_by(Task.plan_id, Task.position, Task.id)).all()
    plans = plans if plans is not None else read_plans()
    units: dict[int, tuple[list[int], list[int]]] = {row.id: ([], []) for row in rows}
    for task_id, unit_id, role in run(
            select(Assignment.task_id, Assignment.unit_id, Assignment.role)
            .where(Assignment.task_id.in_(select(scope.c.id))).order_by(Assignment.task_id, Assignment.position)):
        units[task_id][0 if role is AssignmentRole.LEAD else 1].append(unit_id)
    last_report = dict(run(latest_report_times(select(scope.c.id))).all())
    closed = closing_days(select(scope.c.id))
    facts, unreported = [], set()
    plan_rules = _plan_rules(plans, today)
    report_days = _report_days(plans, today)
    wanted = filters.light
    for task_id, plan_id, status, due_date, position, created_at in rows:
        starts_on = duty_start(created_at, plans[plan_id].created_at)
        if starts_on is not None and starts_on > today:  # not given to its units yet on that day: counts nowhere
            continue
        if places is not None:
            places[task_id] = (plan_id, position, task_id)
        warning_days, cycle, period_start = plan_rules[plan_id]
        stamp = last_report.get(task_id)
        reported = None if stamp is None else (stamp + BEIJING_OFFSET).date()
        light = task_light(status, due_date, reported, today, warning_days, cycle, period_start)
        if wanted is not None and light is not wanted:
            continue
        lead, supporting = units[task_id]
        facts.append(TaskFact(task_id, plan_id, status, due_date, reported, closed.get(task_id), light, lead,
                              supporting, starts_on))
        if (reported is None or reported < period_start) and owes_report(
                status, closed.get(task_id), report_days[plan_id][0], report_days[plan_id][1], starts_on):
            unreported.add(task_id)
    return Facts(today=today, tasks=facts, plans=plans, unreported=unreported)


def read_plans() -> Mapping[int, PlanRow]:
    """Return every plan by id as a ``PlanRow`` (one statement, plain rows: no ORM object is made): what the facts
    read of the plans (their titles and reporting rules, ``_plan_rules``). Read-only (a ``MappingProxyType``):
    ``kept_facts`` keeps it with the facts, and threads share it."""
    return MappingProxyType({row.id: PlanRow(*row) for row in db.session.connection().execute(_plans_statement())})


@cache
def _plans_statement() -> Select:
    """``read_plans``' SELECT, the columns of ``PlanRow`` in its order (built once per process: it has no
    parameters)."""
    return select(Plan.id, Plan.title, Plan.warning_days, Plan.report_cycle, Plan.report_day, Plan.created_at)


def _plan_rules(plans: Mapping[int, PlanRow], today: date) -> dict[int, tuple]:
    """Per plan once: what task_light needs besides the task (thousands of tasks share a plan):
    {plan id: (warning days, reporting cycle, first day of the cycle's period containing ``today``)}."""
    period_starts = {cycle: period_containing(cycle.value, today).start
                     for cycle in {plan.report_cycle for plan in plans.values()}}
    return {plan.id: (plan.warning_days, plan.report_cycle, period_starts[plan.report_cycle]) for plan in plans.values()}


def _report_days(plans: Mapping[int, PlanRow], today: date) -> dict[int, tuple]:
    """Per plan once: {plan id: (its reporting period containing ``today``, that period's report day)}, what
    ``ranking.owes_report`` asks to tell whether a task owes this period's report (the dashboard's 本期未报送)."""
    found = {}
    for plan in plans.values():
        period = period_containing(plan.report_cycle.value, today)
        found[plan.id] = (period, report_due(plan, period))
    return found


@dataclass(frozen=True)
class _KeptFacts:
    """Facts kept between requests (``kept_facts``): never changed once stored (threads share them)."""

    tasks: tuple[TaskFact, ...]
    unreported: frozenset[int]
    snapshot: object  # cache.Snapshot of the data the facts were read or patched at
    places: tuple[tuple, ...] = ()  # (plan id, position, id) of each task of ``tasks``: their order
    index: dict[int, int] | None = None  # {task id: position in ``tasks``}, made on first use (``_index_of``)
    plans: Mapping[int, PlanRow] | None = None  # every plan by id as read with the facts (``read_plans``), if known


def _index_of(kept: _KeptFacts) -> dict[int, int]:
    """Return ``kept.index``, made from ``kept.tasks`` when it has none (it is never changed once made)."""
    return kept.index if kept.index is not None else {fact.id: i for i, fact in enumerate(kept.tasks)}


def kept_facts(user: User, today: date, plan_id: int | None = None, snap=None) -> Facts:
    """Return what ``load_facts(user, today, TaskFilters(plan_id=plan_id))`` returns, kept between requests.

    The facts are kept in the figures cache (services/figures/cache.py) with the scope of ``user``
    (everything, or its unit), the plan, the day and the ``cache.Snapshot`` they were made at. When
    only followed changes were written since (``cache.changes_since``), only the facts of the tasks they touch
    are made again (``_add_reports``: last report, light, 本期未报送; the tasks whose status or due date changed,
    or that were reshaped — other units, added, withdrawn, become a heading — are read again with
    ``load_facts``, five small queries, and take their place in plan order or leave: ``_read_again``); any
    other change, or a removed report, reads everything again.
    So the result is always what ``load_facts`` would return now (tests/web/test_dashboard.py compares
    them after reports, status changes and reverts). The plans (``read_plans``) are kept with the facts and read
    again only when plans were added since (``Changes.new_plans``): every other change to a plan — its title, a
    document field or a reporting rule (services/figures/reporting.update_plan_settings, a revision's
    plans/revision._update_plan), a plan removed — journals a field ``changes_since`` does not follow or moves the
    plans' parts of the snapshot, so everything is read again then (issue 19, item 31: a statement less on the
    dashboard's first request after a report). One query when nothing changed: the snapshot. ``snap``:
    ``cache.snapshot()`` when the caller read it already.
    """
    from .cache import changes_since, figures_cache, snapshot

    snap = snap or snapshot()
    scope = viewer_scope(user)
    key = ("facts", scope, plan_id, today)
    cache = figures_cache()
    kept = cache.peek(key, count=False)
    plans = kept.plans if kept is not None else None
    if kept is not None and kept.snapshot != snap:
        changes = changes_since(kept.snapshot, snap)
        if changes is not None and (plans is None or changes.new_plans):
            plans = read_plans()  # once for the reports' lights, the tasks read again and the facts returned
        kept = None if changes is None else _add_reports(kept, changes.reports, snap, today, plans)
        if kept is not None and changes.moved_tasks():
            kept = _read_again(kept, user, today, plan_id, changes.moved_tasks(), plans)
        if kept is not None:
            kept = replace(kept, plans=plans)
            cache.put(key, kept, count=False)
    if kept is None:
        places: dict[int, tuple] = {}
        loaded = load_facts(user, today, TaskFilters(plan_id=plan_id), places=places)
        cache.put(key, _KeptFacts(tuple(loaded.tasks), frozenset(loaded.unreported), snap,
                                  tuple(places[fact.id] for fact in loaded.tasks),
                                  {fact.id: i for i, fact in enumerate(loaded.tasks)}, loaded.plans), count=False)
        return loaded
    if plans is None:
        plans = read_plans()
    return Facts(today=today, tasks=list(kept.tasks), plans=plans, unreported=set(kept.unreported),
                 index=_index_of(kept))


def _read_again(kept: _KeptFacts, user: User, today: date, plan_id: int | None,
                task_ids: set[int], plans: Mapping[int, PlanRow]) -> _KeptFacts:
    """Return ``kept`` with the facts of ``task_ids`` read again by ``load_facts`` (a status change or a due date
    edit moves a task's status, due date, closing day, light and 本期未报送; new units, a task added or withdrawn,
    or a task become a heading move whether it counts at all: ``cache.Changes.reshaped``). Those that count now
    take their place in plan order; those that no longer count leave. ``plans``: every plan by id (``read_plans``)."""
    places: dict[int, tuple] = {}
    fresh = load_facts(user, today, TaskFilters(plan_id=plan_id), task_ids=sorted(task_ids), places=places,
                       plans=plans)
    by_id = {fact.id: fact for fact in fresh.tasks}
    unreported = (set(kept.unreported) - task_ids) | fresh.unreported
    held = [fact.id for fact in kept.tasks if fact.id in task_ids]
    if held == list(by_id) and all(places[fact_id] == place for fact_id, place in zip(
            held, (place for place in kept.places if place[2] in task_ids))):
        tasks = tuple(by_id.get(fact.id, fact) for fact in kept.tasks)  # the same tasks in the same places
        return _KeptFacts(tasks, frozenset(unreported), kept.snapshot, kept.places, kept.index)
    pairs = [(place, fact) for place, fact in zip(kept.places, kept.tasks) if fact.id not in task_ids]
    pairs += [(places[fact.id], fact) for fact in fresh.tasks]
    pairs.sort(key=lambda pair: pair[0])
    return _KeptFacts(tuple(fact for _, fact in pairs), frozenset(unreported), kept.snapshot,
                      tuple(place for place, _ in pairs), {fact.id: i for i, (_, fact) in enumerate(pairs)})


def _add_reports(kept: _KeptFacts, added: list, snap, today: date, plans: Mapping[int, PlanRow]) -> _KeptFacts:
    """Return ``kept`` with the reports ``added`` (``cache.NewReport``s, stored since it was made) and
    ``snap``: the facts of the tasks whose latest counted report moved are made again, with the rules of their
    plans in ``plans`` (every plan by id: ``read_plans``)."""
    newest: dict[int, date] = {}
    for report in added:
        if report.counted_at is None:  # a draft waiting for its unit leader does not count (issue 18)
            continue
        day = (report.counted_at + BEIJING_OFFSET).date()
        if report.task_id not in newest or day > newest[report.task_id]:
            newest[report.task_id] = day
    index = _index_of(kept)  # the facts of the few tasks reported on, found by id (not by going through 10,000)
    changed = {task_id: index[task_id] for task_id, day in newest.items() if task_id in index
               and (kept.tasks[index[task_id]].last_report_on is None or day > kept.tasks[index[task_id]].last_report_on)}
    if not changed:
        return _KeptFacts(kept.tasks, kept.unreported, snap, kept.places, index)
    rules = _plan_rules({plan_id: plans[plan_id] for plan_id in {kept.tasks[position].plan_id
                                                                 for position in changed.values()}}, today)
    tasks, unreported = list(kept.tasks), set(kept.unreported)
    for position in sorted(changed.values()):
        fact = tasks[position]
        warning_days, cycle, period_start = rules[fact.plan_id]
        reported = newest[fact.id]
        light = task_light(fact.status, fact.due_date, reported, today, warning_days, cycle, period_start)
        tasks[position] = replace(fact, last_report_on=reported, light=light)
        if reported >= period_start:  # a report in the period: not 本期未报送, whoever owed it
            unreported.discard(fact.id)
    return _KeptFacts(tuple(tasks), frozenset(unreported), snap, kept.places, index)
