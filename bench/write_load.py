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

    python bench/write_load.py --database /tmp/bench.sqlite --rate 1 --read-rate 2   # at an office's pace

By default every client sends its next request the moment the last is answered (closed loop): 16 clients on 4
sync workers keep them busy all the time, a load no office makes (docs/benchmarks.md items 16 and 19).
``--rate N`` paces the writers instead: N reports a second across them, each writer on its own fixed schedule
(open loop: a late answer does not move the next request); ``--read-rate M`` paces the readers the same way,
M requests a second across them, for the floor's turns as for the dashboard's, and a latency is then counted from
the moment the request was due, so waiting behind a slow answer counts (no coordinated omission). A city's
liaisons file a few hundred reports a day (200 units, one report each per cycle, most on the day before the
report day): 200 in the last hour is 0.06 a second; ``--rate 1`` is that hour compressed about fifteenfold,
``--rate 5`` a province's day in an hour. ``--rate 0`` (the default) is the closed loop. Paced turns hold few
requests (M × seconds ÷ rounds ÷ 2 each), so give paced runs a minute (``--seconds 60``).

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

from bench.generate_data import Counts, bench_facts, create_schema, database_url, generate, has_bench_data  # noqa: E402
from bench.load import _Client  # noqa: E402
from bench.pages import FLOOR, Measure, measure, start_server, throwaway_postgres  # noqa: E402

TARGET_P95_MS = 100


def file_reports(clients: list[_Client], tasks: list[int], stop: threading.Event, statuses: Counter,
                 lock: threading.Lock, rate: float = 0) -> list[threading.Thread]:
    """Start one thread per client filing reports on ``tasks`` in turn until ``stop`` is set: each as fast as it is
    answered (``rate`` 0), else ``rate`` reports a second across the clients, each client on a fixed schedule."""
    run = uuid.uuid4().hex[:8]
    began = time.monotonic()

    def work(index: int, client: _Client) -> None:
        n = 0
        while not stop.is_set():
            if rate:
                due = began + (index + n * len(clients)) / rate
                if stop.wait(max(0.0, due - time.monotonic())):
                    break
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


def paced(clients: list[_Client], paths: list[str], seconds: float, rate: float) -> Measure:
    """Let ``clients`` request ``paths`` in turn for ``seconds`` s, ``rate`` requests a second across them, each
    client on a fixed schedule (open loop); each latency is counted from the moment its request was due, so a
    request held up behind a slow answer of the same client counts its wait. Same result as pages.measure."""
    latencies: list[float] = []
    counts = [0, 0]  # failures, bytes
    lock = threading.Lock()
    began = time.monotonic()

    def work(index: int, client: _Client) -> None:
        n, mine, bad, size = 0, [], 0, 0
        while True:
            due = began + (index + n * len(clients)) / rate
            if due - began >= seconds:
                break
            time.sleep(max(0.0, due - time.monotonic()))
            status, body = client.request(paths[n % len(paths)])
            if status == 200:
                mine.append(time.monotonic() - due)
                size += len(body)
            else:
                bad += 1
            n += 1
        with lock:
            latencies.extend(mine)
            counts[0] += bad
            counts[1] += size

    threads = [threading.Thread(target=work, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(max(0.0, began + seconds - time.monotonic()))  # the turn lasts its seconds, as pages.measure's
    return Measure(len(clients), seconds, latencies, counts[0], counts[1] // max(1, len(latencies)))


def run(url: str, seconds: float, rounds: int, writers: int, readers: int, workers: int, cpu: bool = False,
        rate: float = 0, read_rate: float = 0) -> dict:
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
            threads = file_reports(writing, facts.sample_tasks, stop, statuses, lock, rate)
            turn = (lambda clients, paths, s: paced(clients, paths, s, read_rate)) if read_rate else measure
            floor = page = None
            try:
                for _ in range(rounds):
                    got = turn(anonymous, [FLOOR], seconds / rounds / 2)
                    floor = got if floor is None else floor + got
                    got = turn(reading, ["/dashboard"], seconds / rounds / 2)
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


def report(result: dict, database: str, writers: int, readers: int, workers: int, rate: float = 0,
           read_rate: float = 0) -> bool:
    floor: Measure = result["floor"]
    page: Measure = result["page"]
    statuses: Counter = result["statuses"]
    p95 = page.percentile(95) * 1000
    print(f"write load on {database}: {writers} clients filing reports while {readers} read /dashboard "
          f"(gunicorn, {workers} workers, loopback, {os.cpu_count()} CPUs shared with the clients)")
    print(f"pace: writers {f'{rate:g} reports/s in all' if rate else 'as fast as answered'}; readers and floor "
          f"{f'{read_rate:g} requests/s in all, latency from when each was due' if read_rate else 'as fast as answered'}")
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
    parser.add_argument("--rate", type=float, default=0,
                        help="reports a second across the writers, paced (default 0: each as fast as answered)")
    parser.add_argument("--read-rate", type=float, default=0,
                        help="requests a second across the readers (and the floor's clients), paced (default 0: as fast "
                             "as answered)")
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
            else:
                create_schema(url)  # a copy made before the latest migration gets it
            result = run(url, args.seconds, args.rounds, args.writers, args.readers, workers, args.cpu, args.rate,
                         args.read_rate)
            met = report(result, make_url(url).get_backend_name(), args.writers, args.readers, workers, args.rate,
                         args.read_rate)
        finally:
            if cleanup:
                cleanup()
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
