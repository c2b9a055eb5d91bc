"""Quantified tasks (量化任务, issue 16): the supervising office gives a task a 目标值 with its 计量单位, the
lead unit reports a 完成值 with its progress, the task page and the dashboard show the 完成率 against the
序时进度 with the light of the indicators' rule, and the ledger's optional columns carry 目标值/完成值/完成率."""
from __future__ import annotations

from datetime import date
from io import BytesIO

import openpyxl
import pytest

import tracker.clock
from tests.helpers.forms import csrf_token, form_version
from tests.helpers.reports import post_report, task_id
from tests.helpers.workflow import history_fields
from tracker.extensions import db
from tracker.models import ProgressReport, Task

from sqlalchemy import select

SUMMER = date(2026, 7, 15)  # six months of 2026 over: 序时进度 50 % for a task due at the year's end


@pytest.fixture
def summer(app, monkeypatch):
    """Today is SUMMER, and the seeded plan was imported at the year's start (a period's figures count only the tasks
    given by then: services/figures/facts.duty_start)."""
    from datetime import datetime

    from tracker.models import Plan

    with app.app_context():
        for plan in db.session.scalars(select(Plan)):
            plan.created_at = datetime(2026, 1, 1)
        db.session.commit()
    monkeypatch.setattr(tracker.clock, "beijing_today", lambda: SUMMER)


def set_target(app, client, tid: int, value: str, unit: str, due: str = "2026-12-31"):
    page = client.get(f"/tasks/{tid}/edit").text
    with app.app_context():
        task = db.session.get(Task, tid)
        fields = {"title": task.title or "", "text": task.text, "deadline": task.deadline or "", "due_date": due,
                  "lead_units": [str(u.id) for u in task.lead_units],
                  "supporting_units": [str(u.id) for u in task.supporting_units]}
    return client.post(f"/tasks/{tid}/edit", data={"csrf_token": csrf_token(page), "version": form_version(page),
                                                   **fields, "target_value": value, "target_unit": unit})


def test_quantified_task_target_report_and_the_schedule_light_on_the_task_page_and_dashboard(
        app, client, auth, summer):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    assert set_target(app, client, tid, "１２", "%（较年初增长）").status_code == 302  # full-width digits read
    assert ("target", None, "12%（较年初增长）", "duban") in history_fields(app, tid)
    auth.logout()
    auth.login("zjj")  # a liaison of the lead unit
    page = client.get(f"/tasks/{tid}").text
    assert "完成值（截至目前" in page and "目标值：12%（较年初增长）" in page
    bad = post_report(client, tid, progress="已排查 30 家机构。", achieved_value="四")
    assert bad.status_code == 422 and "“完成值”应为数字" in bad.text
    assert post_report(client, tid, progress="已排查 30 家机构。", achieved_value="4").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(ProgressReport.achieved_value).where(ProgressReport.task_id == tid)) == 4.0
    page = client.get(f"/tasks/{tid}").text
    # 4 of 12 → 完成率 33.33 %; on 15 July six of twelve months are over → 序时进度 50 %: 16.67 points behind: red.
    assert "完成率 33.33%" in page and "序时进度 50.00%" in page and "light-red" in page.split('id="task-target"')[1][:2000]
    auth.logout()
    auth.login("duban")
    board = client.get("/dashboard").text
    section = board.split('id="quantified"')[1].split("</section>")[0]
    assert "light-red" in section and "33.33%" in section and "50.00%" in section and "4%（较年初增长）" in section
    assert "与指标同一规则" in section


def test_quantified_task_a_report_of_a_number_on_a_task_without_target_is_refused(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("zjj")
    refused = post_report(client, tid, progress="已排查。", achieved_value="5")
    assert refused.status_code in (400, 409) and "该任务没有设定目标值" in refused.text
    with app.app_context():
        assert not db.session.scalar(select(ProgressReport.id).where(ProgressReport.progress == "已排查。"))


def test_quantified_task_a_unit_without_a_target_value_is_refused_on_the_edit_form(app, client, auth):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    response = set_target(app, client, tid, "", "亿元")
    assert response.status_code == 400 and "填写了计量单位但没有目标值" in response.text
    with app.app_context():
        assert db.session.get(Task, tid).target_unit is None


def test_quantified_task_ledger_optional_columns_give_target_achieved_and_rate(app, client, auth, summer):
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    set_target(app, client, tid, "3", "亿元")
    auth.logout()
    auth.login("zjj")
    post_report(client, tid, progress="已投放 1.2 亿元。", achieved_value="1.2")
    post_report(client, tid, progress="补充说明，完成值未变。")  # a later report without a number keeps 1.2
    auth.logout()
    auth.login("duban")
    response = client.get("/plans/1/ledger.xlsx?layout=flat&columns=目标值,完成值,完成率")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(BytesIO(response.data)).worksheets[0]
    header_row = next(r for r in range(1, 8) if sheet.cell(row=r, column=1).value == "序号")
    captions = [c.value for c in sheet[header_row]]
    assert captions[-5:-2] == ["目标值", "完成值", "完成率"]
    with app.app_context():
        key = db.session.get(Task, tid).key
    key_column = captions.index("任务键") + 1
    row = next(r for r in range(header_row + 1, sheet.max_row + 1) if sheet.cell(row=r, column=key_column).value == key)
    values = [sheet.cell(row=row, column=captions.index(c) + 1).value for c in ("目标值", "完成值", "完成率")]
    assert values == ["3亿元", "1.2亿元", "40.0%"]  # 1.2 ÷ 3
    assert client.get("/plans/1/ledger.xlsx?columns=目标").status_code == 400
