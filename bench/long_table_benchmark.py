"""Time ``parse_plan_text`` on a long task table laid out one cell per line, and count the rows it reads.

The table: the rows of development document 594 (丽水 2023's items, ``重点工作 | 牵头单位 | 配合单位``, an empty
配合单位 with no line) repeated until the table has 750, 1,500 and 3,000 rows, each with a 序号 line above its task (the
``numbered`` layout) or without one (``plain``: rows placed by the header's columns). After one warm-up parse, each
size is parsed three times with the garbage collector paused and the best time kept; the table shows the rows read
(every row should come back: up to the upload budget's 5,000 items, ``UPLOAD_MAX_ITEMS``), the time and its ratio to
the smallest size (linear time gives about 2 and 4).

Run from the repository root:  python bench/long_table_benchmark.py
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing import parse_plan_text  # noqa: E402

SOURCE = ROOT / "tests" / "corpus" / "594_lishui_2023_fenjie_cell_lines_no_number.txt"
CAPTIONS = ["重点工作", "牵头单位", "配合单位"]
SIZES = (750, 1500, 3000)


def source_rows() -> list[list[str]]:
    """The rows of 594 as lists of lines (the task, then its unit lines)."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    body = lines[lines.index(CAPTIONS[-1]) + 1:]
    rows: list[list[str]] = []
    for line in body:
        if line.endswith("。"):
            rows.append([line])
        elif rows:
            rows[-1].append(line)
    return rows


def build(count: int, numbered: bool) -> str:
    """A table of ``count`` rows laid out one cell per line, with or without a 序号 line opening each row."""
    rows = source_rows()
    lines = ["市政府工作报告重点工作责任分解(2023年)", ""] + (["序号"] if numbered else []) + CAPTIONS
    for at in range(count):
        lines += ([str(at + 1)] if numbered else []) + rows[at % len(rows)]
    return "\n".join(lines)


def best_of(text: str, runs: int = 3) -> tuple[float, int]:
    """The best of ``runs`` parses of ``text`` (seconds, garbage collector paused) and the measures read."""
    best, count = float("inf"), 0
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            count = len(parse_plan_text(text).measures)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best, count


def main() -> None:
    """Print rows read, best time and its ratio to the smallest size, per layout and size."""
    parse_plan_text(build(50, True))  # warm-up: imports, compiled patterns
    print(f"{'layout':10} {'rows':>6} {'read':>6} {'seconds':>8} {'ratio':>6}")
    for numbered in (True, False):
        first = None
        for size in SIZES:
            seconds, read = best_of(build(size, numbered))
            first = first or seconds
            print(f"{'numbered' if numbered else 'plain':10} {size:6d} {read:6d} {seconds:8.2f} {seconds / first:6.2f}")


if __name__ == "__main__":
    main()
