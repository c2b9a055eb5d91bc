"""The permission matrix (SECURITY-TESTS.md A7): every route × every role has an expected status.

Every route of ``app.url_map`` must have a line in MATRIX; a route without one fails
``test_every_route_is_in_the_matrix`` with a message saying where to add it. Each line
gives the HTTP status for: an anonymous visitor, an admin, the supervising office, the
liaison of the unit that leads the sample task (重庆证监局), the liaison of another unit
(重庆保监局) and a viewer (领导). GET requests carry no data; POST requests carry a valid
CSRF token and the sample task's current version (every task form carries the version its page
was read at) and nothing else (an otherwise empty form), so a 200/302 means "let in", 400 "let in,
but the form is incomplete" and 403 "refused".
Every (route, role) pair runs on its own copy of the seeded database, which holds the sample objects
(made once per worker, see ``matrix_template``).
"""
from __future__ import annotations

import pytest

from tests.helpers.forms import csrf_token
from tests.helpers.permission_matrix import MATRIX, ROLES, sign_in_as
from tests.helpers.routes import sample_arguments, url_arguments
from tracker.extensions import db
from tracker.models import Task, User

MISSING_ROUTE_HELP = ("{method} {rule} is not in the permission matrix. Add a line to MATRIX in "
                      "tests/helpers/permission_matrix.py with the status each role must get "
                      "(anonymous, admin, supervisor, own_liaison, other_liaison, viewer, own_leader).")


def methods(rule) -> set[str]:
    return set(rule.methods) - {"HEAD", "OPTIONS"}


def test_every_route_is_in_the_matrix(app):
    routes = {(method, rule.rule) for rule in app.url_map.iter_rules() for method in methods(rule)}
    missing = sorted(routes - set(MATRIX))
    assert not missing, "\n".join(MISSING_ROUTE_HELP.format(method=m, rule=r) for m, r in missing)
    stale = sorted(set(MATRIX) - routes)
    assert not stale, f"MATRIX lists routes the app no longer has; remove them: {stale}"


def test_every_url_parameter_has_a_sample_value(app):
    samples = sample_arguments(app)
    for rule in app.url_map.iter_rules():
        unknown = set(rule.arguments) - set(samples)
        assert not unknown, f"{rule.rule}: add a value for {unknown} to make_samples in tests/helpers/routes.py"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method,rule", sorted(MATRIX), ids=[f"{m} {r}" for m, r in sorted(MATRIX)])
def test_permission_matrix(matrix_app, seeded_template, method, rule, role):
    app, client = matrix_app, matrix_app.test_client()
    expected = MATRIX[(method, rule)][ROLES.index(role)]
    sign_in_as(app, client, seeded_template, role)
    url_rule = next(r for r in app.url_map.iter_rules() if r.rule == rule and method in r.methods)
    samples = sample_arguments(app)
    with app.test_request_context():
        from flask import url_for

        url = url_for(url_rule.endpoint, **url_arguments(url_rule, samples))
    if method == "GET":
        response = client.get(url)
    else:
        token = csrf_token(client.get("/login" if role == "anonymous" else "/account/password").text)
        with app.app_context():  # task forms carry the version read with the page (as a fresh page would)
            version = db.session.get(Task, samples["task_id"]).version
        response = client.open(url, method=method, data={"csrf_token": token, "version": str(version)})
    assert response.status_code == expected, (
        f"{role} {method} {url}: got {response.status_code}, the matrix says {expected}")
    if role == "anonymous" and expected == 302 and rule not in ("/logout", "/login"):
        assert response.headers["Location"].startswith("/login")
    if expected == 403:
        assert "没有权限" in response.text or "只有" in response.text


# 审批延期 of a district's part (workflow47, permissions.can_decide_extension): 市金融办 split 二（一） to 渝中区金融办,
# whose request waits. An empty decision form: 400 for who may decide (no choice made), 403 for anyone else.
SUBTASK_DECISION = {"guanli": 400, "duban": 400, "jrb": 400, "yzjrb": 403, "jbjrb": 403, "gzw": 403, "zjj": 403}


@pytest.mark.parametrize("username", sorted(SUBTASK_DECISION))
def test_who_decides_a_sub_tasks_extension_request(app, client, auth, username):
    from datetime import timedelta

    from sqlalchemy import select

    from tests.helpers.reports import task_id
    from tracker import clock
    from tracker.services.plans.subtasks import split_task
    from tracker.services.workflow.extensions import request_extension

    parent, today = task_id(app, ["二", "（一）"]), clock.beijing_today()
    with app.app_context():
        user = lambda name: db.session.scalar(select(User).where(User.username == name))  # noqa: E731
        db.session.get(Task, parent).due_date = today + timedelta(days=25)
        db.session.commit()
        part = split_task(user("jrb"), parent, ["渝中区金融办"], deadline=(today + timedelta(days=9)).isoformat())[0]
        asked = request_extension(part.id, user("yzjrb"), today + timedelta(days=14), "排查需要更多时间。", part.version)
        task, request_id, version = part.id, asked.id, db.session.get(Task, part.id).version
    auth.login(username)
    token = csrf_token(client.get("/account/password").text)
    response = client.post(f"/tasks/{task}/extension-requests/{request_id}/decision",
                           data={"csrf_token": token, "version": str(version)})
    assert response.status_code == SUBTASK_DECISION[username], username
