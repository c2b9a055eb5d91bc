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

``--sweep 1,2,4,8,16`` draws the load curve instead, on one server: ``--seconds`` at each report rate in turn, the
readers and the floor's clients at ``--read-rate`` (default 4) whatever the writers' rate, and prints per rate the
reports asked and accepted a second, the dashboards answered a second, the dashboard's p50/p95, the floor's p95 and
their ratio, a report's p95 (form and post), the server's CPU seconds a second, the machine's busy CPUs and load
average, then the rate where the dashboard's p95 reaches 100 ms (docs/benchmarks.md item 20):

    python bench/write_load.py --database /tmp/bench.sqlite --sweep 1,2,4,8,16 --seconds 30 --rounds 3

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

from bench.generate_data import bench_facts  # noqa: E402
from bench.load import _Client  # noqa: E402
from bench.pages import FLOOR, Measure, bench_database, measure, percentile, serving  # noqa: E402

TARGET_P95_MS = 100


def file_reports(clients: list[_Client], tasks: list[int], stop: threading.Event, statuses: Counter,
                 lock: threading.Lock, rate: float = 0, latencies: list | None = None) -> list[threading.Thread]:
    """Start one thread per client filing reports on ``tasks`` in turn until ``stop`` is set: each as fast as it is
    answered (``rate`` 0), else ``rate`` reports a second across the clients, each client on a fixed schedule.
    ``latencies``, when given, gets each report's seconds (opening the form and posting it), counted from when it
    was due when paced."""
    run = uuid.uuid4().hex[:8]
    began = time.monotonic()

    def work(index: int, client: _Client) -> None:
        n = 0
        while not stop.is_set():
            due = time.monotonic()
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
                if latencies is not None and status == 302:
                    latencies.append(time.monotonic() - due)
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


def clients_of(base: str, facts, writers: int, readers: int) -> tuple[list[_Client], list[_Client], list[_Client]]:
    """The writers and readers, each signed in as the bench's supervisor, and as many anonymous clients as readers
    (the floor's), after every worker has served ``/dashboard`` once."""
    def signed_in(count: int) -> list[_Client]:
        clients = [_Client(base, facts.supervisor, facts.password) for _ in range(count)]
        for client in clients:
            client.login()
        return clients

    writing, reading = signed_in(writers), signed_in(readers)
    measure(reading, ["/dashboard"], 1.0)  # every worker has served the page once
    return writing, reading, [_Client(base, "", "") for _ in range(readers)]


def turns_while_filing(writing: list[_Client], tasks: list[int], rate: float, turn, anonymous: list[_Client],
                       reading: list[_Client], seconds: float, rounds: int,
                       latencies: list | None = None) -> tuple[Measure, Measure, Counter]:
    """``rounds`` turns of the floor (``anonymous``) and ``/dashboard`` (``reading``), ``seconds`` s in all, each
    measured by ``turn(clients, paths, seconds)`` (``measure`` or a paced one), while the ``writing`` clients file
    reports on ``tasks`` (``file_reports`` at ``rate``, latencies into ``latencies``); the writers are stopped and
    joined however the turns end. Returns the floor's and the dashboard's measures and the reports' HTTP statuses."""
    statuses, lock, stop = Counter(), threading.Lock(), threading.Event()
    threads = file_reports(writing, tasks, stop, statuses, lock, rate, latencies)
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
    return floor, page, statuses


def run(url: str, seconds: float, rounds: int, writers: int, readers: int, workers: int, cpu: bool = False,
        rate: float = 0, read_rate: float = 0) -> dict:
    engine = create_engine(url)
    facts = bench_facts(engine)
    engine.dispose()
    with tempfile.TemporaryDirectory(prefix="tracker-write-load-") as folder:
        spent = Path(folder) / "cpu"
        spent.mkdir()
        with serving(url, Path(folder), workers,
                     *(("bench/gunicorn_cpu.conf.py", {"TRACKER_BENCH_CPU_DIR": str(spent)}) if cpu else ())) as (_, base):
            writing, reading, anonymous = clients_of(base, facts, writers, readers)
            began = time.monotonic()
            turn = (lambda clients, paths, s: paced(clients, paths, s, read_rate)) if read_rate else measure
            floor, page, statuses = turns_while_filing(writing, facts.sample_tasks, rate, turn, anonymous, reading,
                                                       seconds, rounds)
            elapsed = time.monotonic() - began
        cpu_by_kind: dict[str, list] = {}
        for file in spent.glob("*.tsv"):
            for line in file.read_text(encoding="utf-8").splitlines():
                kind, count, seconds = line.split("\t")
                entry = cpu_by_kind.setdefault(kind, [0, 0.0])
                entry[0] += int(count)
                entry[1] += float(seconds)  # for "cache NAME": hits, misses
    return {"floor": floor, "page": page, "statuses": statuses, "elapsed": elapsed, "cpu": cpu_by_kind}


class CpuClock:
    """The CPU spent between two readings (``lap``): by the whole machine (``/proc/stat``: busy CPUs, 0 to
    ``os.cpu_count()``) and by the server (``/proc/<pid>/stat`` of gunicorn's master and its workers: CPU seconds a
    second), with the 1-minute load average at the lap. Linux only; elsewhere the figures are nan."""

    def __init__(self, server_pid: int):
        self.server_pid = server_pid
        self.last = (time.monotonic(), self._machine(), self._server())

    @staticmethod
    def _machine() -> tuple[float, float]:
        try:
            fields = [float(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        except OSError:
            return float("nan"), float("nan")
        return sum(fields) - fields[3] - fields[4], sum(fields)  # busy, total (idle and iowait are fields 4 and 5)

    def _server(self) -> float:
        ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        spent = 0.0
        try:
            entries = list(Path("/proc").iterdir())
        except OSError:
            return float("nan")
        for entry in entries:
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(entry.name) == self.server_pid or int(fields[1]) == self.server_pid:
                spent += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        return spent

    def lap(self) -> dict:
        """CPUs busy on the machine and the server's CPU seconds a second since the last lap; the load average."""
        now, machine, server = time.monotonic(), self._machine(), self._server()
        (then, (busy0, total0), server0), self.last = self.last, (now, machine, server)
        total = machine[1] - total0
        return {"machine_busy": (machine[0] - busy0) / total * (os.cpu_count() or 1) if total else float("nan"),
                "server_cpu": (server - server0) / (now - then),
                "load": os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")}


def sweep(url: str, rates: list[float], seconds: float, rounds: int, writers: int, readers: int, workers: int,
          read_rate: float) -> list[dict]:
    """The load curve: one gunicorn, then for each rate in ``rates`` (reports a second across ``writers``, paced)
    ``seconds`` s of ``rounds`` turns of the floor and ``/dashboard``, the readers at ``read_rate`` requests a second
    (paced) whatever the writers' rate. Returns one step per rate: the floor's and the dashboard's measures, the
    reports accepted and their latencies, the step's seconds and its CPU (``CpuClock.lap``)."""
    engine = create_engine(url)
    facts = bench_facts(engine)
    engine.dispose()
    steps = []
    with tempfile.TemporaryDirectory(prefix="tracker-write-load-") as folder:
        with serving(url, Path(folder), workers) as (server, base):
            writing, reading, anonymous = clients_of(base, facts, writers, readers)
            for rate in rates:
                filed = []
                clock = CpuClock(server.pid)
                began = time.monotonic()
                floor, page, statuses = turns_while_filing(
                    writing, facts.sample_tasks, rate, lambda clients, paths, s: paced(clients, paths, s, read_rate),
                    anonymous, reading, seconds, rounds, filed)
                elapsed = time.monotonic() - began
                steps.append({"rate": rate, "floor": floor, "page": page, "statuses": statuses, "filed": filed,
                              "elapsed": elapsed, **clock.lap()})
                print_step(steps[-1], header=len(steps) == 1)
    return steps


SWEEP_HEADER = (f"{'reports/s':>9} {'got/s':>6} {'dash/s':>6} {'dash p50':>8} {'dash p95':>8} {'floor p95':>9} "
                f"{'p95÷floor':>9} {'report p95':>10} {'server CPU':>10} {'busy CPUs':>9} {'load':>5}")


def print_step(step: dict, header: bool = False) -> None:
    """One line of the load curve (``SWEEP_HEADER``): asked and accepted reports a second, dashboards answered a
    second, the dashboard's p50/p95 and the floor's p95 in ms and their ratio, a report's p95 (form and post) in ms,
    the server's CPU seconds a second, the machine's busy CPUs and its load average."""
    if header:
        print(SWEEP_HEADER, flush=True)
    floor, page = step["floor"], step["page"]
    accepted = step["statuses"].get(302, 0)
    filed_p95 = percentile(step["filed"], 95) * 1000
    print(f"{step['rate']:>9g} {accepted / step['elapsed']:>6.1f} {page.throughput:>6.1f} "
          f"{page.percentile(50) * 1000:>8.1f} {page.percentile(95) * 1000:>8.1f} {floor.percentile(95) * 1000:>9.1f} "
          f"{page.percentile(95) / floor.percentile(95):>9.1f} {filed_p95:>10.0f} {step['server_cpu']:>10.2f} "
          f"{step['machine_busy']:>9.2f} {step['load']:>5.1f}", flush=True)


def crossing(steps: list[dict], limit_ms: float = TARGET_P95_MS) -> str:
    """Where the dashboard's p95 first reaches ``limit_ms`` along the curve: the two rates around it and the rate
    read off the straight line between them (accepted reports a second), or that it stays under (or starts over)."""
    points = [(step["statuses"].get(302, 0) / step["elapsed"], step["page"].percentile(95) * 1000) for step in steps]
    for (rate0, p0), (rate1, p1) in zip(points, points[1:]):
        if p0 < limit_ms <= p1:
            at = rate0 + (limit_ms - p0) * (rate1 - rate0) / (p1 - p0)
            return (f"dashboard p95 reaches {limit_ms:g} ms between {rate0:.1f} and {rate1:.1f} accepted reports/s "
                    f"(about {at:.1f}/s on the straight line between them)")
    if points and points[0][1] >= limit_ms:
        return f"dashboard p95 is over {limit_ms:g} ms already at {points[0][0]:.1f} reports/s"
    return f"dashboard p95 stays under {limit_ms:g} ms up to {points[-1][0]:.1f} accepted reports/s" if points else ""


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
    spent = result.get("cpu", {})
    for kind, (count, seconds) in sorted(spent.items()):
        if kind.startswith("cache "):
            print(f"workers' kept {kind[6:]}: {count} hits, {seconds:.0f} misses")
        elif kind.startswith("gc ") and kind[3:] in spent:
            print(f"workers' garbage collection, {kind[3:]:16} {seconds / spent[kind[3:]][0] * 1000:7.2f} ms per request  "
                  f"({count} collections)")
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
    parser.add_argument("--sweep", help="a load curve: comma-separated report rates (e.g. 1,2,4,8,16), --seconds each, "
                                        "on one server, readers at --read-rate (default 4) requests a second")
    parser.add_argument("--scale", type=float, default=float(os.environ.get("TRACKER_BENCH_SCALE", "1")))
    args = parser.parse_args()
    workers = int(os.environ.get("TRACKER_BENCH_WORKERS", "4"))
    with bench_database(args.database, args.postgres, args.scale, upgrade=True) as url:
        if args.sweep:
            rates = [float(rate) for rate in args.sweep.split(",")]
            read_rate = args.read_rate or 4
            print(f"load curve on {make_url(url).get_backend_name()}: {args.writers} writers at each rate, "
                  f"{args.readers} readers and the floor's clients at {read_rate:g} requests/s, {args.seconds:g} s "
                  f"a rate (gunicorn, {workers} workers, {os.cpu_count()} CPUs shared with the clients); ms, "
                  f"latencies from when each request was due", flush=True)
            steps = sweep(url, rates, args.seconds, args.rounds, args.writers, args.readers, workers, read_rate)
            print(crossing(steps))
            met = all(step["page"].percentile(95) * 1000 < TARGET_P95_MS for step in steps)
        else:
            result = run(url, args.seconds, args.rounds, args.writers, args.readers, workers, args.cpu, args.rate,
                         args.read_rate)
            met = report(result, make_url(url).get_backend_name(), args.writers, args.readers, workers, args.rate,
                         args.read_rate)
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
