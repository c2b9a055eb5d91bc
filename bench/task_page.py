"""The task page liaisons file reports from (``GET /tasks/N``, issue 19): SQL statements and CPU per request.

Usage: .venv/bin/python bench/task_page.py DATABASE_URL [ROUNDS]   (a bench database: bench/generate_data.py)

Signs in as the bench data's supervisor in-process (``app.test_client()``), opens the 5 tasks with the most reports
once, then ROUNDS (default 6) times each, and prints the median (and range) of the SQL statements per request and the
median (p25–p75) of the process's CPU ms per request. Both grow with the code's work, not with the machine's other
load: compare two trees run one after the other on copies of the same database (docs/benchmarks.md, item 14).
"""
from __future__ import annotations

import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, event, func, select  # noqa: E402

from bench.generate_data import bench_facts  # noqa: E402


def main() -> None:
    url = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    engine = create_engine(url)
    facts = bench_facts(engine)
    engine.dispose()
    from tracker import create_app
    from tracker.extensions import db
    from tracker.models import ProgressReport

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False})
    logging.disable(logging.INFO)
    client = app.test_client()
    client.post("/login", data={"username": facts.supervisor, "password": facts.password})
    with app.app_context():
        tasks = list(db.session.scalars(select(ProgressReport.task_id).group_by(ProgressReport.task_id)
                                        .order_by(func.count().desc(), ProgressReport.task_id).limit(5)))
        engine = db.engine
    for task in tasks:
        assert client.get(f"/tasks/{task}").status_code == 200  # warm up
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    cpu, counts = [], []
    for _ in range(rounds):
        for task in tasks:
            statements.clear()
            started = time.process_time()
            client.get(f"/tasks/{task}")
            cpu.append((time.process_time() - started) * 1000)
            counts.append(len(statements))
    quartiles = statistics.quantiles(cpu, n=4)
    print(f"GET /tasks/N ({len(cpu)} requests, tasks {tasks}): statements per request median "
          f"{statistics.median(counts):.0f} (range {min(counts)}–{max(counts)}), CPU ms per request median "
          f"{statistics.median(cpu):.1f} (p25 {quartiles[0]:.1f}, p75 {quartiles[2]:.1f})")


if __name__ == "__main__":
    main()
