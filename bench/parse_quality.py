"""Precision and recall of the parser over tests/corpus/, against the hand-checked expected files.

Measures are compared by path (a path written twice counts twice); units by (path, role, name)
with role "lead" or "supporting", for the documents whose expected file compares units (plans;
speeches and news compare path and title only). Prints one line per document and the totals.

Run from the repository root:  python bench/parse_quality.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.parsing import read_plan_file  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"
UNIT_FIELDS = {"lead_units", "supporting_units"}


def _units(measures: list[dict]) -> Counter:
    return Counter((tuple(m["path"]), role, name) for m in measures
                   for role in ("lead", "supporting") for name in m.get(f"{role}_units", []))


def _score(got: Counter, want: Counter) -> tuple[int, int, int]:
    """(true positives, found, expected) for two multisets."""
    return sum((got & want).values()), sum(got.values()), sum(want.values())


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def main() -> None:
    totals = {"measures": [0, 0, 0], "units": [0, 0, 0]}
    print(f"{'document':<36} {'measures P':>10} {'R':>6} {'units P':>8} {'R':>6}")
    for expected_file in sorted(CORPUS.glob("*.expected.json")):
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        fields = set(expected.get("fields", ["path", "title", "lead_units", "supporting_units", "deadline"]))
        got = [m.to_dict() for m in read_plan_file(CORPUS / expected["source"]).measures]
        want = expected["measures"]
        row = {"measures": _score(Counter(tuple(m["path"]) for m in got), Counter(tuple(m["path"]) for m in want))}
        if UNIT_FIELDS <= fields:
            row["units"] = _score(_units(got), _units(want))
        cells = []
        for key in ("measures", "units"):
            if key in row:
                tp, found, wanted = row[key]
                totals[key] = [t + v for t, v in zip(totals[key], row[key])]
                cells += [_ratio(tp, found), _ratio(tp, wanted)]
            else:
                cells += ["  -  ", "  -  "]
        print(f"{expected['source'][:36]:<36} {cells[0]:>10} {cells[1]:>6} {cells[2]:>8} {cells[3]:>6}")
    m, u = totals["measures"], totals["units"]
    print(f"{'TOTAL':<36} {_ratio(m[0], m[1]):>10} {_ratio(m[0], m[2]):>6} {_ratio(u[0], u[1]):>8} {_ratio(u[0], u[2]):>6}")
    print(f"(measures: {m[0]} right of {m[1]} found, {m[2]} expected; "
          f"units: {u[0]} right of {u[1]} found, {u[2]} expected)")


if __name__ == "__main__":
    main()
