"""How well the parser reads tests/corpus/, against the hand-written gold files, part by part.

The corpus is split in two (tests/corpus/PARTS.json): a development part the parser is tuned on
and a test part (held out) that is only scored here. For each part this prints one line per
document, then totals by kind (plan, table, webpage, pdf, speech) and for the whole part:

- measures: F1 of the measures found, compared by numbering path (a multiset of paths);
- units: F1 of (path, role, name) with role "lead" or "supporting", over the documents whose
  gold file compares units (``fields`` holds lead_units and supporting_units); vague collectives
  (``vocabulary.units.is_vague_collective``) are left out on both sides;
- deadlines: of the gold measures that have a deadline, the fraction whose measure at the same
  path was read with exactly that deadline text (as written, e.g. "2024年6月底前");
- dl prec (deadline precision): of the measures read with a deadline (at a gold path), the fraction
  read with the gold's deadline: a deadline read where the gold has none counts against it;
- due dates: of the gold measures that give a ``due_date``, the fraction read with that date;
- errors: documents on which reading raised (they count as nothing found).

Conventions of the gold files: tests/corpus/GOLD-README.md.

The test part is also totalled by wave (PARTS.json "waves"), so that a wave scored before is read apart
from one never scored.

Run from the repository root:  python bench/parse_quality.py [--part dev|test] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.paths import corpus_number  # noqa: E402
from tracker.parsing import read_plan_file  # noqa: E402
from tracker.vocabulary.units import is_vague_collective  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
PARTS_FILE = CORPUS / "PARTS.json"
UNIT_FIELDS = {"lead_units", "supporting_units"}
DEFAULT_FIELDS = ["path", "title", "lead_units", "supporting_units", "deadline"]
KINDS = ("plan", "table", "webpage", "pdf", "speech")
COUNTS = ("measures", "units", "deadlines", "due_dates")


def load_waves() -> list[dict]:
    """PARTS.json's optional "waves": [{"label": str, "first": int, "last": int}, ...], the test part's
    documents grouped by the wave that added them (by the number their file name starts with), so that
    a wave scored before is reported apart from one never scored."""
    return json.loads(PARTS_FILE.read_text(encoding="utf-8")).get("waves", [])


def _wave_of(name: str, waves: list[dict]) -> str | None:
    number = corpus_number(name)
    return next((w["label"] for w in waves if w["first"] <= number <= w["last"]), None)


def load_parts() -> dict[str, list[str]]:
    """PARTS.json as {"dev": [...], "test": [...]}: gold file names; dev is every gold file not in test."""
    parts = json.loads(PARTS_FILE.read_text(encoding="utf-8"))
    test = list(parts["test"])
    dev = sorted(p.name for p in CORPUS.glob("*.expected.json") if p.name not in set(test))
    return {"dev": dev, "test": sorted(test)}


def _units(measures: list[dict]) -> Counter:
    """(path, role, name) of every unit named, vague collectives left out on both sides: they stay
    in the draft as written but never become units (GOLD-README "Conventions reconciled")."""
    return Counter((tuple(m["path"]), role, name) for m in measures
                   for role in ("lead", "supporting") for name in m.get(f"{role}_units") or []
                   if not is_vague_collective(name))


def _f1(counts: list[int]) -> float | None:
    """F1 from [right, found, expected]; None when nothing was expected or found."""
    right, found, expected = counts
    if not found and not expected:
        return None
    return 2 * right / (found + expected) if found + expected else 0.0


def _fraction(counts: list[int]) -> float | None:
    right, _, expected = counts
    return right / expected if expected else None


def score_document(expected: dict, read: Callable[[], list[dict]] | None = None) -> dict:
    """Counts [right, found, expected] per field for one gold file, and the error if reading raised. ``read`` gives
    the measures to score (``MeasureDraft.to_dict()`` each) in place of reading the gold's source file: a copy of the
    document in another medium (tests/unit/test_parser_table_copies.py)."""
    fields = set(expected.get("fields", DEFAULT_FIELDS))
    want = expected["measures"]
    error = None
    try:
        got = read() if read else [m.to_dict() for m in read_plan_file(CORPUS / expected["source"]).measures]
    except Exception as exc:  # a crash is a result to report, not a reason to stop the bench
        got, error = [], f"{type(exc).__name__}: {exc}"
    by_path = {}
    for m in got:
        by_path.setdefault(tuple(m["path"]), m)
    got_paths, want_paths = Counter(tuple(m["path"]) for m in got), Counter(tuple(m["path"]) for m in want)
    row = {"measures": [sum((got_paths & want_paths).values()), sum(got_paths.values()), sum(want_paths.values())]}
    if UNIT_FIELDS <= fields:
        g, w = _units(got), _units(want)
        row["units"] = [sum((g & w).values()), sum(g.values()), sum(w.values())]
    if "deadline" in fields:
        dated = [m for m in want if m.get("deadline")]
        right = sum(1 for m in dated if (by_path.get(tuple(m["path"])) or {}).get("deadline") == m["deadline"])
        row["deadlines"] = [right, len(dated), len(dated)]
        # precision: of the measures read with a deadline (at a gold path), those read with the gold's
        # (a deadline where the gold has none, "按月安排", counts against it)
        read = [m for m in want if (by_path.get(tuple(m["path"])) or {}).get("deadline")]
        right = sum(1 for m in read if by_path[tuple(m["path"])]["deadline"] == m.get("deadline"))
        row["deadline_precision"] = [right, len(read), len(read)]
    due = [m for m in want if m.get("due_date")]
    if due:
        right = sum(1 for m in due if (by_path.get(tuple(m["path"])) or {}).get("due_date") == m["due_date"])
        row["due_dates"] = [right, len(due), len(due)]
    return {"source": expected["source"], "kind": expected.get("kind") or "plan", "error": error, "counts": row}


def _add(total: dict, row: dict) -> None:
    for key, counts in row.items():
        total[key] = [a + b for a, b in zip(total.get(key, [0, 0, 0]), counts)]


def summarize(counts: dict) -> dict:
    """Scores from summed counts: measures_f1, units_f1, deadlines, due_dates (None = nothing to score)."""
    return {"measures_f1": _f1(counts.get("measures", [0, 0, 0])),
            "units_f1": _f1(counts["units"]) if "units" in counts else None,
            "deadlines": _fraction(counts["deadlines"]) if "deadlines" in counts else None,
            "due_dates": _fraction(counts["due_dates"]) if "due_dates" in counts else None,
            "deadline_precision": (_fraction(counts["deadline_precision"])
                                   if "deadline_precision" in counts else None),
            "counts": counts}


def score_part(names: list[str], waves: list[dict] | None = None) -> dict:
    """Per-document rows, totals by kind, by wave (``waves`` as load_waves gives) and the part's
    total, for the gold files ``names``."""
    documents, by_kind, by_wave, total = [], {}, {}, {}
    for name in names:
        doc = score_document(json.loads((CORPUS / name).read_text(encoding="utf-8")))
        documents.append(doc)
        _add(by_kind.setdefault(doc["kind"], {}), doc["counts"])
        wave = _wave_of(name, waves or [])
        if wave:
            _add(by_wave.setdefault(wave, {}), doc["counts"])
        _add(total, doc["counts"])
    return {"documents": [dict(doc, **summarize(doc["counts"])) for doc in documents],
            "by_wave": {wave: summarize(c) for wave, c in by_wave.items()},
            "by_kind": {kind: dict(summarize(c), documents=sum(1 for d in documents if d["kind"] == kind))
                        for kind, c in sorted(by_kind.items(), key=lambda kv: KINDS.index(kv[0]) if kv[0] in KINDS else 99)},
            "total": dict(summarize(total), documents=len(documents),
                          errors=sum(1 for d in documents if d["error"]))}


def _cell(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "  -  "


def _line(label: str, s: dict) -> str:
    measures = s["counts"].get("measures", [0, 0, 0])
    return (f"{label[:40]:<40} {_cell(s['measures_f1']):>7} {_cell(s['units_f1']):>7} "
            f"{_cell(s['deadlines']):>7} {_cell(s.get('deadline_precision')):>7} {_cell(s['due_dates']):>7}"
            f"   {measures[0]}/{measures[1]}/{measures[2]}")


def print_part(name: str, part: dict) -> None:
    print(f"== {name} part ({part['total']['documents']} documents) ==")
    print(f"{'document':<40} {'meas F1':>7} {'unit F1':>7} {'dlines':>7} {'dl prec':>7} {'due':>7}   right/found/expected measures")
    for doc in part["documents"]:
        print(_line(doc["source"], doc) + (f"   ERROR {doc['error'][:60]}" if doc["error"] else ""))
    print("-- by kind --")
    for kind, s in part["by_kind"].items():
        print(_line(f"{kind} ({s['documents']})", s))
    if part.get("by_wave"):
        print("-- by wave --")
        for wave, s in part["by_wave"].items():
            print(_line(wave, s))
    print(_line("TOTAL", part["total"]) + f"   errors: {part['total']['errors']}")
    print()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("dev", "test"), help="score one part only (default: both)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of tables")
    args = parser.parse_args(argv)
    parts = load_parts()
    names = [args.part] if args.part else ["dev", "test"]
    result = {name: score_part(parts[name], load_waves() if name == "test" else None) for name in names}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        for name in names:
            print_part(name, result[name])
    return result


if __name__ == "__main__":
    main()
