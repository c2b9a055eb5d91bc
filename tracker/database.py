"""Database set-up that is not a model: SQLite connection settings, upgrades."""
from __future__ import annotations

from flask import current_app
from flask_migrate import upgrade
from sqlalchemy import event
from sqlalchemy.engine import Engine


def configure_sqlite(engine: Engine) -> None:
    """Turn on foreign keys, WAL and a 5 s busy timeout on every SQLite connection.

    Other databases are left as they are. (SECURITY-TESTS.md F5.)
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - exercised by every test
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()


def upgrade_database() -> None:
    """Create or upgrade the schema to the newest migration (inside an app context)."""
    upgrade(directory=current_app.extensions["migrate"].directory)
