"""The JSON API checked by a tester nobody here wrote: Schemathesis against /api/v1/openapi.json.

Schemathesis (pinned in requirements-dev.txt) reads the OpenAPI document the app serves, generates
requests from it (examples, coverage of every limit, random fuzzing, stateful sequences through the
links) and runs all its checks on the answers: no 5xx, only documented statuses, content types and
headers, bodies matching their schemas, schema-invalid requests refused, schema-valid ones accepted,
405 with ``Allow`` for a method an address does not have, no answer without the token. It runs as
its own command (``st run``) against the seeded app served on 127.0.0.1, once with a supervisor's
token and once with a liaison's, with a fixed seed and a few examples per operation so that it is
repeatable and takes well under a minute; set TRACKER_SCHEMATHESIS_EXAMPLES (and
TRACKER_SCHEMATHESIS_SEED) for a longer or different run.

Issue 14: on the hand-written document of before, it found ``page=0`` and ``{"progress": ""}``
refused although the document allowed them (ST202) and 405 answers without ``Allow`` (ST204).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from sqlalchemy import select

from tracker.extensions import db
from tracker.models import Role, User
from tracker.services.accounts.tokens import create_token

EXAMPLES = os.environ.get("TRACKER_SCHEMATHESIS_EXAMPLES", "6")
SEED = os.environ.get("TRACKER_SCHEMATHESIS_SEED", "14")


def token_for(app, role: Role) -> str:
    """A new API token of the first active user with ``role`` in the seeded database."""
    with app.app_context():
        user = db.session.scalars(select(User).where(User.role == role, User.active.is_(True))
                                  .order_by(User.id)).first()
        assert user is not None, f"the seeded database has no active {role.value}"
        token, _ = create_token(user.username, name="schemathesis")
        return token


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.LIAISON], ids=lambda role: role.value)
def test_api_schemathesis_finds_no_failure_with_every_check(app, live_server, tmp_path, role):
    token = token_for(app, role)
    command = [sys.executable, "-m", "schemathesis.cli", "run", f"{live_server}/api/v1/openapi.json",
               "--checks", "all", "--header", f"Authorization: Bearer {token}",
               "--max-examples", EXAMPLES, "--seed", SEED, "--workers", "1", "--no-shrink",
               "--request-timeout", "20", "--wait-for-schema", "10"]
    # Its own folder: Schemathesis and Hypothesis write their caches and reports where they run.
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=150,
                            env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_HOOKS": ""})
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    # the operations: the five of CONTRACTS §6 before issue 18, POST /tasks/{task_id}/subtasks, and the
    # indicator operations (CONTRACTS §8), the three sign-off operations (issue 18) and the three of the
    # published 通报 (list, one, its file), 发布通报 (POST /bulletins) and its preview (GET /bulletins/preview)
    assert re.search(r"Operations:\s+19 selected / \d+ total", report) and re.search(r"Tested:\s+19\b", report), report
