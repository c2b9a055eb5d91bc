"""The task page liaisons file reports from (``GET /tasks/N``, issue 19): SQL statements and CPU per request.

Usage: .venv/bin/python bench/task_page.py DATABASE_URL [ROUNDS]   (a bench database: bench/generate_data.py)
       .venv/bin/python bench/task_page.py DATABASE_URL ROUNDS --writers [--pages DIR]   (writes: use a copy)

Signs in as the bench data's supervisor in-process (``app.test_client()``), opens the 5 tasks with the most reports
once, then ROUNDS (default 6) times each, and prints the median (and range) of the SQL statements per request and the
median (p25–p75) of the process's CPU ms per request. Both grow with the code's work, not with the machine's other
load: compare two trees run one after the other on copies of the same database (docs/benchmarks.md, item 14).

``--writers`` does what bench/write_load.py's writers do instead, over the bench data's 50 sample tasks: open the task
page, post a report from it (ROUNDS times each task), and prints per request kind (GET, POST) the median function calls
under cProfile (the machine's load does not change them), statements, and CPU ms without the profiler (item 21).
``--pages DIR`` first writes each sample task's page as the supervisor sees it (CSRF tokens blanked) into DIR, to
compare two trees' HTML.
"""
from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, event, func, select  # noqa: E402

from bench.generate_data import bench_facts  # noqa: E402


def signed_in_supervisor(url: str):
    """(app, test client signed in as the bench data's supervisor, BenchFacts) for the bench database at ``url``;
    CSRF off, INFO logging silenced. The app is made here, so patch the tracker before calling this."""
    engine = create_engine(url)
    facts = bench_facts(engine)
    engine.dispose()
    from tracker import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False})
    logging.disable(logging.INFO)
    client = app.test_client()
    client.post("/login", data={"username": facts.supervisor, "password": facts.password})
    return app, client, facts


def tasks_with_most_reports(app, count: int) -> list[int]:
    """The ids of the ``count`` tasks with the most progress reports (ties by id): the heaviest task pages."""
    from tracker.extensions import db
    from tracker.models import ProgressReport

    with app.app_context():
        return list(db.session.scalars(select(ProgressReport.task_id).group_by(ProgressReport.task_id)
                                       .order_by(func.count().desc(), ProgressReport.task_id).limit(count)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("rounds", nargs="?", type=int, default=6)
    parser.add_argument("--writers", action="store_true", help="GET and POST /tasks/N over the 50 sample tasks")
    parser.add_argument("--pages", help="write each sample task's page (CSRF blanked) into this folder first")
    arguments = parser.parse_args()
    url, rounds = arguments.url, arguments.rounds
    app, client, facts = signed_in_supervisor(url)
    if arguments.writers or arguments.pages:
        return writers(app, client, facts.sample_tasks, rounds, arguments.pages, arguments.writers)
    from tracker.extensions import db

    tasks = tasks_with_most_reports(app, 5)
    with app.app_context():
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


CSRF = re.compile(r'(name="csrf_token"[^>]*value=")[^"]*|(value=")[^"]*("[^>]*name="csrf_token")')


def writers(app, client, tasks: list[int], rounds: int, pages: str | None, measure: bool) -> None:
    """The writers of bench/write_load.py in-process: per task, GET its page and POST a report from it."""
    from tracker.extensions import db

    if pages:
        folder = Path(pages)
        folder.mkdir(parents=True, exist_ok=True)
        for task in tasks:
            html = client.get(f"/tasks/{task}").get_data(as_text=True)
            (folder / f"{task}.html").write_text(CSRF.sub(lambda m: (m.group(1) or m.group(2)) + (m.group(3) or ""), html))
        print(f"wrote {len(tasks)} pages into {folder}")
    if not measure:
        return
    for task in tasks[:5]:
        assert client.get(f"/tasks/{task}").status_code == 200  # warm up
    statements: list[str] = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    figures = {kind: {"calls": [], "statements": [], "cpu": []} for kind in ("GET", "POST")}

    def request(kind: str, task: int, n: int, profiled: bool):
        statements.clear()
        profile = cProfile.Profile() if profiled else None
        started = time.process_time()
        if profile:
            profile.enable()
        if kind == "GET":
            response = client.get(f"/tasks/{task}")
        else:
            response = client.post(f"/tasks/{task}", data={
                "progress": f"task-page-bench-{n}", "problems": "", "next_steps": "", "status": "",
                "version": VERSION.search(page[0]).group(1)})
        if profile:
            profile.disable()
            figures[kind]["calls"].append(pstats.Stats(profile).total_calls)
        else:
            figures[kind]["cpu"].append((time.process_time() - started) * 1000)
            figures[kind]["statements"].append(len(statements))
        assert response.status_code == (200 if kind == "GET" else 302), (kind, task, response.status_code)
        return response

    page = [""]
    for n in range(rounds):
        for task in tasks:
            profiled = n % 2 == 1  # turns alternate: counted under cProfile, timed without it
            page[0] = request("GET", task, n, profiled).get_data(as_text=True)
            request("POST", task, n, profiled)
    for kind, values in figures.items():
        print(f"{kind} /tasks/N ({len(values['cpu'])} timed, {len(values['calls'])} profiled, {len(tasks)} tasks): "
              f"function calls median {statistics.median(values['calls']):.0f}, statements median "
              f"{statistics.median(values['statements']):.0f} (range {min(values['statements'])}–"
              f"{max(values['statements'])}), CPU ms median {statistics.median(values['cpu']):.1f}")


VERSION = re.compile(r'name="version"[^>]*value="(\d+)"')


if __name__ == "__main__":
    main()
