"""gunicorn settings for bench/write_load.py --cpu: gunicorn.conf.py plus each worker's CPU time per request kind.

Each worker adds up the process CPU time (``time.process_time``) of the requests it answers, by method and first
path segment (``GET /dashboard``, ``GET /tasks``, ``POST /tasks``, ``GET /livez`` …), and writes them when it exits to
``$TRACKER_BENCH_CPU_DIR/<pid>.tsv`` (kind, requests, CPU seconds), with the hits and misses of the worker's kept
figures (services/figures/cache.py) and of their companions (the dashboard's bodies, dashboard/routes.dashboard_body:
a hit is a request that found the data as the worker last rendered them) as kinds ``cache <name>`` (hits, misses),
and the garbage collections made during the requests of each kind (included in their CPU time) as kinds
``gc <kind>`` (collections, CPU seconds; item 25). CPU time is the work a request costs, whatever the other
processes on the machine do meanwhile (the latencies are not: docs/benchmarks.md, item 13). Bench only.
"""
import gc
import os
import time
from pathlib import Path

exec(compile((Path(__file__).resolve().parent.parent / "gunicorn.conf.py").read_text(), "gunicorn.conf.py", "exec"))

_spent: dict[str, list] = {}
_current: dict[str, object] = {}
_collecting: dict[str, float] = {}


def _collection(phase, info):
    """gc callback: add the CPU time of each garbage collection made during a request to ``gc <kind>``."""
    if phase == "start":
        _collecting["started"] = time.process_time()
    elif "kind" in _current and "started" in _collecting:
        entry = _spent.setdefault(f"gc {_current['kind']}", [0, 0.0])
        entry[0] += 1
        entry[1] += time.process_time() - _collecting.pop("started")


gc.callbacks.append(_collection)


def pre_request(worker, req):
    _current["kind"] = f"{req.method} /{req.path.strip('/').split('/')[0]}"
    _current["started"] = time.process_time()


def post_request(worker, req, environ, resp):
    kind = _current.pop("kind", None)
    if kind is not None:
        entry = _spent.setdefault(kind, [0, 0.0])
        entry[0] += 1
        entry[1] += time.process_time() - _current.pop("started")


def worker_exit(server, worker):
    folder = os.environ.get("TRACKER_BENCH_CPU_DIR")
    if folder:
        with open(os.path.join(folder, f"{os.getpid()}.tsv"), "w", encoding="utf-8") as out:
            for kind, (count, seconds) in _spent.items():
                out.write(f"{kind}\t{count}\t{seconds:.6f}\n")
            figures = getattr(worker.wsgi, "extensions", {}).get("tracker_figures_cache")
            if figures is not None:
                for name, kept in (("figures", figures), *getattr(figures, "companions", {}).items()):
                    out.write(f"cache {name}\t{kept.hits}\t{kept.misses}\n")
