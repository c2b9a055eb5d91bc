"""Give a worker's memory back to the system after a large upload (issue 19: back to idle + 50 MB).

Reading a 20 MB upload (a plan, a ledger, an indicator table) builds trees of millions of small
objects; when the request ends Python frees them, but glibc's allocator keeps the freed pages in its
heap, so a gunicorn worker stayed 60–100 MB above idle after one refused 20 MB Word file
(bench/upload_memory.py). After a request whose body passed ``LARGE_REQUEST_BYTES``, this module runs a
full garbage collection and asks glibc to return its free pages (``malloc_trim(0)``, man 3
malloc_trim). Requests below the threshold pay nothing. On a system without glibc the trim is skipped
and only the collection runs.
"""
from __future__ import annotations

import ctypes
import functools
import gc

from flask import Flask, request

#: Bodies of at least this many bytes (1 MB = 2**20) are followed by a release.
LARGE_REQUEST_BYTES = 1024 * 1024


@functools.cache
def malloc_trim():
    """``malloc_trim`` of the C library the process runs on, or None where there is none (musl,
    macOS, Windows). Looked up on the first large request, not when the app starts: the process's own
    symbols (``dlopen(NULL)``), no search for the library on disk."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_memory() -> bool:
    """Collect garbage and return the allocator's free pages to the system; True when glibc
    returned some (malloc_trim's answer), False otherwise or without glibc."""
    gc.collect()
    trim = malloc_trim()
    return bool(trim(0)) if trim is not None else False


#: A serving worker's first collector threshold (``gc.set_threshold``; Python's default is 700): how many more
#: container objects may be made than freed before the youngest generation is collected. A task page makes some
#: thousands that live until its request ends, so at 700 they were scanned and moved to older generations (and
#: scanned there again) about once in every request; at this threshold a request's objects are mostly freed
#: by reference counting before a collection runs. Cyclic garbage waits for at most this many new objects.
SERVING_COLLECTION_THRESHOLD = 10_000


def prepare_serving_worker() -> int:
    """Ready the garbage collector of a long-lived server worker, once, when it is ready to serve (gunicorn.conf.py
    ``post_worker_init``), and return how many objects were frozen (``gc.get_freeze_count``).

    Everything the worker holds then — its modules, the app, the compiled templates, what the warm-up read — is
    moved out of the collector's reach (``gc.freeze``, after one full collection so that no garbage is frozen):
    otherwise the oldest generation walks those ~180,000 objects again about once in a thousand requests, some
    90 ms each. And the youngest generation is collected after SERVING_COLLECTION_THRESHOLD objects
    rather than 700. Issue 19: the work of a worker per request under write load (docs/benchmarks.md item 25).
    Frozen objects stay alive as they were (the worker's for its whole life); everything made afterwards is
    collected as before, and reference counting frees whatever is dropped at once. Not for a process that builds
    many apps (the tests): each would be kept until the process ends."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(SERVING_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])
    return gc.get_freeze_count()


def register(app: Flask) -> None:
    """Release memory at the end of every request whose body is ``LARGE_REQUEST_BYTES`` or more."""

    @app.teardown_request
    def _release_after_large_upload(_error: BaseException | None) -> None:
        if (request.content_length or 0) >= LARGE_REQUEST_BYTES:
            release_memory()
