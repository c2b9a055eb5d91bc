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


def start_demo(app, monkeypatch: pytest.MonkeyPatch, today) -> dict[str, str]:
    """The demo's first start on ``today`` (a date; 10:00 Beijing) in ``app``: the 重庆 plan seeded with its report
    history (services/seed.prepare_database). Returns the demo passwords by username; nobody is asked to change the
    password (what a newcomer does first is not the story of the tests that start here)."""
    from datetime import datetime

    from sqlalchemy import update

    import tracker.clock
    from tracker.extensions import db
    from tracker.models import User
    from tracker.services.seed import prepare_database

    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: today)
    monkeypatch.setattr(tracker.clock, "utcnow", lambda: datetime(today.year, today.month, today.day, 2, 0))
    result = prepare_database(app, office_deadlines=True)
    with app.app_context():
        db.session.execute(update(User).values(must_change_password=False))
        db.session.commit()
    return {username: password for username, password, _, _ in result.accounts}


def demo_client(app, passwords: dict[str, str], username: str):
    """A new test client of ``app`` signed in through the login page as the demo account ``username``, whose
    password is in ``passwords`` (username -> password, as ``start_demo`` returns them). Asserts the sign-in
    redirected (302)."""
    from tests.helpers.forms import csrf_token

    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/login", data={"username": username, "password": passwords[username],
                                           "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    return client


def demo_office(app, monkeypatch: pytest.MonkeyPatch, today):
    """The demo's first start on ``today`` (``start_demo``), then a test client signed in as the supervising office
    ``duban`` (who has chosen her password)."""
    return demo_client(app, start_demo(app, monkeypatch, today), "duban")
