"""Read one hostile file in a fresh Python process and measure it: answer, seconds, memory.

    .venv/bin/python tests/hostile/measure.py FILE...

prints, per file, the answer (the refusal's code and Chinese message, or "read: N items / N
rows"), wall and CPU seconds, peak resident memory (ru_maxrss) of the process, and how much of it the
read added over the process with the readers imported. .xlsx files go through
tracker.ledger.read_ledger, the others through tracker.parsing.read_plan_file (what the import
pages and parse-plan call). A fresh process makes the memory figure the reader's own.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, resource, sys, time
from tracker.ledger import LedgerRefused, read_ledger
from tracker.parsing import PlanReadError, read_plan_file
path = sys.argv[1]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started, cpu_started = time.perf_counter(), time.process_time()
try:
    if path.endswith(".xlsx"):
        answer = "read: %d rows" % len(read_ledger(path).rows)
    else:
        answer = "read: %d items" % len(read_plan_file(path).measures)
    code = ""
except (LedgerRefused, PlanReadError) as error:
    answer, code = str(error), (error.code or "uncoded")
seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "answer": answer, "seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2),
                  "peak_mb": peak // 1024, "grown_mb": (peak - before) // 1024}, ensure_ascii=False))
"""


def measure(path: Path, timeout: float = 60) -> dict:
    """Read ``path`` in a new process; returns {"code", "answer", "seconds", "peak_mb",
    "grown_mb"}; a process that fails or passes ``timeout`` gives code "crash"/"timeout"."""
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(path)], cwd=ROOT, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"code": "timeout", "answer": "", "seconds": round(time.perf_counter() - started, 1),
                "peak_mb": -1, "grown_mb": -1}
    if done.returncode != 0:
        return {"code": "crash", "answer": done.stderr.strip().splitlines()[-1:], "seconds": -1,
                "peak_mb": -1, "grown_mb": -1}
    return json.loads(done.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    for name in sys.argv[1:]:
        result = measure(Path(name))
        print(f"{Path(name).name}\t{result['code'] or 'read'}\t{result['seconds']} s\t"
              f"peak {result['peak_mb']} MB (+{result['grown_mb']} MB)\t{result['answer']}")
