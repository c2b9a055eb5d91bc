"""Bounded-time checks that do not flake on a busy machine.

Issue 14 asks that every hostile input be answered in bounded time. A wall-clock bar fails when the other
test worker (or CI's neighbour) takes the core, so these checks count the CPU seconds this process spends
(`time.process_time`, all threads of the process), which the load of other processes does not change.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def cpu_seconds_under(limit: float) -> Iterator[None]:
    """Fail (AssertionError) when the block spends ``limit`` CPU seconds or more in this process."""
    started = time.process_time()
    yield
    spent = time.process_time() - started
    assert spent < limit, f"took {spent:.2f} CPU seconds (bar: {limit} s)"
