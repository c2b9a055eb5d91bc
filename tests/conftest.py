"""Fixtures: a seeded app on a real database, its client and CLI runner, login helpers; the tiers' markers.

The suite runs on SQLite by default and on PostgreSQL when
``TRACKER_TEST_POSTGRES_URL`` names a server's maintenance database (see
scripts/postgres-for-tests.sh and .ci/run). Seeding hashes 17 passwords with
scrypt, so it runs once per session into a template database that each test
copies (a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL):
every test gets its own database. ``empty_app`` copies a template too, migrated once.
"""
from __future__ import annotations

import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text, update
from sqlalchemy.engine import make_url

from tests.helpers.app import POSTGRES_URL, make_app
from tests.helpers.forms import Auth
from tracker import clock
from tracker.extensions import db
from tracker.models import Plan, User
from tracker.services.seed import prepare_database

# Hypothesis checks what the code does, never how fast: a draw that took long because two test workers share a core
# is no failure (speed is measured by bench/, not by tests). The profiles set it for every test, so no test file need
# say deadline=None again; a test's own @settings still sets its number of examples.
#   "tracker" (a developer's run): fresh draws each run, failures kept in .hypothesis/ and replayed next time.
#   "ci" (CI=true, as .ci/run sets): derandomized, each test draws the same examples on every run of the same code,
#        and no example database, so a clean clone cannot fail by a draw no one saw.
# Both print the blob that replays a failure (@reproduce_failure). HYPOTHESIS_PROFILE, or pytest's
# --hypothesis-profile, chooses either by name (README, "Tests").
hypothesis_settings.register_profile("tracker", deadline=None, print_blob=True)
hypothesis_settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True, database=None)


def hypothesis_profile(environ) -> str:
    """The Hypothesis profile for a run: ``HYPOTHESIS_PROFILE`` when set, else "ci" when ``CI`` says true (any value
    but empty, 0, false, no), else "tracker", the explorative one."""
    if environ.get("HYPOTHESIS_PROFILE"):
        return environ["HYPOTHESIS_PROFILE"]
    return "ci" if environ.get("CI", "").strip().lower() not in ("", "0", "false", "no") else "tracker"


hypothesis_settings.load_profile(hypothesis_profile(os.environ))


class Databases:
    """Make and drop test databases: SQLite files in a folder, or PostgreSQL databases on one server."""

    def __init__(self, postgres_url: str | None):
        self.server = make_url(postgres_url) if postgres_url else None
        self.admin = create_engine(self.server, isolation_level="AUTOCOMMIT") if self.server else None

    @property
    def name(self) -> str:
        return "postgresql" if self.server else "sqlite"

    def create(self, folder: Path, template: str | None = None) -> str:
        """Return the URL of a new database, empty or a copy of ``template`` (a URL made here)."""
        if self.server is None:
            path = folder / f"tracker-{uuid.uuid4().hex[:8]}.sqlite"
            if template:
                shutil.copy(make_url(template).database, path)
            return f"sqlite:///{path}"
        name = f"tracker_test_{uuid.uuid4().hex[:12]}"
        clause = f" TEMPLATE {make_url(template).database}" if template else ""
        with self.admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name}{clause}"))
        return self.server.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop a database made by ``create`` (SQLite files go with their temporary folder)."""
        if self.server is not None:
            with self.admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {make_url(url).database} WITH (FORCE)"))


@pytest.fixture(scope="session")
def databases() -> Databases:
    return Databases(POSTGRES_URL)


def pytest_report_header(config):
    return f"tracker test database: {'postgresql at ' + POSTGRES_URL if POSTGRES_URL else 'sqlite'}"


@dataclass
class SeededTemplate:
    """The seeded template database's URL and the demo accounts' passwords (username -> password)."""

    url: str
    passwords: dict[str, str]


@contextmanager
def template_database(tmp_path_factory, databases, name: str, fill):
    """Make a template database in a new folder ``name``, let ``fill(app)`` fill it (its result is yielded with the
    URL), close every connection, and drop the database at the end of the session."""
    folder = tmp_path_factory.mktemp(name)
    url = databases.create(folder)
    with pytest.MonkeyPatch.context() as monkeypatch:
        app = make_app(folder, monkeypatch, url)
        result = fill(app)
        with app.app_context():
            db.engine.dispose()  # SQLite: checkpoint the WAL; PostgreSQL: no session may hold the template
    yield url, result
    databases.drop(url)


@contextmanager
def app_on_a_copy(template_url: str, databases, tmp_path, monkeypatch):
    """Yield an app on a new database copied from ``template_url``; close its connections and drop it afterwards."""
    url = databases.create(tmp_path, template=template_url)
    app = make_app(tmp_path, monkeypatch, url)
    yield app
    with app.app_context():
        db.engine.dispose()
    databases.drop(url)


def _seed(app):
    result = prepare_database(app)
    with app.app_context():
        # The demo accounts must change their generated passwords at first sign-in (tests/web/test_sessions.py
        # walks that); the other tests start as if they had done so already.
        db.session.execute(update(User).values(must_change_password=False))
        # The demo plan as imported at the start of this month (Beijing), whatever the day the suite runs: a plan owes
        # a period's report only when imported before its report day (figures/ranking.owes_report), so one imported
        # on the day of a run after the 25th would owe this month's report on some days of the month and not on
        # others; and the tests that move today back to earlier in the month still see its tasks (facts.duty_start).
        month_start = clock.beijing_today().replace(day=1)
        db.session.execute(update(Plan).values(created_at=datetime.combine(month_start, time()) - timedelta(hours=8)))
        db.session.commit()
    return {u: p for u, p, _, _ in result.accounts}


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory, databases) -> SeededTemplate:
    with template_database(tmp_path_factory, databases, "template", _seed) as (url, passwords):
        yield SeededTemplate(url, passwords)


@pytest.fixture
def app(seeded_template, databases, tmp_path, monkeypatch):
    """The tracker seeded with the 重庆 plan, its units, the supervisor ``duban`` and one liaison per unit."""
    with app_on_a_copy(seeded_template.url, databases, tmp_path, monkeypatch) as seeded:
        yield seeded


def _migrate(app):
    from tracker.database import upgrade_database

    with app.app_context():
        upgrade_database()


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory, databases) -> str:
    """The URL of an empty database upgraded to the newest migration, once per session (per xdist worker)."""
    with template_database(tmp_path_factory, databases, "empty-template", _migrate) as (url, _):
        yield url


@pytest.fixture
def empty_app(empty_template, databases, tmp_path, monkeypatch):
    """The tracker on a new, empty database upgraded to the newest migration (no seed).

    A copy of ``empty_template``: running the migrations once per session instead of once per test.
    """
    with app_on_a_copy(empty_template, databases, tmp_path, monkeypatch) as empty:
        yield empty


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def auth(client, seeded_template) -> Auth:
    return Auth(client, seeded_template.passwords)


@pytest.fixture
def signed_in(app, seeded_template):
    """Another person at the same time: ``signed_in("zjj")`` returns a new test client of ``app`` signed in as that
    demo account (``client`` and ``auth`` stay the first person's)."""
    def new_client(username: str):
        other = app.test_client()
        Auth(other, seeded_template.passwords).login(username)
        return other
    return new_client


# --- tiers ---------------------------------------------------------------------------------------------------
# Each test module lives in the folder of its tier, and the folder gives its marker (declared in pytest.ini):
# ``pytest -m unit`` runs the pure packages alone, ``-m "not system"`` everything without real processes.
TIERS = {
    "unit": "pure packages (parsing, ledger, vocabulary …): no app, no database",
    "web": "the app and its database through the Flask test client and CLI runner",
    "system": "real processes: headless chromium, gunicorn and run.py, load, faults, backup drills",
}
# Fixtures that bring the app or a database: a unit test asking for one belongs in tests/web.
APP_FIXTURES = {"app", "empty_app", "client", "runner", "auth", "signed_in", "databases", "seeded_template",
                "empty_template", "live_server"}
TESTS = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config, items):
    """Mark every test with its tier (its folder under tests/), and ``browser`` when it drives chromium.

    Raises ``pytest.UsageError`` for a test module outside the three tier folders and for a unit test
    that asks for the app or a database, saying where the module should go instead.
    """
    for item in items:
        try:
            tier = Path(item.path).resolve().relative_to(TESTS).parts[0]
        except ValueError:
            continue  # a test outside tests/ (e.g. given on the command line): no tier
        if tier not in TIERS:
            raise pytest.UsageError(
                f"{item.path}: a test module must live in tests/unit, tests/web or tests/system "
                f"({'; '.join(f'{name}: {what}' for name, what in TIERS.items())}); move it there.")
        item.add_marker(getattr(pytest.mark, tier))
        if tier == "unit" and APP_FIXTURES & set(item.fixturenames):
            raise pytest.UsageError(
                f"{item.nodeid} uses {sorted(APP_FIXTURES & set(item.fixturenames))}: unit tests run without the "
                "app and the database; move it to tests/web.")
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        elif tier == "system":  # gunicorn, run.py, load, faults, drills: one after another on one xdist worker
            item.add_marker(pytest.mark.xdist_group("processes"))


# --- a refused workbook is never opened ------------------------------------------------------------------------
@pytest.fixture
def no_openpyxl(monkeypatch):
    """Make any attempt to open a workbook with openpyxl fail the test: for files that must be refused by the
    checks in front of it (tracker/ledger/safety.py, tracker/archives.py). Both tiers use it (no app needed)."""
    import openpyxl
    import openpyxl.reader.excel

    def forbidden(*args, **kwargs):
        raise AssertionError("openpyxl.load_workbook must not run for a refused file")
    monkeypatch.setattr(openpyxl, "load_workbook", forbidden)
    monkeypatch.setattr(openpyxl.reader.excel, "load_workbook", forbidden)


# --- the drills' figures in CI's log ---------------------------------------------------------------------------
DRILL_LOG = "drill_log"  # the key of the figures' lines in a test's user_properties


@pytest.fixture
def drill_log(request):
    """Write one line of a drill's figures (load, faults, F3) to CI's log.

    The line goes into the test's ``user_properties``; ``pytest_terminal_summary`` below prints every
    such line at the end of the run. That also works under pytest-xdist, whose workers' own output
    (``capsys.disabled()``) does not reach the terminal.
    """
    def write(line: str) -> None:
        request.node.user_properties.append((DRILL_LOG, line))
    return write


def pytest_terminal_summary(terminalreporter):
    """Print the figures the drills wrote with ``drill_log``, in a section of their own."""
    lines = [value for reports in terminalreporter.stats.values() for report in reports
             if getattr(report, "when", None) == "call"
             for name, value in getattr(report, "user_properties", ()) if name == DRILL_LOG]
    if lines:
        terminalreporter.section("figures of the load and fault drills")
        for line in lines:
            terminalreporter.write_line(line)
