"""A per-process cache of computed figures, keyed on what they were computed from.

The dashboard's figures (counts, lights, ranking, six months of trends over every task) cost
hundreds of milliseconds to compute on a large database, and they change only when the data
or the date changes. ``data_version()`` reads, in one query, a fingerprint of every table the
figures are computed from; ``cached(key, build)`` returns what ``build()`` returned the last
time it was called with the same key (which callers make of the fingerprint, Beijing's date and
their own arguments), or calls it.

Why the fingerprint is honest (every write the figures depend on changes it):
- tasks: ``count``, ``max(id)`` and ``sum(version)``; Task.version is SQLAlchemy's version
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
- the journal: ``max(id)`` (append-only; every change to a task or a setting writes a row).

The cache lives in the app (``app.extensions``), so every app and so every database has its own,
holds at most ``SIZE`` entries (the least recently used goes first), and is shared by the threads
of a process (a lock guards it; two threads that miss together both compute, harmlessly). With
several gunicorn workers each has its own cache, all keyed on the same data, so none can serve
figures older than the database it reads.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from collections.abc import Callable, Hashable
from datetime import datetime
from typing import TypeVar

from flask import current_app
from sqlalchemy import case, func, select

from ...extensions import db
from ...models import Assignment, JournalEntry, JournalField, Plan, ProgressReport, ReportCycle, Task, Unit

#: How many computed results a process keeps (the dashboard of a few filters, sorts and days, and the
#: settled months of its trends).
SIZE = 48
EXTENSION = "tracker_figures_cache"

T = TypeVar("T")


def data_version() -> tuple:
    """Return the fingerprint of the data the figures are computed from (one query; see the module)."""
    cycle_number = case((Plan.report_cycle == ReportCycle.WEEKLY, 1),
                        (Plan.report_cycle == ReportCycle.QUARTERLY, 2), else_=3)
    parts = [
        select(func.count(Task.id)), select(func.max(Task.id)), select(func.sum(Task.version)),
        select(func.count(ProgressReport.id)), select(func.max(ProgressReport.id)),
        select(func.count(Assignment.id)), select(func.max(Assignment.id)),
        select(func.count(Plan.id)), select(func.max(Plan.id)), select(func.sum(Plan.warning_days)),
        select(func.sum(Plan.report_day)), select(func.sum(cycle_number)),
        select(func.count(Unit.id)), select(func.max(Unit.id)),
        select(func.max(JournalEntry.id)),
    ]
    return tuple(db.session.execute(select(*(part.scalar_subquery() for part in parts))).one())


#: Journal fields written when a report is filed (services/workflow/progress.add_report): they leave settled figures alone;
#: so do a unit's drafts and their returns (issue 18), which no figure counts.
REPORT_FIELDS = (JournalField.REPORT.value, JournalField.ATTACHMENT.value, JournalField.DRAFT.value,
                 JournalField.SIGNOFF_RETURN.value)


def settled_version(cutoff: datetime) -> tuple:
    """Return the fingerprint of the data that figures of the time before ``cutoff`` (a stored,
    naive UTC time) are computed from: the same as ``data_version`` except that progress reports count
    only when filed before ``cutoff``, and the journal only by its entries about something other than
    a filed report (fields ``REPORT_FIELDS``). One query.

    So a report filed now (after ``cutoff``) leaves it unchanged, while what changes a settled month
    still changes it: a task's status, due date or parent (the version counter), a closing (its
    journal entry), assignments, plans and their settings, units and unit merges (which move old
    reports to the surviving unit and are journalled), and reports dated before ``cutoff`` being
    added (a backdated insert) or removed (a ledger revert: the count and the sum of ids). Reports
    are never edited otherwise (their task, unit and time are written once).
    """
    cycle_number = case((Plan.report_cycle == ReportCycle.WEEKLY, 1),
                        (Plan.report_cycle == ReportCycle.QUARTERLY, 2), else_=3)
    before = ProgressReport.created_at < cutoff
    parts = [
        select(func.count(Task.id)), select(func.max(Task.id)), select(func.sum(Task.version)),
        select(func.count(ProgressReport.id)).where(before), select(func.max(ProgressReport.id)).where(before),
        select(func.sum(ProgressReport.id)).where(before),
        select(func.count(Assignment.id)), select(func.max(Assignment.id)),
        select(func.count(Plan.id)), select(func.max(Plan.id)), select(func.sum(Plan.warning_days)),
        select(func.sum(Plan.report_day)), select(func.sum(cycle_number)),
        select(func.count(Unit.id)), select(func.max(Unit.id)),
        select(JournalEntry.id).where(JournalEntry.field.not_in(REPORT_FIELDS)).order_by(JournalEntry.id.desc())
        .limit(1),
    ]
    return (cutoff,) + tuple(db.session.execute(select(*(part.scalar_subquery() for part in parts))).one())


def facts_version() -> tuple[tuple, tuple[int, int]]:
    """Return ``(base, reports)``, in one query: ``base`` is the fingerprint of everything the task facts
    (services/figures/facts.py) are read from except progress reports: as ``data_version`` without the
    reports, with the journal counted only by entries other than filed reports (``REPORT_FIELDS``);
    ``reports`` is ``(count, max id)`` of the progress reports.

    ``facts.kept_facts`` keeps the facts under ``base`` and, when only ``reports`` moved, reads just the
    reports with an id above the kept max id: reports are only ever added (new, higher ids) or removed
    (a ledger revert, which also writes journal entries other than filed reports and lowers the count),
    so "count grew by exactly the number of reports above the old max id" proves that nothing else
    changed among them.
    """
    cycle_number = case((Plan.report_cycle == ReportCycle.WEEKLY, 1),
                        (Plan.report_cycle == ReportCycle.QUARTERLY, 2), else_=3)
    parts = [
        select(func.count(Task.id)), select(func.max(Task.id)), select(func.sum(Task.version)),
        select(func.count(Assignment.id)), select(func.max(Assignment.id)),
        select(func.count(Plan.id)), select(func.max(Plan.id)), select(func.sum(Plan.warning_days)),
        select(func.sum(Plan.report_day)), select(func.sum(cycle_number)),
        select(func.count(Unit.id)), select(func.max(Unit.id)),
        select(JournalEntry.id).where(JournalEntry.field.not_in(REPORT_FIELDS)).order_by(JournalEntry.id.desc())
        .limit(1),
        select(func.count(ProgressReport.id)), select(func.max(ProgressReport.id)),
    ]
    row = tuple(db.session.execute(select(*(part.scalar_subquery() for part in parts))).one())
    return row[:-2], (int(row[-2] or 0), int(row[-1] or 0))


@dataclass(frozen=True)
class Fingerprints:
    """``data_version()``, ``facts_version()`` and ``settled_version(cutoff)`` read together (``fingerprints``)."""

    data: tuple
    facts: tuple[tuple, tuple[int, int]]
    settled: tuple


def fingerprints(cutoff: datetime) -> Fingerprints:
    """Return the three fingerprints the dashboard needs, equal to ``data_version()``, ``facts_version()``
    and ``settled_version(cutoff)``, in one query of 19 parts instead of three of 46 (the parts they share
    are counted once)."""
    cycle_number = case((Plan.report_cycle == ReportCycle.WEEKLY, 1),
                        (Plan.report_cycle == ReportCycle.QUARTERLY, 2), else_=3)
    before = ProgressReport.created_at < cutoff
    parts = [
        select(func.count(Task.id)), select(func.max(Task.id)), select(func.sum(Task.version)),  # 0-2
        select(func.count(ProgressReport.id)), select(func.max(ProgressReport.id)),  # 3-4
        select(func.count(Assignment.id)), select(func.max(Assignment.id)),  # 5-6
        select(func.count(Plan.id)), select(func.max(Plan.id)), select(func.sum(Plan.warning_days)),  # 7-9
        select(func.sum(Plan.report_day)), select(func.sum(cycle_number)),  # 10-11
        select(func.count(Unit.id)), select(func.max(Unit.id)),  # 12-13
        select(func.max(JournalEntry.id)),  # 14
        select(JournalEntry.id).where(JournalEntry.field.not_in(REPORT_FIELDS)).order_by(JournalEntry.id.desc())
        .limit(1),  # 15
        select(func.count(ProgressReport.id)).where(before), select(func.max(ProgressReport.id)).where(before),
        select(func.sum(ProgressReport.id)).where(before),  # 16-18
    ]
    v = tuple(db.session.execute(select(*(part.scalar_subquery() for part in parts))).one())
    tasks, reports, rest = v[0:3], v[3:5], v[5:14]
    return Fingerprints(
        data=tasks + reports + rest + (v[14],),
        facts=(tasks + rest + (v[15],), (int(v[3] or 0), int(v[4] or 0))),
        settled=(cutoff,) + tasks + v[16:19] + rest + (v[15],),
    )


class FiguresCache:
    """At most ``size`` results by key, least recently used dropped first (thread-safe)."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

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

    def clear(self) -> None:
        """Forget every stored result (tests measure cold pages with it)."""
        with self._lock:
            self._entries.clear()


def figures_cache() -> FiguresCache:
    """Return the current app's cache (made on first use)."""
    return current_app.extensions.setdefault(EXTENSION, FiguresCache())


def cached(key: Hashable, build: Callable[[], T]) -> T:
    """Return ``build()``'s result for ``key`` combined with ``data_version()`` (computed at most once
    per process while the data stay the same)."""
    return figures_cache().get_or_build((data_version(), key), build)
