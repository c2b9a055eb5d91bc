"""Fixtures of the web tier shared by several modules: the small world (tests/helpers/small_world.py)
on the empty app, and the API client with tokens made by the `create-token` command."""
from __future__ import annotations

import shutil

import pytest

import tracker.clock
from tests.helpers import small_world
from tests.helpers.app import make_app
from tests.helpers.permission_matrix import add_viewer
from tests.helpers.routes import sample_arguments
from tracker.extensions import db


@pytest.fixture
def world(empty_app, monkeypatch):
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: small_world.TODAY)
    return small_world.build(empty_app)


@pytest.fixture
def api(empty_app, world):
    """A client and a function returning the Authorization header of a new token for a username."""
    runner = empty_app.test_cli_runner()

    def bearer(username: str) -> dict[str, str]:
        result = runner.invoke(args=["create-token", username])
        assert result.exit_code == 0, result.output
        return {"Authorization": f"Bearer {result.output.strip()}"}

    return empty_app.test_client(), bearer


@pytest.fixture(scope="session")
def matrix_template(tmp_path_factory, databases, seeded_template):
    """The seeded database with the viewer and the sample objects of ``sample_arguments``, made once.

    Yields (instance folder, database URL, samples). Making the samples imports a plan draft, exports,
    uploads and imports a ledger, and more: once per worker instead of once per (route, role) pair.
    """
    folder = tmp_path_factory.mktemp("matrix-template")
    url = databases.create(folder, template=seeded_template.url)
    with pytest.MonkeyPatch.context() as monkeypatch:
        app = make_app(folder, monkeypatch, url)
        add_viewer(app)
        samples = sample_arguments(app)
        with app.app_context():
            db.engine.dispose()  # SQLite: checkpoint the WAL; PostgreSQL: no session may hold the template
    yield folder, url, samples
    databases.drop(url)


@pytest.fixture
def matrix_app(matrix_template, databases, tmp_path, monkeypatch):
    """A copy of the matrix template for one (route, role) pair: its database and its instance folder's
    files (the pending upload, the attachment), with the same ids, so the samples hold in every copy."""
    folder, template_url, samples = matrix_template
    shutil.copytree(folder, tmp_path, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.sqlite*"))
    url = databases.create(tmp_path, template=template_url)
    app = make_app(tmp_path, monkeypatch, url)
    app.extensions["permission_matrix_samples"] = samples
    yield app
    with app.app_context():
        db.engine.dispose()
    databases.drop(url)
