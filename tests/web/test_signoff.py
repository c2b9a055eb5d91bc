"""Sign-off inside a unit (审核签发, issue 18): a unit leader approves or returns its liaisons' drafts.

Small world (tests/helpers/small_world.py): 乙局 (B) leads T3 (推进中) and T4 (甲局 A supports); its
liaison is lb. Here 乙局 turns on 本单位报送须经领导审核签发 and gets a unit leader, ldb; 甲局 gets its
leader lda (a unit without sign-off).
"""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from tests.helpers.forms import csrf_token
from tests.helpers.small_world import PASSWORD, sign_in
from tests.helpers.workflow import act, history_fields, page
from tracker import clock
from tracker.extensions import db
from tracker.models import (CloseRequest, ExtensionRequest, ExtensionState, JournalEntry, Notification,
                            ProgressReport, Role, SignoffState, Task, TaskStatus, Unit, User)
from tracker.periods import period_containing
from tracker.services.errors import InvalidInput, PermissionDenied
from tracker.services.workflow import signoff


@pytest.fixture
def leaders(empty_app, world):
    """乙局 with sign-off on and its leader ldb; 甲局's leader lda (no sign-off at 甲局)."""
    with empty_app.app_context():
        db.session.get(Unit, world.units["B"]).signoff_required = True
        for username, unit in (("ldb", "B"), ("lda", "A")):
            _add_user(username, f"{username}负责人", Role.LEADER, world.units[unit])
    return world


def _add_user(username: str, display_name: str, role: Role, unit_id: int | None = None) -> User:
    """Store an account with the password PASSWORD (inside an app context), commit, and return it."""
    user = User(username=username, display_name=display_name, role=role, unit_id=unit_id)
    user.set_password(PASSWORD)
    db.session.add(user)
    db.session.commit()
    return user


def _client(app, username):
    client = app.test_client()
    sign_in(client, username)
    return client


def _post_report(client, tid, progress, **fields):
    html = page(client, tid)
    from tests.helpers.forms import form_version

    return client.post(f"/tasks/{tid}", data={"csrf_token": csrf_token(html), "version": form_version(html),
                                              "progress": progress, **fields})


def _decide(client, kind, item_id, decision, reason="", back="inbox"):
    html = client.get("/inbox").get_data(as_text=True)
    return client.post(f"/signoffs/{kind}/{item_id}/{decision}",
                       data={"csrf_token": csrf_token(html), "signoff_reason": reason, "back": back})


def _report(app, text) -> ProgressReport:
    with app.app_context():
        report = db.session.scalar(select(ProgressReport).where(ProgressReport.progress == text))
        db.session.expunge(report)
        return report


def test_signoff_a_liaisons_report_waits_for_its_leader_and_the_supervisor_sees_it_only_once_signed(
        empty_app, leaders):
    t3 = leaders.tasks["T3"]
    lb = _client(empty_app, "lb")
    response = _post_report(lb, t3, "监测预警平台已上线试运行。")
    assert response.status_code == 302
    draft = _report(empty_app, "监测预警平台已上线试运行。")
    assert draft.signoff_state is SignoffState.DRAFT and draft.counted_at is None

    # The liaison sees the draft as 待签发; the supervising office and the supporting unit see nothing of it.
    assert "待签发" in page(lb, t3)
    sup = _client(empty_app, "sup")
    assert "监测预警平台已上线试运行" not in page(sup, t3)
    assert "监测预警平台已上线试运行" not in sup.get("/plans/%d" % leaders.plans["P1"]).get_data(as_text=True)

    # The leader's 待办 lists it; one click signs it.
    ldb = _client(empty_app, "ldb")
    inbox = ldb.get("/inbox").get_data(as_text=True)
    assert "监测预警平台已上线试运行" in inbox and "待审核签发" in inbox
    assert _decide(ldb, "report", draft.id, "approve").status_code == 302

    signed = _report(empty_app, "监测预警平台已上线试运行。")
    assert signed.signoff_state is SignoffState.SIGNED and signed.counted_at == signed.signed_at
    shown = page(sup, t3)
    assert "监测预警平台已上线试运行" in shown and "签发：ldb负责人" in shown
    fields = [(field, user) for field, _old, _new, user in history_fields(empty_app, t3)]
    assert ("draft", "lb") in fields and ("signoff", "ldb") in fields and ("report", "lb") in fields
    assert "监测预警平台已上线试运行" not in ldb.get("/inbox").get_data(as_text=True)  # nothing waits any more


def test_signoff_a_returned_report_tells_the_liaison_why_and_never_reaches_the_supervisor(empty_app, leaders):
    t3 = leaders.tasks["T3"]
    lb, ldb, sup = (_client(empty_app, name) for name in ("lb", "ldb", "sup"))
    _post_report(lb, t3, "已完成部分工作。")
    draft = _report(empty_app, "已完成部分工作。")

    refused = _decide(ldb, "report", draft.id, "return", reason="")
    assert refused.status_code == 400 and "请填写“退回理由”" in refused.get_data(as_text=True)
    assert _decide(ldb, "report", draft.id, "return", reason="请写明已完成哪些机构的排查。").status_code == 302

    returned = _report(empty_app, "已完成部分工作。")
    assert returned.signoff_state is SignoffState.RETURNED and returned.signoff_note == "请写明已完成哪些机构的排查。"
    liaison_page = page(lb, t3)
    assert "单位负责人退回理由：请写明已完成哪些机构的排查。" in liaison_page
    # The report says who returned it, and the unit's drafts list it again with the reason (the page's report rows).
    assert "（退回：ldb负责人" in liaison_page and f'id="signoff-report-{draft.id}"' in liaison_page
    with empty_app.app_context():
        told = db.session.scalars(select(Notification).where(Notification.user_id == leaders.users["lb"])).all()
        assert any("请写明已完成哪些机构的排查" in n.text and n.kind == "signoff_returned" for n in told)
    supervisor_page = page(sup, t3)
    assert "已完成部分工作" not in supervisor_page and "请写明已完成哪些机构的排查" not in supervisor_page
    # A returned draft is decided: a second decision is refused.
    again = _decide(ldb, "report", draft.id, "approve")
    assert again.status_code == 400 and "已处理（已退回）" in again.get_data(as_text=True)


def test_signoff_only_the_leader_of_the_drafts_unit_may_sign(empty_app, leaders):
    t3, t4 = leaders.tasks["T3"], leaders.tasks["T4"]
    lb = _client(empty_app, "lb")
    _post_report(lb, t3, "T3 的草稿。")
    _post_report(lb, t4, "T4 的草稿。")
    on_t3, on_t4 = _report(empty_app, "T3 的草稿。"), _report(empty_app, "T4 的草稿。")
    # The liaison itself and the supervising office may not sign (the transition table's SIGN_OFF row).
    assert _decide(lb, "report", on_t3.id, "approve").status_code == 403
    assert _decide(_client(empty_app, "sup"), "report", on_t3.id, "approve").status_code == 403
    lda = _client(empty_app, "lda")
    assert _decide(lda, "report", on_t3.id, "approve").status_code == 404  # 甲局 has no part in T3
    refused = _decide(lda, "report", on_t4.id, "approve")  # 甲局 supports T4, but the draft is 乙局's
    assert refused.status_code == 403 and "只能签发本单位的报送" in refused.get_data(as_text=True)
    assert _report(empty_app, "T4 的草稿。").signoff_state is SignoffState.DRAFT


def test_signoff_a_unit_without_the_setting_reports_straight_to_the_supervisor(empty_app, leaders):
    la = _client(empty_app, "la")
    _post_report(la, leaders.tasks["T2"], "甲局直接报送。")
    report = _report(empty_app, "甲局直接报送。")
    assert report.signoff_state is None and report.counted_at == report.created_at


def test_signoff_a_draft_report_cannot_change_the_status(empty_app, leaders):
    lb = _client(empty_app, "lb")
    with empty_app.app_context():
        db.session.get(Task, leaders.tasks["T3"]).status = TaskStatus.ACKNOWLEDGED
        db.session.commit()
    response = _post_report(lb, leaders.tasks["T3"], "想同时改状态。", status="in_progress")
    assert response.status_code == 400 and "报送时不能同时修改完成状态" in response.get_data(as_text=True)


def test_signoff_a_lead_units_first_report_starts_the_task_when_signed_not_when_drafted(empty_app, leaders):
    t3 = leaders.tasks["T3"]
    with empty_app.app_context():
        db.session.get(Task, t3).status = TaskStatus.ACKNOWLEDGED
        db.session.commit()
    _post_report(_client(empty_app, "lb"), t3, "首次报送。")
    with empty_app.app_context():
        assert db.session.get(Task, t3).status is TaskStatus.ACKNOWLEDGED
    _decide(_client(empty_app, "ldb"), "report", _report(empty_app, "首次报送。").id, "approve")
    with empty_app.app_context():
        assert db.session.get(Task, t3).status is TaskStatus.IN_PROGRESS


def test_signoff_a_close_request_goes_to_the_supervisor_only_when_signed(empty_app, leaders):
    t3 = leaders.tasks["T3"]
    lb, ldb, sup = (_client(empty_app, name) for name in ("lb", "ldb", "sup"))
    assert act(lb, t3, "close-request", close_note="监测预警体系已建成。").status_code == 302
    with empty_app.app_context():
        assert db.session.get(Task, t3).status is TaskStatus.IN_PROGRESS
        request_id = db.session.scalar(select(CloseRequest.id))
    assert "监测预警体系已建成" not in sup.get("/inbox").get_data(as_text=True)
    again = act(lb, t3, "close-request", close_note="再申请一次。")
    assert again.status_code == 400 and "等待单位负责人签发" in again.get_data(as_text=True)

    assert _decide(ldb, "close", request_id, "approve").status_code == 302
    with empty_app.app_context():
        assert db.session.get(Task, t3).status is TaskStatus.CLOSE_REQUESTED
    assert "办结申请待审核" in sup.get("/inbox").get_data(as_text=True)
    lines = history_fields(empty_app, t3)
    assert ("close_request", None, "监测预警体系已建成。", "lb") in lines
    assert any(field == "signoff" and user == "ldb" for field, _o, _n, user in lines)


def test_signoff_an_extension_request_waits_for_the_leader_before_the_supervisor_decides(empty_app, leaders):
    t3 = leaders.tasks["T3"]
    lb, ldb, sup = (_client(empty_app, name) for name in ("lb", "ldb", "sup"))
    assert act(lb, t3, "extension-request", extension_date="2027-03-31",
               extension_reason="需要等待系统验收。").status_code == 302
    with empty_app.app_context():
        request = db.session.scalar(select(ExtensionRequest))
        assert request.state is ExtensionState.DRAFT and request.signoff_state is SignoffState.DRAFT
        request_id = request.id
    assert "需要等待系统验收" not in sup.get("/inbox").get_data(as_text=True)
    assert "需要等待系统验收" not in page(sup, t3)
    assert _decide(ldb, "extension", request_id, "approve").status_code == 302
    with empty_app.app_context():
        assert db.session.get(ExtensionRequest, request_id).state is ExtensionState.PENDING
    assert "需要等待系统验收" in sup.get("/inbox").get_data(as_text=True)


def test_signoff_timeliness_counts_the_signed_time(empty_app, leaders, monkeypatch):
    """报送及时率: a report drafted in October and signed in November counts for November only."""
    from tracker.services.figures.ranking import FirstReports

    t3 = leaders.tasks["T3"]
    with empty_app.app_context():  # 乙局's own report of 11-05 on T3 aside: only the draft is left to count
        db.session.execute(ProgressReport.__table__.delete().where(ProgressReport.task_id == t3))
        db.session.commit()
    _post_report(_client(empty_app, "lb"), t3, "十月起草的报送。")
    draft = _report(empty_app, "十月起草的报送。")
    with empty_app.app_context():
        db.session.get(ProgressReport, draft.id).created_at = datetime(2026, 10, 20, 2, 0)
        db.session.commit()
    october = period_containing("monthly", date(2026, 10, 20))
    november = period_containing("monthly", date(2026, 11, 20))
    key = (t3, leaders.units["B"])
    with empty_app.app_context():
        first = FirstReports()
        assert key not in first.within(october) and key not in first.within(november)  # a draft does not count
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2026, 11, 20, 1, 0))
    _decide(_client(empty_app, "ldb"), "report", draft.id, "approve")
    with empty_app.app_context():
        first = FirstReports()
        assert first.within(november)[key] == datetime(2026, 11, 20, 1, 0)
        assert key not in first.within(october)


def test_signoff_the_leaders_inbox_badge_counts_the_drafts(empty_app, leaders):
    lb, ldb = _client(empty_app, "lb"), _client(empty_app, "ldb")
    _post_report(lb, leaders.tasks["T3"], "第一份。")
    _post_report(lb, leaders.tasks["T4"], "第二份。")
    home = ldb.get("/").get_data(as_text=True)
    assert 'id="inbox-badge">2<' in home
    assert _client(empty_app, "lda").get("/inbox").status_code == 200  # every leader has a 待办, empty or not
    assert lb.get("/inbox").status_code == 403


def test_signoff_admin_creates_a_unit_leader_bound_to_one_unit(empty_app, leaders):
    from tracker.services.accounts.users import create_account

    with empty_app.test_request_context():
        admin = _add_user("adm", "adm", Role.ADMIN)
        with pytest.raises(InvalidInput, match="单位负责人必须指定所属单位"):
            create_account(admin, "noone", Role.LEADER, None, "无单位的负责人")
        user, _password = create_account(admin, "ldc", Role.LEADER, leaders.units["C"], "丙局负责人")
        assert user.role is Role.LEADER and user.unit.name == "丙局"


def test_signoff_setting_on_the_units_admin_page_is_journalled(empty_app, leaders):
    sup = _client(empty_app, "sup")
    unit_a = leaders.units["A"]
    html = sup.get(f"/admin/units/{unit_a}").get_data(as_text=True)
    assert "本单位报送须经领导审核签发：<strong id=\"signoff-required\">未开启" in html
    response = sup.post(f"/admin/units/{unit_a}/signoff", data={"csrf_token": csrf_token(html), "value": "1"})
    assert response.status_code == 302
    with empty_app.app_context():
        assert db.session.get(Unit, unit_a).signoff_required is True
        entry = db.session.scalar(select(JournalEntry).where(JournalEntry.field == "signoff_required"))
        assert (entry.old_value, entry.new_value, entry.target_unit_id) == ("否", "是", unit_a)
    _post_report(_client(empty_app, "la"), leaders.tasks["T2"], "现在须经签发。")
    assert _report(empty_app, "现在须经签发。").signoff_state is SignoffState.DRAFT


def test_signoff_services_refuse_whoever_is_not_the_units_leader(empty_app, leaders):
    _post_report(_client(empty_app, "lb"), leaders.tasks["T3"], "服务层的草稿。")
    draft = _report(empty_app, "服务层的草稿。")
    with empty_app.test_request_context():
        lb = db.session.get(User, leaders.users["lb"])
        with pytest.raises(PermissionDenied, match="单位负责人"):
            signoff.sign("report", draft.id, lb)
        ldb = db.session.scalar(select(User).where(User.username == "ldb"))
        with pytest.raises(InvalidInput, match="退回理由"):
            signoff.return_draft("report", draft.id, ldb, "  ")
        assert signoff.sign("report", draft.id, ldb).state is SignoffState.SIGNED


@pytest.mark.parametrize("use_case", ["acknowledge", "request_close", "send_reminder", "request_extension"])
def test_workflow_use_cases_refuse_a_withdrawn_task_themselves(empty_app, world, use_case):
    """已撤销 (withdrawn by a plan revision): the use cases refuse it, not only the page that offers nothing.
    Before, 签收, 申请办结 and 催办 of one task went through when called with the task's version."""
    from tracker.clock import utcnow
    from tracker.services.workflow import acknowledge, request_close
    from tracker.services.workflow.extensions import request_extension
    from tracker.services.workflow.reminders import send_reminder

    t2 = world.tasks["T2"]
    with empty_app.test_request_context():
        task = db.session.get(Task, t2)
        task.withdrawn_at = utcnow()
        db.session.commit()
        version = task.version
        la, sup = db.session.get(User, world.users["la"]), db.session.get(User, world.users["sup"])
        calls = {
            "acknowledge": lambda: acknowledge(t2, la, version),
            "request_close": lambda: request_close(t2, la, "已完成。", version),
            "send_reminder": lambda: send_reminder(t2, world.units["A"], sup, "请报送。", None, version),
            "request_extension": lambda: request_extension(t2, la, date(2099, 1, 31), "需要时间。", version),
        }
        with pytest.raises(InvalidInput, match="已在方案修订中撤销"):
            calls[use_case]()
        db.session.rollback()
        assert db.session.get(Task, t2).version == version  # nothing written


def test_signoff_through_the_api_with_the_same_rights(empty_app, leaders):
    """The API: a liaison's report is a draft (signoff_state in REPORT), listed at /signoffs for its leader,
    who approves or returns it; others are refused as on the web pages."""
    runner = empty_app.test_cli_runner()

    def bearer(username):
        result = runner.invoke(args=["create-token", username])
        assert result.exit_code == 0, result.output
        return {"Authorization": f"Bearer {result.output.strip()}"}

    client = empty_app.test_client()
    lb, ldb, sup, lda = (bearer(name) for name in ("lb", "ldb", "sup", "lda"))
    t3 = leaders.tasks["T3"]
    created = client.post(f"/api/v1/tasks/{t3}/reports", json={"progress": "接口报送的进展。"}, headers=lb)
    assert created.status_code == 201 and created.json["signoff_state"] == "draft"
    first = created.json["id"]
    second = client.post(f"/api/v1/tasks/{t3}/reports", json={"progress": "接口报送的第二份。"}, headers=lb).json["id"]

    # Only the unit sees its drafts; the supervising office's task has none of them.
    assert {r["id"] for r in client.get(f"/api/v1/tasks/{t3}", headers=sup).json["reports"]}.isdisjoint({first, second})
    own = client.get(f"/api/v1/tasks/{t3}", headers=ldb).json
    assert {"sign_off", "return_draft"} <= set(own["actions"])
    waiting = client.get("/api/v1/signoffs", headers=ldb).json["items"]
    assert [(i["kind"], i["id"], i["author"]) for i in waiting] == [("report", first, "lb"), ("report", second, "lb")]
    assert client.get("/api/v1/signoffs", headers=sup).json["items"] == []

    assert client.post(f"/api/v1/signoffs/report/{first}/approve", headers=sup).status_code == 403
    assert client.post(f"/api/v1/signoffs/report/{first}/approve", headers=lb).status_code == 403
    assert client.post(f"/api/v1/signoffs/report/{first}/approve", headers=lda).status_code == 404
    approved = client.post(f"/api/v1/signoffs/report/{first}/approve", headers=ldb)
    assert approved.status_code == 200
    assert (approved.json["signoff_state"], approved.json["signed_by"]) == ("signed", "ldb")
    assert client.post(f"/api/v1/signoffs/report/{first}/approve", headers=ldb).status_code == 409  # decided

    no_reason = client.post(f"/api/v1/signoffs/report/{second}/return", json={"reason": " "}, headers=ldb)
    assert no_reason.status_code == 400 and "退回理由" in no_reason.json["error"]
    returned = client.post(f"/api/v1/signoffs/report/{second}/return", json={"reason": "请补充数据。"}, headers=ldb)
    assert returned.status_code == 200 and returned.json["signoff_note"] == "请补充数据。"

    shown = {r["id"]: r for r in client.get(f"/api/v1/tasks/{t3}", headers=sup).json["reports"]}
    assert first in shown and second not in shown and shown[first]["signed_by"] == "ldb"
    liaison_view = {r["id"]: r for r in client.get(f"/api/v1/tasks/{t3}", headers=lb).json["reports"]}
    assert liaison_view[second]["signoff_state"] == "returned" and liaison_view[second]["signoff_note"] == "请补充数据。"
    assert client.post("/api/v1/signoffs/nothing/1/approve", headers=ldb).status_code == 404
    document = client.get("/api/v1/openapi.json").json
    assert {"/signoffs", "/signoffs/{kind}/{item_id}/approve", "/signoffs/{kind}/{item_id}/return"} <= set(document["paths"])
    assert "signoff_state" in document["components"]["schemas"]["Report"]["properties"]


def test_signoff_the_ledger_shows_only_signed_reports_and_who_signed_them(empty_app, leaders):
    """The work ledger: a draft is not the task's progress; once signed, 签发人 (optional column) names the
    leader and the day, and the report is the row's 进展情况."""
    import csv
    import io

    from tracker.services.ledger.export import LedgerOptions, export_ledger_csv

    t3 = leaders.tasks["T3"]
    _post_report(_client(empty_app, "lb"), t3, "签发后才进台账的进展。")

    def row_of_t3():
        with empty_app.test_request_context():
            sup = db.session.get(User, leaders.users["sup"])
            content = export_ledger_csv(sup, leaders.plans["P1"],
                                        options=LedgerOptions(layout="flat", columns=("签发人",))).content
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
        header = next(i for i, r in enumerate(rows) if "签发人" in r)
        captions = rows[header]
        line = next(r for r in rows[header + 1:] if "完善监测预警" in "".join(r))
        return dict(zip(captions, line))

    before = row_of_t3()
    assert "签发后才进台账" not in before["进展情况"] and before["签发人"] == ""
    draft = _report(empty_app, "签发后才进台账的进展。")
    _decide(_client(empty_app, "ldb"), "report", draft.id, "approve")
    after = row_of_t3()
    signed = _report(empty_app, "签发后才进台账的进展。")
    from tracker.clock import to_beijing

    assert "签发后才进台账的进展" in after["进展情况"]
    assert after["签发人"] == f"ldb负责人 {to_beijing(signed.signed_at).date().isoformat()}"


def test_signoff_the_dashboards_monthly_report_count_follows_the_signed_time(empty_app, leaders, monkeypatch):
    """A report drafted in October and signed in November adds one report to November's trend, none to
    October's; a draft adds nothing anywhere."""
    from tracker.services.figures.cache import figures_cache
    from tracker.services.figures.dashboard import build_dashboard

    def reports_by_month():
        with empty_app.app_context():
            figures_cache().clear()
            sup = db.session.get(User, leaders.users["sup"])
            return {p.period.key: p.reports for p in build_dashboard(sup, date(2026, 11, 21)).trend}

    before = reports_by_month()
    _post_report(_client(empty_app, "lb"), leaders.tasks["T3"], "十月起草、十一月签发。")
    draft = _report(empty_app, "十月起草、十一月签发。")
    with empty_app.app_context():
        db.session.get(ProgressReport, draft.id).created_at = datetime(2026, 10, 20, 2, 0)
        db.session.commit()
    assert reports_by_month() == before
    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2026, 11, 20, 1, 0))
    _decide(_client(empty_app, "ldb"), "report", draft.id, "approve")
    after = reports_by_month()
    assert after["2026-11"] == before["2026-11"] + 1 and after["2026-10"] == before["2026-10"]


def test_signoff_the_admin_creates_a_unit_leader_on_the_user_pages_like_a_liaison(empty_app, leaders):
    with empty_app.app_context():
        _add_user("adm", "管理员", Role.ADMIN)
    client = _client(empty_app, "adm")
    form = client.get("/admin/users/new").get_data(as_text=True)
    assert '<option value="leader">单位负责人</option>' in form
    data = {"csrf_token": csrf_token(form), "username": "ldc", "display_name": "丙局分管领导", "role": "leader"}
    refused = client.post("/admin/users/new", data={**data, "unit_id": ""}).get_data(as_text=True)
    assert "单位负责人必须指定所属单位" in refused
    created = client.post("/admin/users/new", data={**data, "unit_id": str(leaders.units["C"])})
    assert created.status_code == 200
    with empty_app.app_context():
        user = db.session.scalar(select(User).where(User.username == "ldc"))
        assert user.role is Role.LEADER and user.unit_id == leaders.units["C"]


def test_signoff_a_liaisons_ledger_import_files_drafts_like_the_report_form(empty_app, leaders, tmp_path):
    """乙局's liaison fills in its ledger copy at night and writes 已完成: the preview says the report and the
    close request wait for the leader, the import files both as drafts (待签发) that count for nobody, starts
    nothing and leaves the 完成状态 as it was; the leader finds them in the 待办, signing the report makes it
    count and signing the close request sends the task to the supervising office (申请办结). A second
    import of the same 已完成 files no second close request while the first waits."""
    from tests.helpers.ledger import confirm, edit, preview_url, upload

    t3 = leaders.tasks["T3"]
    lb = _client(empty_app, "lb")
    copy = tmp_path / "乙局.xlsx"
    copy.write_bytes(lb.get(f"/plans/{leaders.plans['P1']}/ledger.xlsx").data)
    edited = edit(copy, tmp_path / "乙局-填报.xlsx", {"一（三）": {"进展情况": "台账填报的监测进展。", "完成状态": "已完成"}})
    url = preview_url(upload(lb, edited))
    preview = lb.get(url).get_data(as_text=True)
    assert "待签发" in preview and "单位负责人签发后报送督办部门" in preview
    assert confirm(lb, url).status_code == 302

    draft = _report(empty_app, "台账填报的监测进展。")
    assert draft.signoff_state is SignoffState.DRAFT and draft.counted_at is None
    with empty_app.app_context():
        assert db.session.get(Task, t3).status is TaskStatus.IN_PROGRESS  # 已完成 not applied
    assert "台账填报的监测进展" not in page(_client(empty_app, "sup"), t3)
    ldb = _client(empty_app, "ldb")
    assert "台账填报的监测进展" in ldb.get("/inbox").get_data(as_text=True)
    with empty_app.app_context():
        close = db.session.scalar(select(CloseRequest).where(CloseRequest.task_id == t3))
        assert (close.note, close.signoff_state, close.unit_id) == ("台账填报的监测进展。", SignoffState.DRAFT,
                                                                    leaders.units["B"])
        close_id = close.id
    fresh = tmp_path / "乙局-新下载.xlsx"
    fresh.write_bytes(lb.get(f"/plans/{leaders.plans['P1']}/ledger.xlsx").data)
    again = edit(fresh, tmp_path / "乙局-再填.xlsx", {"一（三）": {"进展情况": "台账再次填报。", "完成状态": "已完成"}})
    assert "已有一项办结申请在等待单位负责人签发" in lb.get(preview_url(upload(lb, again))).get_data(as_text=True)
    same = edit(fresh, tmp_path / "乙局-重报.xlsx", {"一（三）": {"进展情况": "台账填报的监测进展。"}})
    url = preview_url(upload(lb, same))
    assert "与本单位待签发的草稿一致，未重复提交" in lb.get(url).get_data(as_text=True)
    confirm(lb, url)
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(ProgressReport.id)).where(
            ProgressReport.progress == "台账填报的监测进展。")) == 1
    _decide(ldb, "report", draft.id, "approve")
    assert _report(empty_app, "台账填报的监测进展。").counted_at is not None
    assert "台账填报的监测进展" in page(_client(empty_app, "sup"), t3)
    assert _decide(ldb, "close", close_id, "approve").status_code == 302
    with empty_app.app_context():
        assert db.session.get(Task, t3).status is TaskStatus.CLOSE_REQUESTED


def test_signoff_the_unit_leader_is_notified_of_each_draft_its_liaison_files(empty_app, leaders, tmp_path):
    """乙局's liaison files a report, 申请办结 and 延期申请: each tells 乙局's leader (in the notifications, and by
    mail through them), never 甲局's; a ledger import of drafts tells the leader once."""
    from tests.helpers.ledger import edit, import_through_pages

    t3, t4 = leaders.tasks["T3"], leaders.tasks["T4"]
    lb = _client(empty_app, "lb")
    _post_report(lb, t3, "待签发的监测进展。")
    act(lb, t3, "close-request", close_note="监测预警体系已建成。")
    act(lb, t4, "extension-request", extension_date="2027-03-31", extension_reason="需要等待系统验收。")

    def waiting(username):
        with empty_app.app_context():
            return [n.text for n in db.session.scalars(select(Notification).join(User, User.id == Notification.user_id)
                                                        .where(User.username == username, Notification.kind == "signoff_waiting")
                                                        .order_by(Notification.id))]

    texts = waiting("ldb")
    assert len(texts) == 3 and all("lb" in t and "待您审核签发" in t for t in texts)
    assert ["进展报送" in texts[0], "办结申请" in texts[1], "延期申请" in texts[2]] == [True] * 3
    assert waiting("lda") == []
    assert "有报送待您审核签发" in _client(empty_app, "ldb").get("/notifications").get_data(as_text=True)

    copy = tmp_path / "乙局.xlsx"
    copy.write_bytes(lb.get(f"/plans/{leaders.plans['P1']}/ledger.xlsx").data)
    edited = edit(copy, tmp_path / "乙局-填报.xlsx", {"一（三）": {"进展情况": "台账一。"}, "一（四）": {"进展情况": "台账二。"}})
    assert import_through_pages(lb, edited).status_code == 302
    texts = waiting("ldb")
    assert len(texts) == 4 and "2 条进展报送" in texts[-1]


def test_signoff_merging_units_moves_waiting_close_request_drafts_to_the_surviving_unit(empty_app, leaders):
    """乙局 is merged into 甲局 while its 申请办结 waits for sign-off: the draft is 甲局's now, and 甲局's leader
    (who signs for the surviving unit) finds it in the 待办 and may sign it."""
    from tracker.services.accounts.units import merge_units

    t3 = leaders.tasks["T3"]
    act(_client(empty_app, "lb"), t3, "close-request", close_note="合并前的办结申请。")
    with empty_app.app_context():
        merge_units(db.session.get(User, leaders.users["sup"]), leaders.units["B"], leaders.units["A"])
        request = db.session.scalar(select(CloseRequest))
        assert (request.unit_id, request.signoff_state) == (leaders.units["A"], SignoffState.DRAFT)
        request_id = request.id
    lda = _client(empty_app, "lda")
    assert "合并前的办结申请" in lda.get("/inbox").get_data(as_text=True)
    assert _decide(lda, "close", request_id, "approve").status_code == 302
    with empty_app.app_context():
        assert db.session.get(Task, t3).status is TaskStatus.CLOSE_REQUESTED


def test_signoff_send_reminders_does_not_tell_a_unit_it_owes_a_report_its_leader_has_to_sign(empty_app, leaders):
    """乙局 owes December's reports on T3 and T4; its liaison files T3's as a draft: the daily digest
    (send-reminders) owes one report only, names T3's draft as waiting for the leader and reaches 乙局's
    leader; the command's output line stays as CONTRACTS §9 says."""
    from tracker.services.workflow.digests import digests_due, send_digests

    day = date(2026, 12, 20)  # December's report day (25th) is within the plan's 15 warning days

    def digest_of_b():
        with empty_app.app_context():
            return next(d.text(day) for d in digests_due(day) if d.unit.id == leaders.units["B"])

    assert "本期还有 2 项任务未报送进展" in digest_of_b()
    _post_report(_client(empty_app, "lb"), leaders.tasks["T3"], "十二月的监测进展。")
    text = digest_of_b()
    assert "本期还有 1 项任务未报送进展" in text
    assert "一（三） 完善监测预警（示范工作方案）：进展报送待单位负责人审核签发" in text
    with empty_app.app_context():
        assert any(d.unit.id == leaders.units["B"] for d in send_digests(day))
        told = set(db.session.scalars(select(User.username).join(Notification, Notification.user_id == User.id)
                                      .where(Notification.kind == "digest", Notification.text.contains("乙局"))))
    assert told == {"lb", "ldb"}
    output = empty_app.test_cli_runner().invoke(args=["send-reminders"]).output
    assert output.startswith("sent ") and "reminder digests to" in output
