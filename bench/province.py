"""The province scale: the same pages and exports on the bench data set and on ten times it, in one run.

Usage (two bench databases made by bench/generate_data.py, the second at ``--scale 10``: 100,000 tasks,
1,000,000 reports; each is filled first when empty):

    python bench/province.py postgresql+psycopg://…/bench_city postgresql+psycopg://…/bench_province \
        [--rounds 5] [--explain 6] [--skip-export]

For each database in turn, in-process (Flask's test client, one client, no network; the floor ``/livez``
is asked before every request, so a row and its floor see the same load of the shared machine;
bench/pages.py ``time_calls``), prints the minimum, median and p95 in ms, the median ÷ the floor's
median, and the SQL statements per request:

- the dashboard ``/`` cold (the figures cache emptied before each request, untimed: a new worker, or
  the first request after a change to a task), after a report (one report dated now is inserted before
  each request, untimed), and warm;
- the plan page of the largest plan (a fifth of all tasks) and of a typical plan, as the supervisor;
- the monthly bulletin of the previous month (not cached);
- the snapshot of the data the figures are computed from (``figures.cache.snapshot``: the one query every
  dashboard runs);
- ``flask export-ledger`` of every task, whole process, beside its floor: a bare openpyxl write-only
  loop of the same number of rows and ten cells in its own process (peak memory of each printed).

Then the ratio of each row between the two databases (10× data ÷ 1×: 10 is linear). ``--explain N``
prints ``EXPLAIN (ANALYZE, BUFFERS)`` (PostgreSQL) or ``EXPLAIN QUERY PLAN`` (SQLite) of the N slowest
statements of a cold dashboard on the last database. Only loopback and the given databases are used;
reports filed by the "after a report" row stay in the database (a few per round).
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, event, insert  # noqa: E402

from bench.generate_data import Counts, bench_facts, database_url, generate, has_bench_data  # noqa: E402
from bench.pages import time_calls  # noqa: E402

BARE_WRITE = """
import sys, time
from openpyxl import Workbook
rows = int(sys.argv[1]); began = time.perf_counter()
book = Workbook(write_only=True); sheet = book.create_sheet("台账")
for i in range(rows):
    sheet.append([f"{i}", "加快推进普惠金融服务，确保取得实效。" * 3, "市发展改革委", "市财政局、市商务委",
                  "2026年12月底前", "推进中", "已召开专题会议研究部署。" * 4, "部分区县进度滞后", "下一步将继续加强督促指导。", ""])
book.save(sys.argv[2])
"""


def run_process(args: list[str], env: dict) -> tuple[float, float]:
    """Run ``args`` to completion; return (wall seconds, peak RSS in MB of that process)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: nobody reads it while the process runs
        began = time.perf_counter()
        process = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        if os.waitstatus_to_exitcode(status):
            errors.seek(0)
            raise RuntimeError(f"{args}: exit {os.waitstatus_to_exitcode(status)}: {errors.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def measure(url: str, rounds: int, explain: int, skip_export: bool, skip_pages: bool = False) -> dict[str, tuple]:
    """Measure every row on the bench database ``url``; return {row: (median ms, floor median ms)}."""
    engine = create_engine(url)
    facts = bench_facts(engine)
    engine.dispose()
    tasks = facts.counts["task"]
    print(f"\n== {url.split('@')[-1]}: {tasks:,} tasks, {facts.counts['progress_report']:,} reports, "
          f"largest plan /plans/{facts.largest_plan}, typical /plans/{facts.typical_plan}")

    from tracker import create_app
    from tracker.extensions import db
    from tracker.models import ProgressReport
    from tracker.services.figures.cache import figures_cache, snapshot

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False})
    floor, supervisor = app.test_client(), app.test_client()
    assert supervisor.post("/login", data={"username": facts.supervisor,
                                           "password": facts.password}).status_code in (302, 303)
    with app.app_context():
        engine = db.engine
    statements: list[tuple[float, str, object]] = []
    began_statement = [0.0]
    event.listen(engine, "before_cursor_execute", lambda *a: began_statement.__setitem__(0, time.perf_counter()))
    event.listen(engine, "after_cursor_execute", lambda conn, cursor, statement, parameters, context, many:
                 statements.append((time.perf_counter() - began_statement[0], statement, parameters)))

    def clear_figures():
        with app.app_context():
            figures_cache().clear()

    def file_report():
        with app.app_context():
            db.session.execute(insert(ProgressReport), [{
                "task_id": facts.sample_tasks[len(statements) % len(facts.sample_tasks)], "unit_id": None,
                "author_id": 1, "created_at": datetime.utcnow(), "progress": "今日进展", "problems": "",
                "next_steps": ""}])
            db.session.commit()

    def data_snapshot():
        with app.test_request_context():
            snapshot()
        return None

    today = date.today()
    previous = f"{today.year - (today.month == 1)}-{(today.month - 2) % 12 + 1:02d}"
    rows = {  # name: (untimed preparation or None, the timed call)
        "dashboard / cold": (clear_figures, lambda: supervisor.get("/")),
        "dashboard / after a report": (file_report, lambda: supervisor.get("/")),
        "dashboard / warm": (None, lambda: supervisor.get("/")),
        f"plan page, largest plan ({tasks // 5:,} tasks)": (None, lambda: supervisor.get(f"/plans/{facts.largest_plan}")),
        "plan page, typical plan": (None, lambda: supervisor.get(f"/plans/{facts.typical_plan}")),
        f"bulletin {previous}": (None, lambda: supervisor.get(f"/bulletin?period={previous}")),
        "snapshot (one query)": (None, data_snapshot),
    }
    results: dict[str, tuple] = {}
    print(f"{'row':<40} {'min ms':>8} {'median ms':>10} {'p95 ms':>9} {'floor med':>9} {'÷floor':>8} {'SQL':>4}")
    slowest: list[tuple[float, str, object]] = []
    for name, (prepare, call) in rows.items():
        if skip_pages and name != "dashboard / cold":
            continue
        answer = call()
        assert answer is None or answer.status_code == 200, (name, answer.status_code)
        timed = time_calls(call, rounds, floor=lambda: floor.get("/livez"), prepare=(prepare, statements.clear))
        if name == "dashboard / cold":
            slowest = sorted(statements, key=lambda s: -s[0])[:explain]
        median, floor_median = timed.median * 1000, timed.floor(50) * 1000
        results[name] = (median, floor_median)
        print(f"{name:<40} {timed.minimum * 1000:8.1f} {median:10.1f} {timed.p95 * 1000:9.1f} {floor_median:9.2f} "
              f"{timed.ratio(50):8.0f} {len(statements):4d}")

    if not skip_export:
        env = {**os.environ, "DATABASE_URL": url, "TRACKER_INSTANCE_DIR": tempfile.mkdtemp(prefix="tracker-bench-")}
        with tempfile.TemporaryDirectory() as folder:
            seconds, rss = run_process([sys.executable, "-m", "flask", "--app", "tracker", "export-ledger",
                                        "-o", f"{folder}/ledger.xlsx"], env)
            bare, bare_rss = run_process([sys.executable, "-c", BARE_WRITE, str(tasks), f"{folder}/bare.xlsx"], env)
        results["export-ledger, whole process"] = (seconds * 1000, bare * 1000)
        print(f"{'export-ledger, whole process':<40} {'':>8} {seconds * 1000:10.0f} {'':>9} {bare * 1000:9.0f} "
              f"{seconds / bare:8.1f}      (floor: bare openpyxl loop, own process; peak RSS {rss:.0f} MB, "
              f"bare {bare_rss:.0f} MB)")

    if explain:
        print(f"\n-- the {explain} slowest statements of the last cold dashboard --")
        postgres = engine.dialect.name == "postgresql"
        with engine.connect() as connection:
            for seconds, statement, parameters in slowest:
                print(f"\n{seconds * 1000:.1f} ms: {' '.join(statement.split())[:600]}")
                prefix = "EXPLAIN (ANALYZE, BUFFERS) " if postgres else "EXPLAIN QUERY PLAN "
                plan = connection.exec_driver_sql(prefix + statement, parameters).all()
                print("\n".join("   " + " | ".join(str(c) for c in row) for row in plan))
            connection.rollback()
    engine.dispose()
    print(f"peak RSS of this process so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("small", help="URL or SQLite path of the bench data set (1×; filled when empty)")
    parser.add_argument("large", help="URL or SQLite path of the province data set (10×; filled when empty)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--explain", type=int, default=0, metavar="N")
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument("--skip-pages", action="store_true", help="only the export (and --explain)")
    args = parser.parse_args()
    os.environ.setdefault("TRACKER_INSTANCE_DIR", tempfile.mkdtemp(prefix="tracker-bench-"))
    urls = [database_url(args.small), database_url(args.large)]
    for url, scale in zip(urls, (1, 10)):
        if not has_bench_data(url):
            generate(url, Counts().scaled(scale))
    small = measure(urls[0], args.rounds, 0, args.skip_export, args.skip_pages)
    large = measure(urls[1], args.rounds, args.explain, args.skip_export, args.skip_pages)
    print(f"\n{'row':<40} {'10× ÷ 1× (median)':>18} {'floor 10× ÷ 1×':>15}")
    for name_small, name_large in zip(small, large):  # the same rows in the same order
        (a, fa), (b, fb) = small[name_small], large[name_large]
        print(f"{name_large:<40} {b / a:18.1f} {fb / fa:15.2f}")


if __name__ == "__main__":
    main()
