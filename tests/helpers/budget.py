"""Bounded-time checks that do not flake on a busy machine, nor on a slower one.

Issue 14 asks that every hostile input be answered in bounded time. A wall-clock bar fails when the other
test worker (or CI's neighbour) takes the core, so these checks count the CPU seconds this process spends
(`time.process_time`, all threads of the process), which the load of other processes does not change.

A bar in CPU seconds still depends on the machine's speed: the bars were set on machines where the reference work
below took about ``REFERENCE_SECONDS``; on a slower machine (stop 44's ran the whole suite in 23 minutes where stop 43's
took 9, and three bars failed on the code that had passed there) each bar grows by the ratio of the reference work's
time measured in this same run to ``REFERENCE_SECONDS`` (never shrinks). A quadratic blow-up, which these checks exist
to catch, costs hundreds of times the bar, far beyond any machine's ratio.
"""
from __future__ import annotations

import re
import time
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

#: CPU seconds of ``_reference_work`` on the machines the bars were set on, estimated: 0.206 s measured on stop 44's
#: machine, divided by 2.68, the ratio between the two machines' wall times for the whole suite on SQLite (23:12 against
#: stop 43's 8:40)
REFERENCE_SECONDS = 0.077


def _reference_work() -> int:
    """The kind of work the bounded checks time (bracket searches, splits and character classes over a plan's
    lines), in a fixed amount."""
    text = "（一）加强金融监管。（牵头单位：市金融办、人行XX中心支行；配合单位：XX银保监分局；完成时限：2025年6月底前）\n" * 400
    total = 0
    for _ in range(50):
        for m in re.finditer(r"[（(]([^（）()]*)[）)]", text):
            total += len(m.group(1).split("；"))
        total += sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return total


@lru_cache(maxsize=1)
def machine_ratio() -> float:
    """How many times slower than the machines the bars were set on this one is (≥ 1.0), measured once per process
    (``ratio_now``)."""
    return ratio_now()


def ratio_now() -> float:
    """``machine_ratio`` measured now: the least CPU time of three runs of the reference work, over
    ``REFERENCE_SECONDS`` (≥ 1.0). CPU seconds too grow when another process shares the core's caches (a bench run
    beside CI's two workers: stop 50 saw a 3 s bar taken in 3.56 s by code that takes 2.1 s), so a block over its bar
    is judged again by the ratio of the moment (``cpu_seconds_under``)."""
    spent = []
    for _ in range(3):
        started = time.process_time()
        _reference_work()
        spent.append(time.process_time() - started)
    return max(1.0, min(spent) / REFERENCE_SECONDS)


@contextmanager
def cpu_seconds_under(limit: float) -> Iterator[None]:
    """Fail (AssertionError) when the block spends ``limit`` CPU seconds or more in this process, ``limit`` scaled by
    ``machine_ratio`` on a machine slower than the one the bar was set on, or by ``ratio_now`` when the machine is
    busier at the end of the block than when the ratio was first measured."""
    bar = limit * machine_ratio()
    started = time.process_time()
    yield
    spent = time.process_time() - started
    if spent >= bar:  # measured again: the machine may be busier now than when the ratio was first measured
        bar = limit * max(machine_ratio(), ratio_now())
    assert spent < bar, f"took {spent:.2f} CPU seconds (bar: {limit} s × {bar / limit:.2f} for this machine's speed)"
