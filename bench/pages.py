"""Time the tracker's pages on the bench data set, as ratios to a trivial endpoint of the same server.

Starts gunicorn (gunicorn.conf.py, 4 workers) on a free loopback port against a database holding the
bench data set (bench/generate_data.py: 200 units, 50 plans, 10,000 tasks, 100,000 reports), signs
its clients in through the real login form, and for each page and each number of concurrent clients
(1 and 16) sends requests for TRACKER_BENCH_SECONDS seconds (default 5), then prints throughput and
p50/p95 latency, each beside the floor: ``/livez``, which answers from the process alone (no database,
no session, no template). ``/healthz`` (one ``SELECT 1``) is measured as a second reference row.

Pages: a plan page (/plans/<id>) for the supervisor, on the largest plan (2,000 tasks) and a typical
one; /my-tasks for the liaison of the unit with the most tasks; a task page (/tasks/<id>, cycling
over 50 tasks with at least 5 reports); /dashboard when the app has that route (detected: the
supervisor gets something other than 404), else the row says it is absent.

    python bench/pages.py                                  # generates the data into a temporary SQLite file
    python bench/pages.py --database /tmp/bench.sqlite     # reuses (or fills) that database
    python bench/pages.py --postgres postgresql+psycopg://postgres@127.0.0.1:54329/postgres
        # a throw-away database on that server, generated, measured, dropped

TRACKER_BENCH_CLIENTS ("1,16"), TRACKER_BENCH_WORKERS (4) and TRACKER_BENCH_SECONDS bound the run.
Loopback only; the server is stopped at the end whatever happens.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.generate_data import Counts, bench_facts, create_schema, database_url, generate, has_bench_data  # noqa: E402
from bench.load import _Client  # noqa: E402

FLOOR = "/livez"
ROUNDS = 5  # turns taken by the floor and each page


@dataclass
class Page:
    """One row of the table: a path (or several, cycled), who asks, and what was measured."""

    name: str
    paths: list[str]
    account: str | None  # None: anonymous
    results: dict[int, "Measure"] = field(default_factory=dict)
    floors: dict[int, "Measure"] = field(default_factory=dict)  # the floor, measured interleaved with this row
    note: str = ""


@dataclass
class Measure:
    """Requests answered in ``seconds`` by ``clients`` clients; latencies in seconds; non-200 answers."""

    clients: int
    seconds: float
    latencies: list[float]
    failures: int
    bytes: int

    def __add__(self, other: "Measure") -> "Measure":
        return Measure(self.clients, self.seconds + other.seconds, self.latencies + other.latencies,
                       self.failures + other.failures,
                       (self.bytes * len(self.latencies) + other.bytes * len(other.latencies))
                       // max(1, len(self.latencies) + len(other.latencies)))

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, p: int) -> float:
        """The ``p``-th percentile of the latencies, in seconds (``percentile``)."""
        return percentile(self.latencies, p)

    def latency_cells(self) -> str:
        """"req/s  p50 ms  p95 ms" as the benches' tables print them (widths 8)."""
        return f"{self.throughput:>8.1f} {self.percentile(50) * 1000:>8.1f} {self.percentile(95) * 1000:>8.1f}"

    def floor_cells(self, floor: "Measure") -> str:
        """"p50 ×floor  p95 ×floor": this measure's percentiles over ``floor``'s (widths 10)."""
        return (f"{self.percentile(50) / floor.percentile(50):>10.1f} "
                f"{self.percentile(95) / floor.percentile(95):>10.1f}")


def percentile(values: list[float], p: int) -> float:
    """The ``p``-th percentile (1 to 99) of ``values``, interpolated between the two nearest ranks
    (``statistics.quantiles``, "inclusive"): ``percentile(values, 50)`` is the median; p95 of 20
    rounds lies between the 19th and the 20th. One value: that value; none: nan. Every bench script
    reads its medians and p95 here."""
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


@dataclass
class Timings:
    """Durations in seconds of a call timed again and again (``times``) and of its floor, timed in
    turns with it (``floors``; empty when it has none). ``a + b`` joins two."""

    times: list[float]
    floors: list[float] = field(default_factory=list)

    def __add__(self, other: "Timings") -> "Timings":
        return Timings(self.times + other.times, self.floors + other.floors)

    @property
    def minimum(self) -> float:
        return min(self.times)

    @property
    def median(self) -> float:
        return percentile(self.times, 50)

    @property
    def p95(self) -> float:
        return percentile(self.times, 95)

    def floor(self, p: int = 50) -> float:
        """The floor's ``p``-th percentile, in seconds."""
        return percentile(self.floors, p)

    def ratio(self, p: int = 50) -> float:
        """The call's ``p``-th percentile over the floor's (both measured in the same turns)."""
        return percentile(self.times, p) / self.floor(p)


def time_calls(call, rounds: int, *, floor=None, prepare=()) -> Timings:
    """Time ``call()`` ``rounds`` times (``time.perf_counter``, seconds); what it returns is ignored.

    Each round, in this order: ``floor()`` timed when given (the reference asked just before the
    call, so that both see the same load of a shared machine), each callable of ``prepare`` untimed,
    in order (None ones skipped: a change to the data, then a statement counter emptied), then
    ``call()`` timed. Returns the ``Timings`` of the rounds. Used by every bench script that times
    a request or a command."""
    times, floors = [], []
    for _ in range(rounds):
        if floor is not None:
            began = time.perf_counter()
            floor()
            floors.append(time.perf_counter() - began)
        for step in prepare:
            if step is not None:
                step()
        began = time.perf_counter()
        call()
        times.append(time.perf_counter() - began)
    return Timings(times, floors)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(base: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(base + FLOOR, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def start_server(url: str, folder: Path, workers: int, config: str = "gunicorn.conf.py",
                 env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """Start gunicorn on ``url``'s database with the settings file ``config`` (relative to the project) and extra
    environment ``env``; return the process and its base URL."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "TRACKER_INSTANCE_DIR": str(folder), "SECRET_KEY": uuid.uuid4().hex,
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers), **(env or {})}
    log = (folder / "gunicorn.log").open("wb")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", config,
                               "tracker:create_app()"], cwd=ROOT, env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:  # a machine loaded by other work can take longer than 30 s to start four workers (TRACKER_BENCH_START_SECONDS)
        wait_until_up(base, float(os.environ.get("TRACKER_BENCH_START_SECONDS", "30")))
    except Exception:
        server.kill()
        raise
    return server, base


@contextmanager
def serving(url: str, folder: Path, workers: int, config: str = "gunicorn.conf.py", env: dict | None = None):
    """``start_server`` for a ``with`` block: yields (the gunicorn process, its base URL) and stops the server on the
    way out, whatever happened inside."""
    server, base = start_server(url, folder, workers, config, env)
    try:
        yield server, base
    finally:
        server.terminate()
        server.wait(timeout=30)


def measure(clients: list[_Client], paths: list[str], seconds: float) -> Measure:
    """Let every client request ``paths`` in turn for ``seconds`` s; return what they saw."""
    latencies: list[float] = []
    failures = [0]
    sizes = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def work(index: int, client: _Client) -> None:
        n = index
        mine, bad, size = [], 0, 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, body = client.request(paths[n % len(paths)])
            elapsed = time.perf_counter() - started
            n += 1
            if status == 200:
                mine.append(elapsed)
                size += len(body)
            else:
                bad += 1
        with lock:
            latencies.extend(mine)
            failures[0] += bad
            sizes[0] += size

    started = time.monotonic()
    threads = [threading.Thread(target=work, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return Measure(len(clients), elapsed, latencies, failures[0], sizes[0] // max(1, len(latencies)))


def run(url: str, seconds: float, concurrency: list[int], workers: int) -> list[Page]:
    """Measure every page on the bench database ``url``; return the pages with their results."""
    engine = create_engine(url)
    facts = bench_facts(engine)
    engine.dispose()
    pages = [
        Page("floor: /livez (no database)", [FLOOR], None),
        Page("/healthz (SELECT 1)", ["/healthz"], None),
        Page(f"plan page, largest plan ({facts.largest_plan})", [f"/plans/{facts.largest_plan}"], facts.supervisor),
        Page(f"plan page, typical plan ({facts.typical_plan})", [f"/plans/{facts.typical_plan}"], facts.supervisor),
        Page(f"/my-tasks (liaison {facts.liaison})", ["/my-tasks"], facts.liaison),
        Page("task page /tasks/<id> (50 tasks)", [f"/tasks/{t}" for t in facts.sample_tasks], facts.supervisor),
        Page("/dashboard", ["/dashboard"], facts.supervisor),
        Page("/dashboard task list, pages 2-5", [f"/dashboard?page={n}" for n in range(2, 6)], facts.supervisor),
        Page("/dashboard?light=red (filtered)", ["/dashboard?light=red"], facts.supervisor),
    ]
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as folder:
        with serving(url, Path(folder), workers) as (_, base):
            most = max(concurrency)
            signed_in: dict[str | None, list[_Client]] = {}
            for account in {p.account for p in pages}:
                signed_in[account] = []
                for _ in range(most):
                    client = _Client(base, account or "", facts.password)
                    if account:
                        client.login()
                    signed_in[account].append(client)
            floor_clients = signed_in[None]
            for page in pages[1:]:
                status, _ = signed_in[page.account][0].request(page.paths[0])
                if status == 404 and page.paths[0].startswith("/dashboard"):
                    page.note = "absent: this app has no /dashboard route"
                    continue
                if status != 200:
                    raise RuntimeError(f"{page.paths[0]} answered HTTP {status}")
                for c in concurrency:
                    clients = signed_in[page.account][:c]
                    measure(clients, page.paths, min(1.0, seconds / 5))  # warm up
                    # The floor and the page take turns, so that both see the same load on a shared machine.
                    for _ in range(ROUNDS):
                        floor = measure(floor_clients[:c], [FLOOR], seconds / ROUNDS)
                        page.floors[c] = page.floors[c] + floor if c in page.floors else floor
                        pages[0].results[c] = pages[0].results[c] + floor if c in pages[0].results else floor
                        got = measure(clients, page.paths, seconds / ROUNDS)
                        page.results[c] = page.results[c] + got if c in page.results else got
            for c in concurrency:
                pages[0].floors[c] = pages[0].results[c]
    return pages


def table(pages: list[Page], database: str) -> str:
    """Return the results as a text table: absolute figures and ratios to the floor measured beside each row."""
    lines = [f"pages on {database} (gunicorn, loopback); ratios to the floor {FLOOR} measured in turns with each "
             f"row, at the same number of clients (the floor row: all its turns together)",
             f"{'page':44} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'KB':>6} "
             f"{'p50 ×floor':>10} {'p95 ×floor':>10} {'req/s ÷floor':>12} {'non-200':>7}"]
    for page in pages:
        if page.note:
            lines.append(f"{page.name:44} {page.note}")
            continue
        for c, m in page.results.items():
            f = page.floors[c]
            lines.append(f"{page.name:44} {c:>7} {m.latency_cells()} {m.bytes / 1024:>6.0f} {m.floor_cells(f)} "
                         f"{m.throughput / f.throughput:>12.3f} {m.failures:>7}")
    return "\n".join(lines)


def throwaway_postgres(server_url: str) -> tuple[str, callable]:
    """Create an empty database on the PostgreSQL server; return its URL and a function dropping it."""
    server = make_url(server_url)
    name = f"tracker_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))

    def drop() -> None:
        with admin.connect() as c:
            c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()

    return server.set(database=name).render_as_string(hide_password=False), drop


@contextmanager
def bench_database(database: str | None, postgres: str | None, scale: float, upgrade: bool = False):
    """The database a bench command line names, for a ``with`` block yielding its URL: a throw-away database on the
    PostgreSQL server ``postgres`` (dropped on the way out), else the SQLite file or URL ``database`` (default: a
    file in a scratch folder removed on the way out). Filled with the bench data set (``Counts().scaled(scale)``)
    when it holds none; with ``upgrade``, a database that holds it gets the latest migrations."""
    cleanup = None
    with tempfile.TemporaryDirectory(prefix="tracker-bench-data-") as scratch:
        if postgres:
            url, cleanup = throwaway_postgres(postgres)
        else:
            url = database_url(database or str(Path(scratch) / "bench.sqlite"))
        try:
            if not has_bench_data(url):
                generate(url, Counts().scaled(scale))
            elif upgrade:
                create_schema(url)  # a copy made before the latest migration gets it
            yield url
        finally:
            if cleanup:
                cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--database", help="SQLite file or URL of a bench database (filled when empty)")
    where.add_argument("--postgres", help="URL of a PostgreSQL server: a throw-away database is made on it")
    parser.add_argument("--scale", type=float, default=float(os.environ.get("TRACKER_BENCH_SCALE", "1")),
                        help="data set size when generating (default 1: 10,000 tasks)")
    args = parser.parse_args()
    seconds = float(os.environ.get("TRACKER_BENCH_SECONDS", "5"))
    concurrency = [int(n) for n in os.environ.get("TRACKER_BENCH_CLIENTS", "1,16").split(",")]
    workers = int(os.environ.get("TRACKER_BENCH_WORKERS", "4"))
    with bench_database(args.database, args.postgres, args.scale) as url:
        pages = run(url, seconds, concurrency, workers)
        print(table(pages, make_url(url).get_backend_name()))
        print(f"({os.cpu_count()} CPUs, {workers} gunicorn workers, {seconds:g} s per row; "
              f"the clients run on the same machine)")


if __name__ == "__main__":
    main()
