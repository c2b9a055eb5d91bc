"""Time the plan page of the largest bench plan (2,000 tasks) in-process, as a ratio to the /livez floor.

Usage: .venv/bin/python bench/plan_page.py [--database /tmp/bench.sqlite] [--rounds 20] [--scale 1]
                                           [--profile 25]

Uses the bench data set (bench/generate_data.py: 10,000 tasks, the largest plan 2,000 of them),
generated into a temporary SQLite file unless ``--database`` names one that holds it already (or an
empty one to fill; a URL works too). Requests go through Flask's test client (one client, no
network), interleaved: each round asks ``/livez`` (the floor: no database, no session, no template)
and then the page, so the machine's load moves both alike (bench/pages.py ``time_calls``). Prints
per page the minimum, median and p95 in milliseconds (on a busy machine the minimum moves least),
the floor's median and p95, the ratios, and the number of SQL statements per request.
Pages: the largest plan's page 1 and its last page as the supervisor, page 1 as the liaison of the
busiest unit, and the typical plan as the supervisor. ``--profile N`` prints the N costliest
functions (cProfile, cumulative) of ten supervisor requests for the largest plan.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate_data import Counts, bench_facts, database_url, generate, has_bench_data  # noqa: E402
from bench.pages import time_calls  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="SQLite file or database URL holding (or to fill with) the bench data")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the bench data set when generating")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = parser.parse_args()

    from sqlalchemy import create_engine, event

    folder = Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    os.environ["TRACKER_INSTANCE_DIR"] = str(folder)
    url = database_url(args.database) if args.database else f"sqlite:///{folder / 'bench.sqlite'}"
    if has_bench_data(url):
        engine = create_engine(url)
        facts = bench_facts(engine)
        engine.dispose()
    else:
        facts = generate(url, Counts().scaled(args.scale))

    from tracker import create_app
    from tracker.extensions import db

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "WTF_CSRF_ENABLED": False})
    floor = app.test_client()
    supervisor, liaison = app.test_client(), app.test_client()
    for client, name in ((supervisor, facts.supervisor), (liaison, facts.liaison)):
        answer = client.post("/login", data={"username": name, "password": facts.password})
        assert answer.status_code in (302, 303), f"login {name}: HTTP {answer.status_code}"
    with app.app_context():
        engine = db.engine
    statements: list[int] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(1))

    largest, typical = facts.largest_plan, facts.typical_plan
    last_page = supervisor.get(f"/plans/{largest}?page=999")  # clamped to the last page
    pages = {
        f"plan {largest} (largest, {facts.counts.get('task', 0) // 5} tasks), page 1": (supervisor, f"/plans/{largest}"),
        f"plan {largest}, last page": (supervisor, f"/plans/{largest}?page=999"),
        f"plan {largest}, liaison {facts.liaison}": (liaison, f"/plans/{largest}"),
        f"plan {typical} (typical)": (supervisor, f"/plans/{typical}"),
    }
    assert last_page.status_code == 200
    print(f"{url.split(':')[0]}, {args.rounds} rounds, floor /livez measured before each request")
    print(f"{'page':<46} {'min ms':>7} {'median ms':>9} {'p95 ms':>8} {'floor med/p95':>14} {'÷floor med':>10} {'÷floor p95':>10} {'SQL':>4}")
    for name, (client, path) in pages.items():
        assert client.get(path).status_code == 200, path
        answers = []
        timed = time_calls(lambda: answers.append(client.get(path).status_code), args.rounds,
                           floor=lambda: floor.get("/livez"), prepare=(statements.clear,))
        assert set(answers) == {200}, (path, answers)
        print(f"{name:<46} {timed.minimum * 1000:7.1f} {timed.median * 1000:9.1f} {timed.p95 * 1000:8.1f} "
              f"{timed.floor(50) * 1000:6.2f}/{timed.floor(95) * 1000:<7.2f} "
              f"{timed.ratio(50):10.0f} {timed.ratio(95):10.0f} {len(statements):4d}")

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(10):
            supervisor.get(f"/plans/{largest}")
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("TRACKER_BENCH_SORT", "cumulative")).print_stats(args.profile)


if __name__ == "__main__":
    main()
