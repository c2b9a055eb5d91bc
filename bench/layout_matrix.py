"""How many layouts of the matrix (tests/helpers/layouts.py) the ledger and indicator readers get wrong, by dimension.

Every combination of one or two dimensions away from the plain layout is read (each dimension's values, and each
pair of dimensions' values, the others plain), plus ``--sample`` combinations drawn at random from the whole product
(seeded). A combination fails when the reader gives other rows than the case was built with, or raises anything but
a LedgerRefused whose message names the sheet; a refusal is counted apart. Prints, per dimension and value, the
failing combinations holding it.

    .venv/bin/python -m bench.layout_matrix [--sample 400] [--show 10]
"""
from __future__ import annotations

import argparse
from collections import Counter

from tests.helpers.layouts import (
    INDICATOR_DIMENSIONS, LEDGER_DIMENSIONS, IndicatorCase, LedgerCase, indicator_file_for_sheet_name_in_csv,
    indicator_outcome, ledger_outcome, matrix_cases,
)


def report(kind: str, dimensions: dict[str, tuple], outcomes: dict, show: int) -> None:
    failing = {case: outcome for case, outcome in outcomes.items() if outcome != "ok"}
    print(f"{kind}: {len(outcomes)} combinations, {len(failing)} fail "
          f"({sum(o == 'refused' for o in failing.values())} refused, "
          f"{sum(o.startswith('crash') for o in failing.values())} crash)")
    for name, values in dimensions.items():
        counts = Counter(getattr(case, name) for case in failing)
        totals = Counter(getattr(case, name) for case in outcomes)
        print(f"  {name:11}", "  ".join(f"{value}:{counts[value]}/{totals[value]}" for value in values))
    for case, outcome in list(failing.items())[:show]:
        print("   ", case.label(), "->", outcome[:300])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=400)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    ledgers = {case: ledger_outcome(case) for case in matrix_cases(LEDGER_DIMENSIONS, LedgerCase(), args.sample)}
    report("work ledgers", LEDGER_DIMENSIONS, ledgers, args.show)
    tables = {case: indicator_outcome(case) for case in matrix_cases(INDICATOR_DIMENSIONS, IndicatorCase(), args.sample)
              if not indicator_file_for_sheet_name_in_csv(case)}
    report("indicator tables", INDICATOR_DIMENSIONS, tables, args.show)


if __name__ == "__main__":
    main()
