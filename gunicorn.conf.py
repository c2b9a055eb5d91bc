"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py "tracker:create_app()"`.

Each can be overridden from the environment. Behind a reverse proxy (nginx), set
TRACKER_PROXY_HOPS=1 so that the app trusts one X-Forwarded-* hop (werkzeug ProxyFix).
"""
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Several processes, not threads: SQLite in WAL mode with a busy timeout lets them write in turn. Threads
# (gthread, 2 workers × 4 threads or 4 × 2) were measured on 2026-12-03 (docs/benchmarks.md item 11): the
# dashboard under write load got slower (its figures are Python work, one thread of a process at a time).
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2 + 1)))
# An Excel import or export of a large plan may take a few seconds; 60 s leaves a wide margin.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Load the app in each worker after fork, so that no database connection is shared across processes.
preload_app = False
accesslog = "-"
errorlog = "-"


def post_worker_init(worker):
    """Compile the templates, import the pages' modules, compress the static files and render the first
    pages before the worker takes requests (tracker/warmup.py); the worker tells the master it is alive
    between pages. Then what the worker holds is frozen out of the garbage collector's reach, and its
    youngest generation is collected less often (tracker/memory.prepare_serving_worker)."""
    from tracker.memory import prepare_serving_worker
    from tracker.warmup import warm_up

    warm_up(worker.wsgi, between=worker.notify)
    prepare_serving_worker()
