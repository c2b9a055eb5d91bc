"""Time the three patterns of parsing/tables that read a line holding one cell closed by its pipe or pipes
(``_PIPE_CLOSED_CELL_RE``, ``_LONE_CELL_RUN_RE``, ``_ROW_END_CELL_RE``) against their forms before branch cleanup54,
on a line of 10,000 and 100,000 blanks with no closing pipe, after a word (``市财政局␣␣…``) and before one (``␣␣…市``).

The old forms backtracked over the blanks: quadratic in their number after the word, cubic before it for the first;
the new ones read each blank once (possessive quantifiers, the cell's blanks taken only before more of its text).
Each line is read three times with the new form and the best kept; the old form is read once, and not at all where
it would take minutes (``--old-limit`` blanks, default 10,000; ``--old-limit 100000`` to wait for them).

Run from the repository root:  python bench/closed_cell_regex.py
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing import tables  # noqa: E402

#: The forms before cleanup54, and how the parser applies each.
OLD = {
    "_PIPE_CLOSED_CELL_RE": (re.compile(r"^\s*([^|｜\t]*?)\s*[|｜]\s*$"), "match"),
    "_LONE_CELL_RUN_RE": (re.compile(r"([^|｜]+?)\s*[|｜]{2,}\s*"), "fullmatch"),
    "_ROW_END_CELL_RE": (re.compile(r"^\s*([^|｜\t]*[^|｜\t\s])\s*[|｜](?:\s*[|｜])+\s*$"), "match"),
}
LINES = {"市财政局+blanks": lambda n: "市财政局" + " " * n, "blanks+市": lambda n: " " * n + "市"}


def seconds(pattern: re.Pattern, how: str, text: str, times: int) -> float:
    """The best of ``times`` wall-clock readings of ``pattern.<how>(text)``, in seconds."""
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        getattr(pattern, how)(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print one line per pattern, line and size: old and new milliseconds and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-limit", type=int, default=10_000, help="read the old forms up to this many blanks")
    args = parser.parse_args()
    for name, (old, how) in OLD.items():
        new = getattr(tables, name)
        for label, line in LINES.items():
            for n in (10_000, 100_000):
                text = line(n)
                after = seconds(new, how, text, 3)
                slow = name == "_PIPE_CLOSED_CELL_RE" and label == "blanks+市"  # cubic: hours at 10,000
                before = seconds(old, how, text, 1) if n <= args.old_limit and not slow else None
                said = f"old {before * 1e3:9.1f} ms" if before is not None else "old   not run   "
                ratio = f"  old/new {before / after:,.0f}" if before is not None else ""
                print(f"{name:22} {label:16} {n:>7,}  {said}  new {after * 1e3:7.3f} ms{ratio}", flush=True)


if __name__ == "__main__":
    main()
