"""Benchmark the indicator import (issue 16): 12 months × 200 institutions × 10 indicators.

Writes twelve monthly tables (title "YYYY年M月末…", "单位：亿元", 机构名称 + 10 indicator columns, a 合计
row) in a temporary folder, then times, best of --repeat runs:

- "bare openpyxl read": a read-only openpyxl pass over the same cells of the twelve files (the baseline);
- "read + preview": tracker.services.indicators.importing.load_table + preview_table for each month
  (file checks, the upload budget, header detection, unit look-ups, out-of-line checks);
- "import (writes)": load_table + apply_table for each month on a fresh SQLite database (24,000 figures).

    python bench/indicator_benchmark.py [--entities 200] [--indicators 10] [--months 12] [--repeat 3]

Prints one line per phase: best time in seconds and its ratio to the bare read.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def make_tables(folder: str, entities: int, indicators: list[str], months: int) -> list[str]:
    """Write ``months`` monthly tables (2024-01 …) with smooth figures (nothing out of line); return their paths."""
    from openpyxl import Workbook

    paths = []
    for month in range(1, months + 1):
        book = Workbook(write_only=True)
        sheet = book.create_sheet("指标")
        sheet.append([f"2024年{month}月末全市各金融机构金融指标情况表"])
        sheet.append(["单位：亿元"])
        sheet.append(["机构名称"] + indicators)
        totals = [0.0] * len(indicators)
        for entity in range(entities):
            values = [round(100 + entity + column * 3 + month * 0.7, 2) for column in range(len(indicators))]
            totals = [a + b for a, b in zip(totals, values)]
            sheet.append([f"测试金融机构{entity:03d}"] + values)
        sheet.append(["合计"] + totals)
        path = os.path.join(folder, f"2024-{month:02d}.xlsx")
        book.save(path)
        paths.append(path)
    return paths


def bare_read(paths: list[str]) -> int:
    """Read every cell of ``paths`` with openpyxl in read-only mode; return the number of cells."""
    from openpyxl import load_workbook

    cells = 0
    for path in paths:
        book = load_workbook(path, read_only=True)
        for row in book.worksheets[0].iter_rows(values_only=True):
            cells += sum(1 for value in row if value is not None)
        book.close()
    return cells


def fresh_app(folder: str, indicators: list[str]):
    """An app on a new SQLite database in ``folder`` with the indicators beyond the three seeded ones."""
    from tracker import create_app
    from tracker.database import upgrade_database
    from tracker.extensions import db
    from tracker.models import Indicator, IndicatorDirection, IndicatorFrequency, IndicatorKind

    os.environ["TRACKER_INSTANCE_DIR"] = folder
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite", "TESTING": True})
    with app.app_context():
        upgrade_database()
        known = set(db.session.scalars(db.select(Indicator.name)))
        for position, name in enumerate(indicators, start=10):
            if name not in known:
                db.session.add(Indicator(name=name, measure_unit="亿元", kind=IndicatorKind.STOCK,
                                         direction=IndicatorDirection.HIGHER, frequency=IndicatorFrequency.MONTHLY,
                                         position=position))
        db.session.commit()
    return app


def run_import(app, paths: list[str], write: bool) -> int:
    """Load and preview (or apply) each table; return the figures counted."""
    from tracker.services.accounts.users import command_line_operator
    from tracker.services.indicators.importing import apply_table, load_table, preview_table

    figures = 0
    with app.app_context():
        actor = command_line_operator()
        for path in paths:
            loaded = load_table(path)
            preview = apply_table(loaded, actor) if write else preview_table(loaded, actor)
            figures += preview.figures
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=200)
    parser.add_argument("--indicators", type=int, default=10)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    names = ["人民币存款余额", "人民币贷款余额", "保费收入"] + [f"测试指标{n:02d}" for n in range(args.indicators - 3)]
    names = names[:args.indicators]
    with tempfile.TemporaryDirectory() as folder:
        paths = make_tables(folder, args.entities, names, args.months)
        best = {"bare openpyxl read": float("inf"), "read + preview": float("inf"), "import (writes)": float("inf")}
        counts = {}
        for attempt in range(args.repeat):
            start = time.perf_counter()
            counts["bare openpyxl read"] = bare_read(paths)
            best["bare openpyxl read"] = min(best["bare openpyxl read"], time.perf_counter() - start)
            app = fresh_app(os.path.join(folder, f"db{attempt}"), names) if os.makedirs(
                os.path.join(folder, f"db{attempt}")) is None else None
            start = time.perf_counter()
            counts["read + preview"] = run_import(app, paths, write=False)
            best["read + preview"] = min(best["read + preview"], time.perf_counter() - start)
            start = time.perf_counter()
            counts["import (writes)"] = run_import(app, paths, write=True)
            best["import (writes)"] = min(best["import (writes)"], time.perf_counter() - start)
        base = best["bare openpyxl read"]
        print(f"{args.months} months × {args.entities} institutions × {args.indicators} indicators, best of {args.repeat}")
        for phase, seconds in best.items():
            print(f"{phase:22s} {seconds:7.2f} s  ratio {seconds / base:5.2f}  ({counts[phase]} cells/figures)")


if __name__ == "__main__":
    main()
