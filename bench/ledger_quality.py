"""How well the tracker reads tests/ledgers/, other offices' work ledgers and indicator tables, against the
hand-written gold files, part by part.

The ledger corpus is split in two like the plan corpus: a development part the readers are tuned on, and a
held-out test part listed in tests/ledgers/PARTS.json ("test": [stems]) that is only scored here (no
PARTS.json: the test part is empty). Each file is read exactly as ``import-ledger --dry-run`` and
``import-indicators --dry-run`` read it (services/ledger/importing.load_ledger, services/indicators/importing.
load_table): ``read_ledger`` with the default limits and no column map; ``read_table`` with the gold's
``indicators`` as the registered IndicatorColumns. A refused file (LedgerRefused) counts as nothing read and
its Chinese message is printed; any other exception is reported as a crash and counts the same.

Ledgers (kind "ledger"), counts [right, found, expected] summed over a part:

- rows: F1 of the rows read, a gold row matched by its 序号 (``number``, as written minus trailing 、.) and its
  text (``measure``; a group row's title), whitespace removed; ``groups``: the same over group rows only;
- lead / supporting: F1 of (row, unit) pairs per role; vague collectives (vocabulary/units.is_vague_collective)
  are left out on both sides, as bench/parse_quality.py does;
- deadline / status / progress: of the gold task rows where the gold or the reader has a value, the fraction
  read with exactly the gold's (a value read where the gold has none counts against it). 完成状态 is compared
  as the tracker's status code: the cell's text through vocabulary/statuses.status_synonym, else the
  tracker's own labels (已交办 … 已办结). Progress is compared after stripping the ends.

Indicator tables (kind "indicators"): period (the table's YYYY-MM equals the gold's) and figures, F1 of
(entity, indicator, value) with a value within 0.005 of the gold's (entities whitespace-free).

Conventions of the gold files: tests/ledgers/GOLD-README.md.

Run from the repository root:  python bench/ledger_quality.py [--part dev|test|all] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.indicators.workbook import IndicatorColumn, read_table  # noqa: E402
from tracker.ledger import LedgerLimits, LedgerRefused, read_ledger  # noqa: E402
from tracker.ledger.safety import load_source  # noqa: E402
from tracker.vocabulary.statuses import status_synonym  # noqa: E402
from tracker.vocabulary.units import is_vague_collective  # noqa: E402

LEDGERS = ROOT / "tests" / "ledgers"
PARTS_FILE = LEDGERS / "PARTS.json"
GOLD_SUFFIX = ".expected.json"
KINDS = ("ledger", "indicators")
LEDGER_FIELDS = ("rows", "groups", "lead", "supporting", "deadline", "status", "progress")
INDICATOR_FIELDS = ("period", "figures")
F1_FIELDS = frozenset({"rows", "groups", "lead", "supporting", "figures"})
TOLERANCE = 0.005
_SPACE = re.compile(r"\s+")
_NUMBER_END = "、.．，,：: "


def load_parts() -> dict[str, list[str]]:
    """{"dev": [stems], "test": [stems]}: the held-out stems from PARTS.json ("test"; none without the file),
    every other gold file's stem (``NNN_name`` of ``NNN_name.expected.json``) in the development part."""
    test = json.loads(PARTS_FILE.read_text(encoding="utf-8")).get("test", []) if PARTS_FILE.exists() else []
    stems = sorted(path.name[:-len(GOLD_SUFFIX)] for path in LEDGERS.glob(f"*{GOLD_SUFFIX}"))
    return {"dev": [stem for stem in stems if stem not in set(test)], "test": sorted(test)}


def _plain(text) -> str:
    return _SPACE.sub("", text) if isinstance(text, str) else ""


def _number(text) -> str:
    return _plain(text).rstrip(_NUMBER_END)


def status_code(text: str | None) -> str | None:
    """The tracker's status code for a 完成状态 cell ("已完成" -> "closed"): vocabulary/statuses.status_synonym, else
    the tracker's own labels (已交办, 已签收, 推进中, 申请办结, 已办结 -> their codes); None for a blank cell or a
    text that names no status (the import refuses such a row)."""
    if not text or not text.strip():
        return None
    code = status_synonym(text)
    if code is not None:
        return code
    from tracker.models.enums import TaskStatus  # the labels table lives with the enum

    try:
        return TaskStatus.from_label(text).value
    except ValueError:
        return None


def _f1(counts: list[int]) -> float | None:
    right, found, expected = counts
    if not found and not expected:
        return None
    return 2 * right / (found + expected)


def _fraction(counts: list[int]) -> float | None:
    right, _, expected = counts
    return right / expected if expected else None


def score(field: str, counts: list[int]) -> float | None:
    """The figure of one field's counts [right, found, expected]: F1 for the F1_FIELDS, else right ÷ expected."""
    return _f1(counts) if field in F1_FIELDS else _fraction(counts)


def _read_rows(path: Path) -> list[dict]:
    """The ledger's rows as the gold writes them (import-ledger --dry-run's read)."""
    limits = LedgerLimits()
    data, filename = load_source(path, None, limits)
    read = read_ledger(data, filename, limits=limits)
    rows = []
    for row in read.rows:
        rows.append({"number": row.number, "is_group": row.is_group_row,
                     "measure": row.heading if row.is_group_row else row.measure,
                     "lead_units": row.lead_units, "supporting_units": row.supporting_units,
                     "deadline": row.deadline, "status": status_code(row.status), "progress": row.progress})
    return rows


def _key(row: dict) -> tuple[str, str]:
    return _number(row.get("number")), _plain(row.get("measure"))


def _units(rows: list[dict], role: str) -> Counter:
    return Counter((_key(row), _plain(name)) for row in rows for name in row.get(f"{role}_units") or []
                   if not is_vague_collective(name))


def score_ledger(gold: dict, got: list[dict]) -> dict[str, list[int]]:
    """Counts [right, found, expected] per LEDGER_FIELDS for one ledger's gold and the rows read."""
    want = gold["rows"]
    counts: dict[str, list[int]] = {}
    for field, keep in (("rows", lambda r: True), ("groups", lambda r: r.get("is_group"))):
        g, w = Counter(_key(r) for r in got if keep(r)), Counter(_key(r) for r in want if keep(r))
        counts[field] = [sum((g & w).values()), sum(g.values()), sum(w.values())]
    for role in ("lead", "supporting"):
        g, w = _units(got, role), _units(want, role)
        counts[role] = [sum((g & w).values()), sum(g.values()), sum(w.values())]
    read = {}
    for row in got:
        if not row.get("is_group"):
            read.setdefault(_key(row), row)
    for field in ("deadline", "status", "progress"):
        right = compared = 0
        for row in want:
            if row.get("is_group"):
                continue
            mine = (read.get(_key(row)) or {}).get(field)
            theirs = row.get(field)
            if field == "progress":
                mine, theirs = (mine.strip() if mine else None), (theirs.strip() if theirs else None)
            if mine is None and theirs is None:
                continue
            compared += 1
            right += mine == theirs
        counts[field] = [right, compared, compared]
    return counts


def _read_figures(path: Path, gold: dict) -> tuple[str | None, list[tuple[str, str, float]]]:
    """(period, [(entity, indicator, value)]) as import-indicators --dry-run reads the table."""
    limits = LedgerLimits()
    data, filename = load_source(path, None, limits)
    columns = [IndicatorColumn(item["name"], item["measure_unit"]) for item in gold["indicators"]]
    table = read_table(data, filename, columns, limits)
    return table.period, [(row.entity, name, value) for row in table.rows for name, value in row.values.items()]


def score_indicators(gold: dict, period: str | None, got: list[tuple[str, str, float]]) -> dict[str, list[int]]:
    """Counts [right, found, expected] of INDICATOR_FIELDS for one table's gold and what was read."""
    left = [(_plain(entity), name, value) for entity, name, value in got]
    right = 0
    for figure in gold["figures"]:
        for index, (entity, name, value) in enumerate(left):
            if (entity == _plain(figure["entity"]) and name == figure["indicator"]
                    and abs(value - figure["value"]) <= TOLERANCE):
                right += 1
                del left[index]
                break
    return {"period": [int(period == gold["period"]), 1, 1],
            "figures": [right, len(got), len(gold["figures"])]}


def score_file(stem: str) -> dict:
    """One gold file's result: its kind, counts per field, the reader's error (a refusal's Chinese message or a
    crash), never raising."""
    gold = json.loads((LEDGERS / f"{stem}{GOLD_SUFFIX}").read_text(encoding="utf-8"))
    kind = gold.get("kind", "ledger")
    path = LEDGERS / gold["source"]
    error = None
    try:
        if kind == "ledger":
            counts = score_ledger(gold, _read_rows(path))
        else:
            counts = score_indicators(gold, *_read_figures(path, gold))
    except LedgerRefused as refused:
        error = f"拒收：{refused}"
    except Exception as exc:  # a crash is a result to report, not a reason to stop the bench
        error = f"崩溃：{type(exc).__name__}: {exc}"
    if error is not None:
        counts = score_ledger(gold, []) if kind == "ledger" else score_indicators(gold, None, [])
    return {"stem": stem, "source": gold["source"], "kind": kind, "error": error, "counts": counts}


def _add(total: dict, counts: dict) -> None:
    for field, values in counts.items():
        total[field] = [a + b for a, b in zip(total.get(field, [0, 0, 0]), values)]


def summarize(counts: dict) -> dict:
    """{field: figure or None} for the fields in ``counts``, plus the counts themselves."""
    return {**{field: score(field, values) for field, values in counts.items()}, "counts": counts}


def is_exact(result: dict) -> bool:
    """Whether a file was read without an error and every field it scores is 1.0 (or has nothing to score)."""
    return result["error"] is None and all(
        score(field, values) in (None, 1.0) for field, values in result["counts"].items())


def score_part(stems: list[str]) -> dict:
    """Per-file results, totals by kind and the part's totals (each with its figures), for the gold stems."""
    files = [score_file(stem) for stem in stems]
    by_kind: dict[str, dict] = {}
    for result in files:
        _add(by_kind.setdefault(result["kind"], {}), result["counts"])
    return {"files": [dict(result, **summarize(result["counts"]), exact=is_exact(result)) for result in files],
            "by_kind": {kind: dict(summarize(counts), files=sum(1 for r in files if r["kind"] == kind))
                        for kind, counts in sorted(by_kind.items(), key=lambda kv: KINDS.index(kv[0]))},
            "total": {"files": len(files), "errors": sum(1 for r in files if r["error"]),
                      "exact": sum(1 for r in files if is_exact(r))}}


def _cell(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "  -  "


def print_part(name: str, part: dict) -> None:
    """The part as two tables (ledgers, indicator tables), one line per file, then the totals by kind."""
    total = part["total"]
    print(f"== {name} part ({total['files']} files, {total['exact']} read exactly, {total['errors']} refused or crashed) ==")
    for kind, fields in (("ledger", LEDGER_FIELDS), ("indicators", INDICATOR_FIELDS)):
        files = [f for f in part["files"] if f["kind"] == kind]
        if not files:
            continue
        print(f"{kind:<36}" + "".join(f"{field:>11}" for field in fields))
        for result in files:
            line = f"{result['stem'][:36]:<36}" + "".join(f"{_cell(result.get(field)):>11}" for field in fields)
            print(line + (f"   {result['error'][:80]}" if result["error"] else ""))
        s = part["by_kind"][kind]
        print(f"{'TOTAL ' + kind + ' (' + str(s['files']) + ')':<36}" + "".join(f"{_cell(s.get(field)):>11}" for field in fields))
        print()


def main(argv: list[str] | None = None) -> dict:
    """Score the chosen part(s) (``--part dev|test|all``, default dev) and print tables or ``--json``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("dev", "test", "all"), default="dev", help="the part to score (default dev)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of tables")
    args = parser.parse_args(argv)
    parts = load_parts()
    names = ["dev", "test"] if args.part == "all" else [args.part]
    result = {name: score_part(parts[name]) for name in names}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for name in names:
            print_part(name, result[name])
    return result


if __name__ == "__main__":
    main()
