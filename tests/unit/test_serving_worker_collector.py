"""A gunicorn worker, once warmed up, keeps what it started with out of the garbage collector's reach and
collects young objects less often (tracker/memory.prepare_serving_worker, issue 19) — and garbage made while it
serves is still collected."""
from __future__ import annotations

import gc
import weakref

import pytest

from tracker.memory import SERVING_COLLECTION_THRESHOLD, prepare_serving_worker


class Node:
    """An object that can sit in a reference cycle (only the cycle collector frees it)."""

    def __init__(self):
        self.other = None


@pytest.fixture
def collector_restored():
    """The test process's collector as it was: nothing left frozen, the default thresholds back."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def cycle() -> weakref.ref:
    """Make two objects that refer to each other, drop them, and return a weak reference to one of them."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_a_worker_ready_to_serve_freezes_what_it_holds_and_collects_young_objects_less_often(collector_restored):
    started_with = Node()

    frozen = prepare_serving_worker()

    assert frozen == gc.get_freeze_count() > 0
    assert not any(obj is started_with for obj in gc.get_objects())  # no generation walks it any more
    assert gc.get_threshold()[0] == SERVING_COLLECTION_THRESHOLD > 700


def test_garbage_made_before_the_freeze_is_not_frozen_and_garbage_made_after_is_still_collected(collector_restored):
    before = cycle()  # garbage when the worker becomes ready: collected first, never kept for the worker's life

    prepare_serving_worker()

    assert before() is None
    after = cycle()  # a cycle a request leaves behind
    assert after() is not None
    gc.collect()
    assert after() is None
