"""The tracker's Flask class: the web part (pages, templates, error pages, security headers) built when
first needed, so that a command of the command line that serves no page does not build it.

``flask --app tracker <command>`` builds the whole app to find the command (Flask's command line loads
the app for every command, ``--help`` included): with the web part that is 11 blueprints, 87 routes
compiled by werkzeug, their views' modules and the Jinja set-up, about a fifth of a second, more than
a whole ``flask --app tracker --help`` may take above a bare Flask + SQLAlchemy process (issue 19). So
``create_app`` defers the web part when Flask's command line loads the app to look a command up
(``loaded_to_find_a_command``), and builds it at once everywhere else: gunicorn, ``run.py``, the tests,
``flask run``, ``flask routes`` and ``flask shell`` (which load the app inside their own command).

A deferred web part is built, once and under a lock, before anything that needs it: a request (the
server, the test client, ``test_request_context``) or a URL built outside a request. The template
filters are not part of it (Flask's command line makes the Jinja environment for every command, to set
its debug flag), so a template renders alike either way. The app's own commands need none of it.
"""
from __future__ import annotations

import gc
import sys
import threading
from typing import Any, Callable

from flask import Flask


class TrackerFlask(Flask):
    """Flask whose web part may be deferred (``defer_web``) and is then built by ``build_web`` before the
    first request or URL. A builder that raises is not marked built: the next request tries again, and
    fails (an app whose pages cannot be built serves none)."""

    _web_builder: Callable[[Flask], None] | None = None  # set by defer_web, None once built (or never deferred)

    def defer_web(self, builder: Callable[[Flask], None]) -> None:
        """Build the web part with ``builder(app)`` when first needed instead of now."""
        self._web_lock = threading.RLock()
        self._web_building = False
        self._web_builder = builder

    @property
    def web_deferred(self) -> bool:
        """True while the web part is deferred and not built yet."""
        return self._web_builder is not None

    def build_web(self) -> None:
        """Build the deferred web part now, once (other threads wait for it; a call from inside the
        builder returns at once)."""
        if self._web_builder is None:
            return
        with self._web_lock:
            if self._web_builder is None or self._web_building:
                return
            self._web_building = True
            try:
                self._web_builder(self)
                self._web_builder = None
            finally:
                self._web_building = False

    def request_context(self, environ: dict) -> Any:
        """Flask's request context (every request passes here: wsgi_app, test_client,
        test_request_context), after the web part is built."""
        self.build_web()
        return super().request_context(environ)

    def url_for(self, *args: Any, **kwargs: Any) -> str:
        """Flask's ``url_for``, after the web part is built (an app context's URL adapter reads the same
        map, so it sees the routes added then)."""
        self.build_web()
        return super().url_for(*args, **kwargs)


def loaded_to_find_a_command() -> bool:
    """Return True when Flask's command line is loading the app to look up or list the commands
    (``flask --app tracker export-ledger …``, ``flask --app tracker --help``): the current click
    context is that of Flask's command group itself. False for a command that loads the app itself
    (``flask run``, ``flask routes``, ``flask shell``), for the tests' CLI runner (its app is built
    before) and outside the command line (gunicorn, run.py, scripts)."""
    cli = sys.modules.get("flask.cli")
    if cli is None:
        return False
    import click

    context = click.get_current_context(silent=True)
    return context is not None and isinstance(context.command, cli.FlaskGroup)


#: True while the collector is paused for loading the app of a one-command process (pause_collector_while_loading).
_collector_paused = False


def pause_collector_while_loading() -> None:
    """Pause Python's cyclic garbage collector while Flask's command line loads the app to run one command
    (``loaded_to_find_a_command``): the package's imports and ``create_app``, until ``resume_collector``.

    Loading makes some 110,000–130,000 objects that live as long as the process (SQLAlchemy, the models, psycopg's
    types) and no garbage to speak of; the collector, triggered every 700 new objects, walked them again and
    again: 0.04 s of an ``export-ledger`` on SQLite and 0.09 s on PostgreSQL (two full collections), where its
    floor, a bare openpyxl process, spends 0.006 s (issue 19, docs/benchmarks.md item 33). Elsewhere (gunicorn,
    run.py, the tests, ``flask run``) it does nothing."""
    global _collector_paused
    if not _collector_paused and gc.isenabled() and loaded_to_find_a_command():
        gc.disable()
        _collector_paused = True


def resume_collector() -> None:
    """End ``pause_collector_while_loading``'s pause, if any: what loading made is moved out of the
    collector's reach for good (``gc.freeze``: it lives as long as the process; reference counting still
    frees what is dropped), and the collector runs again for what the command makes."""
    global _collector_paused
    if _collector_paused:
        _collector_paused = False
        gc.freeze()
        gc.enable()
