"""Benchmark the work-ledger writer and reader against bare openpyxl loops (issue #4).

Targets from issue #4, for 10,000 tasks: the export takes at most 1.5x a bare openpyxl write-only
loop writing the same cells, measured in the same run; the reading part of an import at most 2x a
bare openpyxl read-only pass over the same file; peak memory under 300 MB.

Each phase runs in a fresh subprocess, so that its peak resident memory (ru_maxrss) is its own;
each is repeated (--repeat, default 3) in alternation and the best time is kept, which damps the
noise of a shared machine. Only the operation itself is timed (imports and test data excluded).

    python bench/ledger_benchmark.py [--tasks 10000] [--repeat 3]

Prints one line per phase: best time in seconds, ratio to its bare baseline, peak RSS and RSS
growth during the phase, in MB (1 MB = 2**20 bytes).

"write_ledger flat + 4 columns" writes the same tasks in the flat layout with 所属层级, 责任人,
最近反馈时间 and 备注 and a 筛选 line under the title (the widest export); its baseline is the bare
loop writing those same cells.

"write_ledger grouped" (issue 15) writes the same tasks in the grouped layout: a heading row before
each run of 10 tasks, merged across the printed columns; "write_ledger by-unit" writes one row per
task and unit (each lead and supporting unit, with 单位, 角色 and 填报日期). Each is compared with a
bare write-only loop writing the same cells and the same merged ranges (title, info line, heading
rows), in the same run.

Import phases (services/ledger/importing.py on a fresh SQLite database holding the same 10,000 tasks,
set up before the clock starts): "import dry run" reads the file and builds the preview;
"import (writes)" applies it in one transaction (about 7,000 new reports, status changes and
journal entries). Their baseline is the bare read-only pass; the real import is also compared with
the bare pass plus "bare DB writes", the same rows inserted/updated with SQLAlchemy Core
executemany in one transaction (issue #4: at most 2x the bare read plus the database writes).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

STATUSES = ["未启动", "推进中", "已完成", "逾期"]
_WORDS = ("推进", "落实", "完善", "机制", "金融", "风险", "排查", "监管", "企业", "融资", "服务", "平台",
          "建设", "改革", "试点", "政策", "资金", "项目", "审批", "担保", "信贷", "普惠", "小微", "数字化",
          "统筹", "协调", "督导", "考核", "台账", "清单")
_UNITS = ("市金融办", "人行重庆营管部", "重庆银监局", "重庆证监局", "重庆保监局", "市发展改革委", "市财政局",
          "市经济信息委", "市国土房管局", "市住房城乡建委", "市商务委", "市国资委", "市工商局", "市税务局")


def _text(rng: random.Random, low: int, high: int) -> str:
    """A Chinese sentence of ``low``..``high`` words, ending with 。."""
    return "，".join("".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 5)))
                    for _ in range(rng.randint(low, high))) + "。"


def make_ledger(tasks: int, flat: bool = False, layout: str = "tree"):
    """A deterministic ledger of ``tasks`` tasks, 10 per heading, texts of realistic length.

    ``flat``: the flat layout with every extra column (所属层级, 责任人, 最近反馈时间, 备注) filled
    in the way the export fills them. ``layout`` "grouped": each task under its heading row;
    "by-unit": each task's row repeated for each of its units, with 单位, 角色, 填报日期.
    """
    from tracker.ledger import Ledger, LedgerRow
    from tracker.ledger.layout import EXTRA_CAPTIONS

    rng = random.Random(4)
    rows = []
    for index in range(tasks):
        heading, item = divmod(index, 10)
        progress = _text(rng, 1, 6) if rng.random() < 0.7 else None
        if index % 97 == 0:
            progress = '=HYPERLINK("http://x","点击")'  # exercises the formula-safe path
        rows.append(LedgerRow(
            key=f"{index:032x}", version=rng.randint(1, 9), number=f"{heading + 1}.{item + 1}",
            heading=f"重点任务{heading + 1}：" + _text(rng, 1, 2), measure=_text(rng, 2, 8),
            lead_units=rng.sample(_UNITS, rng.randint(1, 2)), supporting_units=rng.sample(_UNITS, rng.randint(0, 3)),
            deadline=rng.choice(["2024年底前", "2025年6月底前", "长期坚持", None]), progress=progress,
            problems=_text(rng, 1, 3) if rng.random() < 0.3 else None,
            next_steps=_text(rng, 1, 3) if rng.random() < 0.5 else None, status=rng.choice(STATUSES)))
        if flat:
            rows[-1].path_text = f"{heading + 1}、{rows[-1].heading}"
            rows[-1].extra = {"责任人": "、".join(f"{unit}联络员" for unit in rows[-1].lead_units),
                              "最近反馈时间": "2024-03-01" if progress else None, "备注": None}
    if layout == "grouped":
        titles: dict[str, str] = {}
        for row in rows:  # one heading per 10 tasks, titled as its first task's 重点任务
            top, own = row.number.split(".")
            row.own_number = own + "."
            row.groups = ((top + "、", titles.setdefault(top, row.heading)),)
        return Ledger(title="重庆市金融去杠杆防风险专项方案工作台账", unit_name="市金融办",
                      export_date=datetime.date(2024, 3, 5), rows=rows, status_choices=STATUSES, layout="grouped")
    if layout == "by-unit":
        from dataclasses import replace

        per_unit = [replace(row, unit=unit, role=role, report_date="2024-03-01" if row.progress else None)
                    for row in rows for units, role in ((row.lead_units, "牵头"), (row.supporting_units, "配合"))
                    for unit in units]
        return Ledger(title="重庆市金融去杠杆防风险专项方案工作台账", unit_name="市金融办",
                      export_date=datetime.date(2024, 3, 5), rows=per_unit, status_choices=STATUSES, layout="by-unit")
    if not flat:
        return Ledger(title="重庆市金融去杠杆防风险专项方案工作台账", unit_name="市金融办",
                      export_date=datetime.date(2024, 3, 5), rows=rows, status_choices=STATUSES)
    return Ledger(title="重庆市金融去杠杆防风险专项方案工作台账", unit_name="市金融办",
                  export_date=datetime.date(2024, 3, 5), rows=rows, status_choices=STATUSES,
                  layout="flat", extra_columns=EXTRA_CAPTIONS, note="筛选：状态=推进中")


def bare_write(ledger, path: str) -> None:
    """The baseline: openpyxl write-only mode appending the same cell values, no styles; in the
    grouped and by-unit layouts also the same merged ranges (title, info line, heading rows)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange

    from tracker.ledger.writer import GroupLine, _row_texts, sheet_lines

    layout = ledger.sheet_layout()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("工作台账")
    merges = layout.layout in ("grouped", "by-unit")
    last = get_column_letter(layout.last_visible)
    if merges:
        for reference in (f"A1:{last}1", f"A{layout.info_row}:E{layout.info_row}", f"H{layout.info_row}:{last}{layout.info_row}"):
            sheet.merged_cells.ranges.add(CellRange(reference))
    sheet.append([ledger.title])
    if ledger.note:
        sheet.append([ledger.note])
    day = ledger.export_date
    sheet.append([f"填报单位：{ledger.unit_name}"] + [None] * 6 + [f"填报日期：{day.year}年{day.month}月{day.day}日"])
    sheet.append(list(layout.captions))
    number = layout.first_data_row
    for line in sheet_lines(ledger.rows) if layout.group_rows else ledger.rows:
        if isinstance(line, GroupLine):
            sheet.merged_cells.ranges.add(CellRange(f"A{number}:{last}{number}"))
            sheet.append([line.text])
        else:
            sheet.append(_row_texts(line, layout) + [line.version])
        number += 1
    workbook.save(path)


def bare_read(path: str) -> int:
    """The baseline: one openpyxl read-only pass over the first sheet's values."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


def import_database(tasks: int, folder: str):
    """Return an app on a new SQLite database in ``folder`` holding the tasks of make_ledger(tasks).

    Keys and versions match the ledger's rows, statuses are 已交办 and there is no report yet, so
    an import of the ledger updates every row with progress or a status. Built with Core inserts.
    """
    from sqlalchemy import insert

    from tracker import create_app
    from tracker.database import upgrade_database
    from tracker.extensions import db
    from tracker.models import Assignment, Plan, Task, Unit

    os.environ["TRACKER_INSTANCE_DIR"] = folder
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite", "TESTING": True})
    ledger = make_ledger(tasks)
    with app.app_context():
        upgrade_database()
        unit_ids = {}
        for name in _UNITS:
            unit_ids[name] = db.session.execute(insert(Unit).values(name=name).returning(Unit.id)).scalar_one()
        plan_id = db.session.execute(insert(Plan).values(title="基准方案", source_text="", warning_days=15,
                                                         report_cycle="monthly", report_day=25,
                                                         created_at=datetime.datetime(2024, 1, 1)).returning(Plan.id)).scalar_one()
        db.session.execute(insert(Task), [
            dict(key=row.key, plan_id=plan_id, path=[row.number], number=row.number, level=1, position=i,
                 title=None, text=row.measure, deadline=row.deadline, status="assigned", version=row.version)
            for i, row in enumerate(ledger.rows)])
        ids = dict(db.session.execute(db.select(Task.key, Task.id)).all())
        db.session.execute(insert(Assignment), [
            dict(task_id=ids[row.key], unit_id=unit_ids[name], role=role, position=order)
            for row in ledger.rows
            for order, (name, role) in enumerate(list(dict.fromkeys(
                [(n, "lead") for n in row.lead_units] + [(n, "supporting") for n in row.supporting_units
                                                          if n not in row.lead_units])))])
        db.session.commit()
    return app


def bare_db_writes(app, path: str) -> int:
    """The baseline of an import's writes: the same reports, journal rows and task updates with Core."""
    from sqlalchemy import bindparam, insert, update

    from tracker.extensions import db
    from tracker.ledger import read_ledger
    from tracker.models import JournalEntry, ProgressReport, Task

    rows = [r for r in read_ledger(path).rows if r.progress or r.problems or r.next_steps]
    with app.app_context():
        ids = dict(db.session.execute(db.select(Task.key, Task.id)).all())
        started = time.perf_counter()
        db.session.execute(insert(ProgressReport.__table__), [
            dict(task_id=ids[r.key], progress=r.progress or "", problems=r.problems or "",
                 next_steps=r.next_steps or "", created_at=datetime.datetime(2024, 3, 5)) for r in rows])
        db.session.execute(insert(JournalEntry.__table__), [
            dict(task_id=ids[r.key], channel="import", batch="bare", field=f, new_value=r.progress or "",
                 created_at=datetime.datetime(2024, 3, 5)) for r in rows for f in ("report", "status")])
        table = Task.__table__
        db.session.execute(update(table).where(table.c.id == bindparam("tid")).values(
            status="in_progress", version=table.c.version + 1), [dict(tid=ids[r.key]) for r in rows])
        db.session.commit()
        return int((time.perf_counter() - started) * 1e6), len(rows)


def run_import(phase: str, path: str, tasks: int) -> dict:
    """Time one import phase (dry run, real import, bare DB writes) on a fresh database."""
    from tracker.extensions import db
    from tracker.services.accounts.users import command_line_operator
    from tracker.services.ledger.importing import apply_import, load_ledger, preview_import

    with tempfile.TemporaryDirectory() as folder:
        app = import_database(tasks, folder)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with app.app_context():
            if phase == "bare-writes":
                micros, count = bare_db_writes(app, path)
                elapsed, detail = micros / 1e6, f"{count:,} reports + journal rows + task updates"
            else:
                started = time.perf_counter()
                loaded = load_ledger(path)
                if phase == "import-dry":
                    preview = preview_import(loaded, command_line_operator(), supervising_office="市金融办")
                else:
                    preview = apply_import(loaded, command_line_operator(), supervising_office="市金融办").preview
                elapsed = time.perf_counter() - started
                detail = f"{preview.updated:,} updated, {len(preview.issues)} issues, {preview.conflicts} conflicts"
            db.engine.dispose()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": elapsed, "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024, "detail": detail}


WRITE_PHASES = ("write", "bare-write", "write-flat", "bare-write-flat", "write-grouped", "bare-write-grouped",
                "write-by-unit", "bare-write-by-unit")


def run_phase(phase: str, path: str, tasks: int) -> dict:
    """Run one phase in this process; return its time, peak RSS and RSS growth."""
    from tracker.ledger import read_ledger, write_ledger

    if phase in ("import-dry", "import-real", "bare-writes"):
        return run_import(phase, path, tasks)
    if phase in WRITE_PHASES:
        variant = phase.rsplit("-", 1)[-1] if phase.startswith(("write-", "bare-write-")) else "tree"
        variant = "by-unit" if phase.endswith("by-unit") else variant
        ledger = make_ledger(tasks, flat=variant == "flat", layout=variant if variant in ("grouped", "by-unit") else "tree")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    detail = None
    if phase in WRITE_PHASES and not phase.startswith("bare"):
        write_ledger(ledger, path)
        detail = f"{len(ledger.rows)} rows" if phase.endswith(("grouped", "by-unit")) else None
    elif phase in WRITE_PHASES:
        bare_write(ledger, path)
    elif phase == "read":
        result = read_ledger(path, statuses=STATUSES)
        detail = f"{len(result.rows)} rows, {len(result.issues)} issues"
    elif phase == "bare-read":
        detail = f"{bare_read(path)} rows"
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": elapsed, "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024, "detail": detail}


def _child(phase: str, path: str, tasks: int) -> dict:
    output = subprocess.run([sys.executable, __file__, "--phase", phase, "--path", path, "--tasks", str(tasks)],
                            check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--phase", choices=[*WRITE_PHASES, "read", "bare-read",
                                            "import-dry", "import-real", "bare-writes"], help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.path, args.tasks)))
        return

    import openpyxl

    with tempfile.TemporaryDirectory() as directory:
        ours, bare = os.path.join(directory, "ledger.xlsx"), os.path.join(directory, "bare.xlsx")
        flat = os.path.join(directory, "flat.xlsx")
        results: dict[str, list[dict]] = {}
        for _ in range(args.repeat):
            for phase, path in (("write", ours), ("bare-write", bare), ("write-flat", flat), ("bare-write-flat", bare),
                                ("write-grouped", flat), ("bare-write-grouped", bare),
                                ("write-by-unit", flat), ("bare-write-by-unit", bare),
                                ("read", ours), ("bare-read", ours),
                                ("import-dry", ours), ("import-real", ours), ("bare-writes", ours)):
                results.setdefault(phase, []).append(_child(phase, path, args.tasks))
        size = os.path.getsize(ours)

    best = {phase: min(runs, key=lambda run: run["seconds"]) for phase, runs in results.items()}
    peak = {phase: max(run["peak_mb"] for run in runs) for phase, runs in results.items()}
    growth = {phase: max(run["growth_mb"] for run in runs) for phase, runs in results.items()}
    print(f"ledger benchmark: {args.tasks:,} tasks, best of {args.repeat} runs; file {size / 1024:,.0f} KB; "
          f"Python {platform.python_version()}, openpyxl {openpyxl.__version__}, "
          f"defusedxml {openpyxl.xml.DEFUSEDXML}")
    print(f"{'phase':<30}{'time (s)':>10}{'ratio':>9}{'peak RSS (MB)':>16}{'RSS growth (MB)':>18}")
    lines = (("write_ledger", "write", "bare-write", 1.5), ("bare write-only loop", "bare-write", "bare-write", None),
             ("write_ledger flat + 4 columns", "write-flat", "bare-write-flat", 1.5),
             ("bare loop, same cells", "bare-write-flat", "bare-write-flat", None),
             ("write_ledger grouped", "write-grouped", "bare-write-grouped", 1.5),
             ("bare loop, same cells+merges", "bare-write-grouped", "bare-write-grouped", None),
             ("write_ledger by-unit", "write-by-unit", "bare-write-by-unit", 1.5),
             ("bare loop, same cells", "bare-write-by-unit", "bare-write-by-unit", None),
             ("read_ledger", "read", "bare-read", 2.0), ("bare read-only pass", "bare-read", "bare-read", None),
             ("import dry run", "import-dry", "bare-read", 2.0), ("import (writes)", "import-real", "bare-read", None),
             ("bare DB writes (Core)", "bare-writes", "bare-read", None))
    verdicts = []
    for label, phase, baseline, target in lines:
        ratio = best[phase]["seconds"] / best[baseline]["seconds"]
        note = f"  target <= {target}x: {'ok' if ratio <= target else 'MISSED'}" if target else ""
        if best[phase]["detail"]:
            note += f"  ({best[phase]['detail']})"
        print(f"{label:<30}{best[phase]['seconds']:>10.2f}{ratio:>8.2f}x{peak[phase]:>16.0f}{growth[phase]:>18.0f}{note}")
        if target:
            verdicts.append(ratio <= target)
    budget = 2 * best["bare-read"]["seconds"] + best["bare-writes"]["seconds"]
    real = best["import-real"]["seconds"]
    print(f"import (writes) vs 2x bare read + bare DB writes = {budget:.2f} s: {real / budget:.2f}x  "
          f"target <= 1: {'ok' if real <= budget else 'MISSED'}")
    verdicts.append(real <= budget)
    memory_ok = max(peak.values()) < 300
    print(f"peak memory target < 300 MB: {'ok' if memory_ok else 'MISSED'}")
    sys.exit(0 if all(verdicts) and memory_ok else 1)


if __name__ == "__main__":
    main()
