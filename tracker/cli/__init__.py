"""The command line of CONTRACTS.md (parse-plan, import-plan, export-ledger, import-ledger, create-user,
create-token, bulletin, send-reminders, import-indicators, indicator-ranking), and revert-import,
revoke-token, init-db, backup, restore, check-config.

One module per area (plans, ledger, accounts, figures, data); each command imports what it uses when
it runs, so ``flask --app tracker --help`` and a command load only their own dependencies. Shared
helpers (one-sentence failures, atomic writes, printed summaries) are in ``common``.
"""
from __future__ import annotations

import atexit
import gc

from flask import Flask


def register(app: Flask) -> None:
    """Add every command to ``app.cli`` under its CONTRACTS.md name."""
    from . import accounts, data, deploy, figures, indicators, ledger, plans, reminders

    for module in (plans, ledger, accounts, figures, indicators, data, deploy, reminders):
        for command in module.COMMANDS:
            app.cli.add_command(command)


def end_process_quickly(app: Flask) -> None:
    """When the process ends, close ``app``'s database connections and skip Python's last collections.

    For a process that runs one command (``flask --app tracker …``; create_app calls it there). At its
    end Python collects the cyclic garbage of the whole process once more, walking every object the
    app and its libraries made (SQLAlchemy, the models, openpyxl: some 100,000), about 0.2–0.5 s of a
    command's time on this machine, for memory the process gives back by ending anyway. Here, at exit
    (atexit, before that collection): the engine's pooled connections are closed as they would have
    been (SQLite checkpoints its journal, PostgreSQL sees a clean goodbye), then every object left is
    moved out of the collector's reach (``gc.freeze``). Reference counting still frees them; files and
    logs are closed and flushed by their own owners before (the commands) and after (logging's atexit).
    Not for a process that builds many apps (the tests): each would be kept until the process ends."""
    atexit.register(_leave, app)


def _leave(app: Flask) -> None:
    """At exit: dispose of ``app``'s engines, then freeze what is left (end_process_quickly)."""
    try:
        from ..extensions import db

        with app.app_context():
            for engine in db.engines.values():
                engine.dispose()
    finally:
        gc.freeze()
