"""Make a new server process ready before it answers its first request.

A gunicorn worker imports the app lazily (``preload_app = False``) and Jinja compiles a template the
first time it is rendered, so the first page each worker served cost 100–350 ms more than the next
ones: with 4 workers, a new user clicking through the 16-task seed plan met a cold worker on most of
the first clicks. gunicorn.conf.py calls ``warm_up`` in ``post_worker_init`` (after the app is loaded,
before the worker accepts connections), so the cost is paid while nobody waits.
"""
from __future__ import annotations

import logging

from flask import Flask

log = logging.getLogger("tracker.warmup")


def warm_up(app: Flask) -> int:
    """Compile every page template of ``app`` and import the modules its pages use; return how many
    templates were compiled. Errors are logged, never raised: a worker that could not warm up still
    serves (its first pages are only slower)."""
    compiled = 0
    try:
        for name in app.jinja_env.list_templates(filter_func=lambda name: name.endswith(".html")):
            app.jinja_env.get_template(name)
            compiled += 1
        from .services.figures import bulletin, dashboard  # noqa: F401  (the supervisor's first pages)
    except Exception:  # pragma: no cover - a broken template shows on its page, not here
        log.exception("warm-up of a worker failed; its first pages will be slower")
    return compiled
