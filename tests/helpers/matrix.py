"""The figure every generated matrix of the parser reports (task tables, deadlines, the outline of a plan): drawn cases'
failures tallied by each axis's value. A report for docs/benchmarks.md, not a test."""
from __future__ import annotations

import random
from typing import Any, Callable


def failures_by_axis(make_case: Callable[[random.Random], Any], fails: Callable[[Any], bool],
                     limit_of: Callable[[Any], str | None], axes: tuple[str, ...] | list[str], count: int = 1000,
                     seed: int = 0, shown: Callable[[str, Any], Any] = lambda axis, value: value,
                     ) -> dict[str, dict[str, tuple[int, int]]]:
    """``count`` cases drawn by ``make_case(random.Random(seed))``, each failing when ``fails(case)`` is true or raises;
    returns {axis: {value: (failing, drawn)}} for each of ``axes`` (the case's attribute, shown as ``shown(axis, value)``
    makes it a string), "limit" (the known limit it falls under by ``limit_of``, or "outside") and "all"."""
    rng = random.Random(seed)
    tally: dict[str, dict[str, list[int]]] = {}
    for _ in range(count):
        case = make_case(rng)
        try:
            failed = fails(case)
        except Exception:  # noqa: BLE001 - a raise is a failure of the case, counted like any other
            failed = True
        for axis in [*axes, "limit", "all"]:
            value = (limit_of(case) or "outside") if axis == "limit" else shown(axis, getattr(case, axis, "all"))
            cell = tally.setdefault(axis, {}).setdefault(str(value), [0, 0])
            cell[0] += failed
            cell[1] += 1
    return {a: {v: (f, n) for v, (f, n) in values.items()} for a, values in tally.items()}
