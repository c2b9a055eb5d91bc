"""A per-process cache of computed figures, kept with the data they were computed at, and brought forward.

The dashboard's figures (counts, lights, ranking, six months of trends over every task) cost
hundreds of milliseconds to compute on a large database, and they change only when the data
or the date changes. ``snapshot()`` reads, in one query, a fingerprint of every table the figures
are computed from (a ``Snapshot``); what is kept (task facts: facts.kept_facts, the dashboard:
dashboard.build_dashboard, the settled months of its trends: dashboard.settled_points, the bulletin's task
part: bulletin._kept_part, the tasks' names: bulletin.kept_names; beside them, in a companion cache, the dashboard's
rendered body: dashboard/routes.dashboard_body) is stored
with the snapshot it was computed at. Equal snapshots: it is returned as it is. Otherwise
``changes_since(kept, now)`` tells whether only followed changes were written in between — progress reports,
status changes, edits of a task's name, text, deadline and due date, a task given other units, tasks added (a
plan imported, a task split) or withdrawn, units renamed or added, and quiet entries (签收, reminders, requests,
accounts) — and returns them: the kept figures are then patched with them (the tasks and units they touch)
instead of computed again; anything else (a plan's settings or title, a revision's new numbering, a unit merge,
a removed report or plan) computes them again.

Why the fingerprint is honest (every write the figures depend on changes it):
- tasks: ``count``, ``max(id)`` and ``sum(version)`` (the counts and sums of tasks, reports and assignments are
  kept by the database's triggers in the transaction of every write, whatever wrote it: models/tally.py); Task.version is SQLAlchemy's version
  counter (models.Task ``version_id_col``), so every ORM update of a task (status, due date,
  title, parent, withdrawal, …) raises it, and inserts and deletes change the count or max;
- progress reports and assignments: ``count`` and ``max(id)``: reports are never edited, only
  added (new ids) and removed by a ledger revert (the count), except their sign-off (审核签发, issue
  18: a draft signed or returned), which is journalled (JournalField.SIGNOFF, SIGNOFF_RETURN: the
  journal's max id below, and not a REPORT_FIELDS entry); assignments are added and removed
  (plan revisions, unit merges move them and are journalled);
- plans: ``count``, ``max(id)`` and the sums of their reporting settings (warning days, report
  day, the cycle as a number);
- units: ``count`` and ``max(id)``; renames and merges are journalled;
- the journal: ``max(id)`` (append-only; every change to a task or a setting writes a row, and
  ``changes_since`` reads the rows written in between to tell reports and status changes from the rest).

The cache lives in the app (``app.extensions``), so every app and so every database has its own,
holds at most ``SIZE`` entries (the least recently used goes first), and is shared by the threads
of a process (a lock guards it; two threads that miss together both compute, harmlessly). With
several gunicorn workers each has its own cache, each checked against the same data on every
request, so none can serve figures older than the database it reads; after a report each worker
patches its own board (a few milliseconds) rather than computing it again (docs/benchmarks.md).
Not shared between workers, measured (docs/benchmarks.md, item 13): under write load a snapshot is patched by
2.7–2.9 workers on average, a patch costs ~8 ms of CPU, and a kept board (10,000 task facts) takes ~60 ms to
unpickle from a shared store: sharing it would cost more than the patches it saves.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from collections.abc import Callable, Hashable
from datetime import date, datetime, timedelta
from functools import cache
from typing import TypeVar

from flask import current_app, g, has_app_context
from sqlalchemy import (Date, DateTime, Select, String, bindparam, case, cast, func, literal_column, null, select,
                        union_all)

from ...extensions import db
from ...models import (Assignment, FiguresTally, JournalEntry, JournalField, Plan, ProgressReport, ReportCycle, Task,
                       Unit)

#: How many computed results a process keeps (the dashboard of a few filters, sorts and days, and the
#: settled months of its trends).
SIZE = 48
EXTENSION = "tracker_figures_cache"

T = TypeVar("T")


#: Journal fields written when a report is filed (services/workflow/progress.add_report): they leave settled figures alone;
#: so do a unit's drafts and their returns (issue 18), which no figure counts.
REPORT_FIELDS = (JournalField.REPORT.value, JournalField.ATTACHMENT.value, JournalField.DRAFT.value,
                 JournalField.SIGNOFF_RETURN.value)


@dataclass(frozen=True)
class Snapshot:
    """A fingerprint of the data every figure is computed from, read in one query (``snapshot()``),
    made so that a later one tells what changed since (``changes_since``).

    ``tasks``: count, max id and sum of versions; ``reports``: count and max id of the progress reports;
    ``rest``: count and max id of assignments, plans (with the sums of their reporting settings) and
    units; ``journal``: the journal's max id (0 when empty). Every write a figure depends on changes one
    of them (see the module's docstring); two equal snapshots mean equal figures.
    """

    tasks: tuple
    reports: tuple[int, int]
    rest: tuple
    journal: int


def snapshot() -> Snapshot:
    """Return the data's ``Snapshot`` now (one query of 15 parts, each read from an index or a small table:
    the counts of tasks, reports and assignments and the sum of task versions from the one row the database
    keeps with every write, models.FiguresTally; the max ids from the primary keys; so its cost does not
    grow with the data). The statement is built once per process (``_snapshot_statement``): it is read on
    every request of the figures, and building its 15 sub-queries cost more than running them."""
    return _snapshot_of(tuple(db.session.execute(_snapshot_statement()).one()))


def snapshot_with(statement: Select, parameters: dict) -> tuple[Snapshot, tuple]:
    """Return ``snapshot()`` and the one row of ``statement`` (a SELECT of scalar sub-queries, bound with
    ``parameters``), read in one statement: one round trip for both on PostgreSQL. For a page that reads a few counts
    of its own on every request with the snapshot (the dashboard's badges: services/inbox.badge_read; issue 19, item
    31). The joined statement is kept per process for ``statement`` (which its caller keeps: a statement built anew
    at each call is joined anew too)."""
    joined = _JOINED.get(statement)
    if joined is None:
        if len(_JOINED) >= _JOINED_SIZE:
            _JOINED.clear()
        joined = _JOINED[statement] = select(*_snapshot_statement().selected_columns, *statement.selected_columns)
    row = tuple(db.session.execute(joined, parameters).one())
    return _snapshot_of(row[:SNAPSHOT_PARTS]), row[SNAPSHOT_PARTS:]


#: ``snapshot_with``'s joined statements by the statement joined to the snapshot's (a few kinds of badges); when full
#: it starts again.
_JOINED: dict = {}
_JOINED_SIZE = 32
#: The columns of ``_snapshot_statement`` (its 15 parts), first in ``snapshot_with``'s row.
SNAPSHOT_PARTS = 15


def _snapshot_of(v: tuple) -> Snapshot:
    """The ``Snapshot`` of the ``SNAPSHOT_PARTS`` values of ``_snapshot_statement``'s row."""
    return Snapshot(tasks=(int(v[0] or 0), int(v[1] or 0), int(v[2] or 0)), reports=(int(v[3] or 0), int(v[4] or 0)),
                    rest=v[5:14], journal=int(v[14] or 0))


@cache
def _snapshot_statement():
    """Return ``snapshot()``'s SELECT (made on first use, then kept: it has no parameters)."""
    cycle_number = case((Plan.report_cycle == ReportCycle.WEEKLY, 1),
                        (Plan.report_cycle == ReportCycle.QUARTERLY, 2), else_=3)
    tally = FiguresTally.__table__.c  # counts kept by the database in every write's transaction (models/tally.py)
    parts = [
        select(tally.tasks), select(func.max(Task.id)), select(tally.task_versions),  # 0-2
        select(tally.reports), select(func.max(ProgressReport.id)),  # 3-4
        select(tally.assignments), select(func.max(Assignment.id)),  # 5-6
        select(func.count(Plan.id)), select(func.max(Plan.id)), select(func.sum(Plan.warning_days)),  # 7-9
        select(func.sum(Plan.report_day)), select(func.sum(cycle_number)),  # 10-11
        select(func.count(Unit.id)), select(func.max(Unit.id)),  # 12-13
        select(func.max(JournalEntry.id)),  # 14
    ]
    return (select(*(part.scalar_subquery() for part in parts)))


@dataclass(frozen=True)
class NewReport:
    """A progress report stored between two snapshots (``changes_since``); times are stored (naive UTC)."""

    id: int
    task_id: int
    unit_id: int | None
    created_at: datetime
    counted_at: datetime | None


@dataclass(frozen=True)
class StatusChange:
    """A task's 办理状态 changed between two snapshots (``changes_since``): codes as journalled, and the day
    the change counts on (its ``reported_on``, else the Beijing date it was stored: as facts.closing_days)."""

    task_id: int
    old_code: str | None
    new_code: str | None
    day: date


@dataclass(frozen=True)
class TaskEdit:
    """A task's own field changed between two snapshots (``changes_since``): one of ``EDIT_FIELDS``, with the
    values as journalled (text; a due date as ISO text, None when there was or is none)."""

    task_id: int
    field: str
    old_text: str | None
    new_text: str | None

    def due_before(self, day: date) -> bool:
        """True when this is a due date edit and the old or the new due date lies before ``day`` (a value that
        is not an ISO date counts as before: the figures are then computed again)."""
        if self.field != JournalField.DUE_DATE.value:
            return False
        for text in (self.old_text, self.new_text):
            if text is None:
                continue
            try:
                if date.fromisoformat(text) < day:
                    return True
            except ValueError:
                return True
        return False


@dataclass(frozen=True)
class Changes:
    """What was written between two snapshots when it was only reports, status changes and edits of a task's
    name, text and deadline (``changes_since``)."""

    reports: tuple[NewReport, ...] = ()
    statuses: tuple[StatusChange, ...] = ()
    edits: tuple[TaskEdit, ...] = ()
    #: Tasks reshaped: given other units, added (with the tasks they were added under, which may have become
    #: headings) or withdrawn (``RESHAPING_FIELDS``): their facts, and whether they count at all, are read again.
    reshaped: frozenset[int] = frozenset()
    #: The tasks added (ids above the old snapshot's max id; a subset of ``reshaped``).
    added: frozenset[int] = frozenset()
    #: True when a unit was renamed or added: the units' names are read again.
    renamed: bool = False
    #: True when plans were added (imported): what lists the plans is read again.
    new_plans: bool = False
    #: Every task with a journal entry in between, whatever its field (quiet ones too: a 签收, a target), and every
    #: task a new report was filed on: what shows a task's own row (the dashboard's task list) is read again for them.
    journalled: frozenset[int] = frozenset()
    #: The tasks whose quantified target (目标值) was set or changed (a quiet entry: no figure reads it).
    targets: frozenset[int] = frozenset()

    def before(self, cutoff: datetime) -> bool:
        """True when a change reaches back before ``cutoff`` (a stored, naive UTC time), so that figures of the
        time before it may move: a report stored or counted before it, a task reopened from 已办结, a
        task closed on a day before it (a ledger's 填报日期), or a due date moved from or to a day before it
        (a task without a due date counts as due never: closed, it is on time; open, never overdue). Edits of a
        name, a text or a deadline as written move no figure. A reshaped task or a renamed unit counts as reaching
        back (every period's figures may move: callers that cannot patch them compute them again)."""
        if self.reshaped or self.renamed:
            return True
        day = (cutoff + timedelta(hours=8)).date()
        return any(report.created_at < cutoff or (report.counted_at is not None and report.counted_at < cutoff)
                   for report in self.reports) or \
            any(change.old_code == CLOSED or (change.new_code == CLOSED and change.day < day)
                for change in self.statuses) or \
            any(edit.due_before(day) for edit in self.edits)

    def moved_tasks(self) -> set[int]:
        """Return the ids of the tasks whose facts (services/figures/facts.TaskFact) may have moved other than by
        a new report: a status change or a due date edit; they are read again."""
        return {change.task_id for change in self.statuses} | \
            {edit.task_id for edit in self.edits if edit.field == JournalField.DUE_DATE.value} | set(self.reshaped)

    def edited_tasks(self) -> set[int]:
        """Return the ids of the tasks whose own fields were edited (name, text, deadline, due date) or that were
        added or reshaped: what the bulletin prints of them (services/figures/bulletin.NamedTask) is read again."""
        return {edit.task_id for edit in self.edits} | set(self.reshaped)


#: The code journalled for 已办结 (TaskStatus.CLOSED.value).
CLOSED = "closed"
#: Journal fields of a task's own name, text and deadline (services/plans/task_editing.edit_task): they change
#: neither its units nor its place in the scope; only a due date moves a figure (``TaskEdit.due_before``).
EDIT_FIELDS = frozenset({JournalField.TITLE.value, JournalField.TEXT.value, JournalField.DEADLINE.value,
                         JournalField.DUE_DATE.value})
#: Journal fields of a task that reshape what is counted: its units (services/plans/task_editing.edit_task,
#: plans/revision.py), a task added (a plan imported, revised or a task split: CREATED) or withdrawn (已撤销).
#: Every use case that adds or removes a task's assignments journals one of them on that task (a unit merge
#: journals MERGE, which is not followed).
RESHAPING_FIELDS = frozenset({JournalField.LEAD_UNITS.value, JournalField.SUPPORTING_UNITS.value,
                              JournalField.CREATED.value, JournalField.WITHDRAWN.value})
#: Journal fields of a task that change nothing a figure reads: a 签收 (its status change is journalled apart), a
#: reminder and its acknowledgement, requests and decisions (their status, deadline and due date changes are
#: journalled apart), an overwrite note, a split (the sub-task is CREATED; splitting does not make a heading),
#: a quantified target (the dashboard reads targets on every request).
QUIET_TASK_FIELDS = frozenset({JournalField.ACKNOWLEDGE.value, JournalField.REMINDER.value,
                               JournalField.REMINDER_ACK.value, JournalField.EXTENSION_REQUEST.value,
                               JournalField.EXTENSION_DECISION.value, JournalField.CLOSE_REQUEST.value,
                               JournalField.REVIEW.value, JournalField.OVERWRITE.value, JournalField.SUBTASK.value,
                               JournalField.TARGET.value})
#: Journal fields of entries without a task that change nothing a figure reads: accounts, unit aliases and
#: sign-off settings (a report's counted time is stored), the daily digest, and the headers of a plan imported
#: (PLAN, PLAN_IMPORT: its tasks are journalled one by one, CREATED; new plans and units are checked in the
#: snapshot). A unit renamed (NAME) is followed too: ``Changes.renamed``.
QUIET_FIELDS = frozenset({JournalField.ACCOUNT.value, JournalField.ROLE.value, JournalField.UNIT.value,
                          JournalField.ACTIVE.value, JournalField.PASSWORD.value, JournalField.DISPLAY_NAME.value,
                          JournalField.EMAIL.value, JournalField.ALIAS.value, JournalField.SIGNOFF_REQUIRED.value,
                          JournalField.REMINDER_DIGEST.value, JournalField.PLAN.value, JournalField.PLAN_IMPORT.value})
#: The journal fields a change may carry and still be brought forward by ``changes_since``: a filed report
#: (and its attachments, drafts and returned drafts: REPORT_FIELDS), a status change, an edit (EDIT_FIELDS),
#: a reshaping (RESHAPING_FIELDS) and the quiet ones.
FOLLOWED_FIELDS = frozenset(REPORT_FIELDS) | {JournalField.STATUS.value} | EDIT_FIELDS | RESHAPING_FIELDS | \
    QUIET_TASK_FIELDS


def changes_since(old: Snapshot, new: Snapshot) -> Changes | None:
    """Return what was written between ``old`` and ``new`` (``Changes``: progress reports stored, status changes,
    edits of a task's name, text, deadline and due date, tasks reshaped, added or withdrawn, units renamed) when
    nothing else changed in between, else None (then what was computed at ``old`` must be computed again);
    empty ``Changes`` when the snapshots are equal.

    "Nothing else" is proved from the two snapshots and a few range reads by primary key (never more than
    what was written in between):
    - the journal: every entry above ``old.journal`` (up to ``new.journal``) is, on a task, a filed report or
      draft (``REPORT_FIELDS``), a status change, an edit (``EDIT_FIELDS``), a reshaping (``RESHAPING_FIELDS``:
      units, a task added or withdrawn) or a quiet entry (``QUIET_TASK_FIELDS``); without a task, a quiet entry
      (``QUIET_FIELDS``) or a unit renamed (NAME). The tasks' versions grew by exactly the versions those entries
      stamped (services/journal._stamp_task_versions moves a task by one version per transaction with a journal
      entry, and stamps each entry with it), so no task row changed without its entry;
    - tasks: none removed: the count grew by exactly the number of tasks above ``old``'s max id; the tasks a new
      one was put under (``parent_id``) are reshaped too (they may have become headings);
    - assignments: the same parts, or every assignment above ``old``'s max id belongs to a reshaped task, and
      some task was reshaped (the use cases that remove assignments journal their task: RESHAPING_FIELDS);
    - plans and units: the same parts, or only added: the count grew by the number above ``old``'s max id, and
      the plans' sums of settings by the sums of the new plans;
    - reports: only added, never removed: the count grew by exactly the number of reports above
      ``old``'s max id (a ledger revert or a unit merge removes or moves reports and lowers the count
      or writes other journal entries). Reports are never edited but by their sign-off (审核签发), which
      is journalled under another field.
    Memoized per request (``flask.g``): the figures of one page ask for the same pair more than once.
    """
    if old == new:
        return Changes()
    memo = g.setdefault("tracker_changes_since", {}) if has_app_context() else {}
    if (old, new) not in memo:
        memo[(old, new)] = _changes_since(old, new)
    return memo[(old, new)]


def _changes_since(old: Snapshot, new: Snapshot) -> Changes | None:
    if (new.tasks[0] < old.tasks[0] or new.tasks[1] < old.tasks[1] or new.reports[1] < old.reports[1]
            or new.journal < old.journal or new.tasks[2] < old.tasks[2]):
        return None
    run = db.session.connection().execute
    stamped: set[tuple[int, int]] = set()
    statuses, edits, reshaped, renamed, new_plans, targets = [], [], set(), False, False, set()
    written = run(_written_between(), {"old_journal": old.journal, "new_journal": new.journal,
                                       "old_report": old.reports[1], "new_report": new.reports[1]}).all()
    reports = [NewReport(*row[1:4], row[9], row[11]) for row in written if row[0] == 1]
    if new.journal > old.journal:
        for _, _, task_id, task_version, field, old_code, new_code, old_text, new_text, created_at, reported_on, _ \
                in (row for row in written if row[0] == 0):
            if task_id is None:
                if field == JournalField.NAME.value:
                    renamed = True
                elif field not in QUIET_FIELDS and field not in REPORT_FIELDS:
                    return None
                continue
            if field not in FOLLOWED_FIELDS:
                return None
            stamped.add((task_id, task_version))
            if field == JournalField.STATUS.value:
                statuses.append(StatusChange(task_id, old_code, new_code,
                                             reported_on or (created_at + timedelta(hours=8)).date()))
            elif field in EDIT_FIELDS:
                edits.append(TaskEdit(task_id, field, old_text, new_text))
            elif field in RESHAPING_FIELDS:
                reshaped.add(task_id)
            elif field == JournalField.TARGET.value:
                targets.add(task_id)
    added: set[int] = set()
    added_versions = 0
    if new.tasks[:2] != old.tasks[:2]:
        rows = run(select(Task.id, Task.parent_id, Task.version)
                   .where(Task.id > old.tasks[1], Task.id <= new.tasks[1])).all()
        if new.tasks[0] != old.tasks[0] + len(rows):
            return None
        added = {task_id for task_id, _, _ in rows}
        added_versions = sum(version for _, _, version in rows)
        if not added <= {task_id for task_id, _ in stamped}:  # a task added without its journal entry
            return None
        reshaped |= added | {parent for _, parent, _ in rows if parent is not None}
    # A task added counts all its versions (it had none before); any other moved by one per stamped version.
    if new.tasks[2] - old.tasks[2] != added_versions + sum(1 for task_id, _ in stamped if task_id not in added):
        return None
    assignments, plans, units = (old.rest[:2], new.rest[:2]), (old.rest[2:7], new.rest[2:7]), (old.rest[7:], new.rest[7:])
    if assignments[0] != assignments[1]:
        owners = set(run(select(Assignment.task_id).where(Assignment.id > int(assignments[0][1] or 0))).scalars())
        if not reshaped or not owners <= reshaped:
            return None
    if plans[0] != plans[1]:
        cycle = case((Plan.report_cycle == ReportCycle.WEEKLY, 1), (Plan.report_cycle == ReportCycle.QUARTERLY, 2),
                     else_=3)
        count, top, *sums = run(
            select(func.count(Plan.id), func.max(Plan.id), func.sum(Plan.warning_days), func.sum(Plan.report_day),
                   func.sum(cycle)).where(Plan.id > int(plans[0][1] or 0))).one()
        before = [int(v or 0) for v in plans[0]]
        grown = [before[0] + count, int(top or before[1])] + [b + int(v or 0) for b, v in zip(before[2:], sums)]
        if grown != [int(v or 0) for v in plans[1]]:
            return None
        new_plans = True
    if units[0] != units[1]:
        count = run(select(func.count(Unit.id)).where(Unit.id > int(units[0][1] or 0))).scalar_one()
        if int(units[0][0] or 0) + count != int(units[1][0] or 0):
            return None
        renamed = True
    rows = tuple(reports)
    if new.reports[0] != old.reports[0] + len(rows):
        return None
    journalled = frozenset({task_id for task_id, _ in stamped} | {row.task_id for row in rows})
    return Changes(rows, tuple(statuses), tuple(edits), frozenset(reshaped), frozenset(added), renamed, new_plans,
                   journalled, frozenset(targets))


@cache
def _written_between():
    """Return ``_changes_since``'s read of what was written between two snapshots, in one statement (one round trip
    on PostgreSQL rather than two, issue 19: the dashboard's first request after a report): the journal entries with
    ids in (``old_journal``, ``new_journal``] and the progress reports with ids in (``old_report``, ``new_report``],
    bound at each call. Each row: kind (0 an entry, 1 a report), id, task id, the entry's task version or the report's
    unit id, the entry's field, old and new code, old and new text, created at, the entry's reported on, the report's
    counted at (a column that is not the row's kind's is NULL); entries first, each kind by id. Made on first use,
    then kept (a statement holds no data)."""
    nothing = {kind: cast(null(), kind) for kind in (String, Date, DateTime)}
    entries = select(literal_column("0").label("kind"), JournalEntry.id, JournalEntry.task_id,
                     JournalEntry.task_version, JournalEntry.field, JournalEntry.old_code, JournalEntry.new_code,
                     JournalEntry.old_text, JournalEntry.new_text, JournalEntry.created_at, JournalEntry.reported_on,
                     nothing[DateTime].label("counted_at")) \
        .where(JournalEntry.id > bindparam("old_journal"), JournalEntry.id <= bindparam("new_journal"))
    reports = select(literal_column("1"), ProgressReport.id, ProgressReport.task_id, ProgressReport.unit_id,
                     *[nothing[String]] * 5, ProgressReport.created_at, nothing[Date], ProgressReport.counted_at) \
        .where(ProgressReport.id > bindparam("old_report"), ProgressReport.id <= bindparam("new_report"))
    return (union_all(entries, reports).order_by("kind", "id"))


class FiguresCache:
    """At most ``size`` results by key, least recently used dropped first (thread-safe)."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        self.companions: dict[str, FiguresCache] = {}

    def companion(self, name: str, size: int) -> FiguresCache:
        """Return the cache named ``name`` of at most ``size`` entries kept beside this one (made on first use):
        what is rendered from the figures (the dashboard's page body: dashboard/routes.dashboard_body) has its own
        room, so that it does not push the figures out, and is forgotten with them (``clear``)."""
        with self._lock:
            if name not in self.companions:
                self.companions[name] = FiguresCache(size)
            return self.companions[name]

    def get_or_build(self, key: Hashable, build: Callable[[], T]) -> T:
        """Return the result stored under ``key``, or ``build()``'s result, stored under ``key``."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]  # type: ignore[return-value]
            self.misses += 1
        value = build()
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value

    def peek(self, key: Hashable, count: bool = True) -> object | None:
        """Return the result stored under ``key`` (counted as a hit unless ``count`` is false), or None
        (not counted)."""
        with self._lock:
            if key not in self._entries:
                return None
            self._entries.move_to_end(key)
            self.hits += count
            return self._entries[key]

    def put(self, key: Hashable, value: object, count: bool = True) -> None:
        """Store ``value`` under ``key`` (a miss computed by the caller; not counted if ``count`` is false:
        the kept task facts, services/figures/facts.kept_facts, are not figures)."""
        with self._lock:
            self.misses += count
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def tally(self, hit: bool) -> None:
        """Count a hit (or a miss) found by the caller with ``peek(key, count=False)`` (a kept result it checked
        against the data itself: services/figures/dashboard.build_dashboard)."""
        with self._lock:
            if hit:
                self.hits += 1
            else:
                self.misses += 1

    def clear(self) -> None:
        """Forget every stored result, the companions' too (tests measure cold pages with it)."""
        with self._lock:
            self._entries.clear()
            companions = list(self.companions.values())
        for companion in companions:
            companion.clear()


def figures_cache() -> FiguresCache:
    """Return the current app's cache (made on first use)."""
    return current_app.extensions.setdefault(EXTENSION, FiguresCache())
