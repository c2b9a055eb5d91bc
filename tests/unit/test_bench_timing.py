"""The bench scripts time their rounds one way (bench/pages.py ``time_calls``): the floor is asked in turns
with the call, what prepares a round is not timed, and medians and p95 are read by one rule."""
from __future__ import annotations

import pytest

import bench.pages as pages
from bench.pages import Measure, Timings, percentile, time_calls


class FakeClock:
    """A clock that moves only when a step says how long it took (so that the test times nothing real)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.steps: list[str] = []

    def take(self, name: str, seconds: float):
        def step() -> None:
            self.steps.append(name)
            self.now += seconds
        return step


def test_bench_timing_asks_the_floor_then_prepares_then_times_the_call_each_round(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(pages.time, "perf_counter", lambda: clock.now)
    timed = time_calls(clock.take("page", 0.2), 3, floor=clock.take("floor", 0.01), prepare=(clock.take("change", 5.0), None, clock.take("count", 1.0)))
    assert clock.steps == ["floor", "change", "count", "page"] * 3
    assert timed.times == pytest.approx([0.2] * 3) and timed.floors == pytest.approx([0.01] * 3)  # 6 s untimed
    assert timed.ratio(50) == pytest.approx(20) and timed.ratio(95) == pytest.approx(20)
    assert time_calls(clock.take("page", 0.1), 2).floors == []  # no floor: none asked


def test_bench_timing_reads_the_median_and_p95_by_one_rule_for_rounds_and_requests():
    twenty = [n / 1000 for n in range(20, 0, -1)]  # 20 rounds of 1 … 20 ms, in any order
    timed = Timings(twenty, floors=[0.001] * 20)
    assert timed.minimum == 0.001 and timed.median == pytest.approx(0.0105)
    assert timed.p95 == pytest.approx(0.01905)  # between the 19th and the 20th
    assert Measure(1, 1.0, twenty, 0, 0).percentile(95) == timed.p95  # the load benches' rule is the same
    assert percentile([0.3], 95) == 0.3 and (timed + timed).median == timed.median
