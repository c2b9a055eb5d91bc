"""Time the dashboard, the liaison home and the API task list on a large generated database.

Usage: .venv/bin/python bench/dashboard_benchmark.py [--units 200] [--plans 50] [--tasks 10000]
       [--reports 100000] [--rounds 20] [--only bulletin --only "dashboard /"]      (DATABASE_URL: default a temporary SQLite file)

Generates the data with bulk inserts (deterministic, seed 6), then requests each page ``rounds``
times through Flask's test client (one client, no network; bench/pages.py ``time_calls``) and prints
the median and the 95th percentile in milliseconds, with the number of SQL statements per request.
"(cold)" rows empty the dashboard's figures cache (services/figures/cache.py) before each request
(untimed); "(after a report)" rows file a report dated today before each request (untimed), "(after a
status change)" rows close a task today (journalled, as the use cases do), "(after a task edit)" rows move
a task's due date by a day, journalled as services/plans/task_editing.edit_task does (tasks due from this
month on, so that the settled months stay); after each the kept figures are brought forward with the
change (services/figures/dashboard._patched, bulletin._kept_part); the other dashboard rows find the
figures computed by the request before. The bulletin rows ask for last month's bulletin (2026-10, the one
an office issues) and the running month's (2026-11, figures as of today, which a report today moves).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import percentile, time_calls  # noqa: E402


def generate(app, units: int, plans: int, tasks: int, reports: int) -> None:
    """Fill the empty, migrated database of ``app`` with the given numbers of rows."""
    from sqlalchemy import insert

    from tracker.extensions import db
    from tracker.models import Assignment, Plan, ProgressReport, Role, Task, Unit, User

    rng = random.Random(6)
    with app.app_context():
        db.session.execute(insert(Unit), [{"id": i, "name": f"单位{i:03d}", "created_at": datetime(2026, 1, 1)}
                                          for i in range(1, units + 1)])
        supervisor = User(username="duban", display_name="督办", role=Role.SUPERVISOR, unit_id=1)
        liaison = User(username="liaison", display_name="联络员", role=Role.LIAISON, unit_id=2)
        for user in (supervisor, liaison):
            user.set_password("benchmark-password")
            db.session.add(user)
        db.session.flush()
        db.session.execute(insert(Plan), [{"id": p, "title": f"方案{p}", "source_text": "", "created_at": datetime(2026, 1, 1),
                                           "warning_days": 15, "report_cycle": "monthly", "report_day": 25}
                                          for p in range(1, plans + 1)])
        task_rows, assignment_rows = [], []
        for t in range(1, tasks + 1):
            due = date(2026, 1, 1) + timedelta(days=rng.randint(0, 540)) if rng.random() < 0.7 else None
            task_rows.append({"id": t, "key": f"{t:032x}", "plan_id": 1 + t % plans, "parent_id": None,
                              "path": ["一", str(t)], "number": str(t), "level": 2, "position": t, "title": f"任务{t}",
                              "text": "推进重点工作", "deadline": None, "due_date": due,
                              "status": rng.choice(["assigned", "in_progress", "in_progress", "closed"]), "version": 1})
            lead = rng.randint(1, units)
            support = lead % units + 1
            assignment_rows += [{"task_id": t, "unit_id": lead, "role": "lead", "position": 0},
                                {"task_id": t, "unit_id": support, "role": "supporting", "position": 1}]
        db.session.execute(insert(Task), task_rows)
        db.session.execute(insert(Assignment), assignment_rows)
        report_rows = []
        for _ in range(reports):
            t = rng.randint(1, tasks)
            unit = assignment_rows[2 * (t - 1) + rng.randint(0, 1)]["unit_id"]
            report_rows.append({"task_id": t, "unit_id": unit, "author_id": supervisor.id,
                                "created_at": datetime(2026, 1, 1) + timedelta(minutes=rng.randint(0, 465 * 24 * 60)),
                                "progress": "按计划推进", "problems": "", "next_steps": ""})
        for start in range(0, len(report_rows), 10000):
            db.session.execute(insert(ProgressReport), report_rows[start:start + 10000])
        if db.engine.dialect.name == "postgresql":  # rows inserted with their ids: move the sequences past them
            from sqlalchemy import text

            for table in ("unit", "plan", "task"):
                db.session.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                                        f"(SELECT max(id) FROM \"{table}\"))"))
        db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--plans", type=int, default=50)
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--reports", type=int, default=100000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--only", action="append", default=[],
                        help="time only the rows whose name contains this text (repeatable; default every row)")
    args = parser.parse_args()

    import tracker.clock
    from sqlalchemy import event

    from tracker import create_app
    from tracker.database import upgrade_database
    from tracker.extensions import db

    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    os.environ["TRACKER_INSTANCE_DIR"] = str(folder)
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite'}"
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False})
    tracker.clock.beijing_today = lambda: date(2026, 11, 21)
    with app.app_context():
        upgrade_database()
    started = time.perf_counter()
    generate(app, args.units, args.plans, args.tasks, args.reports)
    print(f"generated {args.units} units, {args.plans} plans, {args.tasks} tasks, {args.reports} reports "
          f"in {time.perf_counter() - started:.1f} s ({url.split(':')[0]})")
    token = app.test_cli_runner().invoke(args=["create-token", "duban"]).output.strip()
    supervisor, liaison, api = app.test_client(), app.test_client(), app.test_client()
    supervisor.post("/login", data={"username": "duban", "password": "benchmark-password"})
    liaison.post("/login", data={"username": "liaison", "password": "benchmark-password"})
    from tracker.services.figures.cache import figures_cache

    from sqlalchemy import insert, select

    from tracker.clock import utcnow
    from tracker.models import (Assignment, AssignmentRole, JournalField, Plan, ProgressReport, Task, TaskStatus, Unit,
                                User as Account)
    from tracker.services import journal
    from tracker.services.accounts.units import rename_unit
    from tracker.services.plans.task_editing import TaskEdit, edit_task as edit_task_fields

    def supervisor_account():
        return db.session.scalar(select(Account).where(Account.username == "duban"))

    def clear_figures():
        """Before a "(cold)" request: forget every computed figure (what a new worker process starts
        with; close to what a change to a task costs, which keeps nothing of the dashboard either)."""
        with app.app_context():
            figures_cache().clear()

    filed = [0]

    def file_report():
        """Before an "(after a report)" request: file a report dated today (the usual change in a live
        office); the figures are computed again, except what the report cannot change (past months)."""
        with app.app_context():
            filed[0] += 1
            db.session.execute(insert(ProgressReport), [{
                "task_id": 1 + filed[0] % args.tasks, "unit_id": None, "author_id": 1,
                "created_at": datetime(2026, 11, 21, 1) + timedelta(seconds=filed[0]),
                "progress": "今日进展", "problems": "", "next_steps": ""}])
            db.session.commit()

    with app.app_context():
        open_tasks = list(db.session.scalars(select(Task.id).where(Task.status == TaskStatus.IN_PROGRESS)
                                             .order_by(Task.id).limit(500)))
    closed = [0]

    def close_task():
        """Before an "(after a status change)" request: close a task today (办结), journalled as the use cases
        do (services/journal.record: the task's version moves), the other usual change in a live office."""
        with app.app_context():
            task = db.session.get(Task, open_tasks[closed[0] % len(open_tasks)])
            closed[0] += 1
            actor = supervisor_account()
            journal.record(task, JournalField.STATUS, task.status, TaskStatus.CLOSED, actor,
                           reported_on=date(2026, 11, 21))
            task.status = TaskStatus.CLOSED
            db.session.commit()

    with app.app_context():
        later_tasks = list(db.session.scalars(select(Task.id).where(Task.due_date >= date(2026, 11, 1))
                                              .order_by(Task.id).limit(500)))
    edited = [0]

    def edit_task():
        """Before an "(after a task edit)" request: move a task's due date one day later (a deadline edited by the
        supervising office), journalled as services/plans/task_editing.edit_task does."""
        with app.app_context():
            task = db.session.get(Task, later_tasks[edited[0] % len(later_tasks)])
            edited[0] += 1
            actor = supervisor_account()
            new_due = task.due_date + timedelta(days=1)
            journal.record(task, JournalField.DUE_DATE, task.due_date, new_due, actor)
            task.due_date = new_due
            db.session.commit()

    regrouped = [0]

    def change_units():
        """Before an "(after a unit change)" request: give a task another lead unit through the edit form's use case
        (services/plans/task_editing.edit_task: assignments moved, journalled)."""
        with app.app_context():
            task = db.session.get(Task, later_tasks[regrouped[0] % len(later_tasks)])
            regrouped[0] += 1
            lead = task.lead_units[0].id % args.units + 1
            supporting = [unit.id for unit in task.supporting_units if unit.id != lead]
            edit_task_fields(task.id, supervisor_account(), TaskEdit(
                title=task.title or "", text=task.text, lead_unit_ids=[lead], supporting_unit_ids=supporting,
                deadline=task.deadline or "", due_date=task.due_date), task.version)

    added = [0]

    def add_task():
        """Before an "(after a task added)" request: a new measure in a plan with its lead unit, journalled as a plan
        revision adds one (services/plans/revision.apply_revision: CREATED)."""
        with app.app_context():
            added[0] += 1
            task = Task(plan_id=1 + added[0] % args.plans, path=["九", str(added[0])], number=str(added[0]), level=2,
                        position=args.tasks + added[0], title=f"新增任务{added[0]}", text="新增", status=TaskStatus.ASSIGNED,
                        due_date=date(2026, 12, 31))
            task.assignments.append(Assignment(unit_id=1 + added[0] % args.units, role=AssignmentRole.LEAD, position=0))
            db.session.add(task)
            db.session.flush()
            journal.record(task, JournalField.CREATED, None, task.title, supervisor_account())
            db.session.commit()

    withdrawn = [0]

    def withdraw_task():
        """Before an "(after a task withdrawn)" request: a task withdrawn (已撤销) as a plan revision does."""
        with app.app_context():
            task = db.session.get(Task, open_tasks[-1 - withdrawn[0] % len(open_tasks)])
            withdrawn[0] += 1
            if task.withdrawn_at is None:
                actor = supervisor_account()  # read first: a query in between would flush the change without its entry
                task.withdrawn_at = utcnow()
                journal.record(task, JournalField.WITHDRAWN, None, "修订版中已删除该条目", actor)
                db.session.commit()

    imported = [0]

    def import_plan():
        """Before an "(after a plan imported)" request: a new plan of 40 measures with lead and supporting units,
        journalled as services/plans/drafts.confirm_import does (PLAN, then CREATED per task)."""
        with app.app_context():
            imported[0] += 1
            plan = Plan(title=f"新方案{imported[0]}", source_text="")
            db.session.add(plan)
            for n in range(40):
                task = Task(plan=plan, path=[str(n + 1)], number=str(n + 1), level=1, position=n, title=f"新措施{n}",
                            text="", due_date=date(2026, 12, 1) + timedelta(days=n))
                task.assignments.append(Assignment(unit_id=1 + n % args.units, role=AssignmentRole.LEAD, position=0))
                task.assignments.append(Assignment(unit_id=1 + (n + 7) % args.units, role=AssignmentRole.SUPPORTING,
                                                   position=1))
                db.session.add(task)
            db.session.flush()
            actor = supervisor_account()
            journal.record(None, JournalField.PLAN, None, plan.title, actor, plan_id=plan.id)
            for task in plan.tasks:
                journal.record(task, JournalField.CREATED, None, task.title, actor)
            db.session.commit()

    renamed = [0]

    def rename():
        """Before an "(after a unit renamed)" request: rename a unit (services/accounts/units.rename_unit)."""
        with app.app_context():
            renamed[0] += 1
            unit = db.session.get(Unit, 3)
            rename_unit(supervisor_account(), unit.id, f"单位003（{renamed[0]}）")

    def home():
        return supervisor.get("/")

    def bulletin(period: str):
        return lambda: supervisor.get(f"/bulletin?period={period}")

    changes = {"a report": file_report, "a status change": close_task, "a task edit": edit_task,
               "a unit change": change_units, "a task added": add_task, "a task withdrawn": withdraw_task,
               "a plan imported": import_plan, "a unit renamed": rename}
    pages = {  # name: (what to do before each request, untimed, or None; the request)
        "dashboard / (cold)": (clear_figures, home),
        **{f"dashboard / (after {change})": (prepare, home) for change, prepare in changes.items()},
        "dashboard /": (None, home),
        "dashboard task list page 3": (None, lambda: supervisor.get("/dashboard?page=3")),
        "dashboard, red + search": (None, lambda: supervisor.get("/dashboard?light=red&q=重点")),
        "liaison home /": (None, lambda: liaison.get("/")),
        "API /api/v1/tasks (50)": (None, lambda: api.get("/api/v1/tasks", headers={"Authorization": f"Bearer {token}"})),
        "bulletin 2026-10": (None, bulletin("2026-10")),
        **{f"bulletin 2026-10 (after {change})": (changes[change], bulletin("2026-10"))
           for change in ("a report", "a status change", "a task edit")},
        "bulletin 2026-11 (after a report)": (file_report, bulletin("2026-11")),
    }
    with app.app_context():
        engine = db.engine
    statements = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(1))
    if args.only:
        pages = {name: page for name, page in pages.items() if any(part in name for part in args.only)}
    floor = app.test_client()
    floors = []
    for name, (prepare, request) in pages.items():
        assert request().status_code == 200, name
        timed = time_calls(request, args.rounds, floor=lambda: floor.get("/livez"), prepare=(prepare, statements.clear))
        floors += timed.floors
        print(f"{name:<42} median {timed.median * 1000:7.1f} ms   p95 {timed.p95 * 1000:7.1f} ms   "
              f"p95 ÷ floor {timed.ratio(95):5.0f}   {len(statements)} SQL statements")
    print(f"floor /livez (same test client, timed in turns with every row): median {percentile(floors, 50) * 1000:.2f} ms, "
          f"p95 {percentile(floors, 95) * 1000:.2f} ms")

if __name__ == "__main__":
    main()
