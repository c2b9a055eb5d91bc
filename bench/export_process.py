"""Time ``flask --app tracker export-ledger`` as a whole process against its floor, measured in the same run.

Issue 19's row: the export of the bench data set (10,000 tasks, 100,000 reports), the whole process
(Python start, imports, the app, the queries, the workbook, the file), takes at most 1.5 × its floor.
The floor is a bare openpyxl loop in its own process writing the same cells: Python start, ``import
openpyxl``, a write-only workbook, one ``append`` per row of the exported sheet (its values read back
from the export before the clock starts, loaded from a ``marshal`` file, the loading's own time taken
off the floor's), ``save``. No styles, no merged cells, no database.

    python bench/export_process.py [--sqlite PATH] [--postgres SERVER_URL | --postgres-database URL]
                                   [--repeat 5] [--layout tree] [--columns 责任人,最近反馈时间] [--compare TREE]

``--sqlite``: the bench SQLite file (filled by bench/generate_data.py when empty; default a new one in a
temporary folder). ``--postgres``: a PostgreSQL server on which a throw-away database is made, filled and
dropped; ``--postgres-database``: an existing bench database (filled when empty). Without either, only
SQLite is measured (``TRACKER_BENCH_POSTGRES_URL`` stands for ``--postgres``).

The tracker's modules are compiled to bytecode first (``compileall``), as an installed copy has them
(pip compiles what it installs, the Docker image compiles the tracker when it is built): without it every
process compiles the whole tracker again (``PYTHONDONTWRITEBYTECODE``), about 1 s here, while openpyxl, in
site-packages, is compiled.

Each database gets one untimed export first (its cells become the floor's), then ``--repeat`` rounds,
each running the export and the floor one after the other (the order alternating), so both see the
same load of a shared machine. Prints per database the median and best wall time of each, its median CPU
time (user + system of the child, from ``os.wait4``: what the load of a shared machine changes least), their
peak RSS, and the ratio export ÷ floor of the medians (the verdict), of the best times and of the CPU times.
``--compare TREE`` runs another copy of the tracker's export in the same rounds (e.g. main unpacked by
``git archive``), reported as "before". Exits 1 when a median ratio is above 1.5.
"""
from __future__ import annotations

import argparse
import marshal
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 1.5

FLOOR = """
import marshal, sys, time
from openpyxl import Workbook
began, cpu = time.perf_counter(), time.process_time()
with open(sys.argv[1], "rb") as handle:
    rows = marshal.load(handle)
print(time.perf_counter() - began, time.process_time() - cpu)
book = Workbook(write_only=True)
sheet = book.create_sheet("工作台账")
for row in rows:
    sheet.append(row)
book.save(sys.argv[2])
"""


def run_process(args: list[str], env: dict, cwd: Path = ROOT) -> tuple[float, float, float, str]:
    """Run ``args`` in ``cwd`` to completion; return (wall seconds, CPU seconds — user + system — of that
    process, its peak RSS in MB, its output). The CPU time is what a shared machine's load changes least:
    the wall time also holds the minutes the process waited for a core (and, on PostgreSQL, for the server).
    Raises RuntimeError with the end of its stderr when it fails."""
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as output:  # files, not pipes: nobody
        began = time.perf_counter()                                             # reads them while it runs
        process = subprocess.Popen(args, env=env, cwd=cwd, stdout=output, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        if os.waitstatus_to_exitcode(status):
            errors.seek(0)
            raise RuntimeError(f"{args}: exit {os.waitstatus_to_exitcode(status)}: {errors.read().decode()[-2000:]}")
        output.seek(0)
        return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output.read().decode()


def sheet_values(path: Path) -> list[list]:
    """The cell values of the first sheet of ``path``, row by row (None for an empty cell)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def measure(url: str, repeat: int, layout: str, columns: str, folder: Path, compare: Path | None = None) -> dict:
    """Time the export of every task of ``url`` and its floor, ``repeat`` rounds; return the figures.

    ``compare``: another copy of the tracker (e.g. ``git archive`` of main into a folder) whose export runs in
    the same rounds as "before", on the same database, so that both see the same moments of a shared machine."""
    env = {**os.environ, "DATABASE_URL": url, "TRACKER_INSTANCE_DIR": str(folder / "instance")}
    env.pop("FLASK_APP", None)

    def export_command(output: str) -> list[str]:
        return [sys.executable, "-m", "flask", "--app", "tracker", "export-ledger", "-o", str(folder / output),
                "--layout", layout] + (["--columns", columns] if columns else [])

    commands = {"export": (export_command("ledger.xlsx"), ROOT)}
    if compare is not None:
        commands["before"] = (export_command("before.xlsx"), compare)
        run_process(commands["before"][0], env, compare)  # untimed, as the export's first run
    run_process(commands["export"][0], env)  # untimed: warms the database's and the system's caches, gives the cells
    rows = sheet_values(folder / "ledger.xlsx")
    cells = folder / "cells.marshal"
    cells.write_bytes(marshal.dumps(rows))
    commands["floor"] = ([sys.executable, "-c", FLOOR, str(cells), str(folder / "floor.xlsx")], ROOT)
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, float] = {name: 0.0 for name in commands}
    for round_number in range(repeat):
        order = list(commands.items())
        for name, (command, cwd) in order if round_number % 2 == 0 else order[::-1]:
            seconds, cpu, rss, output = run_process(command, env, cwd)
            if name == "floor":  # the floor is python start + import openpyxl + write + save: not the cells' loading
                loading_wall, loading_cpu = map(float, output.split()[:2])
                seconds -= loading_wall
                cpu -= loading_cpu
            times[name].append(seconds)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], rss)
    return {"rows": len(rows), "cells": sum(value is not None for row in rows for value in row),
            "times": times, "cpus": cpus, "peaks": peaks}


#: The processes a report lists, in order: (key in the figures, label).
PROCESSES = (("export", "flask export-ledger (whole process)"), ("before", "--compare tree's export-ledger"),
             ("floor", "floor: bare openpyxl loop"))


def report(name: str, figures: dict) -> bool:
    """Print one database's lines; return True when the median wall-time ratio export ÷ floor meets the target.

    Each process: its median and best wall time, its median CPU time (user + system), its peak RSS; then the
    ratios to the floor of the median and best wall times and of the median CPU times (the figure a shared
    machine's load moves least), for the export and for the --compare tree's."""
    times, cpus = figures["times"], figures["cpus"]
    print(f"{name}: {figures['rows']:,} sheet rows, {figures['cells']:,} cells, {len(times['export'])} rounds")
    print(f"  {'process':<38}{'median s':>9}{'best s':>8}{'CPU s':>8}{'peak RSS MB':>13}")
    for key, label in PROCESSES:
        if key in times:
            print(f"  {label:<38}{statistics.median(times[key]):9.2f}{min(times[key]):8.2f}"
                  f"{statistics.median(cpus[key]):8.2f}{figures['peaks'][key]:13.0f}")
    verdict = None
    for key in ("export", "before"):
        if key not in times:
            continue
        median_ratio = statistics.median(times[key]) / statistics.median(times["floor"])
        best_ratio = min(times[key]) / min(times["floor"])
        cpu_ratio = statistics.median(cpus[key]) / statistics.median(cpus["floor"])
        ok = median_ratio <= TARGET
        print(f"  ratio {'export' if key == 'export' else 'before'} ÷ floor: median {median_ratio:.2f}x, "
              f"best {best_ratio:.2f}x, CPU {cpu_ratio:.2f}x  (target <= {TARGET}x: {'ok' if ok else 'MISSED'})")
        if key == "export":
            verdict = ok
    return bool(verdict)


def main() -> int:
    from bench.generate_data import Counts, database_url, generate, has_bench_data
    from bench.pages import throwaway_postgres

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", help="bench SQLite file (filled when empty; default: a new one)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--postgres", default=os.environ.get("TRACKER_BENCH_POSTGRES_URL"),
                       help="PostgreSQL server URL: a throw-away bench database is made on it")
    where.add_argument("--postgres-database", help="URL of a PostgreSQL bench database (filled when empty)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--layout", default="tree")
    parser.add_argument("--columns", default="")
    parser.add_argument("--compare", type=Path, help="another copy of the tracker (e.g. main by git archive): its "
                        "export-ledger runs in the same rounds, reported as \"before\"")
    parser.add_argument("--scale", type=float, default=1.0, help="data set size when generating (1: 10,000 tasks)")
    args = parser.parse_args()
    print(f"export-ledger, whole process, vs a bare openpyxl loop writing the same cells in its own process; "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, layout {args.layout}"
          + (f", columns {args.columns}" if args.columns else ""))
    for tree in [ROOT] + ([args.compare.resolve()] if args.compare else []):
        subprocess.run([sys.executable, "-m", "compileall", "-q", "tracker", "config.py"], cwd=tree, check=True,
                       env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    verdicts = []
    with tempfile.TemporaryDirectory(prefix="tracker-bench-export-") as scratch:
        folder = Path(scratch)
        (folder / "instance").mkdir()
        targets = [("SQLite", database_url(args.sqlite or str(folder / "bench.sqlite")), None)]
        if args.postgres_database:
            targets.append(("PostgreSQL", args.postgres_database, None))
        elif args.postgres:
            url, drop = throwaway_postgres(args.postgres)
            targets.append(("PostgreSQL", url, drop))
        try:
            for name, url, _ in targets:
                if not has_bench_data(url):
                    generate(url, Counts().scaled(args.scale), quiet=True)
                verdicts.append(report(name, measure(url, args.repeat, args.layout, args.columns, folder,
                                                      args.compare.resolve() if args.compare else None)))
        finally:
            for _, _, drop in targets:
                if drop:
                    drop()
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
