"""Load: 16 clients post progress reports to overlapping tasks against gunicorn with 4 workers.

This is also SECURITY-TESTS F5 (≥ 8 writers for 30 s on SQLite: no 500s, no partial writes): every
accepted report is stored once together with its journal entry, and each entry moved its task by
exactly one version. The connection settings and BEGIN IMMEDIATE are checked in tests/web/test_integrity.py.

Each post carries the task version its client just read; one overtaken by another client's
report gets a 409 conflict page, which the client sees (nothing is lost silently).

Runs on the suite's database (SQLite in the first CI run, PostgreSQL in the second) for
TRACKER_LOAD_SECONDS seconds (default 30, as issue #7 asks). Loopback only; it stops by itself.
"""
from __future__ import annotations

import os
from collections import Counter

from sqlalchemy import func, select

from bench.load import run_load
from tests.helpers.reports import task_id
from tests.helpers.servers import fetch, gunicorn
from tracker.extensions import db
from tracker.models import JournalEntry, ProgressReport, Task

SECONDS = float(os.environ.get("TRACKER_LOAD_SECONDS", "30"))


def test_load_sixteen_clients_lose_and_duplicate_no_report(app, seeded_template, tmp_path, drill_log):
    # 一（一）, 一（三）, 一（五）: each open to duban (supervisor), zjj and rhygb (lead or supporting)
    tasks = [task_id(app, ["一", n]) for n in ("（一）", "（三）", "（五）")]
    log = tmp_path / "gunicorn.log"
    with gunicorn(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, workers=4, log=log) as base:
        fetch(f"{base}/healthz")
        accounts = [(name, seeded_template.passwords[name]) for name in ("duban", "zjj", "rhygb")]
        result = run_load(base, accounts, tasks, clients=16, seconds=SECONDS)
    with app.app_context():
        db.session.remove()
        stored = db.session.scalars(
            select(ProgressReport.progress).where(ProgressReport.progress.like(f"load-{result.run_id}-%"))).all()
        reports = set(db.session.execute(select(ProgressReport.task_id, ProgressReport.progress).where(
            ProgressReport.progress.like(f"load-{result.run_id}-%"))).all())
        entries = db.session.execute(select(JournalEntry.task_id, JournalEntry.new_value, JournalEntry.task_version)
                                     .where(JournalEntry.field == "report",
                                            JournalEntry.new_value.like(f"load-{result.run_id}-%"))).all()
        latest = dict(db.session.execute(select(JournalEntry.task_id, func.max(JournalEntry.task_version))
                                         .where(JournalEntry.task_id.in_(tasks)).group_by(JournalEntry.task_id)).all())
        current = dict(db.session.execute(select(Task.id, Task.version).where(Task.id.in_(list(latest)))).all())
    duplicates = [text for text, n in Counter(stored).items() if n > 1]
    drill_log(f"load on {app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]}: {sum(result.statuses.values())} "
              f"requests in {result.seconds:.1f} s, statuses {dict(result.statuses)}, accepted {len(result.accepted)}, "
              f"stored {len(stored)}, duplicated {len(duplicates)}, client errors {len(result.errors)}")
    assert result.errors == []
    errors = [line for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
              if "Error" in line or "incident" in line]
    assert result.server_errors == 0, "\n".join(errors[-20:])
    assert set(result.statuses) <= {302, 409}  # stored, or refused as a conflict with a newer version
    assert len(result.accepted) > 16
    assert sorted(stored) == sorted(result.accepted)  # none lost, none duplicated
    # No partial write: each stored report has its journal entry on the same task, and nothing else has one.
    assert sorted((task, text) for task, text, _ in entries) == sorted(reports)
    # One winner per version: no two reports moved a task to the same version, and each task's version is
    # the one its newest journal entry reached (no change stored without moving it).
    report_versions = [(task, version) for task, _, version in entries]
    assert len(set(report_versions)) == len(report_versions)
    assert current == latest
