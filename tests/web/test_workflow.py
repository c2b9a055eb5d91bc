"""The 督办 workflow on a task page: 签收, 申请办结, 审核 (同意/退回), 延期申请; each journalled.

一（三） of the seeded plan: lead 重庆证监局 (zjj); supporting 市发展改革委 (fgw) and
人行重庆营管部 (rhygb); 重庆保监局 (bjj) has no part in it.
"""
from __future__ import annotations

from datetime import date, timedelta

from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import act, history_fields, page, snapshot, status_of
from tracker.clock import beijing_today
from tracker.extensions import db
from tracker.models import Assignment, Task, TaskStatus


def test_workflow_each_unit_signs_and_the_task_is_acknowledged_when_its_lead_unit_has(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("fgw")
    assert "签收任务" in page(client, tid)
    assert act(client, tid, "acknowledge").status_code == 302
    assert status_of(app, tid) is TaskStatus.ASSIGNED  # a supporting unit's signature alone does not move it
    auth.logout()
    auth.login("zjj")
    assert act(client, tid, "acknowledge").status_code == 302
    assert status_of(app, tid) is TaskStatus.ACKNOWLEDGED
    html = page(client, tid)
    assert "签收任务" not in html  # nothing left to sign for this unit
    with app.app_context():
        signed = {a.unit.name: a.acknowledged_by.username for a in db.session.get(Task, tid).assignments
                  if a.acknowledged_at}
    assert signed == {"市发展改革委": "fgw", "重庆证监局": "zjj"}
    assert history_fields(app, tid) == [
        ("acknowledge", None, "市发展改革委（配合单位）签收", "fgw"),
        ("acknowledge", None, "重庆证监局（牵头单位）签收", "zjj"),
        ("status", "已交办", "已签收", "zjj"),
    ]
    before = snapshot(app, tid)
    response = act(client, tid, "acknowledge")
    assert response.status_code == 400 and "本单位已签收该任务" in response.get_data(as_text=True)
    assert snapshot(app, tid) == before


def test_workflow_a_task_with_four_lead_units_is_acknowledged_when_all_four_have_signed(app, client, auth):
    tid = task_id(app, ["一", "（一）"])  # leads: 人行重庆营管部, 重庆银监局, 重庆证监局, 重庆保监局
    for number, username in enumerate(["rhygb", "yjj", "zjj", "bjj"], start=1):
        auth.login(username)
        assert act(client, tid, "acknowledge").status_code == 302
        auth.logout()
        assert status_of(app, tid) is (TaskStatus.ACKNOWLEDGED if number == 4 else TaskStatus.ASSIGNED)


def test_workflow_a_unit_without_part_in_the_task_cannot_sign_it(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    html = page(client, tid)
    auth.logout()
    auth.login("bjj")
    before = snapshot(app, tid)
    from tests.helpers.forms import csrf_token, form_version
    response = client.post(f"/tasks/{tid}/acknowledge", data={"csrf_token": csrf_token(client.get("/").get_data(as_text=True)),
                                                            "version": form_version(html)})
    assert response.status_code == 403
    assert "加强证券市场风险防范" not in response.get_data(as_text=True)
    assert snapshot(app, tid) == before


def test_workflow_close_request_review_return_and_close(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress="完成辖区排查。")
    response = act(client, tid, "close-request", close_note="  ")
    assert response.status_code == 422 and "请填写“办结说明”" in response.get_data(as_text=True)
    assert act(client, tid, "close-request", close_note="36 家机构全部检查完毕。").status_code == 302
    assert status_of(app, tid) is TaskStatus.CLOSE_REQUESTED
    assert "等待督办部门审核" in page(client, tid)
    auth.logout()

    auth.login("duban")
    html = page(client, tid)
    assert "审核办结申请" in html and "36 家机构全部检查完毕。" in html
    before = snapshot(app, tid)
    response = act(client, tid, "review", decision="return", review_reason="")
    # 422: the reason is said beside “审核意见 / 退回理由”, as every field refusal (workflow52; it was 400, said at the top only)
    assert response.status_code == 422 and "请填写“退回理由”" in response.get_data(as_text=True)
    assert snapshot(app, tid) == before
    assert act(client, tid, "review", decision="return", review_reason="缺少私募机构排查台账。").status_code == 302
    assert status_of(app, tid) is TaskStatus.IN_PROGRESS
    auth.logout()

    auth.login("zjj")
    assert "退回：缺少私募机构排查台账。" in page(client, tid)  # the lead unit reads why
    post_report(client, tid, progress="补充私募机构排查台账。")
    assert act(client, tid, "close-request", close_note="已补充台账。").status_code == 302
    auth.logout()
    auth.login("duban")
    assert act(client, tid, "review", decision="accept", review_reason="").status_code == 302
    assert status_of(app, tid) is TaskStatus.CLOSED
    statuses = [(old, new) for field, old, new, _ in history_fields(app, tid) if field == "status"]
    assert statuses == [("已交办", "推进中"), ("推进中", "申请办结"), ("申请办结", "推进中"),
                        ("推进中", "申请办结"), ("申请办结", "已办结")]


def test_workflow_supporting_liaison_cannot_use_lead_only_actions(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("fgw")
    html = page(client, tid)
    assert 'id="close-form"' not in html and "申请延期" not in html  # no form of the lead unit's
    assert "只有牵头单位的联络员可以申请办结。" in html  # told, where the form would be, who asks (workflow56)
    before = snapshot(app, tid)
    later = (beijing_today() + timedelta(days=90)).isoformat()
    assert act(client, tid, "close-request", close_note="配合单位想办结").status_code == 403
    assert act(client, tid, "extension-request", extension_date=later, extension_reason="想延期").status_code == 403
    assert act(client, tid, "review", decision="accept").status_code == 403
    # Lead-only fields posted with a report are ignored or refused (SECURITY-TESTS A4, A5).
    response = post_report(client, tid, progress="配合开展排查。", deadline="2030年底前", due_date="2030-12-31",
                           lead_units="市发展改革委", unit_id="1", role="supervisor")
    assert response.status_code == 302
    assert post_report(client, tid, progress="想改状态", status="closed").status_code == 403
    after = snapshot(app, tid)
    assert (after[1], after[2], after[3]) == (before[1], before[2], before[3]) == (TaskStatus.ASSIGNED, None, None)
    with app.app_context():
        lead = [a.unit.name for a in db.session.get(Task, tid).assignments if a.role.value == "lead"]
    assert lead == ["重庆证监局"]


def test_workflow_liaison_cannot_review_and_supervisor_cannot_review_without_a_request(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert act(client, tid, "review", decision="accept").status_code == 403
    auth.logout()
    auth.login("duban")
    response = act(client, tid, "review", decision="accept")
    assert response.status_code == 400 and "没有待审核的办结申请" in response.get_data(as_text=True)


def test_workflow_extension_accepted_changes_the_deadline_and_keeps_the_original_in_the_history(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    with app.app_context():  # give the task a written deadline, as most plans have
        task = db.session.get(Task, tid)
        task.deadline, task.due_date = "2026年底前", date(2026, 12, 31)
        db.session.commit()
    auth.login("zjj")
    response = act(client, tid, "extension-request", extension_date="2001-01-01", extension_reason="太忙")
    assert response.status_code == 422 and "必须是今天以后的日期" in response.get_data(as_text=True)
    new_date = beijing_today() + timedelta(days=200)
    assert act(client, tid, "extension-request", extension_date=new_date.isoformat(),
               extension_reason="需等待证监会新规出台。").status_code == 302
    response = act(client, tid, "extension-request", extension_date=new_date.isoformat(), extension_reason="再申请")
    assert response.status_code == 400 and "已有一项延期申请在等待审批" in response.get_data(as_text=True)
    auth.logout()

    auth.login("duban")
    html = page(client, tid)
    assert "审批延期申请" in html and "需等待证监会新规出台。" in html
    with app.app_context():
        from tracker.services.workflow.extensions import pending_extension
        request_id = pending_extension(tid).id
    response = act(client, tid, f"extension-requests/{request_id}/decision", decision="accept", decision_note="同意。")
    assert response.status_code == 302
    written = f"{new_date.year}年{new_date.month}月{new_date.day}日前"
    with app.app_context():
        task = db.session.get(Task, tid)
        assert (task.deadline, task.due_date) == (written, new_date)
    history = history_fields(app, tid)
    assert ("deadline", "2026年底前", written, "duban") in history
    assert ("due_date", "2026-12-31", new_date.isoformat(), "duban") in history
    html = page(client, tid)
    assert "原时限：2026年底前" in html and written in html


def test_workflow_extension_refused_needs_a_reason_and_leaves_the_deadline(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    act(client, tid, "extension-request", extension_date=(beijing_today() + timedelta(days=30)).isoformat(),
        extension_reason="人手不足。")
    auth.logout()
    auth.login("duban")
    with app.app_context():
        from tracker.services.workflow.extensions import pending_extension
        request_id = pending_extension(tid).id
    path = f"extension-requests/{request_id}/decision"
    response = act(client, tid, path, decision_note="人手确实不足。")
    assert response.status_code == 400 and "请选择审批结果（同意延期或不同意）" in response.get_data(as_text=True)
    response = act(client, tid, path, decision="refuse", decision_note="")
    assert response.status_code == 400 and "请填写“不同意的理由”" in response.get_data(as_text=True)
    assert act(client, tid, path, decision="refuse", decision_note="时限由市政府确定，不能延期。").status_code == 302
    with app.app_context():
        task = db.session.get(Task, tid)
        assert (task.deadline, task.due_date) == (None, None)
    assert ("extension_decision", None, "不同意延期：时限由市政府确定，不能延期。", "duban") in history_fields(app, tid)
    response = act(client, tid, path, decision="accept")
    assert response.status_code == 400 and "已处理" in response.get_data(as_text=True)


def test_workflow_history_shows_who_unit_time_what_old_new_and_channel(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    act(client, tid, "acknowledge")
    post_report(client, tid, progress="完成第一轮排查。")
    html = page(client, tid)
    history = html[html.index("办理记录"):]
    for text in ("重庆证监局联络员", "签收", "完成状态", "已交办", "已签收", "推进中", "报送进展", "完成第一轮排查。", "网页"):
        assert text in history, text
    with app.app_context():
        from tracker.clock import to_beijing
        from tracker.models import JournalEntry
        entry = db.session.scalars(db.select(JournalEntry).where(JournalEntry.task_id == tid)).first()
        moment = to_beijing(entry.created_at)
        assert f"{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}" in history  # Beijing time, as offices write it


def test_workflow_unsigned_assignments_stay_unsigned_for_other_tasks(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    act(client, tid, "acknowledge")
    with app.app_context():
        signed = db.session.scalar(db.select(db.func.count(Assignment.id)).where(Assignment.acknowledged_at.is_not(None)))
    assert signed == 1


def test_workflow_supporting_unit_reports_from_a_form_without_the_status_field(app, client, auth):
    # The 完成状态 select is shown to lead units only; a supporting unit's form posts no "status".
    tid = task_id(app, ["一", "（三）"])
    auth.login("fgw")
    html = page(client, tid)
    assert 'name="status"' not in html
    from tests.helpers.forms import csrf_token, form_version
    response = client.post(f"/tasks/{tid}", data={"csrf_token": csrf_token(html), "version": form_version(html),
                                                  "progress": "配合摸排发债企业。"})
    assert response.status_code == 302
    assert status_of(app, tid) is TaskStatus.ASSIGNED
