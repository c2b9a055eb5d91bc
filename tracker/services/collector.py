"""Python's cyclic garbage collector paused while a use case builds many short-lived objects.

Computing figures (services/figures), the plan page (services/plans/store.py) and a ledger import
(services/ledger/importing.py) make tens of thousands of small objects (rows, TaskFacts, lists of unit
ids) that all live until the work ends and hold no cycles; the collector would walk them, and now and
then every object of the process, for nothing: about a third of the time on the bench data
(docs/benchmarks.md, bench/ledger_benchmark.py).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collecting_later() -> Iterator[None]:
    """Run the block with the cyclic garbage collector paused, and resume it afterwards.

    Objects are still freed by reference counting meanwhile; cycles made during the block are
    collected after it. The collector is resumed only if it ran before (another thread may be inside
    such a block too: the collector is then resumed when the first block ends, which is only a return
    to normal).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()
