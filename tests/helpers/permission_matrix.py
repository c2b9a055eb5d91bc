"""The permission matrix's data and sign-in (SECURITY-TESTS.md A7), shared by tests/web/test_permissions.py (every route
× every role) and tests/web/test_every_form_refuses_alike.py (every form posted empty); its fixtures
(``matrix_template``, ``matrix_app``) are in tests/web/conftest.py."""
from __future__ import annotations

from werkzeug.security import generate_password_hash

from tests.helpers.forms import Auth
from tracker.extensions import db
from tracker.models import Role, User

ROLES = ("anonymous", "admin", "supervisor", "own_liaison", "other_liaison", "viewer", "own_leader")
ACCOUNTS = {"admin": "guanli", "supervisor": "duban", "own_liaison": "zjj", "other_liaison": "bjj",
            "viewer": "lingdao", "own_leader": "zjjfzr"}
VIEWER_PASSWORD = "市领导只读账号的登录密码"
# The unit leader (单位负责人, issue 18) of the sample task's lead unit 重庆证监局 (own_leader).
LEADER_PASSWORD = "证监局负责人账号的登录密码"

# (method, rule): statuses for (anonymous, admin, supervisor, own_liaison, other_liaison, viewer, own_leader).
# 302 for anonymous = sent to /login. One line per route and method; add yours here.
MATRIX: dict[tuple[str, str], tuple[int, int, int, int, int, int, int]] = {
    ("GET", "/static/<path:filename>"):                            (200, 200, 200, 200, 200, 200, 200),
    ("GET", "/healthz"):                                           (200, 200, 200, 200, 200, 200, 200),
    ("GET", "/login"):                                             (200, 302, 302, 302, 302, 302, 302),
    # An empty form: sent back with the reasons beside 用户名 and 密码 (422, tracker/forms.form_refusal_status).
    ("POST", "/login"):                                            (422, 302, 302, 302, 302, 302, 302),
    ("POST", "/logout"):                                           (302, 302, 302, 302, 302, 302, 302),
    ("GET", "/account/password"):                                  (302, 200, 200, 200, 200, 200, 200),
    ("POST", "/account/password"):                                 (302, 422, 422, 422, 422, 422, 422),
    ("GET", "/"):                                                  (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/plans/<int:plan_id>"):                               (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/plans/<int:plan_id>/ledger.xlsx"):                   (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/plans/<int:plan_id>/ledger.csv"):                    (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/my-tasks"):                                          (302, 404, 200, 200, 200, 404, 200),
    # The unit's own ledger from 本单位任务 (a user with a unit), as the page itself.
    ("GET", "/my-tasks/ledger.<any(xlsx, csv):fmt>"):              (302, 404, 200, 200, 200, 404, 200),
    ("GET", "/tasks/<int:task_id>"):                               (302, 200, 200, 200, 403, 200, 200),
    # The report form posted empty: let in, refused beside 进展情况 (422).
    ("POST", "/tasks/<int:task_id>"):                              (302, 422, 422, 422, 403, 403, 403),
    ("GET", "/admin/users"):                                       (302, 200, 403, 403, 403, 403, 403),
    ("GET", "/admin/users/new"):                                   (302, 200, 403, 403, 403, 403, 403),
    ("POST", "/admin/users/new"):                                  (302, 422, 403, 403, 403, 403, 403),
    ("GET", "/admin/users/<int:user_id>"):                         (302, 200, 403, 403, 403, 403, 403),
    ("POST", "/admin/users/<int:user_id>"):                        (302, 422, 403, 403, 403, 403, 403),
    ("POST", "/admin/users/<int:user_id>/active"):                 (302, 302, 403, 403, 403, 403, 403),
    # A button with no field: the empty form is the reset itself, its new password shown (200).
    ("POST", "/admin/users/<int:user_id>/password"):               (302, 200, 403, 403, 403, 403, 403),
    ("GET", "/admin/units"):                                       (302, 200, 200, 403, 403, 403, 403),
    ("POST", "/admin/units"):                                      (302, 422, 422, 403, 403, 403, 403),
    ("GET", "/admin/units/<int:unit_id>"):                         (302, 200, 200, 403, 403, 403, 403),
    # The unit page's forms posted empty: the page again, the reason beside the field (422); a button (alias
    # removal, sign-off) has no field to refuse and does what it says (302).
    ("POST", "/admin/units/<int:unit_id>/rename"):                 (302, 422, 422, 403, 403, 403, 403),
    ("POST", "/admin/units/<int:unit_id>/aliases"):                (302, 422, 422, 403, 403, 403, 403),
    ("POST", "/admin/units/<int:unit_id>/aliases/<int:alias_id>/delete"): (302, 302, 302, 403, 403, 403, 403),
    ("POST", "/admin/units/<int:unit_id>/merge"):                  (302, 422, 422, 403, 403, 403, 403),
    # 本单位报送须经领导审核签发 (issue 18): whoever keeps the unit registry.
    ("POST", "/admin/units/<int:unit_id>/signoff"):                (302, 302, 302, 403, 403, 403, 403),
    ("GET", "/livez"):                                             (200, 200, 200, 200, 200, 200, 200),
    ("POST", "/admin/units/<int:unit_id>/place"):                  (302, 422, 422, 403, 403, 403, 403),
    # Dashboard and bulletin: the supervising office, admins and leaders; a liaison's home is "/".
    ("GET", "/dashboard"):                                         (302, 200, 200, 403, 403, 200, 403),
    ("GET", "/dashboard/ledger.<any(xlsx, csv):fmt>"):             (302, 200, 200, 403, 403, 200, 403),
    ("GET", "/bulletin"):                                          (302, 200, 200, 403, 403, 200, 403),
    ("GET", "/bulletin.docx"):                                     (302, 200, 200, 403, 403, 200, 403),
    ("GET", "/bulletin.xlsx"):                                     (302, 200, 200, 403, 403, 200, 403),
    # 发布通报: the supervising office and admins (an empty form publishes nothing: the 通报 page again, the reason
    # beside its 期间, 422); the published 通报: every unit and everyone who sees every task.
    ("POST", "/bulletin/publish"):                                 (302, 422, 422, 403, 403, 403, 403),
    ("GET", "/bulletins"):                                         (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/bulletins/<int:bulletin_id>"):                       (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/bulletins/<int:bulletin_id>.docx"):                  (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/bulletins/<int:bulletin_id>.xlsx"):                  (302, 200, 200, 200, 200, 200, 200),
    # JSON API: a bearer token only; a browser session is no credential (401), the description is public.
    ("GET", "/api/v1/openapi.json"):                               (200, 200, 200, 200, 200, 200, 200),
    ("GET", "/api/v1/plans"):                                      (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/units"):                                      (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/tasks"):                                      (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/tasks/<int:task_id>"):                        (401, 401, 401, 401, 401, 401, 401),
    ("POST", "/api/v1/tasks/<int:task_id>/reports"):               (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/indicators"):                                 (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/indicators/figures"):                         (401, 401, 401, 401, 401, 401, 401),
    ("POST", "/api/v1/indicators/figures"):                        (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/indicators/ranking"):                         (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/signoffs"):                                   (401, 401, 401, 401, 401, 401, 401),
    ("POST", "/api/v1/signoffs/<kind>/<int:item_id>/<any(approve, return):decision>"): (401, 401, 401, 401, 401, 401, 401),
    ("POST", "/api/v1/tasks/<int:task_id>/subtasks"):              (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/indicators/overall"):                         (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/bulletins"):                                  (401, 401, 401, 401, 401, 401, 401),
    ("POST", "/api/v1/bulletins"):                                 (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/bulletins/<int:bulletin_id>"):                (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/bulletins/preview"):                          (401, 401, 401, 401, 401, 401, 401),
    ("GET", "/api/v1/bulletins/<int:bulletin_id>/<any(docx, xlsx):extension>"): (401, 401, 401, 401, 401, 401, 401),
    # Plan import and revision: the supervising office and admins. The sample draft is 督办's: 404 for the admin.
    ("GET", "/plans"):                                             (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/plans/import"):                                      (302, 200, 200, 403, 403, 403, 403),
    ("POST", "/plans/import"):                                     (302, 400, 400, 403, 403, 403, 403),
    ("GET", "/plans/<int:plan_id>/revise"):                        (302, 200, 200, 403, 403, 403, 403),
    ("POST", "/plans/<int:plan_id>/revise"):                       (302, 400, 400, 403, 403, 403, 403),
    ("GET", "/plans/import/<token>"):                              (302, 404, 200, 403, 403, 403, 403),
    ("POST", "/plans/import/<token>"):                             (302, 404, 302, 403, 403, 403, 403),
    ("GET", "/plans/import/<token>/changes"):                      (302, 404, 200, 403, 403, 403, 403),
    ("POST", "/plans/import/<token>/changes"):                     (302, 404, 302, 403, 403, 403, 403),
    # Ledger import: everyone but viewers, each their own uploads (the sample upload and record are 证监局's);
    # only the supervising office and admins revert.
    ("GET", "/imports/new"):                                       (302, 200, 200, 200, 200, 403, 403),
    ("POST", "/imports/new"):                                      (302, 422, 422, 422, 422, 403, 403),
    ("GET", "/imports/pending/<token>"):                           (302, 404, 404, 200, 404, 403, 403),
    ("POST", "/imports/pending/<token>/mapping"):                  (302, 404, 404, 302, 404, 403, 403),
    ("POST", "/imports/pending/<token>/confirm"):                  (302, 404, 404, 302, 404, 403, 403),
    ("POST", "/imports/pending/<token>/discard"):                  (302, 404, 404, 302, 404, 403, 403),
    ("GET", "/imports"):                                           (302, 200, 200, 200, 200, 403, 403),
    ("GET", "/imports/<int:record_id>"):                           (302, 200, 200, 200, 404, 403, 403),
    ("POST", "/imports/<int:record_id>/revert"):                   (302, 302, 302, 403, 403, 403, 403),
    # Workflow on the sample task (a report filed, an extension request waiting). Let in, form incomplete: 422 when the
    # reason is said beside a field (办结说明, 申请延期至), 400 when it names none (no choice made, no unit chosen).
    ("POST", "/tasks/<int:task_id>/acknowledge"):                  (302, 403, 403, 302, 403, 403, 403),
    ("POST", "/tasks/<int:task_id>/close-request"):                (302, 403, 403, 422, 403, 403, 403),
    ("POST", "/tasks/<int:task_id>/review"):                       (302, 400, 400, 403, 403, 403, 403),
    # 办结 by the supervising office itself: the empty form closes the open sample task (no opinion needed).
    ("POST", "/tasks/<int:task_id>/close"):                        (302, 302, 302, 403, 403, 403, 403),
    ("POST", "/tasks/<int:task_id>/extension-request"):            (302, 403, 403, 422, 403, 403, 403),
    # 审批延期 of the sample task (not split from another): the office; on a sub-task also the lead unit that split its
    # task (workflow47): SUBTASK_DECISION below.
    ("POST", "/tasks/<int:task_id>/extension-requests/<int:request_id>/decision"): (302, 400, 400, 403, 403, 403, 403),
    ("POST", "/tasks/<int:task_id>/reminders"):                    (302, 400, 400, 403, 403, 403, 403),
    # Sign-off (issue 18) of 重庆证监局's draft report on the sample task, returned without a reason: only its
    # unit leader is let in (400: the reason is missing); 保监局 has no part in the task (404).
    ("POST", "/signoffs/<any(report, close, extension):kind>/<int:item_id>/<any(approve, return):decision>"):
        (302, 403, 403, 403, 404, 403, 400),
    # 分解任务 (issue 18): the supervising office and the lead unit; no unit chosen → 400
    ("POST", "/tasks/<int:task_id>/subtasks"):                     (302, 400, 400, 400, 403, 403, 403),
    # 调整子任务完成时限 (workflow46): who may split may move the deadline it gave; no sub-task chosen → 400
    ("POST", "/tasks/<int:task_id>/subtasks/deadline"):            (302, 400, 400, 400, 403, 403, 403),
    # Editing a task (name, text, units, deadline): the supervising office and admins; an empty form is 400 (no
    # version: a stale form). Correcting one's report: an empty form is 422 (the reason beside 进展情况).
    ("GET", "/reports/<int:report_id>/edit"):                      (302, 403, 403, 200, 403, 403, 403),
    ("POST", "/reports/<int:report_id>/edit"):                     (302, 403, 403, 422, 403, 403, 403),
    ("GET", "/tasks/<int:task_id>/edit"):                          (302, 200, 200, 403, 403, 403, 403),
    ("POST", "/tasks/<int:task_id>/edit"):                         (302, 400, 400, 403, 403, 403, 403),
    ("GET", "/attachments/<int:attachment_id>"):                   (302, 200, 200, 200, 403, 200, 200),
    # Reminders (the sample is to 证监局) and reporting duties.
    ("GET", "/reminders"):                                         (302, 200, 200, 200, 200, 200, 200),
    ("POST", "/reminders/<int:reminder_id>/acknowledge"):          (302, 403, 403, 302, 403, 403, 403),
    ("GET", "/reminders/<int:reminder_id>/print"):                 (302, 200, 200, 200, 403, 200, 200),
    # 待办 of the supervising office (issue 17); everyone's notifications (only one's own may be marked read).
    ("GET", "/inbox"):                                             (302, 200, 200, 403, 403, 403, 200),
    ("GET", "/notifications"):                                     (302, 200, 200, 200, 200, 200, 200),
    ("POST", "/notifications/<int:notification_id>/read"):         (302, 404, 404, 302, 404, 404, 404),
    ("POST", "/notifications/read-all"):                           (302, 302, 302, 302, 302, 302, 302),
    ("GET", "/plans/<int:plan_id>/reporting"):                     (302, 200, 200, 403, 403, 200, 403),
    ("POST", "/plans/<int:plan_id>/units/<int:unit_id>/reminders"): (302, 302, 302, 403, 403, 403, 403),
    ("GET", "/plans/<int:plan_id>/settings"):                      (302, 200, 200, 403, 403, 403, 403),
    ("POST", "/plans/<int:plan_id>/settings"):                     (302, 422, 422, 403, 403, 403, 403),
    # Indicators (指标监测): everyone reads the list and the ranking (a liaison sees its own unit's row);
    # the supervising office and admins import tables; liaisons download the template and file their own
    # unit's figures; leaders only read. An empty POST is 422 (let in, form incomplete: the reasons beside its fields).
    ("GET", "/indicators"):                                        (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/indicators/ranking"):                                (302, 200, 200, 200, 200, 200, 200),
    ("GET", "/indicators/template.xlsx"):                          (302, 200, 200, 200, 200, 403, 403),
    ("GET", "/indicators/sample.xlsx"):                            (302, 200, 200, 403, 403, 403, 403),
    ("GET", "/indicators/import"):                                 (302, 200, 200, 403, 403, 403, 403),
    ("POST", "/indicators/import"):                                (302, 422, 422, 403, 403, 403, 403),
    ("GET", "/indicators/figures"):                                (302, 200, 200, 200, 200, 403, 403),
    # The office's form posted while the registry holds no 金融机构 (as here): no form shown, the reason and the ways
    # to add institutions said on the page (400: no field to say it beside); a liaison's own unit: 422 beside 期间.
    ("POST", "/indicators/figures"):                               (302, 400, 400, 422, 422, 403, 403),
    ("GET", "/indicators/targets"):                                (302, 200, 200, 403, 403, 403, 403),
    ("POST", "/indicators/targets"):                               (302, 422, 422, 403, 403, 403, 403),
    # An entity's trend: the sample unit (市财政局) is neither liaison's; its own liaison's 200 is in test_indicators.
    ("GET", "/indicators/entities/<int:unit_id>"):                 (302, 200, 200, 403, 403, 200, 403),
    ("POST", "/indicators/weights"):                               (302, 422, 422, 403, 403, 403, 403),
}


# Signing in hashes a password (scrypt); each role signs in through the form once, and later tests
# reuse its session cookie, valid in every copy of the database (same ids, same session versions).
MATRIX_SECRET_KEY = "permission-matrix-tests"
_signed_in_cookies: dict[str, str] = {}
_viewer_hash: list[str] = []


def add_viewer(app) -> None:
    """Add the viewer 市领导 (lingdao) and 重庆证监局's unit leader (zjjfzr) to this test's database; their
    hashes are computed once."""
    from tracker.services.accounts.units import find_unit

    with app.app_context():
        if not _viewer_hash:
            _viewer_hash.extend(generate_password_hash(p, method="scrypt") for p in (VIEWER_PASSWORD, LEADER_PASSWORD))
        db.session.add(User(username="lingdao", display_name="市领导", role=Role.VIEWER,
                            password_hash=_viewer_hash[0]))
        db.session.add(User(username="zjjfzr", display_name="证监局分管领导", role=Role.LEADER,
                            unit=find_unit("重庆证监局"), password_hash=_viewer_hash[1]))
        db.session.commit()


def sign_in_as(app, client, seeded_template, role: str) -> None:
    """Sign ``client`` in as ``role`` (the viewer must be in the database already)."""
    app.config["SECRET_KEY"] = MATRIX_SECRET_KEY
    if role == "anonymous":
        return
    if role in _signed_in_cookies:
        client.set_cookie("session", _signed_in_cookies[role])
        return
    passwords = {**seeded_template.passwords, "lingdao": VIEWER_PASSWORD, "zjjfzr": LEADER_PASSWORD}
    assert Auth(client, passwords).login(ACCOUNTS[role]).status_code == 302
    _signed_in_cookies[role] = client.get_cookie("session").value
