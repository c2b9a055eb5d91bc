"""Row counts kept by the database itself (issue 19): what the figures' fingerprint reads instead of counting.

``cache.snapshot()`` (services/figures/cache.py) needs the number of tasks, the sum of their versions, the
number of progress reports and of assignments on every dashboard request; counting 100,000 reports costs
10–15 ms on PostgreSQL (a sequential scan: ``count`` has no index shortcut there). ``FiguresTally`` is one
row holding these four numbers, kept by triggers (migration ``c2f6b8d41e07``) in the transaction of every
write to those tables, whatever wrote it (the ORM, a bulk ``insert()``, ``restore``, raw SQL, another
program): the numbers are the tables' own at every committed state, so the snapshot stays honest.

- SQLite: a row trigger per insert and delete (and per update of ``task.version``) updates the row at once
  (SQLite has one writer at a time anyway).
- PostgreSQL: statement triggers on inserts and deletes (with transition tables, so a bulk insert of 10,000 rows
  is one step) and a row trigger on a task whose version moved add the deltas to transaction-local settings
  (``set_config(…, true)``) and, on the first one,
  insert a row into ``FiguresTallyPending``, whose deferred constraint trigger adds the deltas to the tally
  row once, at commit. So the tally row is updated once per transaction (updating one row thousands of times
  in one transaction grows quadratically on PostgreSQL: 20,000 updates took 7 s), and locked only while the
  transaction commits, as its last lock (concurrent writers wait only for each other's commits, and cannot
  deadlock on it). Inside a writing transaction the tally shows the committed numbers until it commits
  (the snapshot then differs from any committed one, so nothing kept is reused against it).

Neither table is in a backup (services/backup.DERIVED_TABLES): a restore's inserts fill the tally.
"""
from __future__ import annotations

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db


class FiguresTally(db.Model):
    """The one row (``id`` 1) of counts: ``tasks`` (rows of ``task``), ``task_versions`` (the sum of
    ``task.version``), ``reports`` (rows of ``progress_report``), ``assignments`` (rows of ``assignment``),
    ``close_requests`` (live leaf tasks 申请办结: the supervising office's 待办 badge, services/inbox.badge_counts;
    recounted by triggers only when a write can change it, migration ``b8e1d4f7a260``)."""

    __tablename__ = "figures_tally"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    tasks: Mapped[int] = mapped_column(BigInteger, default=0)
    task_versions: Mapped[int] = mapped_column(BigInteger, default=0)
    reports: Mapped[int] = mapped_column(BigInteger, default=0)
    assignments: Mapped[int] = mapped_column(BigInteger, default=0)
    close_requests: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


class FiguresTallyPending(db.Model):
    """PostgreSQL only: one row per writing transaction, inserted by its first write to a counted table and
    removed at its commit by the deferred trigger that adds the transaction's deltas to ``FiguresTally``."""

    __tablename__ = "figures_tally_pending"

    id: Mapped[int] = mapped_column(primary_key=True)
