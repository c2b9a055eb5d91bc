"""Time the command line's start-up against a process that only imports what any Flask app needs.

The floor is ``python -c "import flask, flask_sqlalchemy, sqlalchemy, click"`` (a bare Flask +
SQLAlchemy process); the row is ``flask --app tracker --help``, which builds the whole app (every
blueprint, every service a view imports at module level) and lists the commands. Both run in fresh
processes, taking turns (so that both see the same load on a shared machine; bench/pages.py
``time_calls``), ``--rounds`` times each; the script prints the medians, the ratio (target: at most
2, issue 19) and the tracker modules and libraries that cost most (``python -X importtime``, one
extra run).

    python bench/startup.py [--rounds 7]
    python bench/startup.py --command "init-db --help"       # another command's start-up

Exits 1 when the ratio is above 2.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import time_calls  # noqa: E402

FLOOR = [sys.executable, "-c", "import flask, flask_sqlalchemy, sqlalchemy, click"]
TARGET = 2.0
#: Libraries a start-up should not load (issue 19): each command imports what it uses.
HEAVY = ("openpyxl", "docx", "lxml", "bs4", "alembic", "flask_migrate", "psycopg", "pdfplumber", "xlrd", "odf",
         "PIL")


def run_once(command: list[str], env: dict[str, str]) -> None:
    """Run ``command`` to its end in a fresh process (its output thrown away; a failure raises)."""
    subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def heaviest(command: list[str], env: dict[str, str], count: int = 8) -> tuple[list[tuple[float, str]], list[str]]:
    """Return the ``count`` top-level imports costing most (ms, name) and the HEAVY libraries loaded."""
    done = subprocess.run([command[0], "-X", "importtime", *command[1:]], cwd=ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows, heavy = [], set()
    for line in done.stderr.splitlines():
        found = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if not found:
            continue
        cumulative, depth, name = int(found[1]), len(found[2]), found[3]
        if depth <= 1:
            rows.append((cumulative / 1000, name))
        if name.split(".")[0] in HEAVY:
            heavy.add(name.split(".")[0])
    return sorted(rows, reverse=True)[:count], sorted(heavy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--command", default="--help", help="arguments after `flask --app tracker` (default --help)")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tracker-startup-")
    env = {**os.environ, "TRACKER_INSTANCE_DIR": folder, "DATABASE_URL": f"sqlite:///{folder}/startup.sqlite",
           "SECRET_KEY": "startup-benchmark"}
    row = [sys.executable, "-m", "flask", "--app", "tracker", *args.command.split()]
    run_once(FLOOR, env), run_once(row, env)  # warm the file cache and the .pyc files
    timed = time_calls(lambda: run_once(row, env), args.rounds, floor=lambda: run_once(FLOOR, env))
    floor, measured, ratio = timed.floor(50), timed.median, timed.ratio(50)
    print(f"floor: import flask, flask_sqlalchemy, sqlalchemy, click   median {floor * 1000:7.0f} ms")
    print(f"flask --app tracker {args.command:<28}      median {measured * 1000:7.0f} ms   "
          f"{ratio:.2f} × floor (target ≤ {TARGET:g}: {'ok' if ratio <= TARGET else 'MISSED'})")
    top, heavy = heaviest(row, env)
    print("largest top-level imports (ms, cumulative): " + ", ".join(f"{name} {ms:.0f}" for ms, name in top))
    print("heavy libraries loaded: " + (", ".join(heavy) or "none"))
    sys.exit(0 if ratio <= TARGET else 1)


if __name__ == "__main__":
    main()
