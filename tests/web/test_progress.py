"""Liaisons report progress on their own unit's tasks; the supervising office on every task."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.reports import post_report, report_count, task_id
from tests.helpers.workflow import act, history_fields, status_of
from tracker.extensions import db
from tracker.models import ProgressReport, TaskStatus


def test_progress_lead_liaison_reports_and_sees_it_on_the_task_page(app, client, auth):
    # 重庆证监局 leads 一（三）
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    response = post_report(client, tid, progress="已完成辖区证券基金经营机构适当性管理检查 12 家。",
                           problems="部分私募机构底数不清。", next_steps="12月底前完成全面排查。")
    assert response.status_code == 302
    page = client.get(f"/tasks/{tid}").get_data(as_text=True)
    assert "已完成辖区证券基金经营机构适当性管理检查 12 家。" in page
    assert "部分私募机构底数不清。" in page
    assert "12月底前完成全面排查。" in page
    assert "重庆证监局" in page
    with app.app_context():
        report = db.session.scalar(select(ProgressReport))
        assert report.unit.name == "重庆证监局" and report.author.username == "zjj"
    assert status_of(app, tid) is TaskStatus.IN_PROGRESS  # a first report starts the task


@pytest.mark.parametrize("username, number, progress", [
    ("fgw", "（三）", "配合开展企业债券兑付风险摸底。"),  # 市发展改革委 supports 一（三）
    ("duban", "（一）", "市金融办督导推进。"),  # the supervising office reports on any task
])
def test_progress_supporting_liaison_and_the_supervising_office_may_report(app, client, auth, username, number, progress):
    tid = task_id(app, ["一", number])
    auth.login(username)
    assert post_report(client, tid, progress=progress).status_code == 302
    assert report_count(app) == 1


def test_progress_liaison_of_another_unit_gets_403_and_nothing_is_written(app, client, auth):
    # 重庆保监局 has no part in 一（三）
    tid = task_id(app, ["一", "（三）"])
    auth.login("bjj")
    assert client.get(f"/tasks/{tid}").status_code == 403
    page = client.get("/my-tasks").get_data(as_text=True)
    response = client.post(f"/tasks/{tid}", data={"progress": "越权报送", "csrf_token": csrf_token(page)})
    assert response.status_code == 403
    assert "越权报送" not in response.get_data(as_text=True)
    assert report_count(app) == 0
    assert status_of(app, tid) is TaskStatus.ASSIGNED


def test_progress_supporting_liaison_cannot_change_the_status(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("fgw")
    response = post_report(client, tid, progress="配合完成。", status="closed")
    assert response.status_code == 403
    assert report_count(app) == 0


def test_progress_lead_liaison_closes_through_the_close_request_and_the_supervisor_closes(app, client, auth):
    # 已办结 in the progress form is the supervising office's; the lead unit asks with a 办结说明 (issue 12).
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    response = post_report(client, tid, progress="排查全部完成。", status="closed")
    assert response.status_code == 403 and "申请办结" in response.text and "排查全部完成。" in response.text
    assert report_count(app) == 0
    assert act(client, tid, "close-request", close_note="排查全部完成。").status_code == 302
    assert status_of(app, tid) is TaskStatus.CLOSE_REQUESTED
    auth.logout()
    auth.login("duban")
    assert post_report(client, tid, progress="经审核，同意办结。", status="closed").status_code == 302
    assert status_of(app, tid) is TaskStatus.CLOSED
    assert [change for change in history_fields(app, tid) if change[0] == "status"] == [
        ("status", "已交办", "申请办结", "zjj"), ("status", "申请办结", "已办结", "duban")]


def test_progress_empty_report_is_refused_with_a_message(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    response = post_report(client, tid, progress="   ")
    assert response.status_code == 422
    assert "请填写“进展情况”" in response.get_data(as_text=True)
    assert report_count(app) == 0


def test_progress_a_liaison_on_a_phone_is_taken_to_the_field_to_mend(app, client, auth):
    # The message is at the top of a page several screens long; the field in error has autofocus, so the
    # browser opens the page at it (the other fields do not).
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    page = post_report(client, tid, progress="").get_data(as_text=True)
    focused = re.findall(r'<(?:textarea|input|select)[^>]*\sautofocus[^>]*>', page)
    assert len(focused) == 1 and 'id="progress"' in focused[0] and "is-invalid" in focused[0]
    assert 'autofocus' not in client.get(f"/tasks/{tid}").get_data(as_text=True)  # a page without errors: no jump


def test_progress_report_without_csrf_token_is_rejected(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    response = client.post(f"/tasks/{tid}", data={"progress": "无令牌"})
    assert response.status_code == 400
    assert report_count(app) == 0


def test_progress_script_in_a_report_is_shown_escaped(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    post_report(client, tid, progress='<script>alert(1)</script>" onmouseover=alert(1) x="')
    page = client.get(f"/tasks/{tid}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_progress_liaison_sees_only_its_units_tasks(app, client, auth):
    auth.login("zjj")  # 重庆证监局: lead on 一（一）, 一（三）; supporting on 一（五）, 四（二）
    mine = client.get("/my-tasks").get_data(as_text=True)
    for title in ("防范金融产品风险", "加强证券市场风险防范", "建立高杠杆风险监测预警机制", "完善企业资本金市场化补充机制"):
        assert title in mine
    assert "加强保险行业风险防范" not in mine
    plan = client.get("/plans/1").get_data(as_text=True)
    assert "加强证券市场风险防范" in plan
    assert "加强保险行业风险防范" not in plan  # 一（四）: 重庆保监局 only
    assert "防控金融高杠杆风险" in plan  # the heading above its tasks, for context


def test_a_liaison_corrects_a_typo_in_the_report_it_just_filed_and_the_journal_keeps_the_original(
        app, client, auth, signed_in):
    """zjj files a report with a typo (整该 for 整改), sees 修改 on it, corrects it: the report keeps its time and
    unit, the page shows the corrected text, 办理记录 keeps old → new, and the task's version moves by one."""
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    assert post_report(client, tid, progress="检查 12 家，已责令整该。", next_steps="月底前验收。").status_code == 302
    with app.app_context():
        report = db.session.scalar(select(ProgressReport))
        report_id, filed_at, version = report.id, report.created_at, report.task.version
    page = client.get(f"/tasks/{tid}").text
    assert f'href="/reports/{report_id}/edit"' in page
    form = client.get(f"/reports/{report_id}/edit").text
    assert "检查 12 家，已责令整该。" in form and "月底前验收。" in form
    response = client.post(f"/reports/{report_id}/edit", data={
        "progress": "检查 12 家，已责令整改。", "problems": "", "next_steps": "月底前验收。", "csrf_token": csrf_token(form)})
    assert response.status_code == 302 and response.headers["Location"] == f"/tasks/{tid}#reports"
    page = client.get(f"/tasks/{tid}").text
    assert "已修改进展情况，原文记入办理记录。" in page and "已责令整改。" in page
    with app.app_context():
        report = db.session.get(ProgressReport, report_id)
        assert (report.progress, report.next_steps, report.created_at) == ("检查 12 家，已责令整改。", "月底前验收。", filed_at)
        assert report.task.version == version + 1
    assert history_fields(app, tid)[-1] == ("report_edit", "进展情况：检查 12 家，已责令整该。",
                                            "进展情况：检查 12 家，已责令整改。", "zjj")
    assert report_count(app) == 1

    # Someone else (the supervising office) sees no 修改 and is refused; an older report is corrected by a new one.
    office = signed_in("duban")
    assert f"/reports/{report_id}/edit" not in office.get(f"/tasks/{tid}").text
    assert office.get(f"/reports/{report_id}/edit").status_code == 403
    assert post_report(client, tid, progress="验收完毕。").status_code == 302
    assert f'href="/reports/{report_id}/edit"' not in client.get(f"/tasks/{tid}").text
    refused = client.get(f"/reports/{report_id}/edit")
    assert refused.status_code == 302
    assert "只能修改您最近一次报送的进展" in client.get(refused.headers["Location"]).text
