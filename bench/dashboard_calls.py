"""Count the work of the dashboard right after each kind of change, where the machine's load cannot reach it.

Usage: .venv/bin/python bench/dashboard_calls.py [ROUNDS]      (DATABASE_URL: default a temporary SQLite file)

Runs bench/dashboard_benchmark.py's rows "dashboard / …" (after each change, warm and cold) on its own generated data, and for
each prints, before the row's usual line (one timed request), the median over ROUNDS (default 8) requests of the
Python function calls and of the process's CPU time of the request under cProfile. Both grow with the code's work,
not with the other processes on the machine: compare two trees run one after the other (docs/benchmarks.md, item 10).
"""
from __future__ import annotations

import cProfile
import os
import pstats
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import bench.dashboard_benchmark as benchmark  # noqa: E402
import bench.pages as pages  # noqa: E402


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    timed = pages.time_calls

    def counted(request, _rounds, floor=None, prepare=(None, None)):
        before, clear = prepare
        calls, cpu = [], []
        for _ in range(rounds):
            if before:
                before()
            if clear:
                clear()
            profile = cProfile.Profile()
            started = time.process_time()
            profile.enable()
            request()
            profile.disable()
            cpu.append(time.process_time() - started)
            calls.append(pstats.Stats(profile).total_calls)
        calls.sort()
        cpu.sort()
        print(f"    calls median {calls[len(calls) // 2]:>8}  cpu median {cpu[len(cpu) // 2] * 1000:6.1f} ms "
              "(under cProfile)", flush=True)
        return timed(request, 1, floor=floor, prepare=prepare)

    benchmark.time_calls = counted
    sys.argv = [sys.argv[0], "--rounds", "1", "--only", "dashboard / (after", "--only", "dashboard /"]
    benchmark.main()


if __name__ == "__main__":
    main()
