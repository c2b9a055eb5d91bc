"""The closed loop's request kinds in-process, counted where the machine's load cannot reach them (issue 19, item 26).

Usage: .venv/bin/python bench/loop_calls.py DATABASE_URL [ROUNDS]   (a bench database: bench/generate_data.py; it
       files reports, so use a copy: cp /tmp/wl29.sqlite /tmp/copy.sqlite, or a database made from a template)

Signs in as the bench data's supervisor (as bench/write_load.py's clients do) and, ROUNDS (default 4) times over the
50 sample tasks, makes each kind of request of the closed loop in its order: GET ``/tasks/N``, POST a report from that
page, ``/dashboard`` right after (a miss), ``/dashboard`` again (a hit), ``/livez``. Rounds alternate between
cProfile (function calls) and plain timing (SQL statements, the process's CPU ms); prints the median of each per kind.
Then files 40 more reports on the first sample task and prints the function calls of its page, as the loop's tasks grow.
Compare two trees run one after the other on copies of the same data (docs/benchmarks.md, item 26).
"""
from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402

from bench.task_page import VERSION, signed_in_supervisor  # noqa: E402

KINDS = ("GET /tasks/N", "POST /tasks/N", "/dashboard miss", "/dashboard hit", "/livez")
MORE_REPORTS = 40


def main() -> None:
    url = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    app, client, facts = signed_in_supervisor(url)
    from tracker.extensions import db

    statements: list[str] = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for task in facts.sample_tasks[:5]:  # warm up
        client.get(f"/tasks/{task}"), client.get("/dashboard"), client.get("/livez")
    figures = {kind: {"calls": [], "statements": [], "cpu": []} for kind in KINDS}

    def request(kind: str, call, profiled: bool):
        statements.clear()
        if profiled:
            profile = cProfile.Profile()
            profile.enable()
            response = call()
            profile.disable()
            figures[kind]["calls"].append(pstats.Stats(profile).total_calls)
        else:
            started = time.process_time()
            response = call()
            figures[kind]["cpu"].append((time.process_time() - started) * 1000)
            figures[kind]["statements"].append(len(statements))
        return response

    def report(task: int, page: str, text: str):
        return client.post(f"/tasks/{task}", data={"progress": text, "problems": "", "next_steps": "", "status": "",
                                                   "version": VERSION.search(page).group(1)})

    for n in range(rounds):
        profiled = n % 2 == 1
        for i, task in enumerate(facts.sample_tasks):
            page = request(KINDS[0], lambda: client.get(f"/tasks/{task}"), profiled).get_data(as_text=True)
            posted = request(KINDS[1], lambda: report(task, page, f"loop-calls-{n}-{i}"), profiled)
            assert posted.status_code == 302, (task, posted.status_code)
            request(KINDS[2], lambda: client.get("/dashboard"), profiled)
            request(KINDS[3], lambda: client.get("/dashboard"), profiled)
            request(KINDS[4], lambda: client.get("/livez"), profiled)
    for kind, values in figures.items():
        print(f"{kind:16s} function calls {statistics.median(values['calls']):7.0f}  statements "
              f"{statistics.median(values['statements']):3.0f}  CPU ms {statistics.median(values['cpu']):.2f}")
    task = facts.sample_tasks[0]
    for i in range(MORE_REPORTS):
        report(task, client.get(f"/tasks/{task}").get_data(as_text=True), f"loop-calls-more-{i}")
    calls = []
    for _ in range(5):
        profile = cProfile.Profile()
        profile.enable()
        client.get(f"/tasks/{task}")
        profile.disable()
        calls.append(pstats.Stats(profile).total_calls)
    print(f"GET /tasks/N after {MORE_REPORTS} more reports on it: function calls {statistics.median(calls):.0f}")


if __name__ == "__main__":
    main()
