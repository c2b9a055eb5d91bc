"""The dashboard while people are working: 8 clients file progress reports while 8 read the dashboard.

Starts gunicorn (gunicorn.conf.py, 4 workers) on the bench data set (bench/generate_data.py: 10,000
tasks, 100,000 reports), signs in 8 writers (the supervisor, filing reports through the real task form
with its CSRF token and task version, as bench/load.py does) and 8 readers. While the writers file
reports the whole time, the readers take turns with the floor: ``--rounds`` turns of ``/livez`` (no
database) then ``/dashboard``, each ``--seconds``/``--rounds`` seconds, so both see the same write load.
Every report changes the data, so most dashboard requests are the first after a change (the figures
cached per process are keyed on the data: services/figures/cache.py).

Prints, for the dashboard under write load: p50 and p95 latency in ms and as a ratio to the floor
measured in the same turns, requests answered per second, and the writers' reports accepted per second
and HTTP statuses (409 = a report overtaken by another on the same task, refused, not lost).

    python bench/write_load.py                                   # generates a temporary SQLite data set
    python bench/write_load.py --database /tmp/bench.sqlite      # reuses (or fills) that database
    python bench/write_load.py --postgres postgresql+psycopg://postgres@127.0.0.1:54329/postgres
    python bench/write_load.py --database /tmp/bench.sqlite --cpu   # also the workers' CPU ms per request kind

``--cpu`` runs gunicorn with bench/gunicorn_cpu.conf.py and prints the CPU time the workers spent per request of
each kind: the work the code does, which the machine's other load does not change (the latencies it does).

Loopback only; the server is stopped at the end whatever happens.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.generate_data import Counts, bench_facts, database_url, generate, has_bench_data  # noqa: E402
from bench.load import _Client  # noqa: E402
from bench.pages import FLOOR, Measure, measure, start_server, throwaway_postgres  # noqa: E402

TARGET_P95_MS = 100


def file_reports(clients: list[_Client], tasks: list[int], stop: threading.Event, statuses: Counter,
                 lock: threading.Lock) -> list[threading.Thread]:
    """Start one thread per client filing reports on ``tasks`` in turn until ``stop`` is set."""
    run = uuid.uuid4().hex[:8]

    def work(index: int, client: _Client) -> None:
        n = 0
        while not stop.is_set():
            task = tasks[(index * 7 + n) % len(tasks)]
            try:
                token, version = client.form(f"/tasks/{task}")
                status, _ = client.request(f"/tasks/{task}", {
                    "progress": f"write-load-{run}-{index}-{n}", "problems": "", "next_steps": "", "status": "",
                    "csrf_token": token, "version": version or ""})
            except RuntimeError:
                status = 0
            with lock:
                statuses[status] += 1
            n += 1

    threads = [threading.Thread(target=work, args=(i, c), daemon=True) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    return threads


def run(url: str, seconds: float, rounds: int, writers: int, readers: int, workers: int, cpu: bool = False) -> dict:
    engine = create_engine(url)
    facts = bench_facts(engine)
    engine.dispose()
    with tempfile.TemporaryDirectory(prefix="tracker-write-load-") as folder:
        spent = Path(folder) / "cpu"
        spent.mkdir()
        server, base = start_server(url, Path(folder), workers,
                                    *(("bench/gunicorn_cpu.conf.py", {"TRACKER_BENCH_CPU_DIR": str(spent)}) if cpu else ()))
        try:
            def signed_in(count: int) -> list[_Client]:
                clients = [_Client(base, facts.supervisor, facts.password) for _ in range(count)]
                for client in clients:
                    client.login()
                return clients

            writing, reading = signed_in(writers), signed_in(readers)
            anonymous = [_Client(base, "", "") for _ in range(readers)]
            measure(reading, ["/dashboard"], 1.0)  # every worker has served the page once
            statuses, lock, stop = Counter(), threading.Lock(), threading.Event()
            began = time.monotonic()
            threads = file_reports(writing, facts.sample_tasks, stop, statuses, lock)
            floor = page = None
            try:
                for _ in range(rounds):
                    got = measure(anonymous, [FLOOR], seconds / rounds / 2)
                    floor = got if floor is None else floor + got
                    got = measure(reading, ["/dashboard"], seconds / rounds / 2)
                    page = got if page is None else page + got
            finally:
                stop.set()
                for thread in threads:
                    thread.join(timeout=60)
            elapsed = time.monotonic() - began
        finally:
            server.terminate()
            server.wait(timeout=30)
        cpu_by_kind: dict[str, list] = {}
        for file in spent.glob("*.tsv"):
            for line in file.read_text(encoding="utf-8").splitlines():
                kind, count, seconds = line.split("\t")
                entry = cpu_by_kind.setdefault(kind, [0, 0.0])
                entry[0] += int(count)
                entry[1] += float(seconds)  # for "cache NAME": hits, misses
    return {"floor": floor, "page": page, "statuses": statuses, "elapsed": elapsed, "cpu": cpu_by_kind}


def report(result: dict, database: str, writers: int, readers: int, workers: int) -> bool:
    floor: Measure = result["floor"]
    page: Measure = result["page"]
    statuses: Counter = result["statuses"]
    p95 = page.percentile(95) * 1000
    print(f"write load on {database}: {writers} clients filing reports while {readers} read /dashboard "
          f"(gunicorn, {workers} workers, loopback, {os.cpu_count()} CPUs shared with the clients)")
    print(f"{'row':34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p50 ×floor':>10} {'p95 ×floor':>10} {'non-200':>7}")
    for name, m in (("floor /livez (same load)", floor), ("/dashboard under write load", page)):
        print(f"{name:34} {m.latency_cells()} {m.floor_cells(floor)} {m.failures:>7}")
    accepted = statuses.get(302, 0)
    print(f"reports: {accepted} accepted in {result['elapsed']:.1f} s ({accepted / result['elapsed']:.1f}/s); "
          f"statuses {dict(sorted(statuses.items()))} (409: overtaken by another report on the task, refused)")
    for kind, (count, seconds) in sorted(result.get("cpu", {}).items()):
        if kind.startswith("cache "):
            print(f"workers' kept {kind[6:]}: {count} hits, {seconds:.0f} misses")
        elif kind.split(" ")[1] in ("/dashboard", "/tasks", "/livez"):
            print(f"workers' CPU per request, {kind:16} {seconds / count * 1000:7.1f} ms  ({count} requests)")
    met = p95 < TARGET_P95_MS
    print(f"dashboard p95 {p95:.0f} ms: target < {TARGET_P95_MS} ms {'met' if met else 'MISSED'}")
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--database", help="SQLite file or URL of a bench database (filled when empty)")
    where.add_argument("--postgres", help="URL of a PostgreSQL server: a throw-away database is made on it")
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("TRACKER_BENCH_SECONDS", "10")))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--cpu", action="store_true", help="also print the workers' CPU time per request kind")
    parser.add_argument("--scale", type=float, default=float(os.environ.get("TRACKER_BENCH_SCALE", "1")))
    args = parser.parse_args()
    workers = int(os.environ.get("TRACKER_BENCH_WORKERS", "4"))
    cleanup = None
    with tempfile.TemporaryDirectory(prefix="tracker-bench-data-") as scratch:
        if args.postgres:
            url, cleanup = throwaway_postgres(args.postgres)
        else:
            url = database_url(args.database or str(Path(scratch) / "bench.sqlite"))
        try:
            if not has_bench_data(url):
                generate(url, Counts().scaled(args.scale))
            result = run(url, args.seconds, args.rounds, args.writers, args.readers, workers, args.cpu)
            met = report(result, make_url(url).get_backend_name(), args.writers, args.readers, workers)
        finally:
            if cleanup:
                cleanup()
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
