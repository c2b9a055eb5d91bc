"""Make a new server process ready before it answers its first request.

A gunicorn worker imports the app lazily (``preload_app = False``) and Jinja compiles a template the
first time it is rendered, so the first page each worker served cost 100–350 ms more than the next
ones: with 4 workers, a new user clicking through the 16-task seed plan met a cold worker on most of
the first clicks. gunicorn.conf.py calls ``warm_up`` in ``post_worker_init`` (after the app is loaded,
before the worker accepts connections), so the cost is paid while nobody waits.

Compiled templates were not all of it (issue 19, docs/benchmarks.md item 11): a page's first time in a
worker still cost 2–8 times its next (p50 33 ms against 14, p95 114 against 16 on the seed plan): SQLAlchemy
compiles each statement's SQL once per process, the dashboard's figures are computed once per process
(services/figures/cache.py), Flask-WTF and the top bar's badges build their own things on first use. So
``warm_pages`` also renders, inside the worker, the pages a person opens first — the supervising office's
home (the dashboard), the plan with the fewest tasks and its first task; a liaison's home and 本单位任务 — as
the first active account of each role that has chosen its own password, and throws the answers away.
Nothing leaves the process: no cookie is sent, no sign-in is logged, and the database is read only (a
statement that would write stops the warm-up: ``ReadOnly``).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable

from flask import Flask

log = logging.getLogger("tracker.warmup")

#: Warming starts no new page after this many seconds: a worker takes no request while it warms (on the
#: seed plan 0.2–0.8 s; on the bench data the dashboard alone takes about 1 s). gunicorn kills a worker
#: silent for ``timeout``: ``between`` (worker.notify) tells it the worker is alive.
WARM_PAGES_SECONDS = 5.0

class ReadOnly(RuntimeError):
    """A statement that would change the database was sent while pages were warmed."""


def warm_up(app: Flask, between: Callable[[], None] | None = None) -> int:
    """Compile every page template of ``app``, import the modules its pages use, compress its static
    files (static_assets.compress_all) and warm its first pages (``warm_pages``, with ``between``);
    return how many templates were compiled. Errors are logged, never raised: a worker that could not
    warm up still serves (its first pages are only slower)."""
    compiled = 0
    try:
        for name in app.jinja_env.list_templates(filter_func=lambda name: name.endswith(".html")):
            app.jinja_env.get_template(name)
            compiled += 1
        from .services.figures import bulletin, dashboard  # noqa: F401  (the supervisor's first pages)
        from .static_assets import compress_all

        compress_all(app)
    except Exception:  # pragma: no cover - a broken template shows on its page, not here
        log.exception("warm-up of a worker failed; its first pages will be slower")
    warm_pages(app, between)
    return compiled


def first_pages(app: Flask) -> list[tuple[str, list[str]]]:
    """Return [(user id as the session keeps it, [paths])]: for the first active supervisor (lowest id)
    who has chosen a password, "/", the plan with the fewest live tasks (SQL is compiled per statement,
    not per row: a small plan warms the same statements at the least cost) and its first live task; for the first such
    liaison with a unit, "/" and "/my-tasks". Empty on a database without them (a new installation:
    its first users set their passwords first)."""
    from sqlalchemy import func, select

    from .extensions import db
    from .models import Role, Task, User
    from .services.scope import task_scope

    found = []
    with app.app_context():
        try:
            for role in (Role.SUPERVISOR, Role.LIAISON):
                query = select(User).where(User.active.is_(True), User.role == role,
                                           User.must_change_password.is_(False)).order_by(User.id).limit(1)
                if role is Role.LIAISON:
                    query = query.where(User.unit_id.is_not(None))
                user = db.session.scalar(query)
                if user is None:
                    continue
                paths = ["/"]
                if role is Role.SUPERVISOR:  # the smallest plan: the statements are the same, the work least
                    live = task_scope(user).live().leaves()
                    plan_id = db.session.scalar(live.select(Task.plan_id).group_by(Task.plan_id)
                                                .order_by(func.count(), Task.plan_id).limit(1))
                    if plan_id is not None:
                        paths.append(f"/plans/{plan_id}")
                        task_id = db.session.scalar(live.in_plan(plan_id).select(Task.id).order_by(Task.id).limit(1))
                        if task_id is not None:
                            paths.append(f"/tasks/{task_id}")
                else:
                    paths.append("/my-tasks")
                found.append((user.get_id(), paths))
        finally:
            db.session.remove()
    return found


def warm_pages(app: Flask, between: Callable[[], None] | None = None) -> int:
    """Render ``first_pages(app)`` inside this process, each as its user, read only; return how many
    answered 200. ``between`` (gunicorn's ``worker.notify``) is called before each page. Asks with the
    app's first trusted host name and URL scheme, as a browser would (TRACKER_TRUSTED_HOSTS, secure
    cookies in production). Stops starting pages after ``WARM_PAGES_SECONDS``, at the first page that
    is not 200 and at a write (``ReadOnly``); each is logged, nothing is raised."""
    from sqlalchemy import event

    from .database import READ_ONLY_STATEMENT
    from .extensions import db

    began = time.monotonic()
    try:
        pages = first_pages(app)
    except Exception as error:  # a database that is down or not migrated yet: the pages will say so themselves
        # one line, no traceback: a worker started during an outage is expected, not a fault (tests/system/test_faults.py)
        log.warning("pages not warmed: the database could not be read (%s: %s)", type(error).__name__,
                    str(error).splitlines()[0][:200] if str(error) else "")
        return 0
    with app.app_context():
        engine = db.engine
    refused: list[str] = []

    def refuse_writes(conn, cursor, statement, parameters, context, executemany):
        if not READ_ONLY_STATEMENT.match(statement):
            refused.append(statement.split(None, 1)[0] if statement.strip() else "?")
            raise ReadOnly(refused[-1])

    event.listen(engine, "before_cursor_execute", refuse_writes)
    rendered: list[str] = []
    try:
        stopped = _render(app, pages, between, began, refused, rendered)
    except Exception:
        stopped = "failed"
        if not refused:
            log.exception("warm-up of the pages failed; their first visitors will wait longer")
    finally:
        event.remove(engine, "before_cursor_execute", refuse_writes)
    warmed = len(rendered)
    if refused:
        stopped = f"a page tried to write to the database ({refused[0]})"
    log.log(logging.ERROR if refused else logging.INFO, "warm-up: %d pages rendered in %.2f s%s", warmed,
            time.monotonic() - began, f"; stopped: {stopped}" if stopped else "")
    return warmed


def _render(app: Flask, pages: list[tuple[str, list[str]]], between, began: float, refused: list[str],
            rendered: list[str]) -> str:
    """Render ``pages`` (see ``warm_pages``), adding each path that answered 200 to ``rendered``; return
    why it stopped ("" when it did not)."""
    from .auth.sessions import now_seconds

    hosts = app.config.get("TRUSTED_HOSTS") or ["localhost"]
    base_url = f"{app.config.get('PREFERRED_URL_SCHEME') or 'http'}://{hosts[0].lstrip('.')}"
    for user_id, paths in pages:
        client = app.test_client()
        with client.session_transaction(base_url=base_url) as session:  # as auth.sessions.start_session
            session["_user_id"], session["_fresh"] = user_id, True
            session["signed_in_at"] = session["seen_at"] = now_seconds()
        for path in paths:
            if time.monotonic() - began > WARM_PAGES_SECONDS:
                return f"{WARM_PAGES_SECONDS:.0f} s spent (later pages warm on their first visit)"
            if between is not None:
                between()
            status = client.get(path, base_url=base_url).status_code
            if refused:
                return ""
            if status != 200:
                return f"{path} answered HTTP {status}"
            rendered.append(path)
    return ""
