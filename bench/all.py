"""Run every benchmark of the tracker in one go and print all their tables (docs/benchmarks.md).

In order: plan parsing (bench/parse_benchmark.py), parse quality (bench/parse_quality.py), the work
ledger (bench/ledger_benchmark.py), ``flask export-ledger`` as a whole process beside its floor
(bench/export_process.py, SQLite and, when given, PostgreSQL), the bench import ledger
(bench/ledger_import_benchmark.py, when present), the CLI start-up (bench/startup.py), a new user on the
seed plan (bench/seed_clicks.py), a worker's memory after 20 MB uploads (bench/upload_memory.py), the
dashboard while 8 clients file reports (bench/write_load.py, SQLite and PostgreSQL), the pages on SQLite, the plan page in-process (bench/plan_page.py) and, when TRACKER_BENCH_POSTGRES_URL names a PostgreSQL server, on
PostgreSQL too (bench/pages.py), and the 16-client load test (tests/system/test_load.py, on SQLite and on
that server). Each runs in its own process; a failing one is reported and the others still run.

    python bench/all.py
    TRACKER_BENCH_POSTGRES_URL=$(scripts/postgres-for-tests.sh) python bench/all.py

Bounds (modest defaults, for a small shared machine): TRACKER_BENCH_SECONDS (5 s per page row),
TRACKER_LOAD_SECONDS (10 s here; the test suite's default is 30), TRACKER_BENCH_LEDGER_REPEAT (3).
Loopback only; every server started is stopped again.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def steps() -> list[tuple[str, list[str], dict[str, str]]]:
    """Return (title, command, extra environment) for every benchmark to run."""
    python = sys.executable
    postgres = os.environ.get("TRACKER_BENCH_POSTGRES_URL")
    repeat = os.environ.get("TRACKER_BENCH_LEDGER_REPEAT", "3")
    load = {"TRACKER_LOAD_SECONDS": os.environ.get("TRACKER_LOAD_SECONDS", "10")}
    found = [
        ("plan parsing", [python, "bench/parse_benchmark.py"], {}),
        ("parse quality", [python, "bench/parse_quality.py"], {}),
        ("work ledger export/read", [python, "bench/ledger_benchmark.py", "--repeat", repeat], {}),
        ("export-ledger, whole process", [python, "bench/export_process.py", "--repeat", repeat]
         + (["--postgres", postgres] if postgres else []), {}),
    ]
    for extra in ("ledger_import_benchmark.py",):  # benchmarks of features that may land later
        if (ROOT / "bench" / extra).exists():
            found.append((extra, [python, f"bench/{extra}"], {}))
    found.append(("CLI start-up", [python, "bench/startup.py"], {}))
    found.append(("seed plan, a new user clicking through", [python, "bench/seed_clicks.py"], {}))
    found.append(("a worker's memory after 20 MB uploads", [python, "bench/upload_memory.py"], {}))
    found.append(("pages on SQLite", [python, "bench/pages.py"], {}))
    found.append(("plan page in-process, SQLite", [python, "bench/plan_page.py"], {}))
    found.append(("dashboard under write load, SQLite", [python, "bench/write_load.py"], {}))
    if postgres:
        found.append(("pages on PostgreSQL", [python, "bench/pages.py", "--postgres", postgres], {}))
        found.append(("dashboard under write load, PostgreSQL", [python, "bench/write_load.py", "--postgres", postgres],
                      {}))
    pytest = [python, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", "tests/system/test_load.py"]
    found.append(("load: 16 clients on SQLite", pytest, {**load, "TRACKER_TEST_POSTGRES_URL": ""}))
    if postgres:
        found.append(("load: 16 clients on PostgreSQL", pytest, {**load, "TRACKER_TEST_POSTGRES_URL": postgres}))
    return found


def main() -> int:
    print(f"tracker benchmarks, {date.today().isoformat()}, {os.cpu_count()} CPUs (nproc), Python "
          f"{sys.version.split()[0]}")
    failed = []
    for title, command, extra in steps():
        print(f"\n=== {title}: {' '.join(Path(c).name if c == sys.executable else c for c in command)}", flush=True)
        env = {**os.environ, **extra}
        if env.get("TRACKER_TEST_POSTGRES_URL") == "":
            del env["TRACKER_TEST_POSTGRES_URL"]
        started = time.monotonic()
        done = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        lines = [line for line in done.stdout.splitlines() if "alembic.runtime" not in line]
        print("\n".join(lines))
        print(f"--- {title}: {'ok' if done.returncode == 0 else 'FAILED'} in {time.monotonic() - started:.0f} s")
        if done.returncode:
            failed.append(title)
    if failed:
        print("\nfailed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
