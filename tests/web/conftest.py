"""Fixtures of the web tier shared by several modules: the small world (tests/helpers/small_world.py)
on the empty app, and the API client with tokens made by the `create-token` command."""
from __future__ import annotations

import pytest

import tracker.clock
from tests.helpers import small_world


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
