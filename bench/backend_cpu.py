"""PostgreSQL's own CPU per request: read-only requests ending in COMMIT (as the tracker does) against ROLLBACK.

Usage: .venv/bin/python bench/backend_cpu.py POSTGRESQL_URL [--rounds 5] [--requests 100]
       (a bench database: bench/generate_data.py; it is only read)

psycopg forgets every statement it prepared on a connection when that connection rolls back, so a tracker whose every
request ended in the session's rollback had PostgreSQL parse and plan every statement of every request
(docs/benchmarks.md items 22–24; tracker/database.commit_read_only_requests). This bench signs in as the bench data's
supervisor in-process (``app.test_client()``), warms the pages (kept figures; psycopg prepares a statement after 5 runs),
then times ``--requests`` GETs of the dashboard and of the task with the most reports, ``--rounds`` times each, and prints
the median wall ms per request and the **server backends' CPU ms per request** (utime + stime of the database's backend
processes from /proc, so run it on the database's machine). It runs twice per round in separate processes, the tracker
as it is ("commit") and with the commit switched off ("rollback"), alternating, so both see the same machine.
The backends' CPU does not depend on the Python side's load; the clock tick is 10 ms, hence the many requests.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def backends_cpu_ms(pids: list[int]) -> float:
    """CPU ms (user + system) the processes ``pids`` have used so far; processes gone count 0."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) * 1000 / tick
    return total


def measure(url: str, end: str, rounds: int, requests: int) -> str:
    """One process's figures, as one line: ``end`` is "commit" (the tracker) or "rollback" (the commit switched off)."""
    from sqlalchemy import text

    import tracker.database
    from bench.task_page import signed_in_supervisor, tasks_with_most_reports

    if end == "rollback":
        tracker.database.commit_read_only_requests = lambda app: None
    from tracker.extensions import db

    app, client, _facts = signed_in_supervisor(url)
    pages = {"dashboard": "/dashboard", "task page": f"/tasks/{tasks_with_most_reports(app, 1)[0]}"}
    for _ in range(8):
        for path in pages.values():
            assert client.get(path).status_code == 200, path
    with app.app_context():
        pids = list(db.session.scalars(text("select pid from pg_stat_activity where datname = current_database()")))
        prepared = db.session.scalar(text("select count(*) from pg_prepared_statements"))
    figures = []
    for name, path in pages.items():
        walls, cpus = [], []
        for _ in range(rounds):
            cpu, began = backends_cpu_ms(pids), time.perf_counter()
            for _ in range(requests):
                client.get(path)
            walls.append((time.perf_counter() - began) * 1000 / requests)
            cpus.append((backends_cpu_ms(pids) - cpu) / requests)
        figures.append(f"{name}: wall {statistics.median(walls):.2f} ms, backends' CPU {statistics.median(cpus):.2f} ms")
    return f"{end:8} (statements prepared on a pooled connection: {prepared}) " + "; ".join(figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--turns", type=int, default=2, help="commit/rollback pairs, alternating")
    parser.add_argument("--end", choices=("commit", "rollback"), help=argparse.SUPPRESS)  # one process's measurement
    arguments = parser.parse_args()
    if arguments.end:
        print(measure(arguments.url, arguments.end, arguments.rounds, arguments.requests), flush=True)
        return
    for turn in range(arguments.turns):
        for end in (("commit", "rollback") if turn % 2 == 0 else ("rollback", "commit")):
            subprocess.run([sys.executable, __file__, arguments.url, "--end", end, "--rounds", str(arguments.rounds),
                            "--requests", str(arguments.requests)], check=True)


if __name__ == "__main__":
    main()
