"""Fixtures: a seeded app on a real SQLite database, its client and CLI runner, login helpers.

Seeding hashes 17 passwords with scrypt, so it runs once per test session into a
template database file that each test copies (every test gets its own database).
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tracker import create_app
from tracker.extensions import db
from tracker.services.seed import prepare_database

CORPUS = Path(__file__).with_name("corpus")
CHONGQING = CORPUS / "003_617224a5fd120f29.txt"
CHONGQING_GOLD = CORPUS / "003_617224a5fd120f29.expected.json"


def make_app(folder: Path, monkeypatch: pytest.MonkeyPatch):
    """Return an app whose instance folder and SQLite database live in ``folder``."""
    monkeypatch.setenv("TRACKER_INSTANCE_DIR", str(folder))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'tracker.sqlite'}"})


@dataclass
class SeededTemplate:
    """The seeded database file and the demo accounts' passwords (username -> password)."""

    database: Path
    passwords: dict[str, str]


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> SeededTemplate:
    folder = tmp_path_factory.mktemp("template")
    with pytest.MonkeyPatch.context() as monkeypatch:
        app = make_app(folder, monkeypatch)
        result = prepare_database(app)
        with app.app_context():
            db.engine.dispose()  # checkpoint the WAL so that the file alone holds everything
    return SeededTemplate(folder / "tracker.sqlite", {u: p for u, p, _, _ in result.accounts})


@pytest.fixture
def app(seeded_template, tmp_path, monkeypatch):
    """The tracker seeded with the 重庆 plan, its units, the supervisor ``duban`` and one liaison per unit."""
    shutil.copy(seeded_template.database, tmp_path / "tracker.sqlite")
    app = make_app(tmp_path, monkeypatch)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def empty_app(tmp_path, monkeypatch):
    """The tracker on a new, empty database upgraded to the newest migration (no seed)."""
    from tracker.database import upgrade_database

    app = make_app(tmp_path, monkeypatch)
    with app.app_context():
        upgrade_database()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(html: str) -> str:
    """Return the CSRF token of the first form in ``html``."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'type="hidden" name="csrf_token" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


class Auth:
    """Sign a test client in and out as one of the demo accounts, through the real login form."""

    def __init__(self, client, passwords: dict[str, str]):
        self.client = client
        self.passwords = passwords

    def login(self, username: str, password: str | None = None):
        page = self.client.get("/login").get_data(as_text=True)
        return self.client.post(
            "/login",
            data={"username": username, "password": password or self.passwords[username],
                  "csrf_token": csrf_token(page)},
        )

    def logout(self):
        page = self.client.get("/").get_data(as_text=True)
        return self.client.post("/logout", data={"csrf_token": csrf_token(page)})


@pytest.fixture
def auth(client, seeded_template) -> Auth:
    return Auth(client, seeded_template.passwords)
