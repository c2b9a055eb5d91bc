"""The command line of CONTRACTS.md (parse-plan, import-plan, export-ledger, import-ledger, create-user,
create-token, bulletin, send-reminders, import-indicators, indicator-ranking), and revert-import,
revoke-token, init-db, backup, restore, check-config.

One module per area (plans, ledger, accounts, figures, data); each command imports what it uses when
it runs, so ``flask --app tracker --help`` and a command load only their own dependencies. Shared
helpers (one-sentence failures, atomic writes, printed summaries) are in ``common``.
"""
from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    """Add every command to ``app.cli`` under its CONTRACTS.md name."""
    from . import accounts, data, deploy, figures, indicators, ledger, plans, reminders

    for module in (plans, ledger, accounts, figures, indicators, data, deploy, reminders):
        for command in module.COMMANDS:
            app.cli.add_command(command)
