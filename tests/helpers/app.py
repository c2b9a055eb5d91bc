"""Make a tracker app for a test: its instance folder, its database, no settings from the environment."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tracker import create_app

# The maintenance database of a PostgreSQL server to run the suite on (scripts/postgres-for-tests.sh);
# unset: SQLite.
POSTGRES_URL = os.environ.get("TRACKER_TEST_POSTGRES_URL")


def make_app(folder: Path, monkeypatch: pytest.MonkeyPatch, database_url: str | None = None):
    """Return an app whose instance folder is ``folder``, on ``database_url`` (default: SQLite there)."""
    monkeypatch.setenv("TRACKER_INSTANCE_DIR", str(folder))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    url = database_url or f"sqlite:///{folder / 'tracker.sqlite'}"
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url})
