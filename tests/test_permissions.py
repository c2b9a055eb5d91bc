"""The permission matrix (SECURITY-TESTS.md A7): every route × every role has an expected status.

Every route of ``app.url_map`` must have a line in MATRIX; a route without one fails
``test_every_route_is_in_the_matrix`` with a message saying where to add it. Each line
gives the HTTP status for: an anonymous visitor, an admin, the supervising office, the
liaison of the unit that leads the sample task (重庆证监局), the liaison of another unit
(重庆保监局) and a viewer (领导). GET requests carry no data; POST requests carry a valid
CSRF token and the sample task's current version (every task form carries the version its page
was read at) and nothing else (an otherwise empty form), so a 200/302 means "let in", 400 "let in,
but the form is incomplete" and 403 "refused".
Every (route, role) pair runs on its own copy of the seeded database.
"""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from tests.conftest import Auth, csrf_token
from tests.test_progress import task_id
from tracker.extensions import db
from tracker.models import Role, Task, User

from tracker.services.accounts.units import find_unit
from werkzeug.security import generate_password_hash

ROLES = ("anonymous", "admin", "supervisor", "own_liaison", "other_liaison", "viewer")
ACCOUNTS = {"admin": "guanli", "supervisor": "duban", "own_liaison": "zjj", "other_liaison": "bjj",
            "viewer": "lingdao"}
VIEWER_PASSWORD = "市领导只读账号的登录密码"

# (method, rule): statuses for (anonymous, admin, supervisor, own_liaison, other_liaison, viewer).
# 302 for anonymous = sent to /login. One line per route and method; add yours here.
MATRIX: dict[tuple[str, str], tuple[int, int, int, int, int, int]] = {
    ("GET", "/static/<path:filename>"):                            (200, 200, 200, 200, 200, 200),
    ("GET", "/healthz"):                                           (200, 200, 200, 200, 200, 200),
    ("GET", "/login"):                                             (200, 302, 302, 302, 302, 302),
    ("POST", "/login"):                                            (200, 302, 302, 302, 302, 302),
    ("POST", "/logout"):                                           (302, 302, 302, 302, 302, 302),
    ("GET", "/account/password"):                                  (302, 200, 200, 200, 200, 200),
    ("POST", "/account/password"):                                 (302, 200, 200, 200, 200, 200),
    ("GET", "/"):                                                  (302, 200, 200, 200, 200, 200),
    ("GET", "/plans/<int:plan_id>"):                               (302, 200, 200, 200, 200, 200),
    ("GET", "/plans/<int:plan_id>/ledger.xlsx"):                   (302, 200, 200, 200, 200, 200),
    ("GET", "/plans/<int:plan_id>/ledger.csv"):                    (302, 200, 200, 200, 200, 200),
    ("GET", "/my-tasks"):                                          (302, 404, 200, 200, 200, 404),
    # The unit's own ledger from 本单位任务 (a user with a unit), as the page itself.
    ("GET", "/my-tasks/ledger.<any(xlsx, csv):fmt>"):              (302, 404, 200, 200, 200, 404),
    ("GET", "/tasks/<int:task_id>"):                               (302, 200, 200, 200, 403, 200),
    ("POST", "/tasks/<int:task_id>"):                              (302, 200, 200, 200, 403, 403),
    ("GET", "/admin/users"):                                       (302, 200, 403, 403, 403, 403),
    ("GET", "/admin/users/new"):                                   (302, 200, 403, 403, 403, 403),
    ("POST", "/admin/users/new"):                                  (302, 200, 403, 403, 403, 403),
    ("GET", "/admin/users/<int:user_id>"):                         (302, 200, 403, 403, 403, 403),
    ("POST", "/admin/users/<int:user_id>"):                        (302, 200, 403, 403, 403, 403),
    ("POST", "/admin/users/<int:user_id>/active"):                 (302, 302, 403, 403, 403, 403),
    ("POST", "/admin/users/<int:user_id>/password"):               (302, 200, 403, 403, 403, 403),
    ("GET", "/admin/units"):                                       (302, 200, 200, 403, 403, 403),
    ("POST", "/admin/units"):                                      (302, 200, 200, 403, 403, 403),
    ("GET", "/admin/units/<int:unit_id>"):                         (302, 200, 200, 403, 403, 403),
    ("POST", "/admin/units/<int:unit_id>/rename"):                 (302, 302, 302, 403, 403, 403),
    ("POST", "/admin/units/<int:unit_id>/aliases"):                (302, 302, 302, 403, 403, 403),
    ("POST", "/admin/units/<int:unit_id>/aliases/<int:alias_id>/delete"): (302, 302, 302, 403, 403, 403),
    ("POST", "/admin/units/<int:unit_id>/merge"):                  (302, 302, 302, 403, 403, 403),
    ("GET", "/livez"):                                             (200, 200, 200, 200, 200, 200),
    # Dashboard and bulletin: the supervising office, admins and leaders; a liaison's home is "/".
    ("GET", "/dashboard"):                                         (302, 200, 200, 403, 403, 200),
    ("GET", "/dashboard/ledger.<any(xlsx, csv):fmt>"):             (302, 200, 200, 403, 403, 200),
    ("GET", "/bulletin"):                                          (302, 200, 200, 403, 403, 200),
    ("GET", "/bulletin.docx"):                                     (302, 200, 200, 403, 403, 200),
    ("GET", "/bulletin.xlsx"):                                     (302, 200, 200, 403, 403, 200),
    # JSON API: a bearer token only; a browser session is no credential (401), the description is public.
    ("GET", "/api/v1/openapi.json"):                               (200, 200, 200, 200, 200, 200),
    ("GET", "/api/v1/plans"):                                      (401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/units"):                                      (401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/tasks"):                                      (401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/tasks/<int:task_id>"):                        (401, 401, 401, 401, 401, 401),
    ("POST", "/api/v1/tasks/<int:task_id>/reports"):               (401, 401, 401, 401, 401, 401),
    # Plan import and revision: the supervising office and admins. The sample draft is 督办's: 404 for the admin.
    ("GET", "/plans"):                                             (302, 200, 200, 200, 200, 200),
    ("GET", "/plans/import"):                                      (302, 200, 200, 403, 403, 403),
    ("POST", "/plans/import"):                                     (302, 400, 400, 403, 403, 403),
    ("GET", "/plans/<int:plan_id>/revise"):                        (302, 200, 200, 403, 403, 403),
    ("POST", "/plans/<int:plan_id>/revise"):                       (302, 400, 400, 403, 403, 403),
    ("GET", "/plans/import/<token>"):                              (302, 404, 200, 403, 403, 403),
    ("POST", "/plans/import/<token>"):                             (302, 404, 302, 403, 403, 403),
    ("GET", "/plans/import/<token>/changes"):                      (302, 404, 200, 403, 403, 403),
    ("POST", "/plans/import/<token>/changes"):                     (302, 404, 302, 403, 403, 403),
    # Ledger import: everyone but viewers, each their own uploads (the sample upload and record are 证监局's);
    # only the supervising office and admins revert.
    ("GET", "/imports/new"):                                       (302, 200, 200, 200, 200, 403),
    ("POST", "/imports/new"):                                      (302, 200, 200, 200, 200, 403),
    ("GET", "/imports/pending/<token>"):                           (302, 404, 404, 200, 404, 403),
    ("POST", "/imports/pending/<token>/mapping"):                  (302, 404, 404, 302, 404, 403),
    ("POST", "/imports/pending/<token>/confirm"):                  (302, 404, 404, 302, 404, 403),
    ("POST", "/imports/pending/<token>/discard"):                  (302, 404, 404, 302, 404, 403),
    ("GET", "/imports"):                                           (302, 200, 200, 200, 200, 403),
    ("GET", "/imports/<int:record_id>"):                           (302, 200, 200, 200, 404, 403),
    ("POST", "/imports/<int:record_id>/revert"):                   (302, 302, 302, 403, 403, 403),
    # Workflow on the sample task (a report filed, an extension request waiting). 400 = let in, form incomplete.
    ("POST", "/tasks/<int:task_id>/acknowledge"):                  (302, 403, 403, 302, 403, 403),
    ("POST", "/tasks/<int:task_id>/close-request"):                (302, 403, 403, 400, 403, 403),
    ("POST", "/tasks/<int:task_id>/review"):                       (302, 400, 400, 403, 403, 403),
    ("POST", "/tasks/<int:task_id>/extension-request"):            (302, 403, 403, 400, 403, 403),
    ("POST", "/tasks/<int:task_id>/extension-requests/<int:request_id>/decision"): (302, 400, 400, 403, 403, 403),
    ("POST", "/tasks/<int:task_id>/reminders"):                    (302, 400, 400, 403, 403, 403),
    # Editing a task (name, text, units, deadline): the supervising office and admins; an empty form is 400.
    ("GET", "/tasks/<int:task_id>/edit"):                          (302, 200, 200, 403, 403, 403),
    ("POST", "/tasks/<int:task_id>/edit"):                         (302, 400, 400, 403, 403, 403),
    ("GET", "/attachments/<int:attachment_id>"):                   (302, 200, 200, 200, 403, 200),
    # Reminders (the sample is to 证监局) and reporting duties.
    ("GET", "/reminders"):                                         (302, 200, 200, 200, 200, 200),
    ("POST", "/reminders/<int:reminder_id>/acknowledge"):          (302, 403, 403, 302, 403, 403),
    ("GET", "/reminders/<int:reminder_id>/print"):                 (302, 200, 200, 200, 403, 200),
    ("GET", "/plans/<int:plan_id>/reporting"):                     (302, 200, 200, 403, 403, 200),
    ("POST", "/plans/<int:plan_id>/units/<int:unit_id>/reminders"): (302, 302, 302, 403, 403, 403),
    ("GET", "/plans/<int:plan_id>/settings"):                      (302, 200, 200, 403, 403, 403),
    ("POST", "/plans/<int:plan_id>/settings"):                     (302, 200, 200, 403, 403, 403),
}

MISSING_ROUTE_HELP = ("{method} {rule} is not in the permission matrix. Add a line to MATRIX in "
                      "tests/test_permissions.py with the status each role must get "
                      "(anonymous, admin, supervisor, own_liaison, other_liaison, viewer).")


def sample_arguments(app) -> dict[str, object]:
    """Values for the URL parameters of the rules: the objects each line of MATRIX is about.

    task_id: 一（三）, led by 重庆证监局 (own_liaison zjj), with no part for 重庆保监局 (other_liaison bjj).
    user_id / unit_id / alias_id: the 市财政局 liaison, that unit and one of its aliases (none of the actors).
    The workflow and import objects are made once per database, through the services, by
    ``make_samples``; see its docstring for who owns which.
    """
    samples = app.extensions.get("permission_matrix_samples")
    if samples is None:
        samples = app.extensions["permission_matrix_samples"] = make_samples(app)
    return samples


def make_samples(app) -> dict[str, object]:
    """Make the objects the new routes are about, as the people who own them would, and return the ids.

    - token: a plan import draft of 督办 (duban) revising plan 1 (its own text again), so both
      /plans/import/<token> and .../changes have something to show; everyone else's is a 404.
    - record_id: a ledger import by 重庆证监局 (zjj) filling in 一（三）'s progress.
    - reminder_id: a reminder of 督办 to 重庆证监局 about 一（三）.
    - request_id: 重庆证监局's waiting extension request for 一（三）.
    - attachment_id: a PDF attached by 重庆证监局 to a report on 一（三）.
    - upload_token: a ledger 重庆证监局 (zjj) uploaded and has not confirmed yet; it stands for
      ``<token>`` in the /imports/pending/ rules (see ``url_arguments``). Only its uploader sees it.
    """
    from pathlib import Path

    from tests.ledger_helpers import edit
    from tracker.models import Plan
    from tracker.parsing import read_plan_file
    from tracker.services.workflow import reminders
    from tracker.services.workflow.extensions import request_extension
    from tracker.services.plans.drafts import start_import
    from tracker.services.ledger.export import export_ledger
    from tracker.services.ledger.uploads import store_upload
    from tracker.services.ledger.importing import apply_import, ledger_limits, load_ledger
    from tracker.services.workflow.progress import add_report
    from tracker.services.attachments import Upload
    from tracker.tasks.routes import attachment_folder

    tid = task_id(app, ["一", "（三）"])
    root = Path(__file__).resolve().parent.parent
    with app.test_request_context():
        def user(name: str) -> User:
            return db.session.scalar(select(User).where(User.username == name))

        duban, zjj = user("duban"), user("zjj")
        unit = find_unit("市财政局")
        samples = {"task_id": tid, "plan_id": 1, "unit_id": unit.id, "alias_id": unit.aliases[0].id,
                   "user_id": user("czj").id, "filename": "css/tracker.css", "fmt": "xlsx"}

        plan = db.session.get(Plan, 1)
        draft = read_plan_file(root / "seed_data" / "chongqing_plan.txt")
        samples["token"] = start_import(duban, draft, "chongqing_plan.txt", plan).token

        folder = Path(app.instance_path) / "matrix-samples"
        folder.mkdir(exist_ok=True)
        exported = folder / "证监局.xlsx"
        exported.write_bytes(export_ledger(zjj, 1, supervising_office=app.config["SUPERVISING_OFFICE"]).content)
        samples["upload_token"] = store_upload(app.instance_path, exported.read_bytes(), exported.name, zjj.id,
                                               None).token
        filled = edit(exported, folder / "证监局-填报.xlsx", {"一（三）": {"进展情况": "台账导入的进展。"}})
        loaded = load_ledger(filled, filled.name, limits=ledger_limits(app.config))
        samples["record_id"] = apply_import(loaded, zjj, None, app.config["SUPERVISING_OFFICE"]).record.id

        def version() -> int:
            db.session.expire_all()
            return db.session.get(Task, tid).version

        samples["reminder_id"] = reminders.send_reminder(tid, zjj.unit_id, duban, "请报送进展。", None, version()).id
        samples["request_id"] = request_extension(tid, zjj, date(2099, 12, 31), "需要更多时间。", version()).id
        report = add_report(db.session.get(Task, tid), zjj, "附佐证材料的进展。", read_version=version(),
                            uploads=[Upload("检查记录.pdf", b"%PDF-1.4\n%matrix\n")],
                            attachment_folder=attachment_folder())
        samples["attachment_id"] = report.attachments[0].id
        db.session.remove()
    return samples


# Rules whose parameter names the same thing differently: ``<token>`` of a pending ledger upload.
SAMPLE_ALIASES = {"/imports/pending/": {"token": "upload_token"}}
# Query arguments sent with a rule's sample URL: a filtered list exported with options.
SAMPLE_QUERIES = {
    "/dashboard/ledger.": {"status": "in_progress", "light": "red", "q": "风险", "layout": "flat", "columns": "备注"},
    "/my-tasks/ledger.": {"layout": "flat", "columns": "责任人"},
}


def url_arguments(rule, samples: dict[str, object]) -> dict[str, object]:
    """The sample value of each URL parameter of ``rule`` (a werkzeug Rule), plus its sample query."""
    aliases = next((names for prefix, names in SAMPLE_ALIASES.items() if rule.rule.startswith(prefix)), {})
    query = next((args for prefix, args in SAMPLE_QUERIES.items() if rule.rule.startswith(prefix)), {})
    return {**query, **{name: samples[aliases.get(name, name)] for name in rule.arguments}}


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
        assert not unknown, f"{rule.rule}: add a value for {unknown} to sample_arguments in tests/test_permissions.py"


# Signing in hashes a password (scrypt); each role signs in through the form once, and later tests
# reuse its session cookie, valid in every copy of the database (same ids, same session versions).
MATRIX_SECRET_KEY = "permission-matrix-tests"
_signed_in_cookies: dict[str, str] = {}
_viewer_hash: list[str] = []


def add_viewer(app) -> None:
    """Add the viewer 市领导 (lingdao) to this test's database; its hash is computed once."""
    with app.app_context():
        if not _viewer_hash:
            _viewer_hash.append(generate_password_hash(VIEWER_PASSWORD, method="scrypt"))
        db.session.add(User(username="lingdao", display_name="市领导", role=Role.VIEWER,
                            password_hash=_viewer_hash[0]))
        db.session.commit()


def sign_in_as(app, client, seeded_template, role: str) -> None:
    app.config["SECRET_KEY"] = MATRIX_SECRET_KEY
    add_viewer(app)
    if role == "anonymous":
        return
    if role in _signed_in_cookies:
        client.set_cookie("session", _signed_in_cookies[role])
        return
    passwords = {**seeded_template.passwords, "lingdao": VIEWER_PASSWORD}
    assert Auth(client, passwords).login(ACCOUNTS[role]).status_code == 302
    _signed_in_cookies[role] = client.get_cookie("session").value


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method,rule", sorted(MATRIX), ids=[f"{m} {r}" for m, r in sorted(MATRIX)])
def test_permission_matrix(app, client, seeded_template, method, rule, role):
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
